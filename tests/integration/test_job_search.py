"""The jobs search on both databases: a match lies inside one field, a text holding the separator is searched field by
field, many matched inquiries still find their jobs; on PostgreSQL every arm of the search can be read from an index
(the trigram ones where the server has pg_trgm: the throwaway pgserver has not, and then they are absent)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, select, text
from sqlalchemy.dialects import postgresql

from app.database import get_engine, session_scope
from app.models import IncomingEmail, ProcessingStatus
from app.services import job_list, job_search
from tests.integration.matching.support import add_inquiry
from tests.support.factories import insert_email

VERSIONS = Path(__file__).resolve().parents[2] / "alembic" / "versions"
MIGRATION = VERSIONS / "0012_search_indexes.py"
SIDE_TABLE_MIGRATION = VERSIONS / "0013_job_search_texts.py"


def found(text_: str) -> list[int]:
    with session_scope() as session:
        return sorted(line.email.id for line in job_list.page(session, job_list.JobFilter(text=text_), 50).lines)


def test_a_text_spanning_two_fields_is_not_a_match(database: str) -> None:
    both = insert_email("completed", from_email="post@inkasso-west.example", from_name="Forderungsstelle",
                        subject="Zahlungsplan")
    assert found("inkasso-west.example") == [both]
    assert found("FORDERUNGSSTELLE") == [both]
    assert found("inkasso-west.exampleForderungsstelle") == []  # the end of one field and the start of the next
    assert found("forderungsstelleZahlungsplan") == []


def test_a_text_holding_the_separator_is_searched_field_by_field(database: str) -> None:
    odd = insert_email("completed", subject="Anfrage\x1fNachtrag")
    insert_email("completed", subject="Anfrage Nachtrag", from_name="Inkasso Meier")
    assert found("anfrage\x1fnachtrag") == [odd]
    assert found("meier\x1fanfrage") == []  # the end of the name and the start of the subject, joined


def test_jobs_of_more_matched_inquiries_than_the_id_list_holds_are_found(database: str,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    with session_scope() as session:
        for number in range(3):
            add_inquiry(session, f"INQ-88{number}", f"Henrike Voss-{number}", f"AZ-2026-88{number}")
    jobs = [insert_email("completed", extracted_data={"match": {"inquiry_id": f"INQ-88{number}"}})
            for number in range(3)]
    insert_email("completed", extracted_data={"match": {"inquiry_id": "INQ-999"}})
    assert found("voss-") == jobs
    monkeypatch.setattr(job_search, "INQUIRY_IDS_LIMIT", 2)  # three inquiries: the subquery instead of the list
    assert found("voss-") == jobs


def _without_table(sql: str) -> str:
    return re.sub(r"\b(incoming_emails|inquiries)\.", "", sql)


def _migration(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    return migration


def test_the_searched_texts_are_the_indexed_ones() -> None:
    """The index serves only an identical expression: the search's texts are the migration's, written the same;
    the jobs' text that 0013's triggers store is the one 0012 indexed."""
    migration = _migration(MIGRATION)
    assert _without_table(job_search.JOB_TEXT_SQL) == migration.JOB_TEXT
    assert _migration(SIDE_TABLE_MIGRATION).job_text("") == migration.JOB_TEXT
    assert _without_table(job_search.INQUIRY_TEXT_SQL) == migration.INQUIRY_TEXT
    assert _without_table(job_search.MATCHED_INQUIRY_SQL) == migration.MATCHED_INQUIRY


def test_a_job_is_found_by_its_text_in_every_state(database: str) -> None:
    by_state = {status: insert_email(status.value, subject=f"Forderungsaufstellung Akte {status.value}")
                for status in ProcessingStatus}
    assert found("forderungsaufstellung akte") == sorted(by_state.values())
    for status, job in by_state.items():
        assert found(f"akte {status.value}") == [job]


def _plan(connection: Connection, statement: Any) -> str:
    compiled = statement.compile(dialect=postgresql.psycopg.dialect(), compile_kwargs={"literal_binds": True})
    return "\n".join(row[0] for row in connection.execute(text(f"EXPLAIN {compiled}")))


def _indexes(connection: Connection) -> set[str]:
    return set(connection.scalars(text("SELECT indexname FROM pg_indexes WHERE tablename IN "
                                       "('incoming_emails', 'inquiries', 'job_search_texts')")))


def test_on_postgresql_each_arm_of_a_search_reads_an_index(postgres_database: str) -> None:
    with session_scope() as session:
        add_inquiry(session, "INQ-4410", "Ottilie Brandauer", "AZ-2026-4410")
    insert_email("completed", extracted_data={"match": {"inquiry_id": "INQ-4410"}})
    with session_scope() as session, get_engine().connect() as connection:
        connection.execute(text("SET enable_seqscan = off"))  # whether an index CAN serve it, not whether it pays
        trigrams = bool(connection.scalar(text("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")))
        indexes = _indexes(connection)
        search = job_search.condition(session, "brandauer")
        jobs_plan = _plan(connection, select(IncomingEmail.id).where(search))
        assert "ix_incoming_emails_matched_inquiry" in indexes
        if trigrams:
            assert {"ix_job_search_texts_search_text", "ix_inquiries_search_text"} <= indexes
            assert "ix_incoming_emails_search_text" not in indexes  # 0013: on the side table, not on the jobs
            for index in ("ix_job_search_texts_search_text", "pk_incoming_emails",
                          "ix_incoming_emails_zendesk_ticket_id", "ix_incoming_emails_matched_inquiry"):
                assert index in jobs_plan
            assert "Seq Scan" not in jobs_plan
            # a small pending list: an ingest batch that overflows it merges it, and 4 MB held that batch long
            options = connection.scalar(text("SELECT reloptions FROM pg_class "
                                             "WHERE relname = 'ix_job_search_texts_search_text'"))
            assert options == ["gin_pending_list_limit=512"]
            inquiry_text = text(f"SELECT external_id FROM inquiries WHERE ({job_search.INQUIRY_TEXT_SQL}) ILIKE "
                                "'%brandauer%'")
            assert "ix_inquiries_search_text" in _plan(connection, inquiry_text)
        else:  # the migration left them out: the search reads the texts' table, and still finds its job (below)
            assert not {"ix_incoming_emails_search_text", "ix_job_search_texts_search_text",
                        "ix_inquiries_search_text"} & indexes
            assert "Seq Scan on job_search_texts" in jobs_plan
    assert len(found("Brandauer")) == 1
