"""The sweeper: a crash between commit and enqueue, a lost message or a killed worker never
loses an email; a job whose last attempt died fails with one alert."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from dramatiq import Worker

from app.config import get_settings
from app.database import session_scope
from app.models import utcnow
from app.services import jobs, recovery
from tests.conftest import SetEnv
from tests.support.factories import insert_email
from tests.support.smtp_server import SmtpServer, running_smtp_server
from tests.support.worker import drain

LONG_AGO = timedelta(hours=1)


@pytest.fixture
def smtp(database: str, set_env: SetEnv) -> Iterator[SmtpServer]:
    with running_smtp_server() as server:
        set_env(smtp_host=server.host, smtp_port=server.port, smtp_starttls="false",
                admin_email="admin@kanzlei.example", stale_job_seconds=60)
        yield server


def status(email_id: int) -> str:
    with session_scope() as session:
        return jobs.get(session, email_id).processing_status


def test_a_job_stored_but_never_enqueued_is_sent_and_processed(
    smtp: SmtpServer, stub_worker: Worker
) -> None:
    email_id = insert_email("received", status_changed_at=utcnow() - LONG_AGO)
    report = recovery.sweep(get_settings())
    assert report.requeued == [email_id]
    drain(stub_worker)
    assert status(email_id) == "completed"


def test_a_queued_job_whose_message_was_lost_is_sent_again(
    smtp: SmtpServer, stub_worker: Worker
) -> None:
    email_id = insert_email("queued", status_changed_at=utcnow() - LONG_AGO)
    recovery.sweep(get_settings())
    drain(stub_worker)
    assert status(email_id) == "completed"


def test_a_fresh_queued_job_is_left_alone(smtp: SmtpServer) -> None:
    insert_email("queued")
    assert recovery.sweep(get_settings()).requeued == []


def test_a_killed_workers_job_is_taken_over_after_its_lease_expires(
    smtp: SmtpServer, stub_worker: Worker
) -> None:
    email_id = insert_email("processing", lease_owner="host:4242:1", attempt_count=1,
                            started_at=utcnow() - LONG_AGO,
                            lease_expires_at=utcnow() - timedelta(seconds=1))
    assert recovery.sweep(get_settings()).requeued == [email_id]
    drain(stub_worker)
    with session_scope() as session:
        email = jobs.get(session, email_id)
        assert email.processing_status == "completed"
        assert email.attempt_count == 2
        assert any(e.kind == "requeued" and "lease expired" in (e.message or "")
                   for e in email.events)
    assert smtp.messages == []


def test_a_live_lease_is_not_taken_over(smtp: SmtpServer) -> None:
    email_id = insert_email("processing", lease_owner="alive", started_at=utcnow(),
                            lease_expires_at=utcnow() + timedelta(minutes=5))
    assert recovery.sweep(get_settings()).requeued == []
    assert status(email_id) == "processing"


def test_a_job_lost_on_its_last_attempt_fails_with_exactly_one_alert(smtp: SmtpServer) -> None:
    attempts = get_settings().max_retries + 1
    email_id = insert_email("processing", lease_owner="dead", attempt_count=attempts,
                            started_at=utcnow() - LONG_AGO,
                            lease_expires_at=utcnow() - timedelta(seconds=1))
    first = recovery.sweep(get_settings())
    second = recovery.sweep(get_settings())
    assert (first.failed, second.failed) == ([email_id], [])
    assert status(email_id) == "failed"
    assert len(smtp.messages) == 1
