"""Replies to plan letters through the real pipeline on PostgreSQL and SQLite: a clear answer on an
automatic match is recorded by the system, anything else opens a review whose decision records it, and no
plan reply ever writes a claim by itself."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from app.config import get_settings
from app.database import session_scope
from app.models import PlanDecision, Review
from app.services import claims, jobs, pipeline
from app.services.plans import decisions
from tests.integration.matching.support import add_inquiry, add_reply

WERRA = {"creditor_name": "Werraland Energie AG", "creditor_email": "inkasso@werraland.example",
         "creditor_reference": "WE-7781-22", "known_amount": Decimal("1480.00"), "letter_type": "plan",
         "plan_offer": {"type": "quota", "quota_percent": "7.5", "offer_amount": "111.00", "monthly_rate": "1.85",
                        "months": 60, "reply_by": "2027-02-15"}}
SUBJECT = "AW: Schuldenbereinigungsplan Gesa Thormählen – Ihr Az. KT-2027-0042 – Kundenkonto WE-7781-22"
GREETING = "Sehr geehrte Damen und Herren,\n\n"
SIGNATURE = "\n\nFreundliche Grüße\nWerraland Energie AG – Inkasso\n"


def plan_letter() -> int:
    with session_scope() as session:
        return add_inquiry(session, "PL-7", "Gesa Thormählen", "KT-2027-0042", **WERRA).id


def process(text: str, subject: str = SUBJECT, received_at: datetime | None = None) -> dict[str, Any]:
    """Store one reply from the creditor and run the pipeline on it; the job's columns."""
    with session_scope() as session:
        email = add_reply(session, body=GREETING + text + SIGNATURE, subject=subject,
                          from_email="inkasso@werraland.example", received_at=received_at)
        result = pipeline.run(session, email, get_settings())
        result.after_commit()
        return {"email_id": email.id, **result.columns}


def recorded(inquiry_id: int) -> list[PlanDecision]:
    with session_scope() as session:
        rows = decisions.history(session, inquiry_id)
        session.expunge_all()
        return rows


def test_a_clear_acceptance_is_recorded_by_the_system_and_writes_no_claim(database: str) -> None:
    inquiry_id = plan_letter()
    job = process("mit dem übersandten Plan erklären wir uns einverstanden. Bitte überweisen Sie die Raten "
                  "jeweils zum 5. eines Monats unter Angabe des Kundenkontos.")
    extraction = job["extracted_data"]["extraction"]
    assert extraction["intent"] == "plan_response"
    assert extraction["plan"]["decision"] == "accepted"
    rows = recorded(inquiry_id)
    assert [(row.decision, row.actor_kind, row.source_email_id) for row in rows] == [
        ("accepted", "system", job["email_id"])]
    with session_scope() as session:
        claim = claims.current(session, inquiry_id)
        kinds = [event.kind for event in jobs.get(session, job["email_id"]).events]
        assert session.scalars(select(Review)).first() is None
    assert claim is not None and (claim.amount, claim.version) == (Decimal("1480.00"), 0)
    assert "plan_decision_recorded" in kinds and "claim_applied" not in kinds


def test_a_counter_offer_opens_a_review_with_its_figures_and_records_nothing(database: str) -> None:
    inquiry_id = plan_letter()
    process("eine Quote von 7,5 % ist uns zu wenig. Mittragen würden wir den Plan bei einer Quote von 15 %.")
    assert recorded(inquiry_id) == []
    with session_scope() as session:
        review = session.scalars(select(Review)).one()
        assert (review.proposed_plan_decision, review.proposed_counter_offer) == (
            "counter_offer", {"quota_percent": "15.00"})
        assert review.proposed_amount is None
        assert any("counter_offer" in reason for reason in review.reasons)


def test_approving_a_plan_review_records_the_proposed_decision_by_the_reviewer(client: TestClient) -> None:
    inquiry_id = plan_letter()
    process("wir stimmen zu, sofern die monatliche Rate auf 3,00 € angehoben wird.")
    with session_scope() as session:
        review_id = session.scalars(select(Review.id)).one()
    response = client.post(f"/api/v1/reviews/{review_id}/approve", headers={"x-reviewer": "R. Okonkwo"}, json={})
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["final_plan_decision"], body["final_counter_offer"]) == ("counter_offer", {"monthly_rate": "3.00"})
    [row] = recorded(inquiry_id)
    assert (row.decision, row.counter_offer, row.actor_kind, row.decided_by, row.review_id) == (
        "counter_offer", {"monthly_rate": "3.00"}, "reviewer", "R. Okonkwo", review_id)
    assert client.get("/api/v1/inquiries/PL-7").json()["claim"]["version"] == 0


def test_a_correction_records_the_reviewers_decision_and_refuses_figures_without_a_counter_offer(
        client: TestClient) -> None:
    inquiry_id = plan_letter()
    process("den Plan leiten wir an unsere Rechtsabteilung weiter, die sich bei Ihnen meldet.")
    with session_scope() as session:
        review_id = session.scalars(select(Review.id)).one()
    bad = client.post(f"/api/v1/reviews/{review_id}/correct",
                      json={"reviewer": "R. Okonkwo", "plan_decision": "declined", "counter_offer": {"months": 24}})
    assert bad.status_code == 422 and "counter_offer figures belong to" in bad.text
    good = client.post(f"/api/v1/reviews/{review_id}/correct",
                       json={"reviewer": "R. Okonkwo", "plan_decision": "declined", "note": "telefonisch abgelehnt"})
    assert good.status_code == 200, good.text
    assert [(row.decision, row.actor_kind, row.note) for row in recorded(inquiry_id)] == [
        ("declined", "reviewer", "telefonisch abgelehnt")]


def test_a_stated_claim_that_differs_from_the_plan_goes_to_review_while_the_decision_is_recorded(
        database: str) -> None:
    inquiry_id = plan_letter()
    process("dem Plan stimmen wir zu. Zur Kenntnis: unsere Forderung beläuft sich inzwischen auf 1.532,10 €.")
    assert [row.decision for row in recorded(inquiry_id)] == ["accepted"]
    with session_scope() as session:
        review = session.scalars(select(Review)).one()
        claim = claims.current(session, inquiry_id)
        assert review.proposed_amount == Decimal("1532.10")
        assert any("the reply states a claim of 1.532,10 €, the plan lists 1.480,00 €" in reason
                   for reason in review.reasons)
        assert claim is not None and claim.version == 0


def test_processing_the_same_reply_again_records_one_decision(database: str) -> None:
    inquiry_id = plan_letter()
    job = process("Den Schuldenbereinigungsplan lehnen wir ab.")
    with session_scope() as session:
        email = jobs.get(session, job["email_id"])
        pipeline.run(session, email, get_settings())
    assert [row.decision for row in recorded(inquiry_id)] == ["declined"]


def test_an_absence_note_to_a_plan_letter_stays_an_automatic_reply(database: str) -> None:
    inquiry_id = plan_letter()
    job = process("ich bin bis 12.01.2027 nicht im Büro. In dringenden Fällen wenden Sie sich bitte an "
                  "die Zentrale.", subject="Abwesend: " + SUBJECT)
    assert job["extracted_data"]["extraction"]["intent"] == "auto_reply"
    assert job["extracted_data"]["extraction"]["plan"] is None
    assert recorded(inquiry_id) == []


def test_an_acknowledgement_that_asks_for_documents_before_deciding_reaches_a_human(database: str) -> None:
    inquiry_id = plan_letter()
    job = process("wir bestätigen den Eingang Ihres Schreibens zum Schuldenbereinigungsplan. Bevor wir über den Plan "
                  "entscheiden, benötigen wir noch die Lohnabrechnungen der letzten drei Monate.")
    extraction = job["extracted_data"]["extraction"]
    assert extraction["intent"] == "plan_response"
    assert extraction["plan"]["decision"] == "needs_info"
    assert recorded(inquiry_id) == []
    with session_scope() as session:
        reviews = session.scalars(select(Review).where(Review.email_id == job["email_id"])).all()
        assert len(reviews) == 1


def test_a_receipt_that_asks_for_its_number_with_any_question_stays_an_automatic_reply(database: str) -> None:
    inquiry_id = plan_letter()
    job = process("dies ist eine automatisch erzeugte Nachricht. Ihr Schreiben zum Schuldenbereinigungsplan ist unter "
                  "der Vorgangsnummer 77-1204 erfasst. Bitte nennen Sie diese Nummer bei allen Rückfragen.",
                  subject="Eingangsbestätigung: " + SUBJECT)
    assert job["extracted_data"]["extraction"]["intent"] == "auto_reply"
    assert recorded(inquiry_id) == []


def both_letters() -> tuple[int, int]:
    """The first-round inquiry (sent in autumn) and the plan letter (sent later) to the same creditor."""
    first = {key: value for key, value in WERRA.items() if key not in ("letter_type", "plan_offer")}
    with session_scope() as session:
        first_id = add_inquiry(session, "FI-7", "Gesa Thormählen", "KT-2027-0042", sent_at="2026-10-01T08:00:00Z",
                               **first).id
        plan_id = add_inquiry(session, "PL-7", "Gesa Thormählen", "KT-2027-0042", sent_at="2026-11-20T08:00:00Z",
                              **WERRA).id
    return first_id, plan_id


def test_a_reply_about_the_plan_answers_the_plan_letter_not_the_first_one(database: str) -> None:
    _, plan_id = both_letters()
    job = process("dem Schuldenbereinigungsplan stimmen wir zu.")
    assert job["match_status"] == "auto_matched"
    assert job["extracted_data"]["match"]["inquiry_id"] == "PL-7"
    assert [row.decision for row in recorded(plan_id)] == ["accepted"]


STATEMENT = "die Forderung gegen Frau Thormählen beträgt zum heutigen Tag insgesamt 1.502,30 EUR."
FIRST_SUBJECT = "AW: Forderungsanfrage Gesa Thormählen – Ihr Az. KT-2027-0042 – Kundenkonto WE-7781-22"


def test_a_statement_sent_before_the_plan_letter_went_out_answers_the_first_letter(database: str) -> None:
    _, plan_id = both_letters()
    job = process(STATEMENT, subject=FIRST_SUBJECT, received_at=datetime(2026, 11, 2, 9, tzinfo=UTC))
    assert job["extracted_data"]["match"]["inquiry_id"] == "FI-7"
    assert job["extracted_data"]["extraction"]["intent"] == "debt_statement"
    assert recorded(plan_id) == []


def test_a_late_statement_lands_on_the_plan_letter_and_writes_no_claim(database: str) -> None:
    first_id, _ = both_letters()
    job = process(STATEMENT, subject=FIRST_SUBJECT, received_at=datetime(2026, 11, 25, 9, tzinfo=UTC))
    assert job["extracted_data"]["match"]["inquiry_id"] == "PL-7"
    assert job["extracted_data"]["match"]["auto_applied"] is False
    with session_scope() as session:
        claim = claims.current(session, first_id)
        assert claim is not None and claim.version == 0


def test_a_reply_naming_the_first_letters_date_answers_it_even_after_the_plan(database: str) -> None:
    _, plan_id = both_letters()
    job = process("bezugnehmend auf Ihr Schreiben vom 01.10.2026 teilen wir mit: " + STATEMENT,
                  subject=FIRST_SUBJECT, received_at=datetime(2026, 11, 25, 9, tzinfo=UTC))
    assert job["extracted_data"]["match"]["inquiry_id"] == "FI-7"
    assert recorded(plan_id) == []


def test_the_job_page_explains_the_match_signal_by_signal(client: TestClient) -> None:
    plan_letter()
    job = process("dem Plan stimmen wir zu.")
    with session_scope() as session:  # what jobs.complete stores on the row
        jobs.get(session, job["email_id"]).extracted_data = job["extracted_data"]
    html = client.get(f"/dashboard/jobs/{job['email_id']}").text
    assert "Match explanation" in html
    assert "<code>creditor_reference</code>" in html and "PL-7" in html
