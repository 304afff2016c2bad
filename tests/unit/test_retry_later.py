"""RetryLater, the transient-failure signal, leaves any `with` block as itself (a replay wraps attempts in one)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from app.services.processing import RetryLater


@contextmanager
def _scope() -> Iterator[None]:
    yield


def test_a_retry_passes_through_a_generator_context_manager_unchanged() -> None:
    with pytest.raises(RetryLater) as raised, _scope():
        raise RetryLater(7, 15.0, "step extraction: database busy")
    assert (raised.value.email_id, raised.value.delay_seconds) == (7, 15.0)
    assert raised.value.error == "step extraction: database busy"
