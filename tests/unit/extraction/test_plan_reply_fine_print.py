"""Plan replies from institutions, in wording written for these tests: a refusal in office language without
"ablehnen", and a web portal's cookie banner whose consent words are no consent to the plan."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import plan_reply
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("900.00"), "quota_percent": D("11"), "monthly_rate": D("15.00"), "months": D("60")}


def read(text: str) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(f"Sehr geehrte Damen und Herren,\n\n{text}\n\nFreundliche Grüße\nKreiskasse",
                                      None), plan_figures=PLAN)


@pytest.mark.parametrize("text", [
    "Nach Prüfung der Unterlagen ist es uns nicht möglich, dem Plan zuzustimmen.",
    "Dem vorgelegten Plan zuzustimmen ist der Kasse aus Rechtsgründen nicht möglich.",
    "Eine Zustimmung zu dem Vorschlag ist nach unseren internen Richtlinien für notleidende Kredite nicht darstellbar.",
])
def test_a_refusal_in_office_language_is_a_refusal(text: str) -> None:
    assert read(text).decision == "declined"


def test_a_cookie_banner_of_a_portal_consents_to_nothing() -> None:
    banner = ("Ihre Nachricht ist eingegangen (Vorgang 5521).\n"
              "Wir verwenden Cookies. Bitte stimmen Sie der Nutzung von Cookies zu, um das Portal zu nutzen.\n"
              "Alle akzeptieren und fortfahren | Nur erforderliche Cookies akzeptieren\nZustimmen und weiter")
    assert read(banner).decision == "unclear"


def test_a_decision_above_a_cookie_banner_still_decides() -> None:
    reading = read("Dem Plan stimmen wir zu.\n\nHinweis: Auf unserer Webseite bitten wir Sie, Cookies zu akzeptieren.")
    assert reading.decision == "accepted"


@pytest.mark.parametrize("text", [
    "Es ist uns nicht möglich, dem Plan nicht zuzustimmen.",
    "Dem Plan nicht zuzustimmen ist uns nicht möglich.",
])
def test_a_double_negation_in_office_language_is_no_refusal(text: str) -> None:
    assert read(text).decision != "declined"


def test_consent_that_happens_at_another_figure_is_a_counter_offer() -> None:
    reading = read("Einer Quote von 11 % stimmen wir nicht zu. Die Zustimmung erfolgt bei einer Quote von 20 %.")
    assert (reading.decision, dict(reading.counter_offer)) == ("counter_offer", {"quota_percent": D("20")})
    assert read("Die Zustimmung erfolgt hiermit.").decision == "accepted"
