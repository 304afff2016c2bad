"""GET /api/v1/jobs, GET /api/v1/jobs/{id}, POST /api/v1/jobs/{id}/retry, and the bearer guard."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from app.models import utcnow
from tests.conftest import SetEnv
from tests.support.app_client import app_client
from tests.support.factories import insert_email, queued_message_args

JSON = {"content-type": "application/json"}


def test_the_list_is_newest_first_with_counts_for_every_state(client: TestClient) -> None:
    base = utcnow() - timedelta(hours=1)
    ids = [insert_email(status, received_at=base + timedelta(minutes=i))
           for i, status in enumerate(["completed", "failed", "queued", "completed"])]
    body = client.get("/api/v1/jobs").json()
    assert body["total"] == 4
    assert [job["id"] for job in body["jobs"]] == list(reversed(ids))
    assert body["by_status"] == {"received": 0, "queued": 1, "processing": 0,
                                 "completed": 2, "failed": 1, "cancelled": 0}


def test_the_list_filters_by_status_and_pages(client: TestClient) -> None:
    base = utcnow() - timedelta(hours=1)
    done = [insert_email("completed", received_at=base + timedelta(minutes=i)) for i in range(5)]
    insert_email("failed")
    first = client.get("/api/v1/jobs", params={"status": "completed", "limit": 2}).json()
    second = client.get("/api/v1/jobs",
                        params={"status": "completed", "limit": 2, "offset": 2}).json()
    assert first["total"] == 5
    assert [j["id"] for j in first["jobs"]] == [done[4], done[3]]
    assert [j["id"] for j in second["jobs"]] == [done[2], done[1]]


def test_long_subjects_are_cut_to_100_characters_in_the_list(client: TestClient) -> None:
    insert_email("queued", subject="S" * 300)
    job = client.get("/api/v1/jobs").json()["jobs"][0]
    assert len(job["subject"]) == 100


@pytest.mark.parametrize("params", [{"limit": 201}, {"limit": 0}, {"status": "sleeping"},
                                    {"offset": -1}])
def test_bad_list_parameters_are_a_422(client: TestClient, params: dict[str, object]) -> None:
    assert client.get("/api/v1/jobs", params=params).status_code == 422


def test_the_detail_shows_timing_results_and_history(client: TestClient) -> None:
    started = utcnow() - timedelta(seconds=3)
    email_id = insert_email("completed", started_at=started, completed_at=started + timedelta(
        seconds=2.5), extracted_data={"pipeline_version": 1}, match_status="no_match")
    body = client.get(f"/api/v1/jobs/{email_id}").json()
    assert body["processing_time_seconds"] == 2.5
    assert body["extracted_data"] == {"pipeline_version": 1}
    assert body["match_status"] == "no_match"
    assert body["events"] == []
    assert client.get("/api/v1/jobs/999999").status_code == 404


def test_retry_requeues_a_failed_job_and_enqueues_it(client: TestClient) -> None:
    email_id = insert_email("failed", processing_error="boom", retry_count=5)
    response = client.post(f"/api/v1/jobs/{email_id}/retry", headers=JSON)
    assert response.status_code == 200
    assert response.json() == {"id": email_id, "processing_status": "queued", "retry_count": 6,
                               "enqueued": True}
    detail = client.get(f"/api/v1/jobs/{email_id}").json()
    assert detail["processing_error"] is None
    assert detail["events"][-1]["message"] == "manual retry by api"  # no name given: the API itself
    assert queued_message_args() == [(email_id,)]


def test_retry_of_a_job_that_did_not_fail_is_a_409(client: TestClient) -> None:
    email_id = insert_email("completed")
    response = client.post(f"/api/v1/jobs/{email_id}/retry", headers=JSON)
    assert response.status_code == 409
    assert "only failed jobs" in response.json()["detail"]
    assert client.post("/api/v1/jobs/999999/retry", headers=JSON).status_code == 404


def test_with_a_token_set_the_jobs_api_needs_the_bearer(
    database: str, set_env: SetEnv
) -> None:
    set_env(jobs_api_token="op-token")
    with app_client() as client:
        assert client.get("/api/v1/jobs").status_code == 401
        wrong = {"Authorization": "Bearer nope"}
        assert client.get("/api/v1/jobs", headers=wrong).status_code == 401
        right = {"Authorization": "Bearer op-token"}
        assert client.get("/api/v1/jobs", headers=right).status_code == 200
        assert client.post("/api/v1/jobs/1/retry", headers=JSON).status_code == 401
