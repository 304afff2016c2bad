"""The jobs list, charts and workers pages in Debian's chromium against a real `creditor-matcher serve`: search and
the new columns, state tabs and cursor pages while jobs arrive, bulk retry with ticks that survive polling, cancel,
the charts' numbers, and the workers page with its warning and the pause switch — each leaving a screenshot in
docs/screenshots/ and recording the operator's name in the job's history."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest
import redis
from playwright.sync_api import Browser, Page, expect

from app.database import session_scope
from app.models import JobEvent, Review, utcnow
from app.services import workers
from tests.browser import test_dashboard_browser as harness
from tests.browser.test_dashboard_browser import BIN, SCREENSHOTS, TOKEN, Service
from tests.conftest import SetEnv
from tests.e2e.test_processes import free_port, healthy, process, wait_for
from tests.integration.matching.support import add_inquiry
from tests.support.factories import insert_email

pytestmark = pytest.mark.browser
REDIS_DB = 13  # the Redis-mode service keeps its messages away from every other test's queue
# The harness's fixtures: a real `serve` on SQLite, Debian's chromium, a logged-in page that reaches nothing else.
service, browser, page = harness.service, harness.browser, harness.page


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def row(page: Page, job_id: int) -> Any:
    return page.locator(f'#jobs-live tr[data-job-id="{job_id}"]')


def history(service: Service, job_id: int) -> list[str | None]:
    return [event["message"] for event in service.api(f"/api/v1/jobs/{job_id}")["events"]]


def pause(service: Service) -> None:
    """Nothing is taken by the service's own worker while a test looks at waiting jobs."""
    service.post_api("/api/v1/processing/pause", {"operator": "test setup"})


def processed(intent: str, amount: str | None, action: str, inquiry: str | None = None,
              client: str | None = None) -> dict[str, Any]:
    return {"extraction": {"intent": intent, "total_amount": amount, "client_name": client},
            "match": {"inquiry_id": inquiry, "action": action}}


def test_operators_search_jobs_and_see_intent_amount_outcome_and_review(service: Service, page: Page) -> None:
    with session_scope() as session:
        add_inquiry(session, "INQ-8801", "Greta Lindqvist", "AZ-2026-0417")
    applied = insert_email("completed", from_email="forderung@nordbank.example", subject="AW: Ihre Anfrage",
                           extracted_data=processed("debt_statement", "1234.56", "applied", "INQ-8801"),
                           match_status="confident")
    waiting = insert_email("completed", from_email="service@fjordkasse.example", subject="Restforderung Okonkwo",
                           extracted_data=processed("debt_statement", "99.00", "review", client="Paul Okonkwo"))
    with session_scope() as session:
        session.add(Review(email_id=waiting, status="open", reasons=["amount not safe"], match_status="probable",
                           proposed_amount=Decimal("99.00")))
    other = insert_email("failed", subject="Zahlungserinnerung", processing_error="PermanentError: unreadable")

    page.goto("/dashboard/jobs")
    expect(row(page, applied).locator("td.intent")).to_have_text("debt_statement")
    expect(row(page, applied).locator("td.amount")).to_have_text("1.234,56 €")
    expect(row(page, applied).locator("td.outcome")).to_have_text("applied")
    expect(row(page, applied).locator("td.client")).to_have_text("Greta Lindqvist")
    expect(row(page, waiting).locator("td.review")).to_have_text("needs review")
    expect(row(page, other).locator("td.review")).to_have_text("")

    page.fill("#job-search", "lindqvist")  # the matched inquiry's client
    page.wait_for_url("**/dashboard/jobs?q=lindqvist")
    expect(page.locator("#jobs-live tbody tr")).to_have_count(1)
    expect(row(page, applied)).to_be_visible()
    page.fill("#job-search", "fjordkasse")  # the sender
    page.wait_for_url("**/dashboard/jobs?q=fjordkasse")
    expect(page.locator("#jobs-live tbody tr")).to_have_count(1)
    expect(row(page, waiting)).to_be_visible()
    page.fill("#job-search", "")
    page.check("#review-filter")
    page.wait_for_url("**/dashboard/jobs?review=1")
    expect(page.locator("#jobs-live tbody tr")).to_have_count(1)
    expect(row(page, waiting)).to_be_visible()
    page.uncheck("#review-filter")
    page.fill("#job-search", "AZ-2026")  # a reference
    page.wait_for_url("**/dashboard/jobs?q=AZ-2026")
    expect(row(page, applied)).to_be_visible()
    expect(page.locator("#jobs-live tbody tr")).to_have_count(1)
    shot(page, "jobs-search.png")
    page.goto("/dashboard/jobs?q=okonkwo")  # a link reproduces the search
    expect(page.locator("#job-search")).to_have_value("okonkwo")
    expect(page.locator("#jobs-live tbody tr")).to_have_count(1)


def test_state_tabs_count_and_a_cursor_page_stays_put_while_jobs_arrive(service: Service, page: Page) -> None:
    done = [insert_email("completed", subject=f"Saldo {n}") for n in range(7)]
    failed = [insert_email("failed", processing_error="boom") for _ in range(2)]
    page.goto("/dashboard/jobs?limit=3")
    expect(page.locator('[data-count="all"]')).to_have_text("9")
    expect(page.locator('[data-count="completed"]')).to_have_text("7")
    expect(page.locator('[data-count="cancelled"]')).to_have_text("0")
    page.click('.counts a:has([data-count="failed"])')
    page.wait_for_url("**/dashboard/jobs?status=failed&limit=3")
    expect(page.locator("#jobs-live tbody tr")).to_have_count(2)
    expect(page.locator(".count.current [data-count]")).to_have_attribute("data-count", "failed")

    page.click('.counts a:has([data-count="completed"])')
    page.wait_for_url("**/dashboard/jobs?status=completed&limit=3")
    page.click("#page-older")
    page.wait_for_url(f"**/dashboard/jobs?status=completed&before={done[4]}&limit=3")
    expect(page.locator("#jobs-range")).to_have_text("4–6")
    shown = [done[3], done[2], done[1]]
    expect(page.locator("#jobs-live tbody tr")).to_have_count(3)
    arrivals = [insert_email("completed", subject="Neu eingetroffen") for _ in range(2)]
    expect(page.locator("#newer-jobs")).to_contain_text("5 newer", timeout=15_000)  # the poll saw them
    expect(page.locator('[data-count="completed"]')).to_have_text("9")
    assert [int(v) for v in page.locator("#jobs-live tbody tr").evaluate_all(
        "rows => rows.map(r => r.dataset.jobId)")] == shown
    expect(page.locator("#jobs-range")).to_have_text("6–8")
    shot(page, "jobs-tabs.png")
    page.click("#newer-jobs")
    expect(row(page, arrivals[1])).to_be_visible()
    assert failed  # counted above


def test_bulk_retry_of_ticked_then_all_failed_jobs_keeps_ticks_through_polling(service: Service, page: Page) -> None:
    pause(service)  # the retried jobs stay queued where the test can see them
    failed = [insert_email("failed", subject=f"Fehlgeschlagen {n}", processing_error="TransientError: timeout")
              for n in range(4)]
    page.goto("/dashboard/jobs?status=failed")
    page.fill("#operator-name", "Jana Sommer")
    page.check(f"#pick-{failed[0]}")
    page.check(f"#pick-{failed[2]}")
    with page.expect_response(lambda response: "/dashboard/jobs/table" in response.url):
        pass  # one poll replaced the table
    with page.expect_response(lambda response: "/dashboard/jobs/table" in response.url):
        pass
    expect(page.locator(f"#pick-{failed[0]}")).to_be_checked()
    expect(page.locator(f"#pick-{failed[2]}")).to_be_checked()
    expect(page.locator(f"#pick-{failed[1]}")).not_to_be_checked()
    page.click("#retry-selected")
    expect(page.locator("#jobs-notice .notice")).to_have_text("2 job(s) queued again by Jana Sommer.")
    expect(page.locator("#jobs-live tbody tr")).to_have_count(2)
    expect(page.locator('[data-count="queued"]')).to_have_text("2")
    shot(page, "jobs-bulk-retry.png")
    assert history(service, failed[2])[-1] == "manual retry by Jana Sommer"

    page.click("#retry-all-failed")
    expect(page.locator("#jobs-notice .notice")).to_have_text("2 job(s) queued again by Jana Sommer.")
    expect(page.locator('[data-count="failed"]')).to_have_text("0")
    expect(page.locator("#jobs-live td.empty")).to_be_visible()
    assert history(service, failed[3])[-1] == "manual retry by Jana Sommer"


def test_an_operator_cancels_a_queued_job_and_the_name_is_remembered(service: Service, page: Page) -> None:
    pause(service)
    waiting, other = insert_email("queued", subject="Bitte nicht bearbeiten"), insert_email("queued")
    page.goto("/dashboard/jobs?status=queued")
    expect(page.locator("#paused-banner")).to_contain_text("paused by test setup")
    page.fill("#operator-name", "Tom Berger")
    row(page, waiting).locator("button.cancel").click()
    expect(page.locator("#jobs-notice .notice")).to_have_text(f"Job {waiting} cancelled by Tom Berger.")
    expect(row(page, waiting)).to_have_count(0)
    expect(page.locator('[data-count="cancelled"]')).to_have_text("1")
    assert history(service, waiting)[-1] == "cancelled by Tom Berger"
    assert service.api(f"/api/v1/jobs/{other}")["processing_status"] == "queued"
    page.goto("/dashboard/jobs?status=cancelled")
    expect(page.locator("#operator-name")).to_have_value("Tom Berger")  # remembered for the next action
    expect(row(page, waiting).locator(".badge")).to_have_text("cancelled")
    expect(row(page, waiting).locator("button.cancel")).to_have_count(0)
    shot(page, "jobs-cancel.png")


def test_the_charts_show_throughput_percentiles_and_review_depth(service: Service, page: Page) -> None:
    now = utcnow()
    for seconds in (1.0, 2.0, 3.0, 4.0, 10.0):
        done_at = now - timedelta(minutes=seconds * 3)
        email_id = insert_email("completed", created_at=done_at - timedelta(seconds=30),
                                started_at=done_at - timedelta(seconds=seconds), completed_at=done_at)
        with session_scope() as session:
            session.add(JobEvent(email_id=email_id, at=done_at, kind="status", from_status="processing",
                                 to_status="completed"))
    broken = insert_email("failed", created_at=now - timedelta(minutes=5))
    with session_scope() as session:
        session.add(JobEvent(email_id=broken, at=now - timedelta(minutes=4), kind="status",
                             from_status="processing", to_status="failed"))
        session.add(Review(email_id=broken, status="open", reasons=[], match_status="probable",
                           created_at=now - timedelta(minutes=40)))
    page.goto("/dashboard/jobs")
    page.click("nav >> text=Charts")
    page.wait_for_url("**/dashboard/charts")
    expect(page.locator("#total-received")).to_have_text("6")
    expect(page.locator("#total-completed")).to_have_text("5")
    expect(page.locator("#total-failed")).to_have_text("1")
    hour = page.locator('[data-window="last hour"]')
    expect(hour.locator('[data-p="50"]')).to_have_text("3.00 s")
    expect(hour.locator('[data-p="90"]')).to_have_text("10.00 s")
    expect(page.locator("#open-reviews")).to_have_text("1")
    completed = page.locator('#chart-throughput [data-series="completed"]').get_attribute("data-values") or ""
    assert sum(float(v) for v in completed.split(",") if v) == 5
    expect(page.locator("#chart-processing-time svg")).to_be_visible()
    expect(page.locator("#chart-review-depth circle")).to_have_count(60)
    shot(page, "charts.png")
    page.click("text=Last day, per hour")
    page.wait_for_url("**/dashboard/charts?range=day")
    expect(page.locator("#total-completed")).to_have_text("5")
    received = page.locator('#chart-throughput [data-series="received"]').get_attribute("data-values") or ""
    assert len(received.split(",")) == 24 and sum(float(v) for v in received.split(",") if v) == 6
    expect(page.locator('#chart-throughput [data-series="failed"] rect')).to_have_count(1)


@pytest.fixture
def redis_service(tmp_path: Path, set_env: SetEnv, redis_server_url: str) -> Iterator[Service]:
    """`serve` with a Redis broker and no worker process at all: replies wait, and nobody beats."""
    parts = urlsplit(redis_server_url)
    url = urlunsplit(parts._replace(path=f"/{REDIS_DB}")) if parts.scheme.startswith("redis") else redis_server_url
    redis.Redis.from_url(url).flushdb()
    database_url = f"sqlite:///{tmp_path / 'workers.db'}"
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS", "DATABASE", "RABBITMQ"))}
    env.update(DATABASE_URL=database_url, JOBS_API_TOKEN=TOKEN, LOG_LEVEL="WARNING", REDIS_URL=url)
    started = Service(base_url=f"http://127.0.0.1:{port}", log=tmp_path / "serve.log")
    with process([str(BIN / "creditor-matcher"), "serve", "--port", str(port)], env, started.log):
        wait_for(lambda: healthy(started.base_url), 30, "serve to answer")
        set_env(database_url=database_url)
        yield started
    redis.Redis.from_url(url).flushdb()


def test_the_workers_page_warns_without_workers_and_pauses_and_resumes(redis_service: Service,
                                                                       browser: Browser) -> None:
    context = browser.new_context(base_url=redis_service.base_url, viewport={"width": 1400, "height": 900},
                                  http_credentials={"username": "jana", "password": TOKEN})
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    try:
        ids = [redis_service.post_reply() for _ in range(3)]
        opened.goto("/dashboard/jobs")
        expect(opened.locator("#no-worker-banner")).to_contain_text("3 job(s) wait")
        opened.click("nav >> text=Workers")
        opened.wait_for_url("**/dashboard/workers")
        expect(opened.locator("#no-worker-banner")).to_be_visible()
        expect(opened.locator("#queue-depth")).to_have_text("3")
        expect(opened.locator("#oldest-waiting a")).to_have_text(f"#{ids[0]}")
        shot(opened, "workers-no-worker.png")
        expect(opened.locator("#operator-name")).to_have_value("jana")  # the login's name until one is typed

        with session_scope() as session:
            workers.beat(session, "dramatiq", threads=8, jobs_done=41, worker_id="ops-box-1:4711")
        expect(opened.locator('tr[data-worker="ops-box-1:4711"]')).to_be_visible()  # by polling
        expect(opened.locator("#no-worker-banner")).to_have_count(0)
        expect(opened.locator("#worker-count")).to_have_text("1")

        opened.fill("#operator-name", "Jana Sommer")
        opened.click("#pause-processing")
        expect(opened.locator("#workers-notice .notice")).to_contain_text("Processing paused by Jana Sommer")
        expect(opened.locator("#paused-banner")).to_contain_text("by Jana Sommer")
        expect(opened.locator("#switch-state")).to_have_text("paused")
        state = redis_service.api("/api/v1/processing")
        assert (state["paused"], state["changed_by"], state["waiting"]) == (True, "Jana Sommer", 3)
        shot(opened, "workers.png")

        opened.click("#resume-processing")
        expect(opened.locator("#workers-notice .notice")).to_contain_text(
            "Processing resumed by Jana Sommer; 3 waiting job(s) sent")
        expect(opened.locator("#switch-state")).to_have_text("running")
        expect(opened.locator("#paused-banner")).to_have_count(0)
    finally:
        context.close()
    assert httpx.get(f"{redis_service.base_url}/dashboard/workers", timeout=5).status_code == 401
