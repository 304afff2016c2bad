"""The job page in chromium: it refreshes itself while the job runs and stops once it failed, the failed attempt's
traceback is folded under the error until the operator opens it, each attachment that was not read says why,
and a failed job shows no next attempt. Screenshots go to docs/screenshots/."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from app.config import get_settings
from app.database import session_scope
from app.errors import TransientError
from app.models import utcnow
from app.services import jobs, processing, steps
from app.services.attachments import build_client, store_from_settings
from app.services.attachments.fetch import FetchPolicy, fetch_one
from tests.browser import test_dashboard_browser as harness
from tests.integration.attachments.local_sites import LocalSite, status
from tests.support.factories import insert_email

pytestmark = pytest.mark.browser
# The dashboard harness: `creditor-matcher serve` in its own process, chromium, the operator's login.
SCREENSHOTS = harness.SCREENSHOTS
browser, page, service = harness.browser, harness.page, harness.service

OWNER = "browser-test:1"
ATTACHMENTS = [{"url": "https://kanzlei.zendesk.example/attachments/token/n1/?name=Notiz.txt",
                "filename": "Notiz.txt", "content_type": "text/plain", "size": 120},
               {"url": "https://kanzlei.zendesk.example/attachments/token/r2/?name=Rechnung.pdf",
                "filename": "Rechnung.pdf", "content_type": "application/pdf", "size": 48_000}]


def a_running_job() -> int:
    """A job a worker holds right now (so no worker of the service takes it from us)."""
    return insert_email("processing", subject="AW: Ihre Anfrage zum Konto", attachment_urls=ATTACHMENTS,
                        attempt_count=1, started_at=utcnow(), lease_owner=OWNER,
                        lease_expires_at=utcnow() + timedelta(minutes=5))


def a_real_download_failure() -> processing.Failure:
    """The failure the attachment code really raises for a 503 on Rechnung.pdf, as the worker records it."""
    site = LocalSite("127.0.0.1")
    site.routes["/attachments/token/r2/"] = status(503)
    policy = FetchPolicy(first_hop_hosts=frozenset({"127.0.0.1"}), redirect_hosts=frozenset(),
                         allow_private_addresses=True, allow_plain_http=True)
    client = build_client(policy)
    try:
        with steps.step("attachments"):
            fetch_one({"url": site.url("/attachments/token/r2/"), "filename": "Rechnung.pdf"}, policy,
                      store_from_settings(get_settings()), client)
    except TransientError as error:
        return processing.Failure.of(error, get_settings())
    finally:
        client.close()
        site.close()
    raise AssertionError("the download did not fail")


def test_a_failing_job_page_updates_itself_then_folds_the_traceback(service: harness.Service, page: Page) -> None:
    job_id = a_running_job()
    page.goto(f"/dashboard/jobs/{job_id}")
    expect(page.locator("#job-status")).to_have_text("processing")
    expect(page.locator("#job-detail")).to_have_attribute("hx-trigger", "every 3s")
    expect(page.get_by_text("being read now: the job is processing")).to_have_count(2)
    page.evaluate("window.stillTheSamePage = true")

    failure = a_real_download_failure()
    with session_scope() as session:
        assert jobs.fail(session, job_id, failure.message, attempt=1, owner=OWNER, traceback=failure.traceback,
                         where=failure.where)

    expect(page.locator("#job-status")).to_have_text("failed", timeout=10_000)  # by polling, not a reload
    assert page.evaluate("window.stillTheSamePage") is True
    detail = page.locator("#job-detail")
    assert detail.get_attribute("hx-trigger") is None  # final: no more polling
    expect(page.locator("dd.error")).to_contain_text("attachment Rechnung.pdf: HTTP 503 from 127.0.0.1")
    expect(page.get_by_text("Next attempt due")).to_have_count(0)
    rows = page.locator("section.card:has(h2:text('Attachments')) tbody tr")
    expect(rows.nth(0)).to_contain_text("the attempt stopped at attachment Rechnung.pdf")
    expect(rows.nth(1)).to_contain_text("the download or reading failed: attachment Rechnung.pdf: HTTP 503")

    traceback = page.locator("details.traceback")
    expect(traceback).not_to_have_attribute("open", "")
    expect(traceback.locator("pre")).to_be_hidden()
    page.screenshot(path=str(SCREENSHOTS / "job-failed.png"), full_page=True)
    traceback.locator("summary").click()
    expect(traceback.locator("pre")).to_be_visible()
    expect(traceback.locator("pre")).to_contain_text("TransientError: HTTP 503 from 127.0.0.1")
    traceback.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "job-failed-traceback.png"), full_page=True)
