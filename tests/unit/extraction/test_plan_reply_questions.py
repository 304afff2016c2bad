"""Decision words that decide nothing for this creditor: an indirect question about others, an agreement that
takes a part of the plan out; and plain wordings of a refusal or an agreement."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import plan_reply
from app.services.parsing import parse_body

PLAN = {"offer_amount": Decimal("240.00"), "quota_percent": Decimal("10"), "monthly_rate": Decimal("5.00"),
        "months": Decimal("48")}


def read(text: str) -> plan_reply.PlanReading:
    body = f"Sehr geehrte Damen und Herren,\n{text}\nMit freundlichen Grüßen\nKreditbank Süd"
    return plan_reply.read(parse_body(body, None), plan_figures=PLAN)


def recorded_alone(reading: plan_reply.PlanReading) -> bool:
    return reading.decision in ("accepted", "declined") and not reading.doubts


def test_an_indirect_question_about_other_creditors_decides_nothing() -> None:
    for text in ("Teilen Sie uns bitte mit, ob die übrigen Gläubiger dem Plan zugestimmt haben.",
                 "Wir möchten wissen, ob die Finanzverwaltung den Plan abgelehnt hat."):
        reading = read(text)
        assert not recorded_alone(reading), text
        assert reading.decision not in ("accepted", "declined"), text


def test_an_agreement_that_takes_a_part_out_goes_to_a_human() -> None:
    reading = read("Mit der Quote sind wir einverstanden, nicht jedoch mit der Laufzeit von 48 Monaten.")
    assert not recorded_alone(reading)
    assert any("takes a part of the plan out" in doubt for doubt in reading.doubts)


@pytest.mark.parametrize("text", [
    "Unsere Mandantin stimmt dem Vergleich nur teilweise zu; Einzelheiten entnehmen Sie bitte der Anlage.",
    "Wir erteilen eine Teilzustimmung für die Darlehensforderung.",
    "Unsere Zustimmung gilt nur für die Hauptforderung aus dem Kaufvertrag.",
    "Die Forderung aus dem Mietrückstand nimmt die Vermieterin von ihrer Zustimmung ausdrücklich aus, "
    "im Übrigen stimmt sie zu.",
])
def test_an_agreement_for_a_part_of_the_claim_only_goes_to_a_human(text: str) -> None:
    reading = read(text)
    assert not recorded_alone(reading), text
    if reading.decision == "accepted":
        assert any("takes a part of the plan out" in doubt for doubt in reading.doubts), text


def test_a_partial_agreement_names_why_a_human_reads_it() -> None:
    reading = read("Der Vermieter ist mit dem Plan teilweise einverstanden, nämlich für die Nebenkosten.")
    assert reading.decision == "accepted"
    assert any("takes a part of the plan out" in doubt for doubt in reading.doubts)


def test_plain_wordings_of_a_refusal_and_an_agreement() -> None:
    assert read("Der Vorschlag ist für uns nicht akzeptabel.").decision == "declined"
    assert read("Ein Vergleich auf dieser Grundlage ist nicht annehmbar.").decision == "declined"
    assert read("Einer Zustimmung zum Plan steht unsererseits nichts im Wege.").decision == "accepted"


def test_a_plain_agreement_is_still_recorded_alone() -> None:
    assert recorded_alone(read("Dem vorgelegten Plan stimmen wir zu."))


def test_a_plan_that_finds_or_does_not_find_the_creditors_consent() -> None:
    assert read("Der vorgelegte Vergleich findet unsere Zustimmung.").decision == "accepted"
    assert read("Ihr Schuldenbereinigungsplan findet nicht unsere Zustimmung.").decision == "declined"
    # A hope that the firm's plan finds someone's consent decides nothing.
    assert read("Wir hoffen, dass der Plan auch Ihre Zustimmung findet.").decision == "unclear"
