"""The claim on both databases, case by case: from which states it takes a job, what it writes (lease, attempt,
the history row with the status the job came from), and what it leaves alone (paused, final, someone else's
lease, a row another transaction holds). On PostgreSQL the claim and its history row are one statement."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import psycopg
import pytest
from sqlalchemy import event, select

from app.database import get_engine, session_scope
from app.models import JobEvent, utcnow
from app.services import jobs, operations
from tests.support.factories import insert_email


def job(email_id: int) -> tuple[str, str | None, int, bool]:
    """(status, lease owner, attempts, lease in the future)."""
    with session_scope() as session:
        row = jobs.get(session, email_id, with_events=False)
        expires = row.lease_expires_at
        future = expires is not None and expires.replace(tzinfo=None) > utcnow().replace(tzinfo=None)
        return row.processing_status, row.lease_owner, row.attempt_count, future


def history(email_id: int) -> list[tuple[str, str | None, str | None, int | None, Any]]:
    with session_scope() as session:
        events = session.scalars(select(JobEvent).where(JobEvent.email_id == email_id).order_by(JobEvent.id))
        return [(e.kind, e.from_status, e.to_status, e.attempt, e.details) for e in events]


@pytest.mark.usefixtures("database")
@pytest.mark.parametrize("status", ["received", "queued"])
def test_a_waiting_job_is_claimed_with_a_lease_and_a_history_row_naming_its_state(status: str) -> None:
    email_id = insert_email(status)
    with session_scope() as session:
        claim = jobs.claim(session, email_id, "worker-a", 60)
    assert claim == jobs.Claim(email_id=email_id, owner="worker-a", attempt=1)
    assert job(email_id) == ("processing", "worker-a", 1, True)
    assert history(email_id)[-1] == ("attempt_started", status, "processing", 1, {"worker": "worker-a"})


@pytest.mark.usefixtures("database")
def test_an_expired_lease_is_taken_over_from_processing_with_the_next_attempt() -> None:
    email_id = insert_email("processing", lease_owner="gone", attempt_count=2,
                            lease_expires_at=utcnow() - timedelta(seconds=1))
    with session_scope() as session:
        claim = jobs.claim(session, email_id, "worker-b", 60)
    assert claim is not None and claim.attempt == 3
    assert job(email_id) == ("processing", "worker-b", 3, True)
    assert history(email_id)[-1] == ("attempt_started", "processing", "processing", 3, {"worker": "worker-b"})


@pytest.mark.usefixtures("database")
@pytest.mark.parametrize("status", ["completed", "failed", "cancelled"])
def test_a_job_outside_the_claimable_states_is_not_claimed_and_not_busy(status: str) -> None:
    email_id = insert_email(status, attempt_count=1)
    before = history(email_id)
    with session_scope() as session:
        assert jobs.claim(session, email_id, "worker-a", 60) is None
    assert job(email_id)[:3] == (status, None, 1)
    assert history(email_id) == before


@pytest.mark.usefixtures("database")
def test_a_live_lease_is_not_taken_over() -> None:
    email_id = insert_email("processing", lease_owner="alive", attempt_count=1,
                            lease_expires_at=utcnow() + timedelta(minutes=5))
    with session_scope() as session:
        assert jobs.claim(session, email_id, "worker-b", 60) is None
    assert job(email_id) == ("processing", "alive", 1, True)


@pytest.mark.usefixtures("database")
def test_a_missing_job_is_not_claimed() -> None:
    with session_scope() as session:
        assert jobs.claim(session, 987_654, "worker-a", 60) is None


@pytest.mark.usefixtures("database")
def test_while_paused_a_waiting_job_is_left_waiting_without_history() -> None:
    email_id = insert_email("queued")
    operations.set_processing(True, "Jana Sommer")
    before = history(email_id)
    with session_scope() as session:
        assert jobs.claim(session, email_id, "worker-a", 60) is None
    assert job(email_id) == ("queued", None, 0, False)
    assert history(email_id) == before


@pytest.fixture
def held_row(postgres_database: str) -> Iterator[tuple[int, psycopg.Connection]]:
    """A waiting job whose row another connection holds FOR UPDATE until the test ends."""
    email_id = insert_email("queued")
    url = get_engine().url.set(drivername="postgresql").render_as_string(hide_password=False)
    holder = psycopg.connect(url)
    holder.execute("SELECT id FROM incoming_emails WHERE id = %s FOR UPDATE", (email_id,))
    yield email_id, holder
    holder.close()


def test_postgres_a_claimable_row_another_transaction_holds_is_busy_and_untouched(
    held_row: tuple[int, psycopg.Connection],
) -> None:
    email_id, _ = held_row
    with pytest.raises(jobs.RowBusy), session_scope() as session:
        jobs.claim(session, email_id, "worker-a", 60)
    assert job(email_id) == ("queued", None, 0, False)


def test_postgres_a_held_row_while_paused_is_not_busy(held_row: tuple[int, psycopg.Connection]) -> None:
    email_id, _ = held_row
    operations.set_processing(True, "Jana Sommer")
    with session_scope() as session:
        assert jobs.claim(session, email_id, "worker-a", 60) is None


def test_postgres_a_held_row_that_is_not_claimable_is_not_busy(postgres_database: str) -> None:
    email_id = insert_email("completed")
    url = get_engine().url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url) as holder:
        holder.execute("SELECT id FROM incoming_emails WHERE id = %s FOR UPDATE", (email_id,))
        with session_scope() as session:
            assert jobs.claim(session, email_id, "worker-a", 60) is None


def test_postgres_the_claim_and_its_history_row_are_one_statement(postgres_database: str) -> None:
    email_id = insert_email("queued")
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement.split()[0].upper())

    event.listen(get_engine(), "before_cursor_execute", seen)
    try:
        with session_scope() as session, jobs.batched_events(session):
            assert jobs.claim(session, email_id, "worker-a", 60) is not None
    finally:
        event.remove(get_engine(), "before_cursor_execute", seen)
    assert [s for s in statements if s in ("SELECT", "UPDATE", "INSERT", "WITH")] == ["WITH"]
    assert history(email_id)[-1] == ("attempt_started", "queued", "processing", 1, {"worker": "worker-a"})
