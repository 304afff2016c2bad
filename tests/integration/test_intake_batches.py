"""Group commit at intake: a batch answers each email as if it had come alone, and writes each job once."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select

from app import queue
from app.database import session_scope
from app.models import IncomingEmail, JobEvent
from app.services import intake, intake_batch, job_batches, jobs
from tests.support.factories import payload, queued_message_args


def email(**overrides: object) -> intake.InboundEmail:
    return intake.InboundEmail.model_validate(payload(**overrides))


def statuses_of(email_id: int) -> list[str | None]:
    with session_scope() as session:
        return list(session.scalars(select(JobEvent.to_status).where(JobEvent.email_id == email_id)
                                    .order_by(JobEvent.id)))


def test_a_repeat_inside_one_batch_is_a_duplicate_of_the_first(stub_queue: str) -> None:
    first, other = email(), email()
    repeat = intake.InboundEmail.model_validate(first.model_dump())
    results = intake.accept_many([first, other, repeat])
    assert [result.status for result in results] == ["queued", "queued", "duplicate"]
    assert results[2].email_id == results[0].email_id != results[1].email_id
    with session_scope() as session:
        assert session.scalar(select(func.count()).select_from(IncomingEmail)) == 2
    assert statuses_of(results[0].email_id) == ["received", "queued"]


def test_an_email_stored_by_an_earlier_batch_is_a_duplicate_and_gets_no_new_event(stub_queue: str) -> None:
    stored = email()
    earlier = intake.accept(stored)
    again, fresh = intake.accept_many([stored, email()])
    assert (again.status, again.email_id) == ("duplicate", earlier.email_id)
    assert fresh.status == "queued"
    assert statuses_of(earlier.email_id) == ["received", "queued"]


def burst(emails: list[intake.InboundEmail]) -> list[intake.IntakeResult]:
    """The emails as requests arriving together at the web process's group commit, then its shutdown."""
    async def arrive() -> list[intake.IntakeResult]:
        try:
            return await asyncio.gather(*(intake_batch.accept(each) for each in emails))
        finally:
            await intake_batch.aclose()

    return asyncio.run(arrive())


def test_requests_arriving_together_each_get_their_own_job(stub_queue: str) -> None:
    results = burst([email() for _ in range(25)])
    assert {result.status for result in results} == {"queued"}
    assert len({result.email_id for result in results}) == 25
    assert len(queue.get_broker().queues[queue.QUEUE_NAME].queue) == 25


def test_repeats_arriving_together_are_duplicates_of_the_first_and_of_earlier_batches(stub_queue: str) -> None:
    earlier, first = email(), email()
    stored = intake.accept(earlier)
    results = burst([first, email(), intake.InboundEmail.model_validate(first.model_dump()),
                     intake.InboundEmail.model_validate(earlier.model_dump())])
    assert [result.status for result in results] == ["queued", "queued", "duplicate", "duplicate"]
    assert results[2].email_id == results[0].email_id and results[3].email_id == stored.email_id
    assert statuses_of(results[0].email_id) == statuses_of(stored.email_id) == ["received", "queued"]
    assert sorted(queued_message_args()) == sorted([(stored.email_id,), (results[0].email_id,),
                                                    (results[1].email_id,)])


def test_jobs_whose_queued_mark_fails_stay_received_and_a_worker_still_takes_them(
    postgres_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On PostgreSQL the mark runs after the answers (elsewhere it is part of the batch's transaction).
    queue.declare_queue()
    queue.get_broker().flush_all()
    monkeypatch.setattr(job_batches, "MARK_QUEUED_SQL",
                        "UPDATE no_such_table SET x = 1 WHERE %(ids)s IS NOT NULL")
    results = burst([email() for _ in range(6)])
    assert {result.status for result in results} == {"queued"}
    assert sorted(queued_message_args()) == sorted((result.email_id,) for result in results)
    for result in results:
        assert statuses_of(result.email_id) == ["received"]
    with session_scope() as session:
        taken = jobs.claim(session, results[0].email_id, "worker:1:test", 60)
    assert taken is not None


def test_marks_after_the_answers_reach_every_job_of_a_burst(stub_queue: str) -> None:
    results = burst([email() for _ in range(40)])
    assert {result.status for result in results} == {"queued"}
    with session_scope() as session:
        stored = {email_id: status for email_id, status in
                  session.execute(select(IncomingEmail.id, IncomingEmail.processing_status))}
    assert stored == {result.email_id: "queued" for result in results}
    assert {tuple(statuses_of(result.email_id)) for result in results} == {("received", "queued")}


def test_batches_sent_within_the_gathering_window_share_one_mark(
    postgres_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One mark statement stamps its events with one time: three batches, one after another's answer, one stamp.
    queue.declare_queue()
    queue.get_broker().flush_all()
    monkeypatch.setattr(intake_batch, "MARK_GATHER_SECONDS", 0.5)  # wide, so a slow box still fits the batches in

    async def one_after_another() -> list[intake.IntakeResult]:
        try:
            return [await intake_batch.accept(email()) for _ in range(3)]
        finally:
            await intake_batch.aclose()

    results = asyncio.run(one_after_another())
    with session_scope() as session:
        stamps = set(session.scalars(select(JobEvent.at).where(
            JobEvent.email_id.in_([result.email_id for result in results]), JobEvent.to_status == "queued")))
        received = set(session.scalars(select(JobEvent.at).where(
            JobEvent.email_id.in_([result.email_id for result in results]), JobEvent.to_status == "received")))
    assert len(stamps) == 1
    assert len(received) == 3  # each batch its own insert: the shared stamp is the mark's doing
