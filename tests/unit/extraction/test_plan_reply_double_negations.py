"""Plan replies whose decision hides in wording the plain cues miss, in wording written for these tests: a refusal
denied by "no reason to refuse" (agreement, for a human to confirm), "cannot but refuse" (a refusal), a form field
named for whose decision it is ("Entscheidung Gläubiger: negativ"), colloquial consent ("geht in Ordnung", "wir
sind dabei") and questions put before the creditor declares itself."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import plan_reply
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("540.00"), "quota_percent": D("15"), "monthly_rate": D("9.00"), "months": D("60")}


def read(text: str) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(text, None), plan_figures=PLAN)


@pytest.mark.parametrize("text", [
    "Nach Durchsicht der Akte sehen wir keinen Anlass, dem Vergleich die Zustimmung zu verweigern.",
    "Es besteht aus Sicht der Kasse kein Grund, den Schuldenbereinigungsplan abzulehnen.",
    "Wir haben keine Veranlassung, den Vorschlag des Schuldners zu versagen.",
    "Für eine Ablehnung des Plans sehe ich keinen Grund.",
    "We see no reason to reject the proposed settlement plan.",
])
def test_no_reason_to_refuse_is_agreement_for_a_human(text: str) -> None:
    reading = read(text)
    assert reading.decision == "accepted" and reading.doubts


def test_a_reason_to_keep_refusing_stays_a_refusal() -> None:
    reading = read("Wir sehen keine Veranlassung, von unserer Ablehnung des Plans abzurücken.")
    assert reading.decision == "declined"


@pytest.mark.parametrize("text", [
    "Angesichts der Rückstände komme ich nicht umhin, den Zahlungsplan abzulehnen.",
    "Wir sehen uns leider gezwungen, den vorgelegten Vergleich abzulehnen.",
])
def test_cannot_but_refuse_is_a_refusal(text: str) -> None:
    reading = read(text)
    assert reading.decision == "declined" and not reading.doubts


def test_cannot_but_agree_is_agreement() -> None:
    assert read("Bei dieser Einkommenslage kommen wir nicht umhin, dem Plan zuzustimmen.").decision == "accepted"


def test_a_question_whether_to_refuse_decides_nothing() -> None:
    assert read("Wir prüfen noch, ob wir den Plan abzulehnen haben.").decision == "unclear"


@pytest.mark.parametrize(("text", "decision"), [
    ("Votum der Gläubigerin: negativ\nSachbearbeitung: Frau Ohm", "declined"),
    ("Gläubigerentscheidung: positiv\nSachbearbeitung: Frau Ohm", "accepted"),
    ("Entscheidung Bank | Negativ\nBearbeitet am 03.12.", "declined"),
])
def test_a_form_field_named_for_its_decider_decides(text: str, decision: str) -> None:
    assert read(text).decision == decision


def test_negative_outside_a_decision_field_decides_nothing() -> None:
    assert read("Die Schufa-Auskunft des Schuldners ist negativ, die Akte liegt noch zur Prüfung.").decision \
        == "unclear"


@pytest.mark.parametrize("text", [
    "Hallo, der Vorschlag für Herrn Kaya geht für uns in Ordnung.",
    "Das geht klar, wir machen den Vergleich so.",
    "Beim Plan für Frau Sommer sind wir dabei.",
])
def test_colloquial_consent_is_agreement(text: str) -> None:
    assert read(text).decision == "accepted"


@pytest.mark.parametrize("text", [
    "Wir sind noch dabei, die Unterlagen zu sichten.",
    "Wir sind dabei, den Plan intern abzustimmen.",
])
def test_being_busy_with_the_plan_is_no_consent(text: str) -> None:
    assert read(text).decision != "accepted"


def test_colloquial_consent_denied_is_a_refusal() -> None:
    assert read("So geht das für uns nicht in Ordnung.").decision == "declined"


def test_questions_before_declaring_oneself_need_info() -> None:
    reading = read("Ehe wir uns äußern: bevor wir uns zum Vergleich erklären, brauchen wir drei Auskünfte.\n"
                   "Schicken Sie uns bitte außerdem die vollständige Gläubigerliste.")
    assert reading.decision == "needs_info"
