"""The job row's state machine on SQLite and PostgreSQL: exclusive claims, leases, one failure."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from app.database import session_scope
from app.errors import InvalidTransition, NotFound
from app.models import utcnow
from app.services import jobs
from tests.support.factories import insert_email

pytestmark = pytest.mark.usefixtures("database")


def status_of(email_id: int) -> str:
    with session_scope() as session:
        return jobs.get(session, email_id).processing_status


def test_only_one_of_two_workers_claims_a_job() -> None:
    email_id = insert_email("queued")
    with session_scope() as session:
        first = jobs.claim(session, email_id, "worker-a", 60)
    with session_scope() as session:
        second = jobs.claim(session, email_id, "worker-b", 60)
    assert first is not None and first.attempt == 1
    assert second is None
    assert status_of(email_id) == "processing"


def test_concurrent_claims_from_many_threads_yield_exactly_one_winner() -> None:
    email_id = insert_email("queued")
    winners: list[str] = []
    told_busy: list[str] = []
    barrier = threading.Barrier(6)

    def contend(owner: str) -> None:
        barrier.wait()
        try:
            with session_scope() as session:
                if jobs.claim(session, email_id, owner, 60) is not None:
                    winners.append(owner)
        except jobs.RowBusy:  # PostgreSQL: skipped a locked row; the caller retries later
            told_busy.append(owner)

    threads = [threading.Thread(target=contend, args=(f"w{i}",)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(winners) == 1
    with session_scope() as session:
        email = jobs.get(session, email_id)
        assert email.lease_owner == winners[0] and email.attempt_count == 1
    with session_scope() as session:  # once the winner committed, latecomers are told "no"
        assert jobs.claim(session, email_id, "latecomer", 60) is None



def test_completion_needs_the_current_lease() -> None:
    email_id = insert_email("queued")
    with session_scope() as session:
        claim = jobs.claim(session, email_id, "owner", 60)
    assert claim is not None
    stolen = jobs.Claim(email_id=email_id, owner="intruder", attempt=1)
    with session_scope() as session:
        assert not jobs.complete(session, stolen, extracted_data={"x": 1})
    with session_scope() as session:
        assert jobs.complete(session, claim, extracted_data={"x": 1})
    with session_scope() as session:
        email = jobs.get(session, email_id)
        assert email.processing_status == "completed"
        assert email.completed_at is not None and email.extracted_data == {"x": 1}


def test_only_the_first_call_moves_a_job_to_failed() -> None:
    email_id = insert_email("processing", lease_owner="w")
    with session_scope() as session:
        first = jobs.fail(session, email_id, "boom")
    with session_scope() as session:
        second = jobs.fail(session, email_id, "boom again")
    assert (first, second) == (True, False)
    with session_scope() as session:
        assert jobs.get(session, email_id).processing_error == "boom"


@pytest.mark.parametrize("status", ["received", "queued", "processing", "completed"])
def test_retry_is_refused_unless_the_job_failed(status: str) -> None:
    email_id = insert_email(status)
    with session_scope() as session, pytest.raises(InvalidTransition, match=status):
        jobs.retry(session, email_id)


def test_retry_of_a_failed_job_requeues_it_and_counts() -> None:
    email_id = insert_email("failed", processing_error="boom", retry_count=5)
    with session_scope() as session:
        email = jobs.retry(session, email_id)
    assert email.processing_status == "queued"
    assert email.processing_error is None and email.retry_count == 6


def test_retry_of_a_missing_job_is_not_found() -> None:
    with session_scope() as session, pytest.raises(NotFound):
        jobs.retry(session, 424242)


def test_a_completed_job_cannot_be_claimed_or_requeued() -> None:
    email_id = insert_email("completed")
    with session_scope() as session:
        assert jobs.claim(session, email_id, "w", 60) is None
        assert not jobs.requeue(session, email_id, "processing", "sweep")
    assert status_of(email_id) == "completed"


def test_every_change_appends_to_the_history_in_order() -> None:
    email_id = insert_email("received")
    with session_scope() as session:
        jobs.mark_queued(session, email_id)
    with session_scope() as session:
        claim = jobs.claim(session, email_id, "w", 60)
        assert claim is not None
    with session_scope() as session:
        jobs.release_for_retry(session, claim, "TransientError: db away", 15)
    with session_scope() as session:
        events = jobs.get(session, email_id).events
        assert [(e.kind, e.from_status, e.to_status) for e in events] == [
            ("status", "received", "queued"),
            ("attempt_started", "queued", "processing"),
            ("attempt_failed", "processing", "queued"),
        ]
        assert events[-1].message == "TransientError: db away"
        assert jobs.get(session, email_id).retry_count == 1


def test_stuck_jobs_finds_stale_waiting_and_abandoned_ones_only() -> None:
    old = utcnow() - timedelta(hours=1)
    stale_received = insert_email("received", status_changed_at=old)
    fresh_queued = insert_email("queued")
    retry_not_due = insert_email("queued", status_changed_at=old,
                                 available_at=utcnow() + timedelta(minutes=4))
    dead_worker = insert_email("processing", lease_expires_at=utcnow() - timedelta(seconds=5),
                               started_at=old)
    live_worker = insert_email("processing", lease_expires_at=utcnow() + timedelta(minutes=1),
                               started_at=utcnow())
    with session_scope() as session:
        found = dict(jobs.stuck_jobs(session, utcnow(), stale_seconds=300, time_limit_seconds=600))
    assert found == {stale_received: "received", dead_worker: "processing"}
    assert fresh_queued not in found and retry_not_due not in found and live_worker not in found


def test_batched_history_is_written_in_order_at_the_end_and_not_at_all_after_an_error() -> None:
    email_id = insert_email("queued")
    with session_scope() as session, jobs.batched_events(session):
        claim = jobs.claim(session, email_id, "w", 60)
        assert claim is not None
        jobs.record_event(session, email_id, "extracted", details={"intent": "debt_statement"})
        assert jobs.complete(session, claim, match_status="matched")
    with pytest.raises(RuntimeError), session_scope() as session, jobs.batched_events(session):
        jobs.record_event(session, email_id, "never_written")
        raise RuntimeError("the attempt broke")
    with session_scope() as session:
        email = jobs.get(session, email_id)
        assert [(e.kind, e.to_status) for e in email.events] == [
            ("attempt_started", "processing"), ("extracted", None), ("status", "completed")]
        assert email.events[1].details == {"intent": "debt_statement"}
        assert email.processing_status == "completed" and email.match_status == "matched"
