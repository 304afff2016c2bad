"""Figures a reply names beside today's claim that are no claim, in wording written for these tests: the earlier
figure in brackets after the new one, and a remainder the creditor waives."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(text: str) -> ExtractionResult:
    return extract(parse_body(f"Guten Tag,\n\n{text}\n\nMit freundlichen Grüßen\nHausverwaltung Brandl", None),
                   subject="Mietkonto Zenker", from_email="info@hv-brandl.example", from_name="Hausverwaltung Brandl")


def test_the_earlier_figure_in_brackets_is_no_total() -> None:
    result = run("Herr Zenker war heute da und hat 400,00 € bar gegeben.\n\nDamit sind jetzt noch offen 1.210,00 € "
                 "(vorher 1.610,00 €). Die Miete für Juni ist noch nicht dabei.")
    assert result.total_amount == Decimal("1210.00")


def test_a_remainder_the_creditor_waives_is_no_claim() -> None:
    result = run("Die Versicherung hat 900,00 EUR übernommen. Auf den restlichen Betrag (164,00 EUR) hat unsere "
                 "Auftraggeberin aus Kulanz verzichtet. Die Akte ist geschlossen.")
    assert result.total_amount != Decimal("164.00")
    assert not result.amount_is_safe


def test_an_old_price_in_brackets_beside_a_statement_keeps_its_total_safe() -> None:
    result = run("Offen sind die Mieten März und April, Summe offen 1.300,00 €.\n\nHinweis: Ihr Stellplatz kostet "
                 "seit Januar monatlich 45,00 € (vorher 40,00 €).")
    assert result.total_amount == Decimal("1300.00")
    assert result.amount_is_safe


def test_a_claim_the_firm_did_not_know_of_inside_the_total_is_a_doubt() -> None:
    result = run("Mietkonto: 1.150,00 €\nNebenkostenabrechnung 2030: 240,00 €\nGesamtforderung: 1.390,00 €\n\nDie "
                 "Nachforderung aus der Nebenkostenabrechnung war Ihnen vermutlich noch nicht bekannt.")
    assert result.total_amount == Decimal("1390.00")
    assert not result.amount_is_safe


def test_interest_run_up_since_the_firms_letter_is_no_unknown_claim() -> None:
    result = run("Rückstand Miete 1.150,00 €\nVerzugszinsen 12,40 €\nGesamtforderung 1.162,40 €\n\nDie seither "
                 "aufgelaufenen Zinsen waren Ihnen offenbar noch nicht bekannt.")
    assert result.total_amount == Decimal("1162.40")
    assert result.amount_is_safe
