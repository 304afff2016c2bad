"""A job's searched text lives beside it in job_search_texts (migration 0013): written with the job at ingest,
rewritten when extraction reads its client and references, and never by a status move (which would add trigram
entries on PostgreSQL for nothing)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from dramatiq import Worker
from sqlalchemy import create_engine, select, text, update

from alembic import command
from app import migrations, queue
from app.database import session_scope
from app.models import IncomingEmail, JobSearchText
from app.services import intake, intake_batch, job_batches, job_list, job_search, jobs
from tests.support.factories import payload
from tests.support.servers import scratch_database
from tests.support.worker import drain

REPLY = (
    "Sehr geehrte Damen und Herren,\n\n"
    "in der Angelegenheit Ihrer Mandantin Friederike Quast-Olbrich, Ihr Zeichen BS-2026-0417, "
    "teilen wir mit, dass die Forderung 1.234,56 EUR beträgt.\n"
    "Unser Zeichen: KTO-55120934\n\n"
    "Mit freundlichen Grüßen\nMusterbank AG\n"
)


def found(text_: str) -> list[int]:
    with session_scope() as session:
        return sorted(line.email.id for line in job_list.page(session, job_list.JobFilter(text=text_), 50).lines)


def inbound(**overrides: object) -> intake.InboundEmail:
    return intake.InboundEmail.model_validate(payload(**overrides))


def stored_text(email_id: int) -> str | None:
    with session_scope() as session:
        row = session.get(JobSearchText, email_id)
        return row.search_text if row is not None else None


def test_a_job_is_searchable_right_after_ingest(stub_queue: str) -> None:
    job = intake.accept(inbound(subject="AW: Forderungsanfrage Ostseewerft", from_name="Inkasso Lindqvist")).email_id
    assert found("ostseewerft") == [job]
    assert found("LINDQVIST") == [job]
    assert stored_text(job) == "\x1f".join(["forderung@musterbank.example", "Inkasso Lindqvist",
                                           "AW: Forderungsanfrage Ostseewerft",
                                           '["glaeubiger+BS-2026-0001@kanzlei.example"]', "", "", ""])
    assert stored_text(job) == text_of_row(job)


def test_the_web_process_batch_writes_each_jobs_text_in_its_one_statement(postgres_database: str) -> None:
    queue.declare_queue()
    queue.get_broker().flush_all()

    async def arrive() -> list[intake.IntakeResult]:
        try:
            return await asyncio.gather(*(intake_batch.accept(inbound(subject=f"Akte Nordlicht-{n}"))
                                          for n in range(5)))
        finally:
            await intake_batch.aclose()

    results = asyncio.run(arrive())
    queue.get_broker().flush_all()
    assert found("nordlicht-") == sorted(result.email_id for result in results)
    assert found("nordlicht-3") == [results[3].email_id]


def test_a_job_is_found_by_the_client_and_references_its_processing_read(stub_queue: str,
                                                                        stub_worker: Worker) -> None:
    job = intake.accept(inbound(body_text=REPLY, subject="AW: Ihr Schreiben")).email_id
    assert found("quast-olbrich") == []  # only the reply's body names the client: not searched before extraction
    drain(stub_worker)
    with session_scope() as session:
        email = jobs.get(session, job)
        assert email.processing_status == "completed"
        extraction = (email.extracted_data or {})["extraction"]
    assert extraction["client_name"] and "Quast-Olbrich" in extraction["client_name"]
    assert found("quast-olbrich") == [job]
    for reference in (extraction["firm_reference"], extraction["creditor_reference"]):
        if reference:
            assert found(reference.lower()) == [job]
    assert stored_text(job) == text_of_row(job)


def text_of_row(email_id: int) -> str:
    """The job's text as the search built it from the row itself before 0013 (job_search's fields, joined)."""
    with session_scope() as session:
        fields = session.execute(select(*job_search._job_fields()).where(IncomingEmail.id == email_id)).one()
    return "\x1f".join("" if field is None else str(field) for field in fields)


def _xmin(email_id: int) -> str:
    with session_scope() as session:
        return str(session.scalar(text("SELECT xmin FROM job_search_texts WHERE email_id = :id"), {"id": email_id}))


def test_a_status_move_never_rewrites_the_jobs_text(postgres_database: str) -> None:
    """The row version of a job's text stays the one ingest wrote through every move that leaves the searched fields
    alone (the queued mark, claim, a retry's release, failure, an operator's retry); the client and reference that
    completion stores rewrite it once, and a later write of the same searched values does not."""
    with session_scope() as session:
        job = job_batches.insert_received_many(session, [(intake.prepare([inbound()])[1][0][0], "ticket")])
    email_id = next(iter(job.values()))
    written = _xmin(email_id)
    with session_scope() as session:
        assert job_batches.mark_queued_many(session, [email_id]) == [email_id]
    with session_scope() as session:
        claim = jobs.claim(session, email_id, "probe", 60)
        assert claim is not None
    with session_scope() as session:
        assert jobs.release_for_retry(session, claim, "timeout", 0)
    with session_scope() as session:
        claim = jobs.claim(session, email_id, "probe", 60)
        assert claim is not None and jobs.fail(session, email_id, "broken", owner=claim.owner)
    with session_scope() as session:
        jobs.retry(session, email_id, "operator")
    assert _xmin(email_id) == written
    extracted = {"extraction": {"client_name": "Hedda Sørensen", "firm_reference": "BS-2026-0999"}}
    with session_scope() as session:
        claim = jobs.claim(session, email_id, "probe", 60)
        assert claim is not None and jobs.complete(session, claim, extracted_data=extracted, match_status="none")
    rewritten = _xmin(email_id)
    assert rewritten != written  # the client and reference arrived: the text changed, once
    assert "Hedda Sørensen\x1fBS-2026-0999" in (stored_text(email_id) or "")
    with session_scope() as session:  # the match part of the result changes, the searched part does not
        session.execute(update(IncomingEmail).where(IncomingEmail.id == email_id)
                        .values(extracted_data={**extracted, "match": {"inquiry_id": "INQ-1"}}, subject="AW: Anfrage"))
    assert _xmin(email_id) != rewritten  # the subject changed: rewritten
    assert "AW: Anfrage" in (stored_text(email_id) or "")
    again = _xmin(email_id)
    with session_scope() as session:
        session.execute(update(IncomingEmail).where(IncomingEmail.id == email_id)
                        .values(extracted_data={**extracted, "match": {"inquiry_id": "INQ-2"}}))
    assert _xmin(email_id) == again


def test_deleting_a_job_deletes_its_text(database: str) -> None:
    job = intake.accept(inbound()).email_id
    with session_scope() as session:
        session.delete(session.get(IncomingEmail, job))
    assert stored_text(job) is None


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_the_migration_fills_in_the_texts_of_existing_jobs_and_steps_down(
        backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path}/texts.db"
        _check_backfill(url)
        return
    with scratch_database(request.getfixturevalue("postgres_admin"), "cm_test_search_texts") as url:
        _check_backfill(url)


def _check_backfill(url: str) -> None:
    migrations.upgrade(url, "0012")
    engine = create_engine(url)
    def json(value: str) -> str:
        return value if engine.dialect.name == "sqlite" else f"CAST({value} AS jsonb)"

    empty_list, empty_object, data = json("'[]'"), json("'{}'"), json(":data")
    insert = (f"INSERT INTO incoming_emails (dedup_key, firm_id, zendesk_ticket_id, from_email, from_name, "
              f"to_addresses, cc_addresses, subject, attachment_urls, extra_fields, received_at, created_at, "
              f"updated_at, processing_status, status_changed_at, retry_count, attempt_count, extracted_data) "
              f"VALUES (:key, 1, :key, 'post@example.org', NULL, {empty_list}, {empty_list}, :subject, "
              f"{empty_list}, {empty_object}, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, "
              f"'completed', CURRENT_TIMESTAMP, 0, 0, {data})")
    try:
        with engine.begin() as connection:
            connection.execute(text(insert), {"key": "old-1", "subject": "Akte Weidenhof",
                                              "data": '{"extraction": {"client_name": "Ilse Brakensiek"}}'})
            connection.execute(text(insert), {"key": "old-2", "subject": "Akte Rosenhain", "data": "null"})
        migrations.upgrade(url)
        texts = "SELECT i.dedup_key, t.search_text FROM job_search_texts t JOIN incoming_emails i ON i.id = t.email_id"
        with engine.connect() as connection:
            assert sorted(connection.execute(text(texts)).all()) == [
                ("old-1", "post@example.org\x1f\x1fAkte Weidenhof\x1f[]\x1fIlse Brakensiek\x1f\x1f"),
                ("old-2", "post@example.org\x1f\x1fAkte Rosenhain\x1f[]\x1f\x1f\x1f")]
            if engine.dialect.name == "postgresql":
                indexes = set(connection.scalars(text("SELECT indexname FROM pg_indexes WHERE indexname LIKE "
                                                      "'%search_text'")))
                trigrams = connection.scalar(text("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'"))
                assert indexes == ({"ix_job_search_texts_search_text", "ix_inquiries_search_text"} if trigrams
                                   else set())
        command.downgrade(migrations.alembic_config(url), "0012")
        engine.dispose()
        with engine.begin() as connection:
            assert "job_search_texts" not in set(connection.scalars(text(
                "SELECT name FROM sqlite_master WHERE type = 'table'" if engine.dialect.name == "sqlite" else
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")))
            connection.execute(text(insert), {"key": "old-3", "subject": "Akte Lindenau", "data": "null"})
            if engine.dialect.name == "postgresql" and connection.scalar(text(
                    "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")):
                assert connection.scalar(text("SELECT count(*) FROM pg_indexes "
                                              "WHERE indexname = 'ix_incoming_emails_search_text'")) == 1
        migrations.upgrade(url)
        with engine.connect() as connection:
            assert connection.scalar(text("SELECT count(*) FROM job_search_texts")) == 3
    finally:
        engine.dispose()
