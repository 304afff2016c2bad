"""The second inbound path: Resend's `email.received` (Svix-signed) goes through the same intake as
Zendesk's; the worker fetches body and attachments from Resend's API (here a local HTTP server
standing in for api.resend.com and its attachment CDN); bounces and complaints mark the inquiries."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from dramatiq import Worker
from fastapi.testclient import TestClient

from app import queue
from app.database import session_scope
from app.models import DeliveryProblem, IncomingEmail, Inquiry
from app.services import inquiries, jobs
from app.services.inbound import svix
from tests.conftest import SetEnv
from tests.integration.attachments.local_sites import LocalSite, file, status
from tests.support.app_client import app_client
from tests.support.worker import drain

SECRET = "whsec_" + base64.b64encode(b"resend signing key for tests").decode()
API_KEY = "re_test_key_123"
URL = "/api/v1/resend/webhook"
_deliveries = iter(range(1, 1_000_000))


@pytest.fixture
def resend_api(database: str, set_env: SetEnv, tmp_path: Path) -> Iterator[tuple[LocalSite, LocalSite]]:
    api, cdn = LocalSite("127.0.0.1"), LocalSite("localhost")
    set_env(resend_webhook_secret=SECRET, resend_api_key=API_KEY, resend_api_base_url=f"http://127.0.0.1:{api.port}",
            resend_attachment_hosts="localhost", attachment_allow_private_addresses="true",
            attachment_allow_plain_http="true", attachment_store_dir=str(tmp_path / "store"))
    queue.declare_queue()
    queue.get_broker().flush_all()
    yield api, cdn
    api.close()
    cdn.close()


@pytest.fixture
def client(resend_api: tuple[LocalSite, LocalSite]) -> Iterator[TestClient]:
    with app_client() as test_client:
        yield test_client


def send(client: TestClient, event: dict[str, Any], *, delivery_id: str | None = None,
         secret: str = SECRET, timestamp: int | None = None) -> Any:
    body = json.dumps(event).encode()
    message_id = delivery_id or f"msg_{next(_deliveries)}"
    stamp = str(timestamp if timestamp is not None else int(time.time()))
    headers = {"content-type": "application/json", "svix-id": message_id, "svix-timestamp": stamp,
               "svix-signature": svix.sign(secret, message_id, stamp, body)}
    return client.post(URL, content=body, headers=headers)


def received(email_id: str = "11111111-2222-3333-4444-555555555555", **data: Any) -> dict[str, Any]:
    return {"type": "email.received", "created_at": "2026-11-30T09:15:03Z",
            "data": {"email_id": email_id, "created_at": "2026-11-30T09:15:02+00:00",
                     "from": "Obelis Forderungsmanagement GmbH <service@obelis-fm.example>",
                     "to": ["glaeubiger+BS-2026-0142@kanzlei-brandauer.example"], "cc": [],
                     "message_id": "<r1@obelis-fm.example>", "subject": "Forderungsaufstellung OB-771923-44",
                     "attachments": []} | data}


def api_email(api: LocalSite, email_id: str, answer: dict[str, Any]) -> None:
    api.routes[f"/emails/receiving/{email_id}?html_format=cid"] = file(json.dumps(answer).encode(), "application/json")


# --- the webhook ------------------------------------------------------------------------------


def test_a_signed_received_event_is_stored_and_queued_without_a_body(client: TestClient) -> None:
    response = send(client, received())
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["status"] == "queued" and answer["event"] == "email.received"
    with session_scope() as session:
        email = jobs.get(session, answer["email_id"])
        assert email.from_email == "service@obelis-fm.example"
        assert email.subject == "Forderungsaufstellung OB-771923-44"
        assert email.body_text is None
        assert email.extra_fields["inbound"]["provider"] == "resend"


def test_a_replayed_delivery_is_a_duplicate_and_no_second_job(client: TestClient) -> None:
    first = send(client, received(), delivery_id="msg_replayed").json()
    again = send(client, received(), delivery_id="msg_replayed").json()
    assert again["status"] == "duplicate" and again["email_id"] == first["email_id"]
    with session_scope() as session:
        assert session.query(IncomingEmail).count() == 1


@pytest.mark.parametrize("how", ["wrong secret", "stale", "unsigned"])
def test_an_unverified_delivery_is_refused_and_stores_nothing(client: TestClient, how: str) -> None:
    if how == "unsigned":
        response = client.post(URL, json=received())
    elif how == "stale":
        response = send(client, received(), timestamp=int(time.time()) - 3600)
    else:
        response = send(client, received(), secret="whsec_" + base64.b64encode(b"someone else").decode())
    assert response.status_code == 401
    assert response.json()["detail"]
    with session_scope() as session:
        assert session.query(IncomingEmail).count() == 0


def test_a_received_event_without_sender_is_a_422_naming_the_field(client: TestClient) -> None:
    event = received()
    del event["data"]["from"]
    response = send(client, event)
    assert response.status_code == 422
    assert "from" in json.dumps(response.json())


def test_other_event_types_are_acknowledged_and_ignored(client: TestClient) -> None:
    answer = send(client, {"type": "email.delivered", "data": {"email_id": "x"}}).json()
    assert answer == {"status": "ignored", "event": "email.delivered", "email_id": None, "inquiry_ids": []}


def test_the_path_is_off_until_its_secret_is_set(database: str, set_env: SetEnv) -> None:
    set_env(resend_webhook_secret=None)
    with app_client() as test_client:
        response = test_client.post(URL, json=received())
    assert response.status_code == 404
    assert "RESEND_WEBHOOK_SECRET" in response.json()["detail"]


# --- the worker fetches what the webhook did not carry ----------------------------------------


def test_the_worker_reads_body_and_pdf_from_resend_and_the_key_goes_only_to_the_api(
    resend_api: tuple[LocalSite, LocalSite], client: TestClient, stub_worker: Worker, corpus_dir: Path
) -> None:
    api, cdn = resend_api
    corpus = json.loads((corpus_dir / "corpus.json").read_text())
    with session_scope() as session:
        inquiries.load_corpus(session, corpus)
    e015 = next(e for e in corpus["emails"] if e["id"] == "E015")
    email_id = "e015-resend"
    pdf = (corpus_dir / "attachments" / "E015-forderungsaufstellung.pdf").read_bytes()
    api_email(api, email_id, {"object": "email", "id": email_id, "text": e015["body_text"], "html": None,
                              "attachments": [{"id": "a1", "filename": "Aufstellung.pdf"}]})
    api.routes[f"/emails/receiving/{email_id}/attachments"] = file(json.dumps({"object": "list", "data": [
        {"id": "a1", "filename": "Aufstellung.pdf", "content_type": "application/pdf", "size": len(pdf),
         "download_url": cdn.url("/signed/a1?signature=s1"), "expires_at": "2026-11-30T10:15:00Z"}]}).encode())
    cdn.routes["/signed/a1?signature=s1"] = file(pdf, "application/pdf")
    answer = send(client, received(email_id, subject=e015["subject"], to=[e015["to"]],
                                   attachments=[{"id": "a1", "filename": "Aufstellung.pdf"}])).json()
    drain(stub_worker, timeout_ms=30_000)
    with session_scope() as session:
        email = jobs.get(session, answer["email_id"])
        assert email.processing_status == "completed", email.processing_error
        assert email.body_text == e015["body_text"]
        extraction = email.extracted_data["extraction"]
        assert extraction["attachments"][0]["status"] == "ok"
        assert float(extraction["total_amount"]) == e015["expected"]["total_amount"]
    api_call = api.requests_to(f"/emails/receiving/{email_id}?html_format=cid")[0]
    assert api_call.headers["authorization"] == f"Bearer {API_KEY}"
    assert "authorization" not in cdn.requests_to("/signed/a1?signature=s1")[0].headers


def test_an_email_resend_does_not_know_fails_the_job_at_once_saying_so(
    resend_api: tuple[LocalSite, LocalSite], client: TestClient, stub_worker: Worker
) -> None:
    api, _ = resend_api
    api.routes["/emails/receiving/gone?html_format=cid"] = status(404)
    answer = send(client, received("gone")).json()
    drain(stub_worker)
    with session_scope() as session:
        email = jobs.get(session, answer["email_id"])
        assert email.processing_status == "failed"
        assert "Resend API: HTTP 404" in (email.processing_error or "")
        assert email.attempt_count == 1


def test_an_attachment_url_off_the_allowed_hosts_fails_that_file_only(
    resend_api: tuple[LocalSite, LocalSite], client: TestClient, stub_worker: Worker
) -> None:
    api, _ = resend_api
    api_email(api, "elsewhere", {"text": "Die Forderung beträgt 100,00 EUR.", "attachments": [{"id": "a"}]})
    api.routes["/emails/receiving/elsewhere/attachments"] = file(json.dumps({"data": [
        {"id": "a", "filename": "x.pdf", "download_url": "http://127.0.0.1:9/x.pdf"}]}).encode())
    answer = send(client, received("elsewhere")).json()
    drain(stub_worker)
    with session_scope() as session:
        email = jobs.get(session, answer["email_id"])
        assert email.processing_status == "completed", email.processing_error
        attachment = email.extracted_data["extraction"]["attachments"][0]
        assert attachment["status"] == "failed" and "127.0.0.1" in attachment["reason"]


# --- bounces and complaints ---------------------------------------------------------------------


def add_inquiry(external_id: str, firm_reference: str, creditor_email: str) -> int:
    with session_scope() as session:
        inquiry, _ = inquiries.upsert(session, inquiries.InquiryFields.model_validate({
            "id": external_id, "client_name": "Heinz Günter Scholl-Ebersbach", "firm_reference": firm_reference,
            "creditor_name": "Obelis Forderungsmanagement GmbH", "creditor_email": creditor_email,
            "known_amount": "700.00", "sent_at": "2026-11-01T08:00:00Z"}))
        session.flush()
        return inquiry.id


def bounce(to: str, subject: str = "Forderungsanfrage", **data: Any) -> dict[str, Any]:
    return {"type": "email.bounced", "created_at": "2026-11-30T10:00:00Z",
            "data": {"email_id": "sent-1", "created_at": "2026-11-30T09:59:58Z", "to": [to], "subject": subject,
                     "bounce": {"type": "Permanent", "subType": "Suppressed", "message": "mailbox does not exist"}}
            | data}


def test_a_bounce_marks_the_letter_named_in_the_subject_and_a_replay_changes_nothing(client: TestClient) -> None:
    named = add_inquiry("INQ-A", "BS-2026-0142", "service@obelis-fm.example")
    other = add_inquiry("INQ-B", "BS-2026-0150", "service@obelis-fm.example")
    answer = send(client, bounce("Service@Obelis-FM.example", "Ihre Forderung — unser Zeichen BS-2026-0142"),
                  delivery_id="msg_bounce").json()
    assert answer["status"] == "recorded" and answer["inquiry_ids"] == [named]
    again = send(client, bounce("service@obelis-fm.example"), delivery_id="msg_bounce").json()
    assert again["status"] == "duplicate" and again["inquiry_ids"] == [named]
    with session_scope() as session:
        marked = session.get(Inquiry, named)
        assert marked is not None and marked.undeliverable_at is not None
        assert marked.undeliverable_reason == "bounced: Permanent · Suppressed · mailbox does not exist"
        untouched = session.get(Inquiry, other)
        assert untouched is not None and untouched.undeliverable_at is None
        assert session.query(DeliveryProblem).count() == 1


def test_a_complaint_without_a_reference_marks_every_letter_to_that_address(client: TestClient) -> None:
    ids = [add_inquiry("INQ-C", "BS-2026-0160", "post@stadtwerke.example"),
           add_inquiry("INQ-D", "BS-2026-0161", "post@stadtwerke.example")]
    add_inquiry("INQ-E", "BS-2026-0162", "other@stadtwerke.example")
    complaint = {"type": "email.complained", "data": {"email_id": "sent-9", "to": ["post@stadtwerke.example"]}}
    answer = send(client, complaint)
    assert answer.json()["inquiry_ids"] == ids


def test_a_bounce_for_an_unknown_address_is_kept_for_a_human(client: TestClient) -> None:
    answer = send(client, bounce("nobody@nowhere.example")).json()
    assert answer["status"] == "recorded" and answer["inquiry_ids"] == []
    with session_scope() as session:
        assert session.query(DeliveryProblem).one().recipients == ["nobody@nowhere.example"]


def test_the_api_lists_delivery_problems_newest_first_with_their_letters(client: TestClient) -> None:
    add_inquiry("INQ-F", "BS-2026-0170", "post@versand.example")
    send(client, bounce("post@versand.example"))
    send(client, {"type": "email.complained", "data": {"email_id": "sent-3", "to": ["who@else.example"]}})
    listing = client.get("/api/v1/delivery-problems").json()["problems"]
    assert [p["kind"] for p in listing] == ["complained", "bounced"]
    assert listing[1]["letters"] == [{
        "inquiry_id": "INQ-F", "client_name": "Heinz Günter Scholl-Ebersbach", "firm_reference": "BS-2026-0170",
        "creditor_name": "Obelis Forderungsmanagement GmbH", "creditor_email": "post@versand.example"}]
    assert listing[0]["letters"] == []
