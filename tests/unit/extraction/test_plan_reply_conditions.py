"""Plan replies whose side clauses are no decision and no offer, in wording written for these tests: the other
creditors' consent as a condition, the reason given for a refusal, and the claim grown since the plan."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import plan_reply
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("300.00"), "quota_percent": D("8"), "monthly_rate": D("5.00"), "months": D("60")}


def read(text: str) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(f"Guten Tag,\n\n{text}\n\nGruß\nSparkasse Elbtal", None), plan_figures=PLAN)


def test_the_other_creditors_consent_as_a_condition_is_no_refusal() -> None:
    reading = read("Wir stimmen unter der Bedingung zu, dass alle anderen Gläubiger ebenfalls zustimmen und niemand "
                   "bessergestellt wird als wir.")
    assert reading.decision == "accepted"
    assert reading.doubts  # a condition: a human tracks it


def test_the_reason_for_a_refusal_offers_nothing() -> None:
    reading = read("Unsere Entscheidung:\n- Zustimmung: nein\n- Begründung: die Rate von 5,00 EUR über 60 Monate ist "
                   "zu niedrig, eine spätere Erhöhung ist nicht gesichert")
    assert reading.decision == "declined"
    assert reading.counter_offer == {}


def test_a_claim_grown_since_the_plan_is_no_counter_offer() -> None:
    reading = read("Dem Plan stimmen wir zu, wobei sich unsere Forderung inzwischen auf 3.912,40 EUR erhöht hat.")
    assert reading.decision == "accepted"
    assert reading.counter_offer == {}


def test_an_improvement_clauses_income_threshold_is_no_quota() -> None:
    reading = read("Wir stimmen zu. Besserungsklausel: Erhöht sich das Einkommen Ihrer Mandantin während der Laufzeit "
                   "um mehr als 15 %, ist die Rate entsprechend anzupassen.")
    assert reading.decision == "accepted"
    assert reading.counter_offer == {}


def test_a_higher_figure_asked_for_is_still_a_counter_offer() -> None:
    reading = read("Wir lehnen ab, es sei denn, die Quote auf unsere Forderung wird auf 12 % erhöht.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"quota_percent": D("12")}


@pytest.mark.parametrize("text", [
    "Fachlich sind wir einverstanden. Die Zustimmung erfolgt jedoch vorbehaltlich der Freigabe durch unseren "
    "Kreditausschuss, der im nächsten Monat tagt.",
    "Wir stimmen zu, unter dem Vorbehalt der Genehmigung durch unsere Mandantin, die wir angefragt haben.",
    "We agree to the plan, subject to the approval of our head office.",
])
def test_an_agreement_that_waits_for_someone_elses_approval_is_no_decision_yet(text: str) -> None:
    assert read(text).decision == "unclear"


def test_a_right_reserved_for_later_keeps_an_agreement() -> None:
    reading = read("Wir stimmen dem Plan zu. Wir behalten uns vor, die Zustimmung zu widerrufen, falls Vermögen "
                   "verschwiegen wurde.")
    assert reading.decision == "accepted"


@pytest.mark.parametrize("text", [
    "Ich für meinen Teil stimme zu. Mein Bruder muss aber auch noch zustimmen, er ist gerade verreist.",
    "Dem Plan stimme ich zu; mein Mitgesellschafter soll sich dazu aber noch äußern.",
])
def test_consent_for_ones_own_share_while_another_holder_must_still_answer_is_no_decision(text: str) -> None:
    assert read(text).decision == "unclear"


def test_something_the_firm_must_still_send_leaves_the_consent_standing() -> None:
    assert read("Wir stimmen dem Plan zu. Sie müssen uns nur noch die neue Kontoverbindung sagen.").decision \
        == "accepted"
