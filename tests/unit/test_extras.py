"""app.extras hides a module only for the length of the block and puts back what was there."""

from __future__ import annotations

import sys
import types

import pytest

from app.extras import hidden


def test_a_hidden_module_cannot_be_imported_inside_the_block() -> None:
    with hidden("cm_probe_never_installed", "json"), pytest.raises(ImportError):
        __import__("json")


def test_an_imported_module_is_put_back_and_an_absent_one_stays_absent() -> None:
    loaded = sys.modules["json"]
    sys.modules.pop("cm_probe_absent", None)
    with hidden("json", "cm_probe_absent"):
        assert sys.modules["json"] is None
    assert sys.modules["json"] is loaded
    assert "cm_probe_absent" not in sys.modules


def test_the_state_is_put_back_when_the_import_inside_fails() -> None:
    stand_in = types.ModuleType("cm_probe_stand_in")
    sys.modules["cm_probe_stand_in"] = stand_in
    try:
        with pytest.raises(RuntimeError), hidden("cm_probe_stand_in"):
            raise RuntimeError("inside")
        assert sys.modules["cm_probe_stand_in"] is stand_in
    finally:
        sys.modules.pop("cm_probe_stand_in", None)
