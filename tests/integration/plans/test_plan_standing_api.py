"""A client's plan standing over HTTP and from the database, on SQLite and PostgreSQL: the latest effective
decision counts, an operator's decision changes the standing at once, and unknown clients or first letters are 404s."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.database import session_scope
from app.errors import NotFound
from app.services.plans import decisions, standing
from tests.integration.matching.support import add_inquiry

CLIENT = {"client_name": "Ilka Brodersen", "firm_reference": "KT-2027-0317"}
PAST = "2026-01-15"
LATER = "2099-06-30"


def plan_letter(ident: str, creditor: str, claim: float | None, reply_by: str = LATER) -> dict[str, Any]:
    return {"id": ident, **CLIENT, "creditor_name": creditor, "known_amount": claim, "letter_type": "plan",
            "plan_offer": {"type": "one_off", "offer_amount": 40.0, "reply_by": reply_by}}


def seed(client: TestClient) -> None:
    letters = [plan_letter("PB-1", "Elbufer Sparkasse", 2400.0), plan_letter("PB-2", "Moorwiese Versand GmbH", 600.0),
               plan_letter("PB-3", "Stadtwerke Kranichfeld", 900.0, reply_by=PAST),
               plan_letter("PB-4", "Inkasso Lindholm KG", None)]
    for body in letters:
        assert client.post("/api/v1/inquiries", json=body).status_code == 201
    first = {"id": "PB-9", **CLIENT, "creditor_name": "Elbufer Sparkasse", "known_amount": 100.0}
    assert client.post("/api/v1/inquiries", json=first).status_code == 201


def decide(client: TestClient, inquiry_id: str, **body: Any) -> Any:
    response = client.post(f"/api/v1/inquiries/{inquiry_id}/plan-decisions", json={"reviewer": "Frau Quandt", **body})
    assert response.status_code == 201, response.text
    return response.json()


def test_the_standing_shows_each_creditor_heads_claims_outcome_and_section_309(client: TestClient) -> None:
    seed(client)
    decide(client, "PB-1", decision="accepted")
    decide(client, "PB-2", decision="counter_offer", counter_offer={"offer_amount": "75.50", "months": 12},
           note="am Telefon")
    body = client.get("/api/v1/clients/KT-2027-0317/plan").json()
    assert [c["inquiry_id"] for c in body["creditors"]] == ["PB-1", "PB-4", "PB-2", "PB-3"]  # by creditor name
    by_id = {c["inquiry_id"]: c for c in body["creditors"]}
    assert by_id["PB-1"]["decision"] == "accepted" and by_id["PB-1"]["decided_by"] == "Frau Quandt"
    assert by_id["PB-1"]["actor_kind"] == "reviewer" and by_id["PB-1"]["claim"] == "2400.00"
    assert by_id["PB-2"]["counter_offer"] == {"months": "12", "offer_amount": "75.50"}
    assert by_id["PB-4"]["claim"] is None and by_id["PB-4"]["overdue"] is False
    assert by_id["PB-3"]["decision"] is None and by_id["PB-3"]["overdue"] is True
    assert body["outcome"] == "failed" and body["certificate_of_failure"] is True
    assert body["refused"] == ["Moorwiese Versand GmbH (PB-2)"]
    replacement = body["replacement"]
    assert (replacement["heads_agreed"], replacement["heads_total"], replacement["heads_percent"]) == (1, 4, "25.00")
    assert (replacement["claims_agreed"], replacement["claims_total"]) == ("2400.00", "3900.00")
    assert replacement["claims_percent"] == "61.54" and replacement["unknown_claims_other"] == 1
    assert replacement["possible"] is False


def test_recording_a_decision_changes_the_standing_at_once(client: TestClient) -> None:
    seed(client)
    for inquiry_id in ("PB-1", "PB-2"):
        decide(client, inquiry_id, decision="accepted")
    before = client.get("/api/v1/clients/KT-2027-0317/plan").json()
    assert before["outcome"] == "pending"
    assert before["outstanding"] == ["Inkasso Lindholm KG (PB-4)", "Stadtwerke Kranichfeld (PB-3)"]
    assert before["replacement"]["possible"] is False  # 2 of 4 heads is exactly half
    history = decide(client, "PB-3", decision="accepted")
    assert history["current"]["decision"] == "accepted"
    after = client.get("/api/v1/clients/kt 2027 0317/plan").json()  # the reference without case or punctuation
    assert after["outcome"] == "pending" and after["outstanding"] == ["Inkasso Lindholm KG (PB-4)"]
    # 3 of 4 heads; 3900 known agreed vs nothing known against, but Lindholm's claim has no figure.
    assert after["replacement"]["possible"] is None
    decide(client, "PB-4", decision="accepted")
    final = client.get("/api/v1/clients/KT-2027-0317/plan").json()
    assert final["outcome"] == "accepted" and final["replacement"]["possible"] is True


def test_a_plan_letters_history_lists_every_decision_and_names_the_current_one(client: TestClient) -> None:
    seed(client)
    decide(client, "PB-2", decision="needs_info", note="will die Unterlagen sehen")
    response = client.post("/api/v1/inquiries/PB-2/plan-decisions", json={"decision": "declined"},
                           headers={"X-Reviewer": "Herr Ostrowski"})
    assert response.status_code == 201, response.text
    history = client.get("/api/v1/inquiries/PB-2/plan-decisions").json()
    assert [d["decision"] for d in history["decisions"]] == ["needs_info", "declined"]
    assert history["decisions"][0]["note"] == "will die Unterlagen sehen"
    assert history["current"]["decided_by"] == "Herr Ostrowski"
    assert history["creditor_name"] == "Moorwiese Versand GmbH"


@pytest.mark.parametrize(("path", "says"), [
    ("/api/v1/clients/KT-0000-0000/plan", "no plan letters for client 'KT-0000-0000'"),
    ("/api/v1/clients/---/plan", "no plan letters"),
    ("/api/v1/inquiries/PB-9/plan-decisions", "PB-9 is not a plan letter"),
    ("/api/v1/inquiries/PB-77/plan-decisions", "inquiry PB-77 not found"),
])
def test_unknown_clients_and_letters_that_are_no_plan_letters_are_404s_with_a_reason(
        client: TestClient, path: str, says: str) -> None:
    seed(client)
    response = client.get(path)
    assert response.status_code == 404
    assert says in response.json()["detail"]


@pytest.mark.parametrize(("body", "headers", "status", "says"), [
    ({"decision": "accepted"}, {}, 400, "name the reviewer"),
    ({"decision": "accepted", "reviewer": "  "}, {}, 400, "name the reviewer"),
    ({"decision": "accepted"}, {"X-Reviewer": "x" * 201}, 400, "at most 200"),
    ({"decision": "maybe", "reviewer": "Q"}, {}, 422, "decision"),
    ({"decision": "accepted", "reviewer": "Q", "counter_offer": {"offer_amount": "10"}}, {}, 400,
     "only a counter_offer"),
    ({"decision": "counter_offer", "reviewer": "Q", "counter_offer": {"offer_amount": "-1"}}, {}, 422,
     "offer_amount"),
])
def test_a_decision_without_a_reviewer_or_with_wrong_figures_is_refused(
        client: TestClient, body: dict[str, Any], headers: dict[str, str], status: int, says: str) -> None:
    seed(client)
    response = client.post("/api/v1/inquiries/PB-1/plan-decisions", json=body, headers=headers)
    assert response.status_code == status, response.text
    assert says in response.text
    assert client.get("/api/v1/inquiries/PB-1/plan-decisions").json()["decisions"] == []


def test_recording_a_decision_needs_json_from_this_origin(client: TestClient) -> None:
    seed(client)
    form = client.post("/api/v1/inquiries/PB-1/plan-decisions", content="decision=accepted",
                       headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert form.status_code == 415
    foreign = client.post("/api/v1/inquiries/PB-1/plan-decisions", json={"decision": "accepted", "reviewer": "Q"},
                          headers={"Origin": "https://elsewhere.example"})
    assert foreign.status_code == 403


def test_the_latest_effective_decision_counts_even_when_recorded_earlier(database: str) -> None:
    """A creditor declines, then accepts; the decline's email is processed last but said it first."""
    with session_scope() as session:
        letters = {}
        for ident, creditor, claim in (("PD-1", "Elbufer Sparkasse", "2400.00"),
                                       ("PD-2", "Moorwiese Versand GmbH", "600.00")):
            letters[ident] = add_inquiry(
                session, ident, CLIENT["client_name"], CLIENT["firm_reference"], creditor_name=creditor,
                known_amount=claim, letter_type="plan",
                plan_offer={"type": "one_off", "offer_amount": "40", "reply_by": "2027-02-15"})

        def said(ident: str, decision: decisions.DecisionName, day: int) -> None:
            decisions.record(session, letters[ident], decisions.NewDecision(
                decision=decision, actor_kind="system", decided_by="reply-reader",
                effective_at=datetime(2027, 2, day, 10, tzinfo=UTC)))

        said("PD-1", "accepted", 3)
        said("PD-2", "accepted", 9)
        said("PD-2", "declined", 4)  # older news, processed late
    with session_scope() as session:
        result = standing.load(session, "KT-2027-0317", date(2027, 2, 20))
    assert [c.decision for c in result.creditors] == ["accepted", "accepted"]
    assert result.outcome == "accepted"
    assert result.replacement.claims_agreed == Decimal("3000.00")
    assert result.creditors[1].current is not None
    assert result.creditors[1].current.effective_at == datetime(2027, 2, 9, 10, tzinfo=UTC)


def test_a_client_with_only_first_letters_has_no_plan(database: str) -> None:
    with session_scope() as session:
        add_inquiry(session, "PF-1", CLIENT["client_name"], "KT-2027-0999", known_amount="50")
        with pytest.raises(NotFound, match="no plan letters"):
            standing.load(session, "KT-2027-0999", date(2027, 2, 20))
        assert standing.load_all(session, date(2027, 2, 20)) == []
