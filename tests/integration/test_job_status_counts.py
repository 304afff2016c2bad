"""The per-state job counters (job_status_counts, kept by triggers) equal a real COUNT(*) … GROUP BY after
every kind of status move, and the jobs API reports them, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, func, select, update

from app.database import session_scope
from app.models import IncomingEmail, JobStatusDelta, ProcessingStatus
from app.services import intake, job_list, job_pages, jobs
from app.services.intake import InboundEmail
from tests.support.factories import insert_email, payload


def counted() -> dict[str, int]:
    with session_scope() as session:
        return job_pages.counts_by_status(session)


def real() -> dict[str, int]:
    with session_scope() as session:
        rows = session.execute(select(IncomingEmail.processing_status, func.count())
                               .group_by(IncomingEmail.processing_status)).all()
    result = {status.value: 0 for status in ProcessingStatus}
    result.update({status: count for status, count in rows})
    return result


def receive() -> int:
    email = InboundEmail.model_validate(payload())
    email_id = intake.store(email, intake.dedup_key(email))
    assert email_id is not None
    return email_id


@pytest.mark.usefixtures("database")
def test_counters_equal_a_real_count_after_every_kind_of_move() -> None:
    done, broken, waiting, dropped = (receive() for _ in range(4))
    assert counted() == real() and counted()["received"] == 4
    steps = [
        lambda s: jobs.mark_queued(s, done),
        lambda s: jobs.complete(s, jobs.claim(s, done, "worker-a", 60) or pytest.fail("no claim")),
        lambda s: jobs.fail(s, broken, "parser gave up", owner=(jobs.claim(s, broken, "worker-b", 60)
                                                                 or pytest.fail("no claim")).owner),
        lambda s: jobs.retry(s, broken, "tester"),
        lambda s: jobs.release_for_retry(s, jobs.claim(s, broken, "worker-c", 60) or pytest.fail("no claim"),
                                         "timeout", 5),
        lambda s: jobs.cancel(s, waiting, "tester"),
        lambda s: jobs.requeue(s, dropped, "received", "stale"),
        lambda s: s.execute(delete(IncomingEmail).where(IncomingEmail.id == dropped)),
    ]
    for step in steps:
        with session_scope() as session:
            step(session)
        assert counted() == real()
    assert counted() == {"received": 0, "queued": 1, "processing": 0, "completed": 1, "failed": 0,
                         "cancelled": 1}


@pytest.mark.usefixtures("database")
def test_a_move_rolled_back_leaves_the_counters_as_they_were() -> None:
    email_id = insert_email("failed")
    before = counted()
    with pytest.raises(RuntimeError), session_scope() as session:
        jobs.retry(session, email_id, "tester")
        raise RuntimeError("the request failed after the move")
    assert counted() == before == real()


def test_the_jobs_api_reports_the_counters_as_total_and_by_status(client: TestClient) -> None:
    for status in ("failed", "failed", "completed", "queued"):
        insert_email(status)
    everything = client.get("/api/v1/jobs").json()
    failed = client.get("/api/v1/jobs", params={"status": "failed"}).json()
    assert everything["total"] == 4 and everything["by_status"] == real()
    assert failed["total"] == 2 and [job["processing_status"] for job in failed["jobs"]] == ["failed"] * 2


def test_following_next_cursor_walks_every_job_once_newest_first(client: TestClient) -> None:
    ids = [insert_email("completed") for _ in range(7)]
    seen: list[int] = []
    params: dict[str, str | int] = {"limit": 3}
    while True:
        page = client.get("/api/v1/jobs", params=params).json()
        seen += [job["id"] for job in page["jobs"]]
        if page["next_cursor"] is None:
            break
        params = {"limit": 3, "cursor": page["next_cursor"]}
    assert seen == ids[::-1]


def test_a_cursor_the_api_did_not_hand_out_is_refused(client: TestClient) -> None:
    for cursor in ("abc", "1.99999999999", "9" * 19 + ".1"):
        assert client.get("/api/v1/jobs", params={"cursor": cursor}).status_code == 422


@pytest.mark.usefixtures("database")
def test_the_dashboard_tabs_and_totals_without_a_search_match_a_real_count() -> None:
    for status in ("failed", "completed", "completed", "cancelled"):
        insert_email(status)
    with session_scope() as session:
        tabs = job_list.counts(session, job_list.JobFilter())
        failed = job_list.page(session, job_list.JobFilter(status=ProcessingStatus.FAILED), 10)
        everything = job_list.page(session, job_list.JobFilter(), 3)
    assert tabs == {**real(), "all": 4}
    assert failed.total == 1 and [line.email.processing_status for line in failed.lines] == ["failed"]
    assert everything.total == 4 and everything.before is not None


@pytest.mark.usefixtures("database")
def test_counters_stay_exact_when_workers_move_jobs_at_the_same_time() -> None:
    ids = [insert_email("queued") for _ in range(24)]
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def work(mine: list[int], worker: str) -> None:
        try:
            barrier.wait()
            for email_id in mine:
                with session_scope() as session:
                    job = jobs.claim(session, email_id, worker, 60)
                    assert job is not None
                with session_scope() as session:
                    (jobs.complete(session, job) if email_id % 3 else
                     jobs.release_for_retry(session, job, "flaky", 1))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(ids[n::4], f"worker-{n}")) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert counted() == real() and counted()["completed"] + counted()["queued"] == 24


def test_folding_the_deltas_keeps_the_counts_and_empties_the_log(database: str) -> None:
    ids = [receive() for _ in range(5)]
    with session_scope() as session:
        jobs.mark_queued(session, ids[0], "test")
        session.execute(delete(IncomingEmail).where(IncomingEmail.id == ids[1]))
    before = counted()
    assert before == real()
    with session_scope() as session:
        folded = job_pages.fold_deltas(session)
        pending = session.scalar(select(func.count()).select_from(JobStatusDelta))
    assert pending == 0
    assert folded == (2 if database == "postgresql" else 0)  # received and queued changed; SQLite keeps none
    assert counted() == before == real()


@pytest.mark.usefixtures("database")
def test_batches_moving_jobs_in_opposite_orders_at_once_neither_deadlock_nor_miscount() -> None:
    """Two writers each move their own 32 jobs in one transaction, one in rising and one in falling id order,
    again and again: with counter rows updated by the triggers (one per status and id % 16) their moves took
    the same counter rows in opposite orders and deadlocked on PostgreSQL; with appended deltas nothing waits."""
    every = [receive() for _ in range(64)]
    mine, theirs = every[:32], every[32:][::-1]
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def writer(order: list[int]) -> None:
        start.wait()
        try:
            for _ in range(15):
                with session_scope() as session:
                    for email_id in order:  # one transaction touching every job, in this writer's order
                        session.execute(update(IncomingEmail).where(IncomingEmail.id == email_id)
                                        .values(processing_status="queued"))
                with session_scope() as session:
                    session.execute(update(IncomingEmail).where(IncomingEmail.id.in_(order))
                                    .values(processing_status="received"))
        except BaseException as error:  # a deadlock surfaces here as OperationalError
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(mine,)), threading.Thread(target=writer, args=(theirs,))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert counted() == real()
