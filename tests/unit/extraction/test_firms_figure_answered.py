"""Replies that repeat, confirm, compare or put right the firm's own figure, in wordings written for these tests: the
firm's figure is never taken for the creditor's unless the creditor confirms it, and the creditor's own figure beside
it is read with its label."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

D = Decimal
QUOTE = ("\n\nAm 02.06.2031 um 10:15 schrieb Kanzlei Rautenberg <post@rautenberg.example>:\n"
         "> Nach unseren Unterlagen beläuft sich Ihre Forderung auf 870,00 EUR.\n> Mit freundlichen Grüßen")


def run(body: str, quote: str = "") -> ExtractionResult:
    text = f"Guten Tag,\n\n{body}\n\nFreundliche Grüße\nForderungsbuchhaltung{quote}"
    return extract(parse_body(text, None), subject="AW: Anfrage Forderungshöhe – Kundenkonto 55-8812",
                   from_email="buchhaltung@lindgruen-versand.example", from_name="Lindgrün Versand")


def found(result: ExtractionResult, value: str) -> str | None:
    return next(a.reason for a in result.amounts if a.value == D(value) and a.evidence.part == "reply")


def test_the_firms_figure_confirmed_in_the_creditors_sentence_is_its_statement() -> None:
    result = run("den in Ihrem Schreiben genannten Rückstand von 870,00 € für das Kundenkonto 55-8812 bestätigen "
                 "wir. Weitere Kosten berechnen wir nicht.", QUOTE)
    assert result.total_amount == D("870.00")
    assert result.amount_is_safe


def test_the_firms_figure_not_confirmed_stays_the_firms() -> None:
    result = run("den in Ihrem Schreiben genannten Rückstand von 870,00 € können wir nicht bestätigen.", QUOTE)
    assert found(result, "870.00") is not None
    assert result.total_amount is None


def test_a_confirmation_of_another_figure_than_the_quoted_letters_is_doubted() -> None:
    result = run("den in Ihrem Schreiben genannten Rückstand von 807,00 € bestätigen wir.", QUOTE)
    assert not result.amount_is_safe
    assert any("quoted below names 870,00" in reason for reason in result.amount_safety_reasons)


@pytest.mark.parametrize("sentence", [
    "In Ihrem Schreiben vom 02.06. beziffern Sie unsere Forderung mit 870,00 EUR; diese Zahl können wir nicht "
    "zuordnen.",
    "Sie gehen in Ihrer Anfrage von 870,00 € aus; dazu fehlt uns die Rechnung.",
])
def test_the_firms_figure_said_with_the_verb_first_is_the_firms(sentence: str) -> None:
    assert found(run(sentence), "870.00") is not None


@pytest.mark.parametrize("sentence", [
    "Ihre Angabe von 870,00 € ist nicht mehr aktuell, richtig sind 915,40 €.",
    "Ganz stimmt das nicht mehr: aktuell sind es 915,40 €.",
])
def test_the_creditors_figure_put_right_beside_the_firms_is_the_total(sentence: str) -> None:
    result = run(sentence + "\nDarin enthalten: Kaufpreis 880,00 €, Mahnkosten 35,40 €.")
    assert result.total_amount == D("915.40")
    assert result.amount_is_safe


def test_instead_of_the_firms_figure_now_another_raises_no_earlier_figure_doubt() -> None:
    result = run("Kundenkonto 55-8812: statt 870,00 € nun 915,40 € (Kaufpreis 880,00 €, Mahnkosten 35,40 €).", QUOTE)
    assert result.total_amount == D("915.40")
    assert result.amount_is_safe


def test_a_figure_marked_wrong_is_not_the_claim_and_the_note_beside_it_is() -> None:
    result = run("Ihre Forderung beträgt 870,00 EUR.  <-- falsch\n[Notiz Buchhaltung: richtig 915,40 EUR, inkl. "
                 "Mahnkosten]")
    assert found(result, "870.00") is not None
    assert result.total_amount == D("915.40")


def test_a_sentence_wrapped_after_another_sentence_keeps_its_label() -> None:
    result = run("Sie nannten 870,00 €. Nach Abzug der Retoure beträgt unsere offene Forderung aus\n"
                 "dem Kundenkonto 55-8812 zum 10.06.2031 915,40 € (Kaufpreis 880,00 €, Mahnkosten 35,40 €).")
    assert result.total_amount == D("915.40")
    assert result.amount_is_safe


def test_a_header_row_above_a_table_row_labels_nothing() -> None:
    result = run("Pos. Artikel Menge Betrag\n1 Gartenstuhl 2 35,40 €\nGesamtbetrag 915,40 €")
    assert next(a for a in result.amounts if a.value == D("35.40")).label != "balance"


def test_the_bill_a_claim_comes_from_does_not_rename_it() -> None:
    result = run("Die offene Forderung gegen Herrn Kessler aus unserer Rechnung 2031-4471 beträgt\n915,40 €.")
    assert next(a for a in result.amounts if a.value == D("915.40")).label == "balance"


@pytest.mark.parametrize("table", [
    "Position | laut Ihrem Schreiben | laut unserer Buchhaltung\nGesamt | 870,00 € | 915,40 €",
    "                laut Ihrer Anfrage     laut unserer Buchhaltung     Differenz\n"
    "Gesamtforderung        870,00 €                 915,40 €           +45,40 €",
])
def test_a_column_of_the_firms_figures_and_one_of_differences_are_not_the_claim(table: str) -> None:
    result = run(f"wir stellen Ihre Zahl unserer gegenüber:\n\n{table}")
    assert result.total_amount == D("915.40")
    assert found(result, "870.00") is not None


def test_a_figure_in_the_creditors_words_without_a_total_is_a_statement_not_a_question() -> None:
    result = run("Das Konto steht nach meinem Stand bei rund 900,- €, die genaue Aufstellung folgt.")
    assert result.intent == "debt_statement"
    assert not result.amount_is_safe
