"""Finding 1: a NUL or a lone surrogate in any request text never loses the email or answers 500; the
text is stored with U+FFFD in its place and a redelivery is still recognised as a duplicate."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.config import get_settings
from app.database import session_scope
from app.routers import csrf
from app.services import claims, jobs, processing
from app.services.safetext import REPLACEMENT, scrub
from tests.security.reviews import open_review
from tests.support.factories import payload

URL = "/api/v1/zendesk/webhook"
NUL = "\u0000"
LONE = "\ud83d"  # the first half of a surrogate pair, without its second half
HOSTILE = {"nul": NUL, "lone surrogate": LONE}


def post_raw(client: TestClient, data: dict[str, Any]) -> Any:
    # ensure_ascii writes both characters as JSON escapes, exactly as a hostile sender would
    return client.post(URL, content=json.dumps(data, ensure_ascii=True).encode(),
                       headers={"content-type": "application/json"})


def with_text(field: str, bad: str) -> dict[str, Any]:
    """A webhook payload whose `field` carries `bad` (list fields in their first element)."""
    values: dict[str, Any] = {
        "ticket_id": f"88{bad}1", "webhook_id": f"evt{bad}-1", "from_name": f"Kasse{bad} Nord",
        "subject": f"AW: Anfrage{bad}", "body_text": f"Offen sind 95,00 EUR.{bad}", "body_html": f"<p>x{bad}</p>",
        "message_id": f"<m{bad}@example>", "in_reply_to": f"<r{bad}@example>",
        "to_addresses": [f"kanzlei{bad}@example.org"], "cc_addresses": [f"cc{bad}@example.org"],
        "attachments": [{"url": "https://files.example/a", "filename": f"brief{bad}.pdf",
                         "content_type": f"application/pdf{bad}"}],
        "custom_note": f"frei{bad}text", f"key{bad}": "value",
    }
    base = payload(webhook_id=None)
    if field == "attachment":
        return base | {"attachments": values["attachments"]}
    if field == "custom_note":
        return base | {"custom_note": values["custom_note"], f"key{bad}": "value"}
    return base | {field: values[field]}


FIELDS = ["ticket_id", "webhook_id", "from_name", "subject", "body_text", "body_html", "message_id",
          "in_reply_to", "to_addresses", "cc_addresses", "attachment", "custom_note"]


def stored_text(email_id: int) -> str:
    with session_scope() as session:
        email = jobs.get(session, email_id)
        return json.dumps([email.zendesk_ticket_id, email.zendesk_webhook_id, email.from_name, email.subject,
                           email.body_text, email.body_html, email.message_id, email.in_reply_to,
                           email.to_addresses, email.cc_addresses, email.attachment_urls, email.extra_fields],
                          ensure_ascii=False)


@pytest.mark.parametrize("kind", HOSTILE)
@pytest.mark.parametrize("field", FIELDS)
def test_a_hostile_character_in_any_webhook_field_is_stored_replaced(
    client: TestClient, field: str, kind: str
) -> None:
    data = with_text(field, HOSTILE[kind])
    response = post_raw(client, data)
    assert response.status_code == 200, response.text
    accepted = response.json()
    assert accepted["status"] == "queued"
    text = stored_text(accepted["email_id"])
    assert REPLACEMENT in text and NUL not in text
    again = post_raw(client, data)
    assert again.json() == {"status": "duplicate", "email_id": accepted["email_id"]}


def test_replies_differing_only_in_the_hostile_character_stay_two_emails(client: TestClient) -> None:
    base = payload(webhook_id=None, subject="AW: Kontostand")
    first = post_raw(client, base | {"body_text": f"Offen: 12,00 EUR{NUL}"}).json()
    second = post_raw(client, base | {"body_text": f"Offen: 12,00 EUR{LONE}"}).json()
    third = post_raw(client, base | {"body_text": f"Offen: 12,00 EUR{REPLACEMENT}"}).json()
    assert len({first["email_id"], second["email_id"], third["email_id"]}) == 3
    assert {first["status"], second["status"], third["status"]} == {"queued"}


def test_an_email_with_replaced_text_is_processed_to_the_end(client: TestClient) -> None:
    data = payload(webhook_id=None, subject=f"AW{NUL}: Saldo", body_text=f"Die Forderung{LONE} beträgt 77,10 EUR.{NUL}")
    email_id = post_raw(client, data).json()["email_id"]
    processing.run_attempt(email_id, get_settings())
    with session_scope() as session:
        assert jobs.get(session, email_id).processing_status == "completed"
    assert client.get(f"/api/v1/jobs/{email_id}").status_code == 200


@pytest.mark.parametrize("bad", HOSTILE.values(), ids=HOSTILE.keys())
def test_inquiry_input_with_a_hostile_character_is_stored_replaced(client: TestClient, bad: str) -> None:
    body = {"id": f"INQ-7{bad}", "client_name": f"Hedwig{bad} Sommerfeld", "firm_reference": "KB-2026-0701",
            "creditor_name": f"Stadtkasse{bad}", "creditor_reference": f"44{bad}12"}
    created = client.post("/api/v1/inquiries", content=json.dumps(body).encode(),
                          headers={"content-type": "application/json"})
    assert created.status_code == 201, created.text
    assert created.json()["client_name"] == f"Hedwig{REPLACEMENT} Sommerfeld"
    assert client.get(f"/api/v1/inquiries/INQ-7{REPLACEMENT}").status_code == 200
    assert client.get("/api/v1/inquiries/INQ-7%00").json()["id"] == f"INQ-7{REPLACEMENT}"  # looked up as stored


@pytest.mark.parametrize("bad", HOSTILE.values(), ids=HOSTILE.keys())
def test_review_input_with_a_hostile_character_is_stored_replaced(client: TestClient, bad: str) -> None:
    review_id, inquiry_id, _ = open_review()
    unknown = client.post(f"/api/v1/reviews/{review_id}/correct", headers={"content-type": "application/json"},
                          content=json.dumps({"reviewer": "R", "inquiry_id": f"SEC{bad}"}).encode())
    assert unknown.status_code == 404
    decided = client.post(f"/api/v1/reviews/{review_id}/approve", headers={"content-type": "application/json"},
                          content=json.dumps({"reviewer": f"M.{bad} Becker", "note": f"geprüft{bad}"}).encode())
    assert decided.status_code == 200, decided.text
    assert (decided.json()["decided_by"], decided.json()["decision_note"]) == (
        f"M.{REPLACEMENT} Becker", f"geprüft{REPLACEMENT}")
    with session_scope() as session:
        assert claims.history(session, inquiry_id)[-1].changed_by == f"M.{REPLACEMENT} Becker"


def test_a_dashboard_decision_with_a_nul_in_the_form_is_taken(client: TestClient) -> None:
    review_id, _, _ = open_review()
    client.get("/dashboard/reviews")
    token = (client.cookies.get(csrf.CSRF_COOKIE) or "").encode()
    response = client.post(f"/dashboard/reviews/{review_id}/approve",
                           content=b"reviewer=M.%00Becker&note=ok%ED%A0%BD&csrf_token=" + token,
                           headers={"content-type": "application/x-www-form-urlencoded",
                                    "sec-fetch-site": "same-origin"})
    assert response.status_code == 200, response.text
    assert f"by M.{REPLACEMENT}Becker" in response.text


def test_scrub_replaces_only_unsafe_characters_and_reports_what_it_changed() -> None:
    replaced: list[str] = []
    data = {"a": f"x{NUL}", f"k{LONE}": [f"{LONE}", "fine 😀", 3, None], "b": "ok"}
    assert scrub(data, replaced) == {"a": f"x{REPLACEMENT}", f"k{REPLACEMENT}": [REPLACEMENT, "fine 😀", 3, None],
                                     "b": "ok"}
    assert replaced == [f"x{NUL}", f"k{LONE}", LONE]
