"""The operators' dashboard over plain HTTP: pages, counts, URL filters and paging, job detail with history,
retry, review decisions, escaping, the CSP header and the operator login."""

from __future__ import annotations

import base64
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from app.config import get_settings
from app.database import session_scope
from app.models import utcnow
from app.routers import csrf
from app.services import claims, inquiries, jobs, matching_stage, processing
from tests.conftest import SetEnv
from tests.integration.matching.support import add_inquiry, add_reply, stated
from tests.support.factories import insert_email

HTMX = {"HX-Request": "true"}


def form_post(client: TestClient, url: str, data: dict[str, str] | None = None,
              headers: dict[str, str] | None = None) -> Response:
    """A form post as the dashboard's own page sends it: same origin, with the token the page handed out."""
    client.get("/dashboard/jobs")
    fields = {**(data or {}), csrf.CSRF_FIELD: client.cookies.get(csrf.CSRF_COOKIE) or ""}
    return client.post(url, data=fields, headers={"Sec-Fetch-Site": "same-origin", **(headers or {})})


def row_ids(html: str) -> list[int]:
    return [int(found) for found in re.findall(r'<tr data-job-id="(\d+)"', html)]


def count_of(html: str, status: str) -> int:
    found = re.search(rf'data-count="{status}">(\d+)<', html)
    assert found, f"no count for {status}"
    return int(found.group(1))


def test_the_jobs_page_shows_counts_and_rows_newest_first(client: TestClient) -> None:
    base = utcnow() - timedelta(hours=1)
    ids = [insert_email(status, received_at=base + timedelta(minutes=i), subject=f"Betreff {i}")
           for i, status in enumerate(["completed", "failed", "queued", "completed"])]
    response = client.get("/dashboard/jobs")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert row_ids(html) == list(reversed(ids))
    assert [count_of(html, s) for s in ("received", "queued", "processing", "completed", "failed")] == [0, 1, 0, 2, 1]
    assert "Betreff 3" in html and "forderung@musterbank.example" in html
    assert '<script src="/static/htmx.min.js"' in html


def test_the_status_filter_and_paging_live_in_the_url(client: TestClient) -> None:
    base = utcnow() - timedelta(hours=1)
    done = [insert_email("completed", received_at=base + timedelta(minutes=i)) for i in range(5)]
    failed = insert_email("failed", processing_error="Zendesk 500")
    first = client.get("/dashboard/jobs?status=completed&limit=2").text
    second = client.get(f"/dashboard/jobs?status=completed&before={done[3]}&limit=2").text
    assert row_ids(first) == [done[4], done[3]]
    assert row_ids(second) == [done[2], done[1]]
    assert f'href="/dashboard/jobs?status=completed&amp;before={done[1]}&amp;limit=2"' in second
    assert f'href="/dashboard/jobs?status=completed&amp;after={done[2]}&amp;limit=2"' in second
    assert '<option value="completed" selected>' in first
    assert row_ids(client.get("/dashboard/jobs?status=failed").text) == [failed]
    assert len(row_ids(client.get("/dashboard/jobs?status=").text)) == 6  # "all" in the filter


def test_the_polled_table_fragment_keeps_the_filter(client: TestClient) -> None:
    insert_email("completed")
    failed = insert_email("failed", processing_error="x" * 500)
    response = client.get("/dashboard/jobs/table?status=failed", headers=HTMX)
    html = response.text
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="jobs-live"') and "<html" not in html
    assert 'hx-get="/dashboard/jobs/table?status=failed"' in html
    assert 'hx-trigger="every 3s, jobs-changed from:body"' in html
    assert row_ids(html) == [failed]
    assert "x" * 160 + "…" in html and "x" * 161 not in html  # the error is a snippet
    # An htmx filter change gets the region only; a normal visit the whole page.
    assert "<html" not in client.get("/dashboard/jobs?status=failed", headers=HTMX).text
    assert "<html" in client.get("/dashboard/jobs?status=failed").text


@pytest.mark.parametrize("query", ["status=sleeping", "before=-1", "after=abc", "limit=0", "limit=500",
                                   "status=" + "x" * 40])
def test_bad_query_values_are_refused_not_a_500(client: TestClient, query: str) -> None:
    for path in ("/dashboard/jobs", "/dashboard/jobs/table"):
        assert client.get(f"{path}?{query}").status_code in {400, 422}
    assert client.get("/dashboard/jobs/abc").status_code == 422
    assert client.get("/dashboard/reviews?offset=-5").status_code == 422


def test_the_detail_shows_the_full_history_of_attempts(client: TestClient) -> None:
    email_id = insert_email("queued")
    with session_scope() as session:
        first = jobs.claim(session, email_id, "worker-a", 60)
        assert first is not None
        jobs.release_for_retry(session, first, "database gone away", 15)
    with session_scope() as session:
        second = jobs.claim(session, email_id, "worker-b", 60)
        assert second is not None
        jobs.fail(session, email_id, "PermanentError: unreadable", attempt=second.attempt, owner="worker-b")
    html = client.get(f"/dashboard/jobs/{email_id}").text
    history = html[html.index("<h2>History</h2>"):]
    kinds = re.findall(r"<td>(attempt_started|attempt_failed|status)</td>", history)
    assert kinds == ["attempt_started", "attempt_failed", "attempt_started", "status"]
    assert "queued → processing" in history and "processing → queued" in history
    assert "processing → failed" in history
    assert "database gone away" in history and "PermanentError: unreadable" in html
    assert "Attempts / retries</dt><dd>2 / 1" in html
    assert f'hx-post="/dashboard/jobs/{email_id}/retry"' in html


def test_the_detail_of_a_processed_reply_shows_extraction_attachments_and_match(client: TestClient) -> None:
    email_id = insert_email("queued", attachment_urls=[{"url": "https://files.example/secret-token/a.txt",
                                                        "filename": "kontoauszug.txt", "content_type": "text/plain"}])
    assert processing.run_attempt(email_id, get_settings()) == "completed"
    html = client.get(f"/dashboard/jobs/{email_id}").text
    assert "debt_statement" in html
    assert "1.234,56 €" in html  # the total, in German notation, with its evidence
    assert "why this total: chosen for: explicit" in html  # the features that made it win
    assert "Ursprüngliche Nachricht" not in html  # only a reply excerpt, never the quoted history
    assert "received → processing" not in html and "queued → processing" in html
    assert "processing → completed" in html
    assert "kontoauszug.txt" in html and "secret-token" not in html  # never the download URL
    assert "host files.example is not on the allow-list" in html


def test_an_unknown_job_is_a_404_page(client: TestClient) -> None:
    response = client.get("/dashboard/jobs/999999")
    assert response.status_code == 404
    assert "job 999999 not found" in response.text and "<html" in response.text


def test_retry_moves_a_failed_job_to_queued_and_refuses_others(client: TestClient) -> None:
    failed = insert_email("failed", processing_error="boom", retry_count=2)
    page = client.get(f"/dashboard/jobs/{failed}").text
    assert f'hx-post="/dashboard/jobs/{failed}/retry"' in page
    response = form_post(client, f"/dashboard/jobs/{failed}/retry", headers=HTMX)
    assert response.status_code == 200
    assert f"Job {failed} is queued again (retry 3)" in response.text
    assert response.text.lstrip().startswith('<section id="job-detail"')
    assert "manual retry" in response.text
    with session_scope() as session:
        assert jobs.get(session, failed).processing_status == "queued"

    completed = insert_email("completed")
    assert "/retry" not in client.get(f"/dashboard/jobs/{completed}").text  # no button
    refused = form_post(client, f"/dashboard/jobs/{completed}/retry")
    assert refused.status_code == 409
    assert "only failed jobs can be retried" in refused.text
    assert form_post(client, "/dashboard/jobs/999999/retry").status_code == 404


def test_a_cross_site_post_is_refused(client: TestClient) -> None:
    failed = insert_email("failed", processing_error="boom")
    assert client.post(f"/dashboard/jobs/{failed}/retry", headers={"Origin": "https://evil.example"}
                       ).status_code == 403
    assert client.post(f"/dashboard/jobs/{failed}/retry", headers={"Sec-Fetch-Site": "cross-site"}
                       ).status_code == 403
    with session_scope() as session:
        assert jobs.get(session, failed).processing_status == "failed"


def test_everything_shown_is_escaped(client: TestClient) -> None:
    email_id = insert_email("failed", subject="<script>alert(1)</script> Forderung",
                            processing_error="<img src=x onerror=alert(2)>")
    for path in ("/dashboard/jobs", f"/dashboard/jobs/{email_id}"):
        html = client.get(path).text
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<img src=x" not in html


def test_dashboard_responses_carry_a_strict_csp(client: TestClient) -> None:
    insert_email("failed")
    for path in ("/dashboard/jobs", "/dashboard/jobs/table", "/dashboard/reviews", "/dashboard/jobs/424242",
                 "/static/htmx.min.js", "/static/dashboard.css"):
        response = client.get(path)
        csp = response.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp, path
        assert response.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" not in client.get("/healthz").headers
    html = client.get("/dashboard/jobs").text
    assert "<script>" not in html and " style=" not in html and " on" + "click=" not in html
    assert '"includeIndicatorStyles":false' in html


def test_the_login_is_required_when_a_token_is_set(client: TestClient, set_env: SetEnv) -> None:
    set_env(jobs_api_token="s3cret")
    refused = client.get("/dashboard/jobs")
    assert refused.status_code == 401
    assert refused.headers["www-authenticate"].startswith('Basic realm="creditor-matcher"')
    assert "content-security-policy" in refused.headers

    def basic(user: str, password: str) -> dict[str, str]:
        return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}

    assert client.get("/dashboard/jobs", headers=basic("anna", "s3cret")).status_code == 200
    assert client.get("/dashboard/jobs", headers=basic("anna", "wrong")).status_code == 401
    assert client.get("/dashboard/jobs", headers={"Authorization": "Basic %%%"}).status_code == 401
    assert client.get("/dashboard/jobs", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert client.get("/dashboard/reviews", headers={"Authorization": "Bearer nope"}).status_code == 401
    assert client.post("/dashboard/jobs/1/retry").status_code == 401
    assert client.get("/static/htmx.min.js").status_code == 200  # public library, no data


def open_review() -> int:
    with session_scope() as session:
        add_inquiry(session, "INQ-1", "Jürgen Weißbach", "BS-2026-0117", creditor_reference="4401 882 310",
                    known_amount=Decimal("412.80"))
        add_inquiry(session, "INQ-2", "Dragan Petrović", "BS-2026-0170", creditor_reference="4401 905 772")
        email = add_reply(session, body="zum Konto 4401 882 310 Ihres Mandanten Jürgen Weißbach beträgt die "
                                        "Forderung 1.236,42 EUR.", subject="AW: <b>Weißbach</b>")
        outcome = matching_stage.match_and_apply(session, email, stated("1236.42"), get_settings())
        assert outcome.review_id is not None
        return outcome.review_id


def test_open_reviews_are_listed_with_their_proposal(client: TestClient) -> None:
    review_id = open_review()
    html = client.get("/dashboard/reviews").text
    assert f'id="review-{review_id}"' in html
    assert "INQ-1" in html and "1.236,42 €" in html
    assert "AW: &lt;b&gt;Weißbach&lt;/b&gt;" in html
    assert f'hx-post="/dashboard/reviews/{review_id}/approve?offset=0&amp;tab=open"' in html


def test_approving_needs_a_reviewer_and_applies_the_proposal(client: TestClient) -> None:
    review_id = open_review()
    nameless = form_post(client, f"/dashboard/reviews/{review_id}/approve", data={"reviewer": " "}, headers=HTMX)
    assert nameless.status_code == 400
    assert "name the reviewer" in nameless.text
    response = form_post(client, f"/dashboard/reviews/{review_id}/approve", data={"reviewer": "M. Becker"},
                         headers=HTMX)
    assert response.status_code == 200
    assert f"Review {review_id} approved by M. Becker, amount 1.236,42 €." in response.text
    assert f'id="review-{review_id}"' not in response.text  # no longer open
    again = form_post(client, f"/dashboard/reviews/{review_id}/reject", data={"reviewer": "M. Becker"})
    assert again.status_code == 409 and "already approved" in again.text


def test_a_correction_takes_a_german_amount_and_a_rejection_touches_nothing(client: TestClient) -> None:
    review_id = open_review()
    bad = form_post(client, f"/dashboard/reviews/{review_id}/correct",
                    data={"reviewer": "A. Yilmaz", "amount": "zwölf"})
    assert bad.status_code == 400 and "not an amount" in bad.text
    negative = form_post(client, f"/dashboard/reviews/{review_id}/correct",
                         data={"reviewer": "A. Yilmaz", "amount": "-1"})
    assert negative.status_code == 400
    done = form_post(client, f"/dashboard/reviews/{review_id}/correct",
                     data={"reviewer": "A. Yilmaz", "amount": "1.200,00", "inquiry_id": "INQ-2"})
    assert done.status_code == 200 and "corrected by A. Yilmaz, amount 1.200,00 €" in done.text
    with session_scope() as session:
        claim = claims.current(session, inquiries.get(session, "INQ-2").id)
        assert claim is not None and claim.amount == Decimal("1200.00")
    assert form_post(client, "/dashboard/reviews/777/reject", data={"reviewer": "A. Yilmaz"}).status_code == 404
    assert form_post(client, f"/dashboard/reviews/{review_id}/ponder", data={"reviewer": "A"}).status_code == 422
