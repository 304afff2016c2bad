"""Statements as public creditors write them, in wording written for these tests: a subtotal row inside the table,
a claim reduced by amounts withheld from benefits, an account whose minus sign the text says is owed, and a case
handed to an enforcement office that alone answers now."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def read(body: str) -> ExtractionResult:
    return extract(parse_body(f"Sehr geehrte Damen und Herren,\n\n{body}\n\nIm Auftrag\nStadtkasse Elmbach", None),
                   subject="Kassenzeichen 4.1102.5531.2", from_email="stadtkasse@elmbach.example",
                   from_name="Stadtkasse Elmbach")


def test_a_subtotal_row_inside_the_table_stands_for_the_rows_it_adds_up() -> None:
    result = read("Für Herrn Vollrath sind offen:\n\nHundesteuer 2027                  96,00 €\n"
                  "Straßenreinigung 2027             41,30 €\nHauptforderung                   137,30 €\n"
                  "Säumniszuschläge                   6,00 €\nRückstand gesamt                 143,30 €")
    assert result.total_amount == Decimal("143.30")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_rows_that_miss_the_total_even_with_a_subtotal_are_still_a_humans() -> None:
    result = read("Für Herrn Vollrath sind offen:\n\nHundesteuer 2027                  96,00 €\n"
                  "Straßenreinigung 2027             41,30 €\nHauptforderung                   137,30 €\n"
                  "Säumniszuschläge                   6,00 €\nRückstand gesamt                 153,30 €")
    assert not result.amount_is_safe


def test_a_claim_less_what_was_withheld_from_benefits_leaves_the_remainder() -> None:
    result = read("Aus dem Rückforderungsbescheid vom 03.02.2028 ergab sich ein Betrag von 1.240,00 €. Davon wurden "
                  "bisher 220,00 € von den laufenden Leistungen einbehalten. Die "
                  "Restforderung beträgt heute 1.020,00 €.")
    assert result.total_amount == Decimal("1020.00")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_instalments_said_to_be_withheld_count_as_paid_too() -> None:
    result = read("Aus dem Bescheid ergab sich ein Betrag von 1.240,00 €. Davon wurden bisher vier Raten, insgesamt "
                  "220,00 €, von den laufenden Leistungen einbehalten. Die Restforderung beträgt heute 1.020,00 €.")
    assert result.total_amount == Decimal("1020.00")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_an_earlier_figure_that_no_payment_explains_still_competes() -> None:
    result = read("Aus dem Rückforderungsbescheid ergab sich ein Betrag von 1.240,00 €. Davon wurden 200,00 € "
                  "einbehalten. Die Restforderung beträgt heute 1.020,00 €.")
    assert not result.amount_is_safe


def test_a_minus_sign_the_text_says_is_owed_is_the_claim() -> None:
    statement = ("Beitragskonto 300 118 42\nBeiträge 01/2028–04/2028     -74,40 EUR\nSaldo                        "
                 "-74,40 EUR\n")
    explained = read(statement + "Ein negativer Saldo weist einen Rückstand des Beitragsschuldners aus.")
    assert explained.total_amount == Decimal("74.40")
    assert explained.amount_is_safe, explained.amount_safety_reasons
    assert not read(statement).amount_is_safe  # unexplained, a minus may be a credit


@pytest.mark.parametrize("text", [
    "Die Forderung wurde am 02.05. zur Vollstreckung an das Hauptzollamt Elmbach abgegeben. Wir haben Ihr Schreiben "
    "dorthin weitergeleitet.",
    "Auskünfte zum Stand der Forderung erteilt seit der Abgabe nur noch die Vollstreckungsstelle. Ihre Anfrage haben "
    "wir weitergeleitet.",
])
def test_a_case_handed_to_an_enforcement_office_is_a_referral_not_an_automatic_note(text: str) -> None:
    assert read(text).intent == "rejection"


HOST_PRINTOUT = ("KONTO 5501882  MUSTERMANN ERIKA                 STAND 02.05.28\n"
                 "------------------------------------------------------------\n"
                 "RESTKAPITAL                                        2.310,40\n"
                 "ZINSEN                                               118,22\n"
                 "KOSTEN                                                12,00\n"
                 "                                               ------------\n")


def test_a_host_printout_without_a_currency_is_read_when_its_parts_add_up_to_the_sum() -> None:
    result = read(HOST_PRINTOUT + "SUMME                                              2.440,62")
    assert result.total_amount == Decimal("2440.62")
    assert result.amount_is_safe, result.amount_safety_reasons


@pytest.mark.parametrize("closing", [
    "SUMME                                              2.450,62",  # the parts miss the sum
    "SALDO                                              2.440,62",  # no sum row
])
def test_a_figure_without_a_currency_that_nothing_corroborates_stays_a_humans(closing: str) -> None:
    assert not read(HOST_PRINTOUT + closing).amount_is_safe


def test_claims_that_exist_no_more_settle_the_account() -> None:
    result = read("Das Darlehen wurde vollständig abgelöst. Ansprüche gegen Ihre Mandantin bestehen bei uns nicht "
                  "mehr.")
    assert result.intent == "settled"
