"""Finding 8: a failed job is retried once however many operators press retry at the same moment, through
the API, the dashboard or the CLI; the others get 409, and a running job is never put back in the queue."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.cli import main
from app.database import session_scope
from app.models import JobEvent
from app.routers import csrf
from app.services import jobs
from tests.support.factories import insert_email

CONTENDERS = 30
SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin", "HX-Request": "true"}
JSON = {"content-type": "application/json"}


def all_at_once(count: int, attempt: Callable[[], int]) -> Counter[int]:
    """Run `attempt` in `count` threads released together; how often each outcome came back."""
    outcomes: list[int] = []
    barrier = threading.Barrier(count)

    def run() -> None:
        barrier.wait()
        outcomes.append(attempt())

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Counter(outcomes)


def retried_once(email_id: int, retries_before: int) -> None:
    with session_scope() as session:
        email = jobs.get(session, email_id)
        assert (email.processing_status, email.retry_count) == ("queued", retries_before + 1)
        manual = session.scalars(select(JobEvent).where(JobEvent.email_id == email_id,
                                                        JobEvent.message.like("manual retry%"))).all()
        assert len(manual) == 1


def test_concurrent_api_retries_are_accepted_once(client: TestClient) -> None:
    email_id = insert_email("failed", processing_error="gateway timeout", retry_count=3)
    outcomes = all_at_once(CONTENDERS, lambda: client.post(f"/api/v1/jobs/{email_id}/retry", headers=JSON).status_code)
    assert outcomes == {200: 1, 409: CONTENDERS - 1}
    retried_once(email_id, 3)
    refused = client.post(f"/api/v1/jobs/{email_id}/retry", headers=JSON)
    assert (refused.status_code, refused.json()["detail"]) == (
        409, f"only failed jobs can be retried; job {email_id} is queued")


def test_concurrent_dashboard_retries_are_accepted_once(client: TestClient) -> None:
    email_id = insert_email("failed", processing_error="gateway timeout")
    client.get("/dashboard/jobs")
    form = {csrf.CSRF_FIELD: client.cookies.get(csrf.CSRF_COOKIE) or ""}
    outcomes = all_at_once(CONTENDERS, lambda: client.post(f"/dashboard/jobs/{email_id}/retry", data=form,
                                                           headers=SAME_ORIGIN).status_code)
    assert outcomes == {200: 1, 409: CONTENDERS - 1}
    retried_once(email_id, 0)


def test_concurrent_cli_retries_are_accepted_once(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    email_id = insert_email("failed", processing_error="gateway timeout")
    outcomes = all_at_once(CONTENDERS, lambda: main(["jobs", "retry", str(email_id)]))
    assert outcomes == {0: 1, 1: CONTENDERS - 1}
    assert "only failed jobs can be retried" in capsys.readouterr().err
    retried_once(email_id, 0)


def test_retries_racing_a_worker_never_put_the_running_job_back(client: TestClient) -> None:
    email_id = insert_email("failed", processing_error="gateway timeout")
    claimed = threading.Event()

    def worker() -> None:
        while not claimed.is_set():
            try:
                with session_scope() as session:
                    if jobs.claim(session, email_id, "worker-1", 600) is not None:
                        claimed.set()
            except jobs.RowBusy:
                continue

    thread = threading.Thread(target=worker)
    thread.start()
    outcomes = all_at_once(CONTENDERS, lambda: client.post(f"/api/v1/jobs/{email_id}/retry", headers=JSON).status_code)
    claimed.wait(timeout=30)
    thread.join(timeout=30)
    assert claimed.is_set() and outcomes[200] == 1
    with session_scope() as session:
        email = jobs.get(session, email_id)
        assert (email.processing_status, email.lease_owner, email.attempt_count) == ("processing", "worker-1", 1)
    late = client.post(f"/api/v1/jobs/{email_id}/retry", headers=JSON)
    assert (late.status_code, late.json()["detail"]) == (
        409, f"only failed jobs can be retried; job {email_id} is processing")
