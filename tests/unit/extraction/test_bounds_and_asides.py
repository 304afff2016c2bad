"""Figures beside the claim that are not the claim and must not compete with it: a threshold or bound the text
compares something with, a minimum payment whose label holds a bracketed aside, costs "so far" (a part still
owed, not a replaced figure), and instalments a debtor may apply for (no plan offered)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(text: str) -> ExtractionResult:
    body = f"Guten Tag,\nbetreffend Herrn Olaf Winter (Kundenkonto 4412-0987):\n{text}\n" \
           "Freundliche Grüße\nStadtwerke Obertal"
    return extract(parse_body(body, None), subject="Ihre Anfrage Olaf Winter", from_email="forderung@swo.example",
                   from_name="Stadtwerke Obertal")


def reason_of(result: ExtractionResult, value: str) -> str | None:
    return next(a.reason for a in result.amounts if a.value == Decimal(value))


@pytest.mark.parametrize("sentence", [
    "Da der offene Betrag die Grenze von 150,00 € überschreitet, droht die Sperre.",
    "Der Rückstand liegt damit über der Wertgrenze von 150,00 €.",
    "Der Saldo ist höher als 150,00 €, daher mahnen wir.",
    "Eine Sperrung ist ab einem Rückstand von 150,00 € zulässig.",
    "Der Zahlungsrückstand übersteigt die Summe von 150,00 Euro.",
    "Ein Vergleich ist erst ab einer Zahlung von mindestens 150,00 € möglich.",
])
def test_a_threshold_beside_the_claim_does_not_compete_with_it(sentence: str) -> None:
    result = run(f"Der Rückstand beträgt derzeit 486,20 €.\n{sentence}")
    assert reason_of(result, "150.00") is not None
    assert result.total_amount == Decimal("486.20")
    assert result.amount_is_safe


def test_a_bound_alone_is_never_written_as_the_claim() -> None:
    result = run("Die Forderung beläuft sich inzwischen auf mehr als 900,00 €; eine genaue Aufstellung folgt.")
    assert not (result.amount_is_safe and result.total_amount == Decimal("900.00"))


def test_a_minimum_payment_with_a_bracketed_aside_in_its_label_is_no_balance() -> None:
    result = run("Kontostand Kartenkonto:\n"
                 "  Offener Saldo                            2.740,15 EUR\n"
                 "  Mindestrate (3 %, wenigstens 20,00 EUR)     82,20 EUR  zahlbar bis 02.02.2027")
    assert reason_of(result, "82.20") is not None
    assert result.total_amount == Decimal("2740.15")
    assert result.amount_is_safe


def test_an_aside_followed_by_words_keeps_the_words_as_the_lead() -> None:
    # The words after the bracket name the amount; the label before the bracket belongs to the amount in it.
    result = run("Mit den Mahnkosten von 9,00 € (3 x 3,00 €) ergibt sich ein offener Betrag von 311,40 €.")
    assert result.total_amount == Decimal("311.40")


def test_costs_run_up_so_far_are_a_part_not_a_replaced_figure() -> None:
    result = run("Hauptforderung 800,00 €\nbisherige Mahnkosten 24,00 €\nbisherige Zinsen 31,50 €\n"
                 "Gesamtforderung 855,50 €")
    assert reason_of(result, "24.00") is None
    assert reason_of(result, "31.50") is None
    assert result.total_amount == Decimal("855.50")
    assert result.amount_is_safe


def test_a_previous_balance_is_still_superseded() -> None:
    result = run("Der bisherige Saldo von 910,00 € ist durch Ihre Zahlung überholt; offen sind 610,00 €.")
    assert reason_of(result, "910.00") is not None
    assert result.total_amount == Decimal("610.00")


@pytest.mark.parametrize("sentence", [
    "Ratenzahlung kann auf Antrag bewilligt werden.",
    "Eine Stundung oder Ratenzahlung können Sie jederzeit schriftlich bei uns beantragen.",
    "Teilzahlungen von mindestens 40,00 € monatlich können beantragt werden.",
])
def test_instalments_one_may_apply_for_are_no_plan_offered(sentence: str) -> None:
    result = run(f"Offen sind insgesamt 486,20 €.\n{sentence}")
    assert result.intent == "debt_statement"
    assert result.total_amount == Decimal("486.20")


def test_instalments_granted_on_the_debtors_application_are_a_plan() -> None:
    result = run("Offen sind insgesamt 486,20 €. Auf Ihren Antrag hin gewähren wir Raten von 50,00 € monatlich.")
    assert result.intent == "payment_plan"


@pytest.mark.parametrize(("sentence", "total"), [
    ("Offen sind 3 Monatsbeiträge à 42,00 + Mahngebühr 4,50 = 130,50 €.", "130.50"),
    ("Rückstand: Rechnung 210,00 € + Zinsen 3,15 € + Kosten 7,00 € = 220,15 €", "220.15"),
])
def test_what_follows_equals_after_a_sum_of_the_claim_is_its_total(sentence: str, total: str) -> None:
    result = run(sentence)
    assert result.total_amount == Decimal(total)
    assert result.amount_is_safe


def test_a_product_or_the_make_up_of_a_rent_is_no_total() -> None:
    result = run("Die Forderung beträgt 980,00 €.\nSollmiete: Grundmiete 400,00 € + Nebenkosten 90,00 € = 490,00 €")
    assert result.total_amount == Decimal("980.00")
    result = run("Offene Forderung 1.105,20 €, darin Beiträge 3 × 58,40 € = 175,20 €.")
    assert result.total_amount == Decimal("1105.20")


def test_a_claim_in_the_past_tense_is_a_former_one() -> None:
    result = run("Der Rückstand belief sich auf 1.310,00 €. Nach Ihrer Überweisung von 310,00 € verbleiben 1.000,00 €.")
    assert not (result.amount_is_safe and result.total_amount == Decimal("1310.00"))
    assert result.total_amount == Decimal("1000.00")


def test_a_price_in_the_past_tense_is_no_former_claim() -> None:
    result = run("Offener Betrag 412,00 €\nDer Grundpreis betrug 9,90 € im Monat.")
    assert result.total_amount == Decimal("412.00")
    assert result.amount_is_safe


def test_a_sentence_that_ends_in_a_euro_sign_ends_there() -> None:
    # "€." closes the sentence: the next sentence's words do not lead the amount before it, nor the reverse.
    result = run("Ihre Zahlung haben wir verbucht; es verbleiben 75,00 €. Weitere Zahlungen sind nicht eingegangen.")
    assert result.total_amount == Decimal("75.00")


def test_costs_of_a_next_step_and_the_total_then_are_not_owed_now() -> None:
    result = run("Offen sind 120,00 €. Bei Abgabe an das Inkassobüro entstehen weitere Kosten von 60,00 €, dann "
                 "insgesamt 180,00 €.")
    assert not (result.amount_is_safe and result.total_amount == Decimal("180.00"))
    assert result.total_amount == Decimal("120.00")


def test_a_past_tense_claim_with_the_verb_first_is_a_former_one() -> None:
    result = run("Zum 30.09. belief sich der Rückstand auf 702,00 €, heute beträgt er 745,60 €.")
    assert reason_of(result, "702.00") is not None
    assert result.total_amount == Decimal("745.60")


def test_the_word_zusammen_opening_the_amounts_sentence_names_the_total() -> None:
    result = run("Offen sind zwei Monatsbeiträge je 64,00 sowie Mahnkosten mit 5,00. Zusammen 133,00 €.")
    assert result.total_amount == Decimal("133.00")
    assert result.amount_is_safe


def test_a_balance_carried_forward_is_a_former_one() -> None:
    result = run("Saldo Vortrag 31.12.   -640,10\nSollzinsen             -12,40\nKontostand 08.03.      -652,50")
    assert reason_of(result, "640.10") is not None
    assert result.total_amount == Decimal("652.50")
