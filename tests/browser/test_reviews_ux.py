"""Reviews, freshness and the keyboard in a real browser: `creditor-matcher serve` as its own process, Debian's
chromium through Playwright. A review's own page, decided reviews with who and when, the remembered reviewer,
the stale banner when the server stops, error pages, dark mode and the keys — each leaves a screenshot in
docs/screenshots/."""

from __future__ import annotations

import os
import re
import signal
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog, Page, expect

from app.database import session_scope
from app.services import jobs
from tests.browser.test_dashboard_browser import BIN, SCREENSHOTS, TOKEN, Service, failed_job_with_history
from tests.browser.test_dashboard_browser import browser as browser
from tests.conftest import SetEnv
from tests.e2e.test_processes import free_port, healthy, process, wait_for
from tests.support.factories import insert_email

pytestmark = pytest.mark.browser

REPLY = ("Sehr geehrte Damen und Herren,\n\nzu Ihrem Zeichen KZ-2026-0311 (Frau Ottilie Brandauer, Kundennummer "
         "EW-30417) teilen wir mit: Die Gesamtforderung beträgt 2.964,20 EUR.\n\nMit freundlichen Grüßen\n"
         "Elbtal Wasser GmbH")
QUIET_WHEN_STOPPED = ("Failed to load resource", "net::ERR_CONNECTION_REFUSED", "htmx:sendError", "htmx:afterRequest")


@dataclass(frozen=True)
class Served:
    service: Service
    proc: subprocess.Popen[bytes]

    def stop(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)  # gone at once, as a crashed or unplugged server would be
        self.proc.wait(timeout=10)


@pytest.fixture
def served(tmp_path: Path, set_env: SetEnv) -> Iterator[Served]:
    database_url = f"sqlite:///{tmp_path / 'ux.db'}"
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS", "DATABASE", "RABBITMQ"))}
    env.update(DATABASE_URL=database_url, JOBS_API_TOKEN=TOKEN, LOG_LEVEL="WARNING")
    service = Service(base_url=f"http://127.0.0.1:{port}", log=tmp_path / "serve.log")
    with process([str(BIN / "creditor-matcher"), "serve", "--port", str(port)], env, service.log) as proc:
        wait_for(lambda: healthy(service.base_url), 30, "serve to answer")
        set_env(database_url=database_url)
        yield Served(service, proc)


@dataclass
class Opened:
    page: Page
    problems: list[str]


def open_page(browser: Browser, service: Service, *, dark: bool = False) -> Iterator[Opened]:
    context = browser.new_context(base_url=service.base_url, viewport={"width": 1400, "height": 900},
                                  http_credentials={"username": "operator", "password": TOKEN},
                                  color_scheme="dark" if dark else "light")
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(service.base_url)
                  else route.abort())
    page = context.new_page()
    page.set_default_timeout(15_000)
    opened = Opened(page, [])
    page.on("console", lambda m: opened.problems.append(f"{m.type}: {m.text}") if m.type in {"error", "warning"}
            else None)
    page.on("pageerror", lambda error: opened.problems.append(f"page error: {error}"))
    yield opened
    context.close()


@pytest.fixture
def light(browser: Browser, served: Served) -> Iterator[Opened]:
    yield from open_page(browser, served.service)


@pytest.fixture
def dark(browser: Browser, served: Served) -> Iterator[Opened]:
    yield from open_page(browser, served.service, dark=True)


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def review_waiting(service: Service) -> int:
    """An inquiry and a reply whose total doubles the known amount: the system opens a review."""
    service.post_api("/api/v1/inquiries", {
        "id": "EW-1", "client_name": "Ottilie Brandauer", "firm_reference": "KZ-2026-0311",
        "creditor_name": "Elbtal Wasser GmbH", "creditor_email": "forderungen@elbtal-wasser.example",
        "creditor_reference": "EW-30417", "known_amount": 1480.0})
    job = service.post_reply(from_email="forderungen@elbtal-wasser.example", from_name="Elbtal Wasser GmbH",
                             subject="AW: Ihre Anfrage KZ-2026-0311", body_text=REPLY)
    service.wait_completed(job)
    found = service.api("/api/v1/reviews?status=open")["reviews"]
    assert len(found) == 1, found
    return int(found[0]["id"])


def test_a_review_has_its_own_page_and_decided_reviews_show_who_and_when(served: Served, light: Opened) -> None:
    page, service = light.page, served.service
    review_id = review_waiting(service)
    page.goto("/dashboard/reviews")
    page.click(f"#review-{review_id} h2 a:has-text('Review {review_id}')")
    page.wait_for_url(f"**/dashboard/reviews/{review_id}")
    expect(page.locator("#review-client")).to_have_text("Ottilie Brandauer")
    expect(page.locator("#review-creditor")).to_have_text("Elbtal Wasser GmbH")
    expect(page.locator("#review-known")).to_have_text("1.480,00 €")
    expect(page.locator("#review-proposed")).to_have_text("2.964,20 €")
    expect(page.locator("#review-change")).to_have_text("+100,28 % against the known amount")
    expect(page.locator("#review-total-evidence")).to_contain_text("Die Gesamtforderung beträgt 2.964,20 EUR.")
    expect(page.locator("#review-reasons")).to_contain_text(
        "total 2.964,20 € is +100 % against the known amount 1.480,00 €")
    expect(page.locator("#review-explanation")).to_contain_text("EW-1")
    shot(page, "review-page.png")

    page.fill("#reviewer", "Henrike Aalders")
    page.fill("#review-detail form.correct input[name=amount]", "2.900,00")
    page.fill("#review-detail form.correct input[name=note]", "telefonisch bestätigt")
    page.click("#review-detail form.correct button")
    expect(page.locator("#review-status")).to_have_text("corrected")
    expect(page.locator("#review-detail .notice")).to_contain_text("corrected by Henrike Aalders, amount 2.900,00 €")
    expect(page.locator("#review-decided-by")).to_have_text("Henrike Aalders")
    assert page.url.endswith(f"/dashboard/reviews/{review_id}")

    # The name is remembered: a new visit has it filled in.
    page.goto("/dashboard/reviews")
    expect(page.locator("#reviewer")).to_have_value("Henrike Aalders")
    page.click("[data-tab-link=decided]")
    page.wait_for_url("**/dashboard/reviews?tab=decided")
    decided = page.locator(f'tr[data-review-id="{review_id}"]')
    expect(decided.locator("[data-decided-by]")).to_have_text("Henrike Aalders")
    expect(decided.locator("[data-decided-at]")).to_have_text(re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$"))
    expect(decided).to_contain_text("2.900,00 €")
    expect(decided).to_contain_text("telefonisch bestätigt")
    shot(page, "reviews-decided.png")
    assert light.problems == [], light.problems


def test_a_plan_reply_shows_the_decision_read_and_the_offer_next_to_the_counter_offer(served: Served,
                                                                                     light: Opened) -> None:
    page, service = light.page, served.service
    service.post_api("/api/v1/inquiries", {
        "id": "EW-9", "client_name": "Ottilie Brandauer", "firm_reference": "KZ-2026-0311",
        "creditor_name": "Elbtal Wasser GmbH", "creditor_email": "forderungen@elbtal-wasser.example",
        "creditor_reference": "EW-30417", "known_amount": 1480.0, "letter_type": "plan",
        "plan_offer": {"type": "quota", "quota_percent": 6.0, "offer_amount": 88.8, "months": 72,
                       "reply_by": "2027-04-30"}})
    job = service.post_reply(
        from_email="forderungen@elbtal-wasser.example", subject="AW: Schuldenbereinigungsplan KZ-2026-0311",
        body_text="Guten Tag,\n\nden Plan für Frau Ottilie Brandauer (Ihr Zeichen KZ-2026-0311, Kundennummer "
                  "EW-30417) lehnen wir in dieser Form ab. Zustimmen könnten wir bei einer Quote von 12 %.\n\n"
                  "Elbtal Wasser GmbH")
    service.wait_completed(job)
    review_id = int(service.api("/api/v1/reviews?status=open")["reviews"][0]["id"])
    page.goto(f"/dashboard/reviews/{review_id}")
    expect(page.locator("#review-plan-decision")).to_have_text("counter offer")
    quota = page.locator('#review-plan tr[data-figure="quota percent"] td')
    expect(quota).to_have_text(["quota percent", "6,00 %", "12,00 %"])
    offered = page.locator('#review-plan tr[data-figure="offer amount"] td')
    expect(offered).to_have_text(["offer amount", "88,80 €", "—"])
    shot(page, "review-plan.png")
    assert light.problems == [], light.problems


def test_the_stale_banner_says_when_the_page_was_last_fresh(served: Served, light: Opened) -> None:
    page = light.page
    insert_email("queued", subject="AW: wartet auf einen Worker")
    page.goto("/dashboard/jobs")
    banner = page.locator("#stale-banner")
    with page.expect_response(lambda r: "/dashboard/jobs/table" in r.url and r.status == 200):
        pass  # one poll answered while the server runs
    expect(banner).to_be_hidden()
    since = page.evaluate("(() => { const d = new Date(); return [d.getHours(), d.getMinutes()]; })()")
    served.stop()
    expect(banner).to_be_visible(timeout=15_000)
    expect(banner).to_contain_text("server not answering")
    text = banner.inner_text()
    shown = re.search(r"last update (\d\d):(\d\d)", text)
    assert shown is not None, text
    hours, minutes = int(shown.group(1)), int(shown.group(2))
    assert (hours * 60 + minutes) - (since[0] * 60 + since[1]) in {0, 1}, (text, since)  # a minute may turn over
    shot(page, "stale-banner.png")
    assert [p for p in light.problems if not any(q in p for q in QUIET_WHEN_STOPPED)] == [], light.problems


def test_errors_under_the_dashboard_are_pages(served: Served, light: Opened) -> None:
    page = light.page
    response = page.goto("/dashboard/reviews/424242")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("404 — not found")
    expect(page.locator(".problem")).to_contain_text("review 424242 not found")
    response = page.goto("/dashboard/there-is-nothing-here")
    assert response is not None and response.status == 404
    expect(page.locator(".problem")).to_contain_text("there is no page at /dashboard/there-is-nothing-here")
    expect(page.locator("nav >> text=Reviews")).to_be_visible()  # the dashboard around it, not raw JSON
    shot(page, "not-found.png")
    response = page.goto("/dashboard/reviews?tab=someday")
    assert response is not None and response.status == 422
    expect(page.locator("h1")).to_have_text("422 — not understood")
    light.problems.clear()  # chromium reports the 404/422 responses themselves on the console


def test_dark_mode_follows_the_system(served: Served, dark: Opened) -> None:
    page = dark.page
    review_waiting(served.service)
    page.goto("/dashboard/reviews")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    ink = page.evaluate("getComputedStyle(document.body).color")
    assert background == "rgb(15, 23, 42)", background
    assert ink == "rgb(229, 231, 235)", ink
    card = page.evaluate("getComputedStyle(document.querySelector('.card')).backgroundColor")
    assert card == "rgb(17, 28, 47)", card
    shot(page, "dark-mode.png")
    assert dark.problems == [], dark.problems


def test_the_light_scheme_stays_light(served: Served, light: Opened) -> None:
    light.page.goto("/dashboard/reviews")
    assert light.page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(246, 248, 250)"


def completed_job() -> int:
    email_id = insert_email("queued", subject="AW: erledigt")
    with session_scope() as session:
        claim = jobs.claim(session, email_id, "browser-test", 60)
        assert claim is not None
        assert jobs.complete(session, claim)
    return email_id


def test_keys_search_move_and_retry_with_a_confirmation(served: Served, light: Opened) -> None:
    page = light.page
    failed = failed_job_with_history()
    done = completed_job()
    questions: list[str] = []

    def answer(dialog: Dialog) -> None:
        questions.append(dialog.message)
        dialog.accept()

    page.on("dialog", answer)
    page.goto("/dashboard/reviews?tab=decided")
    page.keyboard.press("/")
    expect(page.locator("#review-search")).to_be_focused()
    page.keyboard.type("j")  # typed into the search, not taken as a key
    expect(page.locator("#review-search")).to_have_value("j")
    page.keyboard.press("Escape")

    page.goto("/dashboard/jobs")
    rows = page.locator("#jobs-live tbody tr[data-job-id]")
    expect(rows).to_have_count(2)
    page.keyboard.press("j")  # newest first: the completed job
    expect(page.locator(f'tr[data-job-id="{done}"]')).to_have_class(re.compile(r"\bis-selected\b"))
    page.keyboard.press("r")
    expect(page.locator("#flash")).to_contain_text(f"Job {done} is completed: only a failed job can be retried.")
    assert questions == []
    page.keyboard.press("j")
    selected = page.locator(f'tr[data-job-id="{failed}"]')
    expect(selected).to_have_class(re.compile(r"\bis-selected\b"))
    with page.expect_response(lambda r: "/dashboard/jobs/table" in r.url):
        pass  # the table was polled and swapped: the selection survives
    expect(page.locator(f'tr[data-job-id="{failed}"]')).to_have_class(re.compile(r"\bis-selected\b"))
    page.keyboard.press("k")
    expect(page.locator(f'tr[data-job-id="{done}"]')).to_have_class(re.compile(r"\bis-selected\b"))
    page.keyboard.press("j")
    shot(page, "keyboard-selection.png")
    page.keyboard.press("r")
    page.wait_for_url(f"**/dashboard/jobs/{failed}/retry")
    assert questions == [f"Retry job {failed}?"]
    expect(page.locator(".notice")).to_contain_text(f"Job {failed} is queued again (retry 1)")

    # On a failed job's own page, r asks and then uses the page's retry button.
    other = failed_job_with_history()
    page.goto(f"/dashboard/jobs/{other}")
    page.keyboard.press("r")
    expect(page.locator("#job-detail .notice")).to_contain_text(f"Job {other} is queued again (retry 1)")
    assert questions == [f"Retry job {failed}?", f"Retry job {other}?"]
    assert light.problems == [], light.problems
