"""The runtime's hand-offs on both databases: a job interrupted by a shutdown goes back to the queue without
spending its attempt, the embedded poll finds due rows (and only those), and a dead process's jobs are
taken back at once."""

from __future__ import annotations

from datetime import timedelta

from app.config import get_settings
from app.database import session_scope
from app.models import utcnow
from app.services import dispatch, jobs, recovery
from tests.support.factories import insert_email


def claimed(owner: str) -> jobs.Claim:
    email_id = insert_email("queued")
    with session_scope() as session:
        job = jobs.claim(session, email_id, owner, 300)
    assert job is not None
    return job


def stored(email_id: int) -> tuple[str, int, int]:
    with session_scope() as session:
        email = jobs.get(session, email_id)
        return email.processing_status, email.attempt_count, email.retry_count


def test_a_job_stopped_by_shutdown_is_queued_again_with_its_attempt_given_back(database: str) -> None:
    job = claimed("box:10:1")
    with session_scope() as session:
        assert jobs.release_on_shutdown(session, job)
    assert stored(job.email_id) == ("queued", 0, 0)
    with session_scope() as session:
        last = jobs.get(session, job.email_id).events[-1]
        assert (last.kind, last.message, last.to_status) == ("requeued", "shutdown", "queued")
        assert not jobs.release_on_shutdown(session, job), "only the lease holder's job moves"


def test_a_shutdown_hands_back_only_the_stopping_process_jobs(database: str) -> None:
    mine = [claimed("box:10:1"), claimed("box:10:2")]
    other = claimed("box:100:1")
    with session_scope() as session:
        returned = jobs.release_all_on_shutdown(session, "box:10:")
    assert sorted(returned) == sorted(job.email_id for job in mine)
    assert stored(other.email_id)[0] == "processing"


def test_the_poll_finds_due_waiting_rows_but_not_fresh_or_future_ones(database: str) -> None:
    now = utcnow()
    waiting = insert_email("queued", status_changed_at=now - timedelta(seconds=30))
    stored_only = insert_email("received", status_changed_at=now - timedelta(seconds=30))
    insert_email("queued", status_changed_at=now)  # its own wake-up call is on the way
    insert_email("queued", status_changed_at=now - timedelta(seconds=30), available_at=now + timedelta(minutes=1))
    insert_email("completed", status_changed_at=now - timedelta(seconds=30))
    with session_scope() as session:
        assert dispatch.due(session, now, 1, limit=10) == [waiting, stored_only]
        assert dispatch.due(session, now, 1, limit=10, skip={waiting}) == [stored_only]
        assert dispatch.due(session, now, 1, limit=1) == [waiting]


def test_a_dead_process_jobs_are_taken_back_at_once_and_a_live_ones_are_left(database: str) -> None:
    dead = claimed("box:4001:7")
    alive = claimed("box:4002:7")
    elsewhere = claimed("other-box:4001:7")
    report = recovery.reclaim_orphans(get_settings(), "box", own_pid=1, alive=lambda pid: pid == 4002)
    assert report.requeued == [dead.email_id]
    assert stored(dead.email_id) == ("queued", 1, 0)
    assert stored(alive.email_id)[0] == "processing"
    assert stored(elsewhere.email_id)[0] == "processing"
    with session_scope() as session:
        assert "worker process 4001 gone" in (jobs.get(session, dead.email_id).events[-1].message or "")
