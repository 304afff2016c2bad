"""A worker that finds its job's row locked by a short transaction (on PostgreSQL: intake's received →
queued mark, another claimer's commit) looks again a moment later instead of handing the job back to the
queue for a second; a row that stays locked goes back to the queue (RetryLater), never claimed twice."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import psycopg
import pytest
from sqlalchemy import select

from app.config import get_settings
from app.database import get_engine, session_scope
from app.models import IncomingEmail
from app.services import intake, processing
from tests.support.factories import payload


@pytest.fixture
def locked_job(postgres_database: str) -> Iterator[tuple[int, psycopg.Connection]]:
    """A waiting job whose row another connection holds FOR UPDATE until the test lets go."""
    email_id = intake.accept(intake.InboundEmail.model_validate(payload())).email_id
    url = get_engine().url.set(drivername="postgresql").render_as_string(hide_password=False)
    holder = psycopg.connect(url)
    holder.execute("SELECT id FROM incoming_emails WHERE id = %s FOR UPDATE", (email_id,))
    yield email_id, holder
    holder.close()


def status_of(email_id: int) -> str:
    with session_scope() as session:
        return str(session.scalar(select(IncomingEmail.processing_status).where(IncomingEmail.id == email_id)))


def test_a_row_freed_while_the_worker_waits_is_claimed_and_processed(
    locked_job: tuple[int, psycopg.Connection], monkeypatch: pytest.MonkeyPatch
) -> None:
    email_id, holder = locked_job
    pauses: list[float] = []

    def pause_then_free(seconds: float) -> None:
        pauses.append(seconds)
        holder.commit()  # the short transaction ends while the worker waits

    monkeypatch.setattr(processing, "time", SimpleNamespace(sleep=pause_then_free))  # this module's pauses only
    assert processing.run_attempt(email_id, get_settings()) == "completed"
    assert pauses == [processing.ROW_BUSY_PAUSES[0]]
    assert status_of(email_id) == "completed"


def test_a_row_that_stays_locked_goes_back_to_the_queue(
    locked_job: tuple[int, psycopg.Connection], monkeypatch: pytest.MonkeyPatch
) -> None:
    email_id, _ = locked_job
    pauses: list[float] = []
    monkeypatch.setattr(processing, "time", SimpleNamespace(sleep=pauses.append))
    with pytest.raises(processing.RetryLater) as raised:
        processing.run_attempt(email_id, get_settings())
    assert raised.value.delay_seconds == processing.ROW_BUSY_RETRY_SECONDS
    assert pauses == list(processing.ROW_BUSY_PAUSES)
    assert status_of(email_id) in {"received", "queued"}
