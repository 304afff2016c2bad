"""POST /api/v1/zendesk/webhook: signed, validated, deduplicated, stored, then enqueued."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from app import queue
from app.database import session_scope
from app.services import intake_batch, jobs
from tests.conftest import SetEnv
from tests.support.app_client import app_client
from tests.support.factories import encode, payload, queued_message_args, signed_headers

SECRET = "zendesk-secret"
URL = "/api/v1/zendesk/webhook"


@pytest.fixture
def client(database: str, set_env: SetEnv) -> Iterator[TestClient]:
    set_env(zendesk_webhook_secret=SECRET, webhook_max_body_bytes=64 * 1024)
    queue.declare_queue()
    queue.get_broker().flush_all()
    with app_client() as test_client:
        yield test_client
    queue.get_broker().flush_all()


def post(client: TestClient, data: dict[str, object], **header_overrides: str):  # type: ignore[no-untyped-def]
    body = encode(data)
    headers = signed_headers(SECRET, body) | header_overrides
    return client.post(URL, content=body, headers=headers)


def test_a_signed_reply_is_stored_queued_and_enqueued_once(client: TestClient) -> None:
    response = post(client, payload(subject="AW: Forderung Weißbach"))
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "queued"
    client.portal.call(intake_batch.marked)  # the received → queued mark follows the answer
    with session_scope() as session:
        email = jobs.get(session, body["email_id"])
        assert email.processing_status == "queued"
        assert email.subject == "AW: Forderung Weißbach"
        assert [e.to_status for e in email.events] == ["received", "queued"]
    assert queued_message_args() == [(body["email_id"],)]


def test_the_same_event_twice_is_a_duplicate_without_a_second_job(client: TestClient) -> None:
    data = payload(webhook_id="evt-dup")
    first = post(client, data).json()
    second = post(client, data | {"subject": "changed but same event"}).json()
    assert second == {"status": "duplicate", "email_id": first["email_id"]}
    assert len(queued_message_args()) == 1
    listing = client.get("/api/v1/jobs").json()
    assert listing["total"] == 1


def test_without_an_event_id_identical_content_is_a_duplicate(client: TestClient) -> None:
    data = payload(webhook_id=None, ticket_id=77)
    first = post(client, data).json()
    again = post(client, data).json()
    other = post(client, data | {"body_text": "Andere Antwort"}).json()
    assert again["status"] == "duplicate" and again["email_id"] == first["email_id"]
    assert other["status"] == "queued" and other["email_id"] != first["email_id"]


def test_a_wrong_signature_is_refused_with_401_and_nothing_stored(client: TestClient) -> None:
    response = post(client, payload(), **{"x-zendesk-webhook-signature": "AAAA"})
    assert response.status_code == 401
    assert "does not match" in response.json()["detail"]
    assert client.get("/api/v1/jobs").json()["total"] == 0


def test_a_stale_timestamp_is_refused_even_with_a_valid_signature(client: TestClient) -> None:
    data = encode(payload())
    old = (datetime.now(UTC) - timedelta(minutes=6)).strftime("%Y-%m-%dT%H:%M:%SZ")
    response = client.post(URL, content=data, headers=signed_headers(SECRET, data, old))
    assert response.status_code == 401
    assert "window" in response.json()["detail"]


def test_a_body_over_the_cap_is_refused_with_413(client: TestClient) -> None:
    response = post(client, payload(body_text="x" * 70_000))
    assert response.status_code == 413


def test_a_missing_required_field_is_a_422_naming_the_field(client: TestClient) -> None:
    data = payload()
    del data["from_email"]
    response = post(client, data)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["from_email"]


def test_a_reply_without_body_subject_or_attachment_is_a_422(client: TestClient) -> None:
    response = post(client, payload(body_text=None, subject=""))
    assert response.status_code == 422
    assert "body_text or body_html" in response.text


def test_a_reply_that_says_everything_in_its_subject_is_accepted(client: TestClient) -> None:
    response = post(client, payload(body_text="", subject="AW: Schuldenbereinigungsplan – einverstanden"))
    assert response.status_code == 200, response.text


def test_malformed_json_is_a_400_with_a_reason(client: TestClient) -> None:
    body = b'{"ticket_id": '
    response = client.post(URL, content=body, headers=signed_headers(SECRET, body))
    assert response.status_code == 400
    assert "not valid JSON" in response.json()["detail"]


def test_unknown_fields_are_kept_with_the_job(client: TestClient) -> None:
    email_id = post(client, payload(zendesk_brand="Kanzlei", priority="high")).json()["email_id"]
    with session_scope() as session:
        assert jobs.get(session, email_id).extra_fields == {
            "zendesk_brand": "Kanzlei", "priority": "high"
        }


def test_attachment_metadata_is_stored_for_the_worker(client: TestClient) -> None:
    attachment = {"url": "https://firm.zendesk.com/attachments/token/abc/?name=a.pdf",
                  "filename": "a.pdf", "content_type": "application/pdf", "size": 1234}
    email_id = post(client, payload(attachments=[attachment])).json()["email_id"]
    detail = client.get(f"/api/v1/jobs/{email_id}").json()
    assert detail["attachment_urls"] == [attachment]


def test_without_a_secret_unsigned_webhooks_are_accepted(
    database: str, set_env: SetEnv
) -> None:
    set_env(zendesk_webhook_secret=None)
    queue.declare_queue()
    with app_client() as unsigned:
        response = unsigned.post(URL, json=payload())
    assert response.status_code == 200 and response.json()["status"] == "queued"
    queue.get_broker().flush_all()


def test_a_broker_outage_still_stores_the_email_as_received(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broker_down(*_args: object, **_kwargs: object) -> None:
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr(queue.get_broker(), "enqueue", broker_down)
    response = post(client, payload())
    assert response.status_code == 200
    assert response.json()["status"] == "received"
    with session_scope() as session:
        assert jobs.get(session, response.json()["email_id"]).processing_status == "received"
