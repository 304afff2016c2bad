"""The workers page in Debian's chromium against a real `creditor-matcher serve`: an outbox entry failing past
the alert threshold and an open circuit breaker each show a banner, and the polled region picks up a breaker
that opens while the page is open — leaving a screenshot in docs/screenshots."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import update

from app.config import get_settings
from app.database import session_scope
from app.models import IncomingEmail, OutboxMessage
from app.services import breakers, matching_stage
from tests.browser.test_dashboard_browser import SCREENSHOTS, TOKEN, Service, browser, service  # noqa: F401
from tests.conftest import SetEnv
from tests.integration.matching.support import add_inquiry, add_reply, stated

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser: Browser, service: Service) -> Iterator[Page]:  # noqa: F811
    context = browser.new_context(base_url=service.base_url, viewport={"width": 1400, "height": 1000},
                                  http_credentials={"username": "operator", "password": TOKEN})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(service.base_url)
                  else route.abort())
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    problems: list[str] = []
    opened.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    yield opened
    context.close()
    assert problems == [], problems


def failing_delivery(set_env: SetEnv) -> int:
    """An applied change whose portal webhook has failed seven times (past OUTBOX_ALERT_AFTER_ATTEMPTS)."""
    set_env(portal_webhook_url="http://127.0.0.1:9/portal/claims")
    with session_scope() as session:
        add_inquiry(session, "INQ-7", "Jürgen Weißbach", "BS-2026-0117", creditor_reference="4401 882 310",
                    known_amount=Decimal("3120.45"))
        email = add_reply(session, body="Konto 4401 882 310, Jürgen Weißbach: Forderung 3.212,32 EUR.")
        outcome = matching_stage.match_and_apply(session, email, stated("3212.32"), get_settings())
        session.execute(update(IncomingEmail).where(IncomingEmail.id == email.id).values(processing_status="completed"))
        [outbox_id] = outcome.outbox_ids
        session.execute(update(OutboxMessage).where(OutboxMessage.id == outbox_id).values(
            status="failed", attempts=7, last_error="ConnectError: [Errno 111] Connection refused"))
    return int(outbox_id)


def test_failing_deliveries_and_open_breakers_show_on_the_workers_page(
        service: Service, page: Page, set_env: SetEnv) -> None:  # noqa: F811
    outbox_id = failing_delivery(set_env)
    for _ in range(get_settings().breaker_failure_threshold):
        breakers.failed(breakers.PORTAL, "ConnectError: [Errno 111] Connection refused")
    page.goto("/dashboard/workers")
    expect(page.locator("#failing-deliveries-banner")).to_contain_text("Deliveries failing")
    expect(page.locator(f'#failing-deliveries tr[data-outbox="{outbox_id}"]')).to_contain_text("Connection refused")
    expect(page.locator('.breaker-banner[data-breaker="portal"]')).to_contain_text("is open")
    # A breaker that opens while the page is open appears with the next poll, without a reload.
    for _ in range(get_settings().breaker_failure_threshold):
        breakers.failed(breakers.SMTP, "SmtpDeliveryError: SMTP connect failed: timed out")
    expect(page.locator('.breaker-banner[data-breaker="smtp"]')).to_contain_text("is open")
    page.screenshot(path=str(SCREENSHOTS / "workers-failing-deliveries.png"), full_page=True)
