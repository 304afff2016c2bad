"""Group commit at intake: a batch answers each email as if it had come alone, and writes each job once."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from app import queue
from app.database import session_scope
from app.models import IncomingEmail, JobEvent
from app.services import intake, intake_batch
from tests.support.factories import payload, queued_message_args


@pytest.fixture
def stub_queue(database: str) -> Iterator[str]:
    queue.declare_queue()
    queue.get_broker().flush_all()
    yield database
    queue.get_broker().flush_all()


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
