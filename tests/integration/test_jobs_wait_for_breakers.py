"""A job whose attachment host's circuit breaker is open waits in the queue instead of burning its retries:
back to `queued`, due when a trial call may go, the attempt given back; neither the sweeper nor the embedded
poll takes it up before then; once the host answers again it completes and the breaker closes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from app import queue
from app.config import get_settings
from app.database import session_scope
from app.models import CircuitBreaker, IncomingEmail, utcnow
from app.services import breakers, dispatch, jobs, processing, recovery
from tests.conftest import SetEnv
from tests.integration.attachments.local_sites import LocalSite, file, status
from tests.support.factories import insert_email


@pytest.fixture
def zendesk(database: str, set_env: SetEnv, tmp_path: Path) -> Iterator[LocalSite]:
    site = LocalSite("127.0.0.1")
    set_env(zendesk_subdomain="127.0.0.1", attachment_allow_private_addresses="true",
            attachment_allow_plain_http="true", attachment_store_dir=str(tmp_path / "store"),
            breaker_failure_threshold=2, breaker_cooldown_seconds=300)
    queue.declare_queue()
    queue.get_broker().flush_all()
    yield site
    site.close()
    queue.get_broker().flush_all()


def job_with(site: LocalSite, path: str) -> int:
    return insert_email(attachment_urls=[{"url": site.url(path), "filename": "aufstellung.csv"}])


def job(email_id: int) -> IncomingEmail:
    with session_scope() as session:
        return jobs.get(session, email_id)


def host_breaker() -> CircuitBreaker | None:
    with session_scope() as session:
        return session.get(CircuitBreaker, breakers.attachments("127.0.0.1"))


def test_an_open_attachment_breaker_makes_the_job_wait_without_using_an_attempt(zendesk: LocalSite) -> None:
    settings = get_settings()
    zendesk.routes["/a/1"] = status(503)
    zendesk.routes["/a/2"] = status(503)
    first = job_with(zendesk, "/a/1")
    for _ in range(2):  # two real failures: the second opens the breaker
        with pytest.raises(processing.RetryLater):
            processing.run_attempt(first, settings)
    opened = host_breaker()
    assert opened is not None and opened.state == "open" and opened.retry_at is not None
    assert (job(first).attempt_count, job(first).retry_count) == (2, 2)

    second = job_with(zendesk, "/a/2")
    assert processing.run_attempt(second, settings) == "waiting"
    waiting = job(second)
    assert zendesk.requests_to("/a/2") == []  # no request while the host's breaker is open
    assert (waiting.processing_status, waiting.attempt_count, waiting.retry_count) == ("queued", 0, 0)
    assert waiting.available_at == opened.retry_at
    last = waiting.events[-1]
    assert (last.kind, last.message) == ("requeued", "waiting: circuit breaker attachments:127.0.0.1 is open")

    # Nothing takes it up before the breaker may half-open: not the sweeper, not the embedded poll.
    assert recovery.sweep(settings, now=utcnow() + timedelta(seconds=200)).requeued == []
    with session_scope() as session:
        assert second not in dispatch.due(session, utcnow(), 0, 50)
        assert second in dispatch.due(session, opened.retry_at + timedelta(seconds=1), 0, 50)

    # The cool-down passes and the host is back: the trial download succeeds, the job completes.
    with session_scope() as session:
        session.execute(update(CircuitBreaker).values(retry_at=utcnow() - timedelta(seconds=1)))
    zendesk.routes["/a/2"] = file(b"Offene Forderung;1.234,56 EUR\n", "text/csv")
    assert processing.run_attempt(second, settings) == "completed"
    done = job(second)
    assert (done.processing_status, done.attempt_count, done.retry_count) == ("completed", 1, 0)
    closed = host_breaker()
    assert closed is not None and (closed.state, closed.failures) == ("closed", 0)


def test_a_file_already_in_the_store_needs_no_download_and_no_breaker(zendesk: LocalSite) -> None:
    settings = get_settings()
    zendesk.routes["/a/stored"] = file(b"Offene Forderung;99,00 EUR\n", "text/csv")
    assert processing.run_attempt(job_with(zendesk, "/a/stored"), settings) == "completed"
    for _ in range(2):
        breakers.failed(breakers.attachments("127.0.0.1"), "ConnectError: refused")
    # The same URL again (a second email with the same attachment): read from the store, breaker or not.
    assert processing.run_attempt(job_with(zendesk, "/a/stored"), settings) == "completed"
    assert len(zendesk.requests_to("/a/stored")) == 1
