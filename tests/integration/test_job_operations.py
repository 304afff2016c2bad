"""Operators' actions and the jobs list on both databases: cancel is final and never claimed or swept, a paused
service claims nothing and the sweeper burns no attempt, resume re-sends the waiting jobs, bulk retry records who,
search finds jobs by sender, subject, ticket, client and reference, and a cursor page stays put while jobs arrive."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from app import queue
from app.config import get_settings
from app.database import session_scope
from app.errors import InvalidTransition
from app.models import Review, utcnow
from app.services import job_list, jobs, operations, queue_status, recovery, workers
from tests.integration.matching.support import add_inquiry
from tests.support.factories import insert_email, queued_message_args


@pytest.fixture(autouse=True)
def empty_broker() -> None:
    queue.declare_queue()
    queue.get_broker().flush_all()


def events_of(email_id: int) -> list[tuple[str | None, str | None, str | None, Any]]:
    with session_scope() as session:
        return [(e.from_status, e.to_status, e.message, e.details) for e in jobs.get(session, email_id).events]


def status_of(email_id: int) -> str:
    with session_scope() as session:
        return jobs.get(session, email_id).processing_status


def test_a_cancelled_job_is_final_and_names_who_cancelled_it(database: str) -> None:
    waiting = insert_email("queued")
    operations.cancel(waiting, "Jana Sommer")
    assert status_of(waiting) == "cancelled"
    assert events_of(waiting)[-1] == ("queued", "cancelled", "cancelled by Jana Sommer", {"operator": "Jana Sommer"})
    with session_scope() as session:
        assert jobs.claim(session, waiting, "worker-a", 60) is None
        with pytest.raises(InvalidTransition, match="only failed jobs"):
            jobs.retry(session, waiting, "Jana Sommer")
    assert recovery.sweep(get_settings(), now=utcnow() + timedelta(days=1)).requeued == []
    assert status_of(waiting) == "cancelled"


def test_only_a_job_that_has_not_started_can_be_cancelled(database: str) -> None:
    running = insert_email("queued")
    with session_scope() as session:
        assert jobs.claim(session, running, "worker-a", 60) is not None
    with pytest.raises(InvalidTransition, match=r"job \d+ is processing"):
        operations.cancel(running, "Jana Sommer")
    assert operations.cancel(insert_email("received"), "Jana Sommer").processing_status == "cancelled"


def test_a_paused_service_claims_nothing_and_resuming_sends_the_waiting_jobs(database: str) -> None:
    first, second = insert_email("queued"), insert_email("received")
    operations.set_processing(True, "Jana Sommer")
    with session_scope() as session:
        assert jobs.claim(session, first, "worker-a", 60) is None
        assert workers.is_paused(session)
    assert status_of(first) == "queued"
    flag, resent = operations.set_processing(False, "Tom Berger")
    assert (flag.value, flag.changed_by, resent) == ("running", "Tom Berger", 2)
    assert sorted(queued_message_args()) == [(first,), (second,)]
    with session_scope() as session:
        assert jobs.claim(session, first, "worker-a", 60) is not None


def test_while_paused_the_sweeper_burns_no_attempt_of_an_abandoned_job(database: str) -> None:
    abandoned = insert_email("queued")
    with session_scope() as session:
        assert jobs.claim(session, abandoned, "gone-worker", 1) is not None
    operations.set_processing(True, "Jana Sommer")
    later = utcnow() + timedelta(hours=2)
    report = recovery.sweep(get_settings(), now=later)
    assert (report.requeued, report.failed, status_of(abandoned)) == ([], [], "processing")
    operations.set_processing(False, "Jana Sommer")
    assert recovery.sweep(get_settings(), now=later).requeued == [abandoned]


def test_bulk_retry_queues_the_failed_jobs_skips_the_others_and_records_the_operator(database: str) -> None:
    failed = [insert_email("failed", processing_error="boom") for _ in range(3)]
    done = insert_email("completed")
    outcome = operations.retry_many([*failed, done, failed[0]], "Jana Sommer")
    assert outcome.retried == failed
    assert list(outcome.skipped) == [done] and "only failed jobs" in outcome.skipped[done]
    assert outcome.enqueued == 3
    assert [status_of(i) for i in failed] == ["queued"] * 3
    assert events_of(failed[1])[-1] == ("failed", "queued", "manual retry by Jana Sommer",
                                        {"operator": "Jana Sommer"})


def test_an_operator_must_be_named(database: str) -> None:
    assert operations.operator_name("", "  ", "Jana") == "Jana"
    with pytest.raises(Exception, match="name the operator"):
        operations.operator_name(None, " ")


def matched(status: str = "completed", **values: Any) -> int:
    return insert_email(status, **values)


def test_search_finds_jobs_by_sender_subject_ticket_client_and_reference(database: str) -> None:
    with session_scope() as session:
        add_inquiry(session, "INQ-7001", "Greta Lindqvist", "AZ-2026-0417", creditor_reference="KD-55-1234")
    by_sender = matched(from_email="inkasso@beispiel-forderung.example", from_name="Beispiel Inkasso")
    by_subject = matched(subject="Ihre Anfrage zur Restschuld")
    by_ticket = matched(zendesk_ticket_id="884422")
    by_inquiry = matched(extracted_data={"extraction": {"intent": "debt_statement", "total_amount": "812.40"},
                                         "match": {"inquiry_id": "INQ-7001", "action": "applied"}})
    by_reading = matched(extracted_data={"extraction": {"client_name": "Paul Okonkwo",
                                                        "creditor_reference": "VN 99/417"}, "match": {}})
    by_address = matched(to_addresses=["glaeubiger+AZ-2026-0999@kanzlei.example"])

    def found(text: str) -> list[int]:
        with session_scope() as session:
            return [line.email.id for line in job_list.page(session, job_list.JobFilter(text=text), 50).lines]

    assert found("beispiel inkasso") == [by_sender]
    assert found("RESTSCHULD") == [by_subject]
    assert found("#884422") == [by_ticket]
    assert found("lindqvist") == [by_inquiry]  # the matched inquiry's client
    assert found("KD-55") == [by_inquiry]  # the matched inquiry's creditor reference
    assert found("okonkwo") == [by_reading]  # the client as read from the email
    assert found("99/417") == [by_reading]
    assert found("AZ-2026-0999") == [by_address]
    assert found("50%_") == []  # wildcards are plain text
    with session_scope() as session:
        line = job_list.page(session, job_list.JobFilter(text="lindqvist"), 50).lines[0]
    assert (line.intent, line.amount, line.outcome, line.client) == ("debt_statement", "812.40", "applied",
                                                                     "Greta Lindqvist")


def test_counts_per_state_follow_the_search_and_needs_review_filters(database: str) -> None:
    subject = "Mahnung Vertrag 3391"
    ids = [matched(status, subject=subject) for status in ("completed", "completed", "failed", "queued")]
    matched("completed", subject="anderes Thema")
    with session_scope() as session:
        session.add(Review(email_id=ids[1], status="open", reasons=["amount unclear"], match_status="probable",
                           proposed_amount=Decimal("10.00")))
    with session_scope() as session:
        counts = job_list.counts(session, job_list.JobFilter(text="3391"))
        waiting = job_list.page(session, job_list.JobFilter(needs_review=True), 50)
    assert [counts[name] for name in ("all", "completed", "failed", "queued", "cancelled")] == [4, 2, 1, 1, 0]
    assert [line.email.id for line in waiting.lines] == [ids[1]] and waiting.lines[0].needs_review


def test_a_cursor_page_shows_the_same_jobs_while_new_ones_arrive(database: str) -> None:
    ids = [insert_email("completed") for _ in range(7)]
    with session_scope() as session:
        newest = job_list.page(session, job_list.JobFilter(), 3)
        assert [line.email.id for line in newest.lines] == ids[6:3:-1] and newest.before == ids[4]
        older = job_list.page(session, job_list.JobFilter(), 3, before=newest.before)
    assert [line.email.id for line in older.lines] == ids[3:0:-1]
    arrivals = [insert_email("completed") for _ in range(2)]
    with session_scope() as session:
        again = job_list.page(session, job_list.JobFilter(), 3, before=newest.before)
        back = job_list.page(session, job_list.JobFilter(), 3, after=again.after)
        top = job_list.page(session, job_list.JobFilter(), 3)
    assert [line.email.id for line in again.lines] == ids[3:0:-1]
    assert (again.position, again.newer_than_page, again.total) == (5, 5, 9)
    assert [line.email.id for line in back.lines] == ids[6:3:-1]  # "newer" returns to the same rows
    assert [line.email.id for line in top.lines] == [arrivals[1], arrivals[0], ids[6]]


def test_the_list_is_in_order_of_arrival_not_the_emails_own_date(database: str) -> None:
    early = insert_email("completed", received_at=utcnow() + timedelta(days=3))  # a sender's clock in the future
    late = insert_email("completed", received_at=utcnow() - timedelta(days=3))
    with session_scope() as session:
        assert [line.email.id for line in job_list.page(session, job_list.JobFilter(), 10).lines] == [late, early]


def test_the_queue_status_names_depth_oldest_waiting_job_and_missing_workers(database: str) -> None:
    now = utcnow()
    oldest = insert_email("queued", status_changed_at=now - timedelta(minutes=12))
    insert_email("received", status_changed_at=now - timedelta(minutes=2))
    insert_email("processing")
    with session_scope() as session:
        seen = queue_status.status(session, now)
    assert (seen.waiting, seen.queued, seen.received, seen.processing) == (2, 1, 1, 1)
    assert seen.oldest_waiting_id == oldest and seen.oldest_waiting_seconds == pytest.approx(720, abs=1)
    assert seen.stranded
    with session_scope() as session:
        workers.beat(session, "embedded", worker_id="box-a:1")
    with session_scope() as session:
        assert not queue_status.status(session).stranded
        assert queue_status.status(session, now + timedelta(minutes=5)).stranded  # its beat is too old by then


def test_failed_ids_for_retry_all_follow_the_search(database: str) -> None:
    wanted = [insert_email("failed", subject="Rückfrage 12") for _ in range(2)]
    insert_email("failed", subject="etwas anderes")
    insert_email("completed", subject="Rückfrage 13")
    with session_scope() as session:
        assert job_list.failed_ids(session, job_list.JobFilter(text="Rückfrage")) == wanted
