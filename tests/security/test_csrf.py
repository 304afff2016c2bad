"""A page on another origin cannot change state: API writes need JSON and a same-origin browser, dashboard forms
need proof of this origin and the page's token, and the webhook takes only JSON (issue 9, finding 10). All with
no JOBS_API_TOKEN configured, the case where nothing else stands in the way."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app import queue
from app.database import session_scope
from app.models import IncomingEmail
from app.routers import csrf
from app.services import jobs
from tests.support.app_client import app_client
from tests.support.factories import insert_email, payload

JSON = {"content-type": "application/json"}
FORM = {"content-type": "application/x-www-form-urlencoded"}
EVIL = "https://evil.example"


@pytest.fixture
def web(sqlite_database: str) -> Iterator[TestClient]:
    queue.declare_queue()
    queue.get_broker().flush_all()
    with app_client() as client:
        yield client
    queue.get_broker().flush_all()


def status_of(job_id: int) -> str:
    with session_scope() as session:
        return jobs.get(session, job_id).processing_status


def stored_emails() -> int:
    with session_scope() as session:
        return session.query(IncomingEmail).count()


# --- the operator API -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("headers", [
    {},                                                      # a no-cors fetch without a body
    {"content-type": "text/plain"},                          # <form enctype="text/plain">
    FORM, {"content-type": "multipart/form-data; boundary=x"},
    {"content-type": "application/json", "origin": EVIL},    # would need CORS, refused anyway
    {"content-type": "application/json", "sec-fetch-site": "cross-site"},
    {"content-type": "application/json", "sec-fetch-site": "same-site"},
    {"content-type": "application/json", "origin": "null"},
], ids=["no-type", "text-plain", "urlencoded", "multipart", "evil-origin", "cross-site", "same-site", "null-origin"])
def test_a_retry_from_another_origin_is_refused(web: TestClient, headers: dict[str, str]) -> None:
    failed = insert_email("failed", processing_error="boom")
    response = web.post(f"/api/v1/jobs/{failed}/retry", headers=headers)
    assert response.status_code in {403, 415}
    assert response.json()["detail"]
    assert status_of(failed) == "failed"


def test_a_retry_by_a_script_or_the_own_origin_is_accepted(web: TestClient) -> None:
    first, second = insert_email("failed", processing_error="a"), insert_email("failed", processing_error="b")
    assert web.post(f"/api/v1/jobs/{first}/retry", headers=JSON).status_code == 200
    same = {**JSON, "origin": "http://testserver", "sec-fetch-site": "same-origin"}
    assert web.post(f"/api/v1/jobs/{second}/retry", headers=same).status_code == 200


@pytest.mark.parametrize("path", ["/api/v1/reviews/1/approve", "/api/v1/reviews/1/reject",
                                  "/api/v1/reviews/1/correct", "/api/v1/inquiries",
                                  "/api/v1/inquiries/PL-1/plan-decisions"])
def test_other_api_writes_refuse_a_form_post(web: TestClient, path: str) -> None:
    body = json.dumps({"reviewer": "Mallory"}).encode()
    assert web.post(path, content=body, headers={"content-type": "text/plain"}).status_code == 415
    assert web.post(path, content=body, headers={**JSON, "origin": EVIL}).status_code == 403


def test_a_json_suffix_media_type_counts_as_json() -> None:
    assert csrf.is_json("application/json; charset=utf-8")
    assert csrf.is_json("application/problem+json")
    assert not csrf.is_json("text/plain")
    assert not csrf.is_json("text/json+plain")
    assert not csrf.is_json(None)


# --- the webhook ------------------------------------------------------------------------------------------------

def test_a_text_plain_form_post_to_the_webhook_creates_no_job(web: TestClient) -> None:
    body = json.dumps(payload()).encode()
    response = web.post("/api/v1/zendesk/webhook", content=body, headers={"content-type": "text/plain"})
    assert response.status_code == 415 and "application/json" in response.json()["detail"]
    assert web.post("/api/v1/zendesk/webhook", content=body).status_code == 415
    assert stored_emails() == 0


def test_zendesk_without_origin_headers_still_delivers(web: TestClient) -> None:
    response = web.post("/api/v1/zendesk/webhook", content=json.dumps(payload()).encode(),
                        headers={"content-type": "application/json; charset=utf-8"})
    assert response.status_code == 200, response.text
    assert stored_emails() == 1


# --- the dashboard ----------------------------------------------------------------------------------------------

def token_for(web: TestClient) -> str:
    web.get("/dashboard/jobs")
    token = web.cookies.get(csrf.CSRF_COOKIE)
    assert token
    return token


@pytest.mark.parametrize("headers", [
    {},                                     # neither Origin nor Sec-Fetch-Site: proves nothing
    {"origin": "null"},                     # sandboxed iframe, data: URL, redirect chain
    {"origin": EVIL},
    {"origin": "http://testserver.evil.example"},
    {"sec-fetch-site": "cross-site"},
    {"sec-fetch-site": "same-site"},
    {"sec-fetch-site": "none"},
    {"sec-fetch-site": "cross-site", "origin": "http://testserver"},
], ids=["nothing", "null", "evil", "lookalike", "cross-site", "same-site", "fetch-none", "headers-disagree"])
def test_a_dashboard_retry_without_proof_of_origin_is_refused(web: TestClient, headers: dict[str, str]) -> None:
    failed = insert_email("failed", processing_error="boom")
    token = token_for(web)
    response = web.post(f"/dashboard/jobs/{failed}/retry", data={csrf.CSRF_FIELD: token}, headers=headers)
    assert response.status_code == 403
    assert status_of(failed) == "failed"


@pytest.mark.parametrize("submitted", [None, "", "x" * 43, "forged-token-of-the-right-shape-0123456789abcd"])
def test_a_dashboard_post_without_the_pages_token_is_refused(web: TestClient, submitted: str | None) -> None:
    failed = insert_email("failed", processing_error="boom")
    token_for(web)
    data = {} if submitted is None else {csrf.CSRF_FIELD: submitted}
    response = web.post(f"/dashboard/jobs/{failed}/retry", data=data, headers={"sec-fetch-site": "same-origin"})
    assert response.status_code == 403 and "token" in response.text  # the dashboard's error page
    assert status_of(failed) == "failed"


def test_a_token_without_its_cookie_is_refused(web: TestClient) -> None:
    failed = insert_email("failed", processing_error="boom")
    token = token_for(web)
    web.cookies.clear()
    response = web.post(f"/dashboard/jobs/{failed}/retry", data={csrf.CSRF_FIELD: token},
                        headers={"origin": "http://testserver"})
    assert response.status_code == 403
    assert status_of(failed) == "failed"


def test_a_text_plain_post_to_a_dashboard_form_is_refused(web: TestClient) -> None:
    failed = insert_email("failed", processing_error="boom")
    token = token_for(web)
    response = web.post(f"/dashboard/jobs/{failed}/retry", content=f"{csrf.CSRF_FIELD}={token}".encode(),
                        headers={"content-type": "text/plain", "sec-fetch-site": "same-origin"})
    assert response.status_code in {403, 415}
    assert status_of(failed) == "failed"


def test_the_own_page_retries_by_origin_or_by_fetch_metadata(web: TestClient) -> None:
    by_fetch, by_origin = insert_email("failed", processing_error="a"), insert_email("failed", processing_error="b")
    page = web.get(f"/dashboard/jobs/{by_fetch}").text
    token = web.cookies.get(csrf.CSRF_COOKIE)
    assert token and f'name="{csrf.CSRF_FIELD}" value="{token}"' in page
    ok = web.post(f"/dashboard/jobs/{by_fetch}/retry", data={csrf.CSRF_FIELD: token},
                  headers={"sec-fetch-site": "same-origin", "hx-request": "true"})
    assert ok.status_code == 200 and status_of(by_fetch) == "queued"
    ok = web.post(f"/dashboard/jobs/{by_origin}/retry", data={csrf.CSRF_FIELD: token},
                  headers={"origin": "http://testserver"})
    assert ok.status_code == 200 and status_of(by_origin) == "queued"


def test_the_token_cookie_stays_on_the_dashboard_and_out_of_scripts(web: TestClient) -> None:
    cookie = web.get("/dashboard/jobs").headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/dashboard" in cookie
    assert "set-cookie" not in web.get("/dashboard/jobs").headers  # a browser keeps the token it has
