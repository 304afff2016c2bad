"""A letter that bounced, told by a signed Resend webhook to a running `creditor-matcher serve`, shows on
the dashboard's Deliveries page with the client, the creditor and the provider's reason (Chromium)."""

from __future__ import annotations

import base64
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect

from app.services.inbound import svix
from tests.browser.test_dashboard_browser import BIN, SCREENSHOTS, TOKEN, Service, browser, page
from tests.conftest import SetEnv
from tests.e2e.test_processes import free_port, healthy, process, wait_for

pytestmark = pytest.mark.browser
__all__ = ["browser", "page"]  # fixtures used here, defined with the other dashboard tests

SECRET = "whsec_" + base64.b64encode(b"browser test resend key").decode()


@pytest.fixture
def service(tmp_path: Path, set_env: SetEnv) -> Iterator[Service]:
    database_url = f"sqlite:///{tmp_path / 'deliveries.db'}"
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS", "DATABASE", "RABBITMQ"))}
    env.update(DATABASE_URL=database_url, JOBS_API_TOKEN=TOKEN, LOG_LEVEL="WARNING", RESEND_WEBHOOK_SECRET=SECRET)
    service = Service(base_url=f"http://127.0.0.1:{port}", log=tmp_path / "serve.log")
    with process([str(BIN / "creditor-matcher"), "serve", "--port", str(port)], env, service.log):
        wait_for(lambda: healthy(service.base_url), 30, "serve to answer")
        set_env(database_url=database_url)
        yield service


def post_event(service: Service, event: dict[str, object], delivery_id: str) -> dict[str, object]:
    body = json.dumps(event).encode()
    stamp = str(int(time.time()))
    response = httpx.post(f"{service.base_url}/api/v1/resend/webhook", content=body, timeout=10, headers={
        "content-type": "application/json", "svix-id": delivery_id, "svix-timestamp": stamp,
        "svix-signature": svix.sign(SECRET, delivery_id, stamp, body)})
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_a_bounced_letter_shows_on_the_deliveries_page(service: Service, page: Page) -> None:
    for ident, reference in (("DL-1", "KT-2027-0101"), ("DL-2", "KT-2027-0102")):
        service.post_api("/api/v1/inquiries", {
            "id": ident, "client_name": "Swantje Feddersen", "firm_reference": reference,
            "creditor_name": "Möwe Mobilfunk GmbH", "creditor_email": "forderungen@moewe-mobil.example"})
    page.goto("/dashboard/deliveries")
    expect(page.locator("td.empty")).to_have_text("No letter has bounced.")

    answer = post_event(service, {"type": "email.bounced", "data": {
        "email_id": "sent-77", "to": ["forderungen@moewe-mobil.example"], "subject": "Forderungsanfrage KT-2027-0102",
        "bounce": {"type": "Permanent", "subType": "General", "message": "550 mailbox unavailable"}}}, "msg_b1")
    assert answer["status"] == "recorded"

    page.goto("/dashboard/jobs")
    page.click("nav >> text=Deliveries")
    page.wait_for_url("**/dashboard/deliveries")
    row = page.locator("tr[data-delivery-problem]")
    expect(row).to_have_count(1)
    expect(row.locator("[data-kind]")).to_have_text("bounced")
    expect(row.locator("[data-letters]")).to_contain_text("KT-2027-0102")
    expect(row.locator("[data-letters]")).not_to_contain_text("KT-2027-0101")
    expect(row).to_contain_text("550 mailbox unavailable")
    assert service.api("/api/v1/inquiries/DL-2")["undeliverable_reason"].startswith("bounced")
    assert service.api("/api/v1/inquiries/DL-1")["undeliverable_at"] is None
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "deliveries.png"), full_page=True)
