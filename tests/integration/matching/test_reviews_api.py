"""GET /api/v1/reviews and approve / correct / reject: each decision audited with the reviewer's
name, applied through the claim history "by reviewer X", and never taken twice."""

from __future__ import annotations

from decimal import Decimal

from fastapi.testclient import TestClient
from sqlalchemy import select

from app.config import get_settings
from app.database import session_scope
from app.models import JobEvent, OutboxMessage
from app.services import claims, matching_stage
from tests.conftest import SetEnv
from tests.integration.matching.support import add_inquiry, add_reply, stated
from tests.support.app_client import app_client

BODY = "zum Konto 4401 882 310 Ihres Mandanten Jürgen Weißbach beträgt die Forderung 1.236,42 EUR."

JSON = {"content-type": "application/json"}


def open_review(total: str = "1236.42", intent: str = "debt_statement") -> tuple[int, int]:
    """A review for a threefold jump on INQ-1 (known 412.80); returns (review id, inquiry row id)."""
    with session_scope() as session:
        inquiry = add_inquiry(session, "INQ-1", "Jürgen Weißbach", "BS-2026-0117", creditor_reference="4401 882 310",
                              known_amount=Decimal("412.80"))
        add_inquiry(session, "INQ-2", "Dragan Petrović", "BS-2026-0170", creditor_reference="4401 905 772")
        email = add_reply(session, body=BODY)
        outcome = matching_stage.match_and_apply(session, email, stated(total, intent=intent), get_settings())
        assert outcome.review_id is not None
        return outcome.review_id, inquiry.id


def test_open_reviews_are_listed_with_reasons_and_candidates(client: TestClient) -> None:
    review_id, _ = open_review()
    body = client.get("/api/v1/reviews", params={"status": "open"}).json()
    assert body["total"] == 1
    item = body["reviews"][0]
    assert (item["id"], item["inquiry_id"], item["proposed_amount"]) == (review_id, "INQ-1", "1236.42")
    assert item["explanation"][0]["inquiry"] == "INQ-1"
    assert client.get("/api/v1/reviews", params={"status": "approved"}).json()["total"] == 0
    assert client.get("/api/v1/reviews", params={"status": "pondering"}).status_code == 422


def test_approving_applies_the_proposal_by_the_named_reviewer(client: TestClient) -> None:
    review_id, inquiry_id = open_review()
    response = client.post(f"/api/v1/reviews/{review_id}/approve", headers={"x-reviewer": "M. Becker"},
                           json={"note": "Schadensersatz geprüft"})
    assert response.status_code == 200
    decided = response.json()
    assert (decided["status"], decided["decided_by"], decided["final_amount"]) == ("approved", "M. Becker", "1236.42")
    with session_scope() as session:
        claim = claims.current(session, inquiry_id)
        change = claims.history(session, inquiry_id)[-1]
        events = session.scalars(select(JobEvent.kind)).all()
    assert claim is not None and (claim.amount, claim.version) == (Decimal("1236.42"), 1)
    assert (change.actor_kind, change.changed_by, change.review_id, change.note) == (
        "reviewer", "M. Becker", review_id, "Schadensersatz geprüft")
    assert "review_approved" in events


def test_a_correction_applies_the_humans_amount_to_the_humans_inquiry(client: TestClient) -> None:
    review_id, _ = open_review()
    response = client.post(f"/api/v1/reviews/{review_id}/correct",
                           json={"reviewer": "A. Yilmaz", "amount": "1200.00", "inquiry_id": "INQ-2"})
    assert response.status_code == 200
    assert (response.json()["final_inquiry_id"], response.json()["final_amount"]) == ("INQ-2", "1200.00")
    assert client.get("/api/v1/inquiries/INQ-2").json()["claim"]["amount"] == "1200.00"
    assert client.get("/api/v1/inquiries/INQ-1").json()["claim"]["amount"] == "412.80"


def test_rejecting_closes_the_review_without_touching_the_claim(client: TestClient) -> None:
    review_id, _ = open_review()
    response = client.post(f"/api/v1/reviews/{review_id}/reject", headers={**JSON, "x-reviewer": "M. Becker"})
    assert response.json()["status"] == "rejected"
    assert client.get("/api/v1/inquiries/INQ-1").json()["claim"]["version"] == 0


def test_a_decided_review_cannot_be_decided_again(client: TestClient) -> None:
    review_id, _ = open_review()
    client.post(f"/api/v1/reviews/{review_id}/reject", headers={**JSON, "x-reviewer": "M. Becker"})
    again = client.post(f"/api/v1/reviews/{review_id}/approve", headers={**JSON, "x-reviewer": "M. Becker"})
    assert again.status_code == 409
    assert "already rejected" in again.json()["detail"]


def test_bad_decisions_are_refused_with_a_reason(client: TestClient) -> None:
    review_id, _ = open_review(total="0", intent="settled")
    assert client.post("/api/v1/reviews/999999/approve", headers={**JSON, "x-reviewer": "M"}).status_code == 404
    no_name = client.post(f"/api/v1/reviews/{review_id}/approve", headers=JSON)
    assert no_name.status_code == 400 and "reviewer" in no_name.json()["detail"]
    empty = client.post(f"/api/v1/reviews/{review_id}/correct", headers={"x-reviewer": "M"}, json={})
    assert empty.status_code == 400
    unknown = client.post(f"/api/v1/reviews/{review_id}/correct", headers={"x-reviewer": "M"},
                          json={"inquiry_id": "INQ-404"})
    assert unknown.status_code == 404
    negative = client.post(f"/api/v1/reviews/{review_id}/correct", headers={"x-reviewer": "M"}, json={"amount": -5})
    assert negative.status_code == 422


def test_approving_a_settled_reply_closes_the_claim_at_zero(client: TestClient) -> None:
    review_id, inquiry_id = open_review(total="0", intent="settled")
    assert client.post(f"/api/v1/reviews/{review_id}/approve", headers={**JSON, "x-reviewer": "M"}).status_code == 200
    with session_scope() as session:
        claim = claims.current(session, inquiry_id)
    assert claim is not None and (claim.amount, claim.status) == (Decimal("0.00"), "settled")


def test_an_approved_change_is_queued_for_the_portal(database: str, set_env: SetEnv) -> None:
    set_env(portal_webhook_url="http://127.0.0.1:9/hook")
    review_id, _ = open_review()
    with app_client() as client:
        client.post(f"/api/v1/reviews/{review_id}/approve", headers={**JSON, "x-reviewer": "M. Becker"})
    with session_scope() as session:
        entry = session.scalars(select(OutboxMessage)).one()
    assert (entry.channel, entry.payload["changed_by"], entry.payload["claim"]["amount"]) == (
        "webhook", "M. Becker", "1236.42")
