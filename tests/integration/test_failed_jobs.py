"""A failed attempt says where it failed (step, attachment file, host), keeps its traceback and shows it folded
on the job page; an attachment without a reading says why; a failed job shows no next attempt and its page
stops refreshing, a waiting one keeps refreshing; job_completed names the outcome."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from structlog.testing import CapturingLogger

from app.config import get_settings
from app.database import session_scope
from app.models import IncomingEmail
from app.services import jobs, matching_stage, processing
from tests.conftest import SetEnv
from tests.integration.attachments.local_sites import LocalSite, file, status
from tests.support.factories import payload

BODY = "Guten Tag,\n\ndie Aufstellung liegt bei.\n\nFreundliche Grüße\nVersorger Nord\n"


@pytest.fixture
def zendesk(client: TestClient, set_env: SetEnv, tmp_path: Path) -> Iterator[LocalSite]:
    site = LocalSite("127.0.0.1")
    set_env(zendesk_subdomain="127.0.0.1", attachment_allow_private_addresses="true",
            attachment_allow_plain_http="true", attachment_store_dir=str(tmp_path / "store"), max_retries=0)
    yield site
    site.close()


def submit(client: TestClient, attachments: list[dict[str, Any]] | None = None) -> int:
    answer = client.post("/api/v1/zendesk/webhook", json=payload(body_text=BODY, attachments=attachments or []))
    return int(answer.json()["email_id"])


def row(email_id: int) -> IncomingEmail:
    with session_scope() as session:
        email = jobs.get(session, email_id)
        list(email.events)
        return email


def two_files(site: LocalSite) -> list[dict[str, Any]]:
    site.routes["/attachments/token/n1/"] = file(b"Kontostand offen: 12,00 EUR\n", "text/plain")
    site.routes["/attachments/token/r2/"] = status(503)
    return [{"url": site.url("/attachments/token/n1/"), "filename": "Notiz.txt"},
            {"url": site.url("/attachments/token/r2/"), "filename": "Rechnung.pdf"}]


def test_a_failed_download_names_the_file_and_host_and_keeps_the_traceback(
    client: TestClient, zendesk: LocalSite
) -> None:
    email_id = submit(client, two_files(zendesk))
    assert processing.run_attempt(email_id, get_settings(), notify=lambda _id: None) == "failed"
    email = row(email_id)
    assert email.processing_error == "attachment Rechnung.pdf: HTTP 503 from 127.0.0.1"
    assert email.available_at is None
    assert email.error_traceback is not None
    assert email.error_traceback.startswith("Traceback (most recent call last)")
    assert "TransientError: HTTP 503 from 127.0.0.1" in email.error_traceback
    assert "/attachments/token/" not in email.error_traceback  # a download URL carries its access token
    failed = email.events[-1]
    assert (failed.to_status, failed.details) == ("failed", {"step": "attachments", "attachment": "Rechnung.pdf",
                                                             "host": "127.0.0.1"})


def test_the_job_page_folds_the_traceback_and_says_why_each_file_was_not_read(
    client: TestClient, zendesk: LocalSite
) -> None:
    email_id = submit(client, two_files(zendesk))
    processing.run_attempt(email_id, get_settings(), notify=lambda _id: None)
    page = client.get(f"/dashboard/jobs/{email_id}").text
    assert '<details class="traceback"' in page and "<details class=\"traceback\" open" not in page
    assert "TransientError: HTTP 503 from 127.0.0.1" in page
    assert "the download or reading failed: attachment Rechnung.pdf: HTTP 503 from 127.0.0.1" in page
    assert "the attempt stopped at attachment Rechnung.pdf; this file&#39;s reading was not kept" in page
    assert "Next attempt due" not in page
    assert 'hx-trigger="every 3s"' not in page  # final: the page stops refreshing


def test_a_job_waiting_for_its_retry_shows_when_and_keeps_refreshing(
    client: TestClient, zendesk: LocalSite, set_env: SetEnv
) -> None:
    set_env(max_retries=3)
    email_id = submit(client, two_files(zendesk))
    with pytest.raises(processing.RetryLater):
        processing.run_attempt(email_id, get_settings(), notify=lambda _id: None)
    email = row(email_id)
    assert email.processing_status == "queued" and email.error_traceback
    assert email.events[-1].details["attachment"] == "Rechnung.pdf"
    page = client.get(f"/dashboard/jobs/{email_id}").text
    assert "Next attempt due" in page
    assert 'hx-trigger="every 3s"' in page
    fragment = client.get(f"/dashboard/jobs/{email_id}", headers={"HX-Request": "true"}).text
    assert fragment.lstrip().startswith('<section id="job-detail"') and "every 3s" in fragment


def test_a_job_not_yet_processed_says_its_files_wait_for_a_worker(client: TestClient, zendesk: LocalSite) -> None:
    email_id = submit(client, two_files(zendesk))
    page = client.get(f"/dashboard/jobs/{email_id}").text
    assert page.count("not read yet: the job is waiting for a worker") == 2


def test_a_bug_in_a_step_names_the_step_and_the_error_class(
    client: TestClient, zendesk: LocalSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise KeyError("inquiry")

    monkeypatch.setattr(matching_stage, "match_and_apply", broken)
    email_id = submit(client)
    processing.run_attempt(email_id, get_settings(), notify=lambda _id: None)
    email = row(email_id)
    assert email.processing_error == "step matching: KeyError: 'inquiry'"
    assert email.error_traceback and "in broken" in email.error_traceback


def test_a_retried_and_completed_job_forgets_the_old_traceback(
    client: TestClient, zendesk: LocalSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    zendesk.routes["/attachments/token/f1/"] = status(503)
    email_id = submit(client, [{"url": zendesk.url("/attachments/token/f1/"), "filename": "Saldo.txt"}])
    processing.run_attempt(email_id, get_settings(), notify=lambda _id: None)
    zendesk.routes["/attachments/token/f1/"] = file(b"Saldo: 0,00 EUR\n", "text/plain")
    with session_scope() as session:
        jobs.retry(session, email_id)
    logs = CapturingLogger()
    monkeypatch.setattr(processing, "log", logs)
    assert processing.run_attempt(email_id, get_settings(), notify=lambda _id: None) == "completed"
    email = row(email_id)
    assert email.processing_error is None and email.error_traceback is None
    completed = next(call.kwargs for call in logs.calls if call.args == ("job_completed",))
    assert completed["outcome"] == "no_match" and completed["review_id"]
