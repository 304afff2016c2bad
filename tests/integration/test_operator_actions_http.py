"""Operators' actions over HTTP: the jobs API's cancel and bulk retry, the processing switch, and the dashboard's
forms for the same actions, each recording the operator's name and guarded like every other write."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from httpx import Response

from app.database import session_scope
from app.routers import csrf
from app.routers.operator import OPERATOR_COOKIE
from app.services import jobs, workers
from tests.support.factories import insert_email, queued_message_args

JSON = {"Content-Type": "application/json"}
HTMX = {"HX-Request": "true"}


def history(email_id: int) -> list[str | None]:
    with session_scope() as session:
        return [event.message for event in jobs.get(session, email_id).events]


def form_post(client: TestClient, url: str, data: list[tuple[str, str]],
              headers: dict[str, str] | None = None) -> Response:
    """A form post as the dashboard's page sends it (same origin, its token); repeated fields allowed."""
    client.get("/dashboard/jobs")
    fields = [*data, (csrf.CSRF_FIELD, client.cookies.get(csrf.CSRF_COOKIE) or "")]
    return client.post(url, content="&".join(f"{k}={v}" for k, v in fields),
                       headers={"Sec-Fetch-Site": "same-origin", "Content-Type": "application/x-www-form-urlencoded",
                                **(headers or {})})


def test_the_api_cancels_a_queued_job_under_the_operators_name_and_refuses_a_finished_one(client: TestClient) -> None:
    waiting, done = insert_email("queued"), insert_email("completed")
    response = client.post(f"/api/v1/jobs/{waiting}/cancel", headers={**JSON, "X-Operator": "Jana Sommer"})
    assert response.status_code == 200
    assert response.json() == {"id": waiting, "processing_status": "cancelled", "operator": "Jana Sommer"}
    assert history(waiting)[-1] == "cancelled by Jana Sommer"
    refused = client.post(f"/api/v1/jobs/{done}/cancel", json={"operator": "Jana Sommer"})
    assert refused.status_code == 409 and "job" in refused.json()["detail"]
    assert client.post(f"/api/v1/jobs/{waiting}/cancel", headers={**JSON, "X-Operator": "Tom"}).status_code == 409
    assert client.post("/api/v1/jobs/999999/cancel", json={"operator": "x"}).status_code == 404
    unnamed = client.post(f"/api/v1/jobs/{insert_email('queued')}/cancel", headers=JSON)
    assert unnamed.status_code == 400 and "name the operator" in unnamed.json()["detail"]


def test_the_api_retries_listed_or_all_failed_jobs_in_one_call(client: TestClient) -> None:
    failed = [insert_email("failed", processing_error="boom") for _ in range(3)]
    done = insert_email("completed")
    some = client.post("/api/v1/jobs/retry", json={"ids": [failed[0], done], "operator": "Tom Berger"})
    assert some.status_code == 200
    assert some.json()["retried"] == [failed[0]] and list(some.json()["skipped"]) == [str(done)]
    rest = client.post("/api/v1/jobs/retry", json={"all_failed": True}, headers={"X-Operator": "Tom Berger"})
    assert rest.json()["retried"] == failed[1:] and rest.json()["enqueued"] == 2
    assert history(failed[2])[-1] == "manual retry by Tom Berger"
    assert sorted(queued_message_args()) == [(failed[0],), (failed[1],), (failed[2],)]
    too_big = client.post("/api/v1/jobs/retry", json={"ids": [2**31], "operator": "Tom Berger"})
    assert too_big.status_code == 422  # not a row id: refused before the database sees it


def test_the_api_pauses_and_resumes_processing_and_reports_the_queue(client: TestClient) -> None:
    waiting = insert_email("queued")
    paused = client.post("/api/v1/processing/pause", json={"operator": "Jana Sommer"})
    assert paused.status_code == 200
    body = paused.json()
    assert (body["paused"], body["changed_by"], body["waiting"], body["oldest_waiting_id"]) == (
        True, "Jana Sommer", 1, waiting)
    assert body["no_worker_alive"] is True and body["workers"] == []
    with session_scope() as session:
        workers.beat(session, "embedded", threads=2, worker_id="box-a:7")
    state = client.get("/api/v1/processing").json()
    assert state["paused"] and [w["id"] for w in state["workers"]] == ["box-a:7"] and not state["no_worker_alive"]
    assert client.get("/api/v1/processing?alive_within=0.000001").json()["no_worker_alive"] is True
    assert client.get("/api/v1/processing?alive_within=0").status_code == 422
    resumed = client.post("/api/v1/processing/resume", headers={**JSON, "X-Operator": "Tom Berger"}).json()
    assert (resumed["paused"], resumed["changed_by"], resumed["resent"]) == (False, "Tom Berger", 1)


def test_the_api_writes_refuse_forms_and_other_origins(client: TestClient) -> None:
    waiting = insert_email("queued")
    form = {"Content-Type": "application/x-www-form-urlencoded", "X-Operator": "x"}
    for path in (f"/api/v1/jobs/{waiting}/cancel", "/api/v1/jobs/retry", "/api/v1/processing/pause"):
        assert client.post(path, content="operator=x", headers=form).status_code == 415
        other = client.post(path, json={"operator": "x"}, headers={"Origin": "https://evil.example"})
        assert other.status_code == 403
    with session_scope() as session:
        assert jobs.get(session, waiting).processing_status == "queued" and not workers.is_paused(session)


def test_the_dashboard_retries_the_ticked_jobs_and_remembers_the_operator(client: TestClient) -> None:
    failed = [insert_email("failed", processing_error="boom") for _ in range(3)]
    response = form_post(client, "/dashboard/jobs/retry?status=failed",
                         [("operator", "Jana+Sommer"), ("all", "0"), ("id", str(failed[0])), ("id", str(failed[2]))],
                         HTMX)
    assert response.status_code == 200
    assert "2 job(s) queued again by Jana Sommer." in response.text
    assert response.headers["hx-trigger"] == "jobs-changed"
    assert OPERATOR_COOKIE in client.cookies
    assert history(failed[2])[-1] == "manual retry by Jana Sommer"
    page = client.get("/dashboard/jobs").text
    assert 'id="operator-name" name="operator" value="Jana Sommer"' in page
    everything = form_post(client, "/dashboard/jobs/retry", [("operator", ""), ("all", "1")])
    assert "1 job(s) queued again by Jana Sommer." in everything.text  # the remembered name
    nothing = form_post(client, "/dashboard/jobs/retry", [("all", "0")], HTMX)
    assert nothing.status_code == 422 and "nothing selected" in nothing.text


def test_the_dashboard_cancels_a_waiting_job_and_shows_the_state_tabs(client: TestClient) -> None:
    waiting, running = insert_email("queued"), insert_email("processing")
    page = client.get("/dashboard/jobs").text
    assert f'action="/dashboard/jobs/{waiting}/cancel"' in page and f'/dashboard/jobs/{running}/cancel' not in page
    done = form_post(client, f"/dashboard/jobs/{waiting}/cancel", [("operator", "Tom")], HTMX)
    assert done.status_code == 200 and f"Job {waiting} cancelled by Tom." in done.text
    late = form_post(client, f"/dashboard/jobs/{running}/cancel", [("operator", "Tom")], HTMX)
    assert late.status_code == 409 and "only received or queued" in late.text
    tabs = client.get("/dashboard/jobs?status=cancelled").text
    assert re.search(r'data-count="cancelled">1<', tabs) and f'data-job-id="{waiting}"' in tabs
    assert client.post(f"/dashboard/jobs/{running}/cancel", data={"operator": "x"},
                       headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403


def test_the_workers_page_warns_when_jobs_wait_without_a_worker_and_switches_processing(client: TestClient) -> None:
    insert_email("queued")
    page = client.get("/dashboard/workers").text
    assert 'id="no-worker-banner"' in page and 'id="queue-depth">1<' in page
    paused = form_post(client, "/dashboard/processing/pause", [("operator", "Jana")])
    assert paused.status_code == 200 and "Processing paused by Jana" in paused.text
    assert 'id="paused-banner"' in paused.text
    with session_scope() as session:
        workers.beat(session, "dramatiq", threads=8, worker_id="box-b:9")
    page = client.get("/dashboard/workers").text
    assert 'id="no-worker-banner"' not in page and 'data-worker="box-b:9"' in page
    resumed = form_post(client, "/dashboard/processing/resume", [("operator", "Jana")], HTMX)
    assert "1 waiting job(s) sent" in resumed.text and resumed.headers["hx-trigger"] == "processing-changed"


def test_the_charts_page_draws_svg_with_the_numbers(client: TestClient) -> None:
    insert_email("completed")
    for chosen in ("hour", "day"):
        html = client.get(f"/dashboard/charts?range={chosen}").text
        assert html.count("<svg") == 3 and 'data-series="received"' in html and 'id="total-received">1<' in html
    assert client.get("/dashboard/charts?range=week").status_code == 422
