"""An outbox delivery that keeps failing is named in ONE alert mail to the admin (a real SMTP server), however
many ticks and however many processes look at it; a mail that could not be sent is tried again; the dashboard
shows it. While the portal's breaker is open an entry is not tried and keeps its attempts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from threading import Barrier, Thread

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from app import queue
from app.config import get_settings
from app.database import session_scope
from app.models import OutboxMessage, utcnow
from app.services import breakers, outbox, outbox_alerts
from tests.conftest import SetEnv
from tests.integration.matching.support import Receiver, webhook_receiver
from tests.integration.matching.test_outbox_delivery import apply_one, entry, webhook_id
from tests.support.smtp_server import SmtpServer, refusing_port, running_smtp_server

ADMIN = "admin@kanzlei.example"


@pytest.fixture
def portal_down(database: str, set_env: SetEnv) -> Iterator[tuple[Receiver, SmtpServer]]:
    with webhook_receiver(500) as receiver, running_smtp_server() as smtp:
        set_env(portal_webhook_url=f"{receiver.url}?token=portal-token", smtp_host=smtp.host, smtp_port=smtp.port,
                smtp_starttls="false", admin_email=ADMIN, outbox_alert_after_attempts=2,
                outbox_min_backoff_seconds=0.05, outbox_max_backoff_seconds=0.2, breaker_failure_threshold=50)
        yield receiver, smtp
    queue.get_broker().flush_all()  # a deferred entry's wake-up call must not reach a later test's worker


def attempt(outbox_id: int) -> str:
    with session_scope() as session:
        session.execute(update(OutboxMessage).where(OutboxMessage.id == outbox_id)
                        .values(next_attempt_at=utcnow() - timedelta(seconds=5)))
    return outbox.deliver(outbox_id, get_settings()).status


def alerts(smtp: SmtpServer) -> list[str]:
    return [str(m.message["Subject"]) for m in smtp.messages if "Outbox delivery failing" in str(m.message["Subject"])]


def test_a_delivery_failing_past_the_threshold_sends_one_alert(portal_down: tuple[Receiver, SmtpServer]) -> None:
    _, smtp = portal_down
    outbox_id = webhook_id(apply_one())
    assert attempt(outbox_id) == "pending"
    assert outbox_alerts.alert_overdue(get_settings()) == []  # one attempt: below the threshold
    assert attempt(outbox_id) == "pending"
    outbox.retry_due(get_settings())  # the scheduler's tick
    assert alerts(smtp) == ["[ALERT] Outbox delivery failing - 1 entry"]
    [mail] = [m for m in smtp.messages if m.rcpt_tos == (ADMIN,)]
    body = mail.message.get_content()
    assert f"Outbox entry {outbox_id} (webhook to http://127.0.0.1:" in body
    assert "portal-token" not in body and "HTTPStatusError" in body
    assert entry(outbox_id).alerted_at is not None
    for _ in range(3):  # still failing, tick after tick: no second mail
        attempt(outbox_id)
        outbox.retry_due(get_settings())
    assert len(alerts(smtp)) == 1


def test_an_entry_undelivered_for_too_long_is_alerted_even_without_attempts(
        portal_down: tuple[Receiver, SmtpServer], set_env: SetEnv) -> None:
    _, smtp = portal_down
    set_env(outbox_alert_after_attempts=100, outbox_alert_after_seconds=3600)
    outbox_id = webhook_id(apply_one())
    assert outbox_alerts.alert_overdue(get_settings()) == []
    with session_scope() as session:
        session.execute(update(OutboxMessage).where(OutboxMessage.id == outbox_id)
                        .values(created_at=utcnow() - timedelta(hours=2)))
    assert outbox_alerts.alert_overdue(get_settings()) == [outbox_id]
    assert len(alerts(smtp)) == 1


def test_an_alert_the_mail_server_did_not_take_is_sent_at_a_later_tick(
        portal_down: tuple[Receiver, SmtpServer], set_env: SetEnv) -> None:
    _, smtp = portal_down
    outbox_id = webhook_id(apply_one())
    attempt(outbox_id)
    attempt(outbox_id)
    with refusing_port() as closed:
        set_env(smtp_port=closed)
        assert outbox_alerts.alert_overdue(get_settings()) == []
    assert entry(outbox_id).alerted_at is None  # the mark is given back
    set_env(smtp_port=smtp.port)
    assert outbox_alerts.alert_overdue(get_settings()) == [outbox_id]
    assert len(alerts(smtp)) == 1


def test_ticks_racing_each_other_send_one_alert(portal_down: tuple[Receiver, SmtpServer]) -> None:
    _, smtp = portal_down
    outbox_id = webhook_id(apply_one())
    attempt(outbox_id)
    attempt(outbox_id)
    start, sent = Barrier(4), []

    def tick() -> None:
        start.wait()
        sent.extend(outbox_alerts.alert_overdue(get_settings()))

    threads = [Thread(target=tick) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sent == [outbox_id]
    assert len(alerts(smtp)) == 1


def test_the_workers_page_shows_failing_deliveries_and_open_breakers(
        portal_down: tuple[Receiver, SmtpServer], client: TestClient) -> None:
    page = client.get("/dashboard/workers").text
    assert "failing-deliveries-banner" not in page and "breaker-banner" not in page
    outbox_id = webhook_id(apply_one())
    attempt(outbox_id)
    attempt(outbox_id)
    for _ in range(50):
        breakers.failed(breakers.PORTAL, "HTTPStatusError: 500")
    page = client.get("/dashboard/workers").text
    assert "Deliveries failing:" in page and f'data-outbox="{outbox_id}"' in page
    assert "portal-token" not in page
    assert 'data-breaker="portal"' in page and "is open" in page


def test_while_the_portal_breaker_is_open_an_entry_waits_and_keeps_its_attempts(
        portal_down: tuple[Receiver, SmtpServer], set_env: SetEnv) -> None:
    receiver, _ = portal_down
    set_env(breaker_failure_threshold=2)
    outbox_id = webhook_id(apply_one())
    assert attempt(outbox_id) == "pending"
    assert attempt(outbox_id) == "pending"  # the second 500 in a row opens the portal's breaker
    assert len(receiver.posts) == 2
    assert attempt(outbox_id) == "deferred"
    waiting = entry(outbox_id)
    assert len(receiver.posts) == 2  # nothing was sent
    assert (waiting.status, waiting.attempts, waiting.lease_expires_at) == ("pending", 2, None)
    with session_scope() as session:
        breaker = session.get(breakers.CircuitBreaker, breakers.PORTAL)
        assert breaker is not None and waiting.next_attempt_at == breaker.retry_at
