"""The prebuilt candidate statements stay short enough for psycopg to parse each once and reuse it."""

from __future__ import annotations

import pytest
from psycopg._queries import MAX_CACHED_STATEMENT_LENGTH
from sqlalchemy.dialects.postgresql import psycopg as postgresql_psycopg

from app.services.matching import candidates


@pytest.mark.parametrize("big_sender", [False, True])
def test_the_candidate_statement_fits_psycopgs_parse_cache(big_sender: bool) -> None:
    text = str(candidates._CANDIDATES[big_sender, True].compile(dialect=postgresql_psycopg.dialect()))
    assert "k.firm_id" in text
    assert len(text.encode()) <= MAX_CACHED_STATEMENT_LENGTH
