"""GET /metrics, scraped and parsed with prometheus-client's own parser: every figure moves with the data
(jobs by status, outcomes by intent, stage histograms, reviews, outbox lag and failures, attachment failures,
webhook refusals, heartbeats, breakers), and the endpoint is behind the operator token like the API."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import update

from app.config import get_settings
from app.database import session_scope
from app.models import OutboxMessage, Review, utcnow
from app.services import breakers, outbox, processing, workers
from tests.conftest import SetEnv
from tests.integration.matching.support import webhook_receiver
from tests.integration.matching.test_outbox_delivery import apply_one, webhook_id
from tests.support.factories import insert_email

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def scrape(client: TestClient, **headers: str) -> Samples:
    answer = client.get("/metrics", headers=headers)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/plain; version=0.0.4")
    return {(sample.name, frozenset(sample.labels.items())): sample.value
            for family in text_string_to_metric_families(answer.text) for sample in family.samples}


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def test_jobs_by_status_come_from_the_status_counters(client: TestClient) -> None:
    before = scrape(client)
    assert value(before, "creditor_matcher_database_up") == 1
    assert value(before, "creditor_matcher_jobs", status="queued") == 0
    for _ in range(3):
        insert_email("queued")
    insert_email("failed")
    after = scrape(client)
    assert value(after, "creditor_matcher_jobs", status="queued") == 3
    assert value(after, "creditor_matcher_jobs", status="failed") == 1
    assert value(after, "creditor_matcher_jobs", status="completed") == 0


def test_a_processed_job_counts_its_outcome_its_stages_and_its_failed_attachment(client: TestClient) -> None:
    email_id = insert_email("queued", attachment_urls=[{"filename": "ohne-link.pdf"}])
    assert processing.run_attempt(email_id, get_settings()) == "completed"
    samples = scrape(client)
    # No inquiry on file: the reply matches nothing, and a review is opened for it.
    assert value(samples, "creditor_matcher_job_outcomes_total", outcome="no_match", intent="debt_statement") == 1
    for stage in ("body", "attachments", "extraction", "matching"):
        assert value(samples, "creditor_matcher_stage_seconds_count", stage=stage) == 1
        assert value(samples, "creditor_matcher_stage_seconds_bucket", stage=stage, le="+Inf") == 1
        assert value(samples, "creditor_matcher_stage_seconds_sum", stage=stage) > 0
    assert value(samples, "creditor_matcher_attachment_failures_total", status="failed", reason="bad_url") == 1
    assert value(samples, "creditor_matcher_reviews_open") == 1
    assert value(samples, "creditor_matcher_jobs", status="completed") == 1

    with session_scope() as session:
        session.execute(update(Review).values(created_at=utcnow() - timedelta(hours=2)))
    assert value(scrape(client), "creditor_matcher_review_oldest_open_age_seconds") >= 7200


def test_a_retried_attempt_is_counted_under_the_step_it_failed_in(client: TestClient, set_env: SetEnv) -> None:
    set_env(zendesk_subdomain="127.0.0.1", attachment_allow_private_addresses="true",
            attachment_allow_plain_http="true")
    email_id = insert_email("queued", attachment_urls=[{"url": "http://127.0.0.1:9/gone", "filename": "a.pdf"}])
    with pytest.raises(processing.RetryLater):
        processing.run_attempt(email_id, get_settings())
    samples = scrape(client)
    assert value(samples, "creditor_matcher_attempt_failures_total", step="attachments") == 1
    assert value(samples, "creditor_matcher_stage_seconds_count", stage="body") == 1


def test_outbox_lag_failures_and_deliveries(client: TestClient, set_env: SetEnv) -> None:
    with webhook_receiver(500, 200) as receiver:
        set_env(portal_webhook_url=receiver.url, outbox_min_backoff_seconds=0.05, outbox_max_backoff_seconds=0.2)
        outbox_id = webhook_id(apply_one())
        with session_scope() as session:
            session.execute(update(OutboxMessage).values(created_at=utcnow() - timedelta(minutes=10)))
        waiting = scrape(client)
        assert value(waiting, "creditor_matcher_outbox_undelivered", status="pending") == 1
        assert value(waiting, "creditor_matcher_outbox_oldest_undelivered_age_seconds") >= 600
        assert outbox.deliver(outbox_id, get_settings()).status == "pending"
        failed_once = scrape(client)
        assert value(failed_once, "creditor_matcher_outbox_delivery_failures_total", channel="webhook") == 1
        with session_scope() as session:
            session.execute(update(OutboxMessage).values(next_attempt_at=utcnow() - timedelta(seconds=5)))
        assert outbox.deliver(outbox_id, get_settings()).status == "delivered"
    delivered = scrape(client)
    assert value(delivered, "creditor_matcher_outbox_deliveries_total", channel="webhook") == 1
    assert value(delivered, "creditor_matcher_outbox_undelivered", status="pending") == 0
    assert value(delivered, "creditor_matcher_outbox_oldest_undelivered_age_seconds") == 0


def test_refused_webhooks_are_counted_by_status_and_reason_class(client: TestClient) -> None:
    before = scrape(client)
    url = "/api/v1/zendesk/webhook"
    assert client.post(url, content=b"ticket=1", headers={"content-type": "text/plain"}).status_code == 415
    assert client.post(url, json={"ticket_id": 1}).status_code == 422
    assert client.post(url, json={"ticket_id": 2}).status_code == 422
    after = scrape(client)
    for status, reason, more in (("415", "content_type", 1), ("422", "invalid_fields", 2)):
        labels = {"provider": "zendesk", "status": status, "reason": reason}
        assert value(after, "creditor_matcher_webhook_rejections_total", **labels) == \
            value(before, "creditor_matcher_webhook_rejections_total", **labels) + more


def test_heartbeats_and_breakers(client: TestClient) -> None:
    before = scrape(client)
    assert value(before, "creditor_matcher_workers_alive", kind="dramatiq") == 0
    assert value(before, "creditor_matcher_breaker_state", breaker="portal") == 0
    with session_scope() as session:
        workers.beat(session, "dramatiq", worker_id="box:41")
        stale = workers.beat(session, "dramatiq", worker_id="box:42")
        stale.last_seen_at = utcnow() - timedelta(hours=1)
    for _ in range(get_settings().breaker_failure_threshold):
        breakers.failed(breakers.PORTAL, "ConnectError: refused")
    after = scrape(client)
    assert value(after, "creditor_matcher_workers_alive", kind="dramatiq") == 1
    assert value(after, "creditor_matcher_worker_last_heartbeat_age_seconds", kind="dramatiq") < 60
    assert value(after, "creditor_matcher_breaker_state", breaker="portal") == 2
    assert value(after, "creditor_matcher_breaker_opened_total", breaker="portal") == 1
    assert value(after, "creditor_matcher_breaker_consecutive_failures", breaker="portal") == 5


def test_metrics_need_the_operator_token_when_one_is_set(client: TestClient, set_env: SetEnv) -> None:
    set_env(jobs_api_token="scrape-secret")
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers={"authorization": "Bearer wrong"}).status_code == 401
    assert value(scrape(client, authorization="Bearer scrape-secret"), "creditor_matcher_database_up") == 1
