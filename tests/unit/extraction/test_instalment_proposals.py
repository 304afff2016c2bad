"""Instalment proposals in wording of our own: a creditor proposing repayment in instalments is a payment
plan (never written alone), and the claim it states is still read as the total, also across a line wrap."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(text: str) -> ExtractionResult:
    return extract(parse_body(text, None), subject="AW: Ihr Schreiben, Az. KW-2026-0412",
                   from_email="kredit@hansebank-ost.example", from_name="Hansebank Ost eG")


@pytest.mark.parametrize("proposal", [
    "Wir schlagen Ihnen die Tilgung in 18 Monatsraten zu je 75,00 € vor.",
    "Als Lösung schlagen wir eine Rückführung in Raten von monatlich 60,00 € vor.",
    "Unser Vorschlag: zehn Raten zu je 135,00 €, die erste zum Monatsersten.",
    "Gern unterbreiten wir eine Ratenzahlung mit einer Schlussrate von 45,00 € im Juni.",
    "Einer Tilgung in Monatsraten von 90,00 € ab März stimmen wir zu.",
    "Der Ratenzahlung von monatlich 90,00 €, die Ihre Mandantin vorgeschlagen hat, haben wir zugestimmt.",
])
def test_a_proposal_of_instalments_is_a_payment_plan_with_the_stated_claim(proposal: str) -> None:
    result = run(f"Die Forderung beläuft sich derzeit auf 1.350,00 €.\n\n{proposal}")
    assert (result.intent, result.total_amount) == ("payment_plan", Decimal("1350.00"))
    assert not result.amount_is_safe


def test_a_proposal_wrapped_over_two_lines_is_still_an_offer() -> None:
    result = run("Offen sind insgesamt 2.004,00 €. Mit Rücksicht auf die Einkommenslage schlagen wir eine Tilgung in\n"
                 "12 Monatsraten zu je 167,00 € vor.")
    assert result.intent == "payment_plan"


def test_a_label_wrapped_before_its_amount_still_labels_it() -> None:
    result = run("Der Saldo des Darlehenskontos Ihrer Mandantin beläuft sich nach der letzten Buchung\n"
                 "heute auf 3.118,40 € (davon Zinsen 118,40 €).")
    assert result.total_amount == Decimal("3118.40")


def test_a_statement_naming_past_instalments_without_a_proposal_stays_a_statement() -> None:
    result = run("Gesamtforderung: 760,00 €. Ihr Mandant hat bisher vier Monatsraten zu je 40,00 € geleistet.")
    assert result.intent == "debt_statement"


def test_an_offer_citing_a_paragraph_abbreviation_is_still_one_sentence_and_a_payment_plan() -> None:
    result = run("Offen sind auf dem Kundenkonto 640,00 €.\n\nZur Abwendung der Sperre bieten wir nach § 19 Abs. 2 "
                 "GasGVV eine Vereinbarung an: acht Monatsraten zu je 80,00 €, fällig ab dem Ersten des Monats.")
    assert (result.intent, result.total_amount) == ("payment_plan", Decimal("640.00"))
    assert not result.amount_is_safe


def test_an_offer_announcing_the_terms_that_follow_the_arrears_is_a_payment_plan() -> None:
    result = run("Ihr Mandant hat um Entgegenkommen gebeten. Wir schlagen ihm folgende Regelung vor.\n\n"
                 "Rückstand Wohngeldkonto:\n  Hausgeld Mai      310,00 €\n  Hausgeld Juni     310,00 €\n"
                 "  gesamt            620,00 €\n\nRückzahlung in zehn Monatsraten zu je 62,00 € ab dem 1. August.")
    assert (result.intent, result.total_amount) == ("payment_plan", Decimal("620.00"))
    assert not result.amount_is_safe
