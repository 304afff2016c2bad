"""The dashboard in a real browser: `creditor-matcher serve` as its own process, Debian's chromium driven by
Playwright (no browser download, no internet), checking counts, URL filters, polling that keeps the filter,
the job history and the retry button, behind the operator login and without a single CSP violation."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, ConsoleMessage, HttpCredentials, Page, expect, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from app.database import session_scope
from app.services import jobs
from tests.conftest import SetEnv
from tests.e2e.test_processes import free_port, healthy, process, wait_for
from tests.support.factories import insert_email, payload

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-extensions", "--disable-default-apps"]
TOKEN = "browser-test-token"
BIN = Path(sys.executable).parent
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@dataclass(frozen=True)
class Service:
    base_url: str
    log: Path

    def api(self, path: str) -> Any:
        response = httpx.get(f"{self.base_url}{path}", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=5)
        response.raise_for_status()
        return response.json()

    def post_api(self, path: str, body: dict[str, Any]) -> Any:
        response = httpx.post(f"{self.base_url}{path}", json=body, headers={"Authorization": f"Bearer {TOKEN}"},
                              timeout=5)
        assert response.status_code in {200, 201}, response.text
        return response.json()

    def post_reply(self, **overrides: Any) -> int:
        """An unsigned Zendesk webhook (ZENDESK_WEBHOOK_SECRET is unset for this service)."""
        response = httpx.post(f"{self.base_url}/api/v1/zendesk/webhook", json=payload(**overrides), timeout=10)
        assert response.status_code == 200, response.text
        return int(response.json()["email_id"])

    def wait_completed(self, *ids: int) -> None:
        wait_for(lambda: all(self.api(f"/api/v1/jobs/{i}")["processing_status"] == "completed" for i in ids),
                 30, f"jobs {ids} to complete ({self.log.read_text()[-2000:]})")


@pytest.fixture
def service(tmp_path: Path, set_env: SetEnv) -> Iterator[Service]:
    database_url = f"sqlite:///{tmp_path / 'dashboard.db'}"
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS", "DATABASE", "RABBITMQ"))}
    env.update(DATABASE_URL=database_url, JOBS_API_TOKEN=TOKEN, LOG_LEVEL="WARNING")
    service = Service(base_url=f"http://127.0.0.1:{port}", log=tmp_path / "serve.log")
    with process([str(BIN / "creditor-matcher"), "serve", "--port", str(port)], env, service.log):
        wait_for(lambda: healthy(service.base_url), 30, "serve to answer")
        set_env(database_url=database_url)  # this process writes into the same SQLite file
        yield service


@pytest.fixture
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), (
        f"{CHROMIUM} is missing: run `bash scripts/install-system-deps.sh` as root (or `apt-get install chromium`)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, service: Service) -> Iterator[Page]:
    context = browser.new_context(base_url=service.base_url, viewport={"width": 1400, "height": 900},
                                  http_credentials={"username": "operator", "password": TOKEN})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(service.base_url)
                  else route.abort())  # nothing leaves the machine
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    problems: list[str] = []
    opened.on("console", lambda message: _note(message, problems))
    opened.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    yield opened
    context.close()
    assert problems == [], problems


def _note(message: ConsoleMessage, problems: list[str]) -> None:
    if message.type in {"error", "warning"}:
        problems.append(f"console {message.type}: {message.text}")


def failed_job_with_history() -> int:
    """A job that went queued → processing → failed through the real state machine."""
    email_id = insert_email("queued", subject="AW: Forderung <unklar>")
    with session_scope() as session:
        claim = jobs.claim(session, email_id, "browser-test", 60)
        assert claim is not None
        jobs.fail(session, email_id, "PermanentError: attachment unreadable", attempt=claim.attempt,
                  owner="browser-test")
    return email_id


def row(page: Page, job_id: int) -> Any:
    return page.locator(f'#jobs-live tr[data-job-id="{job_id}"]')


def test_operators_watch_filter_and_retry_jobs_in_chromium(service: Service, page: Page, tmp_path: Path) -> None:
    done = [service.post_reply(), service.post_reply()]
    service.wait_completed(*done)
    failed = failed_job_with_history()

    page.goto("/dashboard/jobs")
    expect(page.locator('[data-count="completed"]')).to_have_text("2")
    expect(page.locator('[data-count="failed"]')).to_have_text("1")
    expect(page.locator("#jobs-live tbody tr")).to_have_count(3)
    expect(row(page, failed)).to_contain_text("AW: Forderung <unklar>")  # shown as text, escaped
    page.screenshot(path=str(tmp_path / "jobs.png"), full_page=True)

    # The filter changes the URL and the table in place.
    page.evaluate("window.stillTheSamePage = true")
    page.select_option("#status-filter", "failed")
    page.wait_for_url("**/dashboard/jobs?status=failed")
    expect(page.locator("#jobs-live tbody tr")).to_have_count(1)
    expect(row(page, failed)).to_be_visible()

    # A reply that completes after the page loaded appears by polling; the filter survives the poll.
    page.select_option("#status-filter", "completed")
    page.wait_for_url("**/dashboard/jobs?status=completed")
    expect(page.locator("#jobs-live tbody tr")).to_have_count(2)
    late = service.post_reply(subject="AW: Forderungsanfrage, spät")
    service.wait_completed(late)
    expect(row(page, late)).to_be_visible(timeout=15_000)
    expect(page.locator('[data-count="completed"]')).to_have_text("3")
    expect(page.locator("#status-filter")).to_have_value("completed")
    expect(page.locator("#jobs-live")).to_have_attribute("hx-get", "/dashboard/jobs/table?status=completed")
    expect(row(page, failed)).to_have_count(0)
    assert page.url.endswith("/dashboard/jobs?status=completed")
    assert page.evaluate("window.stillTheSamePage") is True, "the page reloaded instead of polling"

    # A link reproduces the view.
    page.goto("/dashboard/jobs?status=failed")
    expect(page.locator("#status-filter")).to_have_value("failed")
    page.click(f'#jobs-live tr[data-job-id="{failed}"] td.id a')
    page.wait_for_url(f"**/dashboard/jobs/{failed}")
    history = page.locator("table.events tbody tr")
    expect(history).to_have_count(2)
    expect(history.nth(0)).to_contain_text("attempt_started")
    expect(history.nth(1)).to_contain_text("processing → failed")
    expect(history.nth(1)).to_contain_text("PermanentError: attachment unreadable")

    page.click("text=Retry")
    expect(page.locator(".notice")).to_contain_text(f"Job {failed} is queued again (retry 1)")
    expect(page.locator("table.events")).to_contain_text("manual retry")
    assert page.url.endswith(f"/dashboard/jobs/{failed}")
    service.wait_completed(failed)  # the embedded worker takes the retried job
    page.reload()
    expect(page.locator("#job-status")).to_have_text("completed")
    page.screenshot(path=str(tmp_path / "job.png"), full_page=True)


def test_without_the_operator_password_the_browser_gets_no_page(service: Service, browser: Browser) -> None:
    unauthenticated = httpx.get(f"{service.base_url}/dashboard/jobs", timeout=5)
    assert unauthenticated.status_code == 401
    assert unauthenticated.headers["www-authenticate"].startswith('Basic realm="creditor-matcher"')
    wrong: HttpCredentials = {"username": "operator", "password": "guess"}
    for credentials in (None, wrong):
        context = browser.new_context(base_url=service.base_url, http_credentials=credentials)
        try:
            outcome = visit(context.new_page(), "/dashboard/jobs")
        finally:
            context.close()
        # Headless chromium either shows the 401 or, having no credentials to offer, gives up on the challenge.
        assert outcome in {401, "net::ERR_INVALID_AUTH_CREDENTIALS"}, (credentials, outcome)


def visit(page: Page, path: str) -> int | str:
    """The page's HTTP status, or the network error chromium stopped with."""
    try:
        response = page.goto(path)
    except PlaywrightError as error:
        return str(error.message).split(" at ")[0].removeprefix("Page.goto: ")
    assert response is not None
    return response.status


def plan_letters(service: Service) -> None:
    """Five plan letters of one client, and the decisions recorded so far by operators."""
    soon, passed = (date.today() + timedelta(days=20)).isoformat(), (date.today() - timedelta(days=10)).isoformat()
    for ident, creditor, claim, reply_by in (
            ("PS-1", "Förde Sparkasse", 5000.0, soon), ("PS-2", "Kanalwerke Rendsburg", 1200.0, soon),
            ("PS-3", "Möwe Mobilfunk GmbH", 800.0, passed), ("PS-4", "Inkassobüro Lotsenhaus", None, soon),
            ("PS-5", "Treene Versand KG", 600.0, soon)):
        service.post_api("/api/v1/inquiries", {
            "id": ident, "client_name": "Swantje Feddersen", "firm_reference": "KT-2027-0911",
            "creditor_name": creditor, "known_amount": claim, "letter_type": "plan",
            "plan_offer": {"type": "quota", "quota_percent": 6.0, "offer_amount": (claim or 0) * 0.06 or None,
                           "reply_by": reply_by}})
    for ident, body in (("PS-1", {"decision": "accepted"}), ("PS-2", {"decision": "accepted", "note": "per Fax"}),
                        ("PS-4", {"decision": "needs_info"}),
                        ("PS-5", {"decision": "counter_offer", "counter_offer": {"quota_percent": "15"}})):
        service.post_api(f"/api/v1/inquiries/{ident}/plan-decisions", {**body, "reviewer": "Frau Quandt"})


def test_a_clients_plan_standing_changes_when_an_operator_records_a_decision(service: Service, page: Page) -> None:
    plan_letters(service)
    page.goto("/dashboard/jobs")
    page.click("nav >> text=Plans")
    page.wait_for_url("**/dashboard/plans")
    expect(page.locator('tr[data-firm-reference="KT-2027-0911"] [data-outcome]')).to_have_text("failed")
    page.click("text=Swantje Feddersen")
    page.wait_for_url("**/dashboard/clients/KT-2027-0911/plan")

    # 2 of 5 agreed; claims 6.200 of the 7.600 known (Lotsenhaus has no figure); Treene's counter-offer fails it.
    expect(page.locator("#plan-heads")).to_have_text("2 of 5")
    expect(page.locator("#plan-heads-share")).to_have_text("40,00 %")
    expect(page.locator("#plan-claims")).to_have_text("6.200,00 € of 7.600,00 €")
    expect(page.locator("#plan-claims-share")).to_have_text("81,58 %; 1 without a figure")
    expect(page.locator("#plan-outcome")).to_have_text("failed")
    expect(page.locator("#plan-309")).to_have_text("not possible")
    expect(page.locator('tr[data-inquiry-id="PS-5"] [data-decision]')).to_contain_text("counter_offer")
    expect(page.locator('tr[data-inquiry-id="PS-5"]')).to_contain_text("15,00 %")
    expect(page.locator('tr[data-inquiry-id="PS-3"] [data-overdue]')).to_be_visible()
    expect(page.locator("[data-overdue]")).to_have_count(1)
    expect(page.locator("#plan-reasons")).to_contain_text("certificate of failure")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "plan-standing.png"), full_page=True)

    # The creditor takes the plan after all (by phone): the counter-offer no longer stands.
    service.post_api("/api/v1/inquiries/PS-5/plan-decisions",
                     {"decision": "accepted", "reviewer": "Herr Ostrowski", "note": "telefonisch zugestimmt"})
    page.reload()
    expect(page.locator("#plan-heads")).to_have_text("3 of 5")
    expect(page.locator("#plan-claims")).to_have_text("6.800,00 € of 7.600,00 €")
    expect(page.locator("#plan-claims-share")).to_have_text("89,47 %; 1 without a figure")
    expect(page.locator("#plan-outcome")).to_have_text("pending")
    # More than half by heads and by the known claims, but Lotsenhaus's unknown claim could outweigh them.
    expect(page.locator("#plan-309")).to_have_text("cannot tell yet")
    expect(page.locator('tr[data-inquiry-id="PS-5"]')).to_contain_text("Herr Ostrowski")
    expect(page.locator("#plan-309-reasons")).to_contain_text("1 claim without a figure decides")
