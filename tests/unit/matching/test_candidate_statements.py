"""The prebuilt candidate statements stay short enough for psycopg to parse each once and reuse it."""

from __future__ import annotations

import pytest
from psycopg._queries import MAX_CACHED_STATEMENT_LENGTH
from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.postgresql import psycopg as postgresql_psycopg

from app.services.matching import candidates


@pytest.mark.parametrize("big_sender", [False, True])
def test_the_candidate_statement_fits_psycopgs_parse_cache(big_sender: bool) -> None:
    text = str(candidates._CANDIDATES[big_sender, candidates.ARRAY_LIST].compile(dialect=postgresql_psycopg.dialect()))
    assert "k.firm_id" in text
    assert len(text.encode()) <= MAX_CACHED_STATEMENT_LENGTH


@pytest.mark.parametrize("big_sender", [False, True])
def test_on_sqlite_the_candidate_statement_binds_each_key_list_as_one_json_parameter(big_sender: bool) -> None:
    """No IN list rendered per email: the text SQLite prepares is the same for every email."""
    statement = candidates._CANDIDATES[big_sender, candidates.list_binding("sqlite")]
    compiled = statement.compile(dialect=sqlite.dialect())
    assert "json_each(?)" in str(compiled)
    assert not compiled.literal_execute_params and not compiled.post_compile_params
    assert candidates.list_binding("postgresql") == candidates.ARRAY_LIST
    assert candidates.list_binding("mysql") == candidates.EXPANDED_LIST


def test_on_postgresql_a_key_list_is_one_text_parameter_split_by_the_database() -> None:
    text = str(candidates._CANDIDATES[False, candidates.ARRAY_LIST].compile(dialect=postgresql_psycopg.dialect()))
    assert "string_to_array(%(tokens)s" in text and "::VARCHAR[]" not in text
    keys = candidates.SpacedKeys()
    dialect = postgresql_psycopg.dialect()
    assert keys.process_bind_param(["bs20260117", "mueller"], dialect) == "bs20260117 mueller"
    assert keys.process_bind_param([], dialect) == ""


@pytest.mark.parametrize("keys", [["two words"], [""]])
def test_a_key_that_would_split_differently_is_refused(keys: list[str]) -> None:
    with pytest.raises(ValueError, match="lookup key"):
        candidates.SpacedKeys().process_bind_param(keys, postgresql_psycopg.dialect())
