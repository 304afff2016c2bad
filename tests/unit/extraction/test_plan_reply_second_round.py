"""Replies to an amended plan, in wording written for these tests: what the creditor did in the first round is
history, no objection to something else is no consent, and the plan's own figure named beside the whole plan's
sum offers nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import plan_reply
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("640.00"), "quota_percent": D("12"), "monthly_rate": D("8.00"), "months": D("80")}


def read(text: str) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(f"Guten Tag,\n\n{text}\n\nMit freundlichen Grüßen\nLeasing Süd", None),
                           plan_figures=PLAN)


@pytest.mark.parametrize(("text", "decision"), [
    ("Im Januar hatten wir den ersten Entwurf wegen der zu geringen Quote abgelehnt. Dem neuen Plan stimmen wir zu.",
     "accepted"),
    ("Zum ersten Plan hatten wir einen Gegenvorschlag gemacht (15,00 € monatlich über 40 Monate). Davon nehmen wir "
     "Abstand; der geänderten Fassung stimmen wir zu.", "accepted"),
    ("Damals hatten wir zugestimmt. Nach der Änderung lehnen wir den Plan jedoch ab.", "declined"),
])
def test_what_the_creditor_did_in_the_first_round_is_history(text: str, decision: str) -> None:
    reading = read(text)
    assert (reading.decision, dict(reading.counter_offer)) == (decision, {})


def test_no_objection_to_something_else_is_no_consent_to_the_plan() -> None:
    reading = read("Den Plan lehnen wir ab. Gegen die Ratenzahlung aus dem neuen Leasingvertrag bestehen keine "
                   "Bedenken.")
    assert reading.decision == "declined"
    assert read("Gegen den Plan bestehen keine Bedenken.").decision == "accepted"


def test_the_plans_own_figure_beside_the_whole_plans_sum_offers_nothing() -> None:
    reading = read("Dem Plan mit einer Einmalzahlung von 3.100,00 € an alle Gläubiger (davon für uns 640,00 €) "
                   "stimmen wir zu.")
    assert (reading.decision, dict(reading.counter_offer)) == ("accepted", {})


def test_a_different_figure_named_in_an_agreement_still_offers_it() -> None:
    reading = read("Einer Einmalzahlung von 900,00 € stimmen wir zu.")
    assert (reading.decision, dict(reading.counter_offer)) == ("counter_offer", {"offer_amount": D("900.00")})


@pytest.mark.parametrize("question", [
    "Wie viele Gläubiger haben dem geänderten Plan bisher zugestimmt?",
    "Werden Sie die fehlenden Zustimmungen durch das Gericht ersetzen lassen?",
])
def test_a_question_about_the_others_consent_decides_nothing(question: str) -> None:
    body = f"Guten Tag,\n\nbevor wir entscheiden, eine Frage:\n{question}\n\nGruß\nLeasing Süd"
    reading = plan_reply.read(parse_body(body, None), plan_figures=PLAN)
    assert reading.decision == "needs_info"
