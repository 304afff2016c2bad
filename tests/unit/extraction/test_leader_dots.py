"""Statements laid out with leader dots and a currency code before right-aligned figures, in wordings written for
these tests: the words before the dots label the figure, and a padded "EUR" still marks the figures under it."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.numbers import find_money
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(body_text: str) -> ExtractionResult:
    return extract(parse_body(body_text, None), subject="Ihr Schreiben vom 02.03. – Konto 4471 0932",
                   from_email="forderungen@stadtwerke-lenne.example", from_name="Stadtwerke Lenne")


def test_leader_dots_before_a_currency_code_keep_the_label() -> None:
    result = run("Guten Tag,\n\nfür Frau Irmgard Solms ergibt sich:\n\n"
                 "Restforderung .............. EUR 2.318,40\n\n"
                 "Mit freundlichen Grüßen\nStadtwerke Lenne")
    assert result.total_amount == Decimal("2318.40")
    assert result.amount_is_safe


def test_a_padded_currency_code_marks_a_figure_with_cents() -> None:
    tokens = find_money("Mahnkosten ......... EUR      18.50")
    assert [(t.value, t.has_currency) for t in tokens] == [(Decimal("18.50"), True)]


def test_a_padded_currency_code_makes_no_count_an_amount() -> None:
    assert find_money("Raten in EUR        12") == []


def test_an_aligned_statement_in_english_notation_adds_up() -> None:
    result = run("Sehr geehrte Damen und Herren,\n\nKontoauszug Frau Solms:\n\n"
                 "  Principal ........... EUR 2,140.00\n"
                 "  Interest ............ EUR    96.30\n"
                 "  Fees ................ EUR    25.00\n"
                 "  Amount due .......... EUR 2,261.30\n\n"
                 "Freundliche Grüße")
    assert result.total_amount == Decimal("2261.30")
    assert result.components == {"principal": Decimal("2140.00"), "interest": Decimal("96.30"),
                                 "costs": Decimal("25.00")}
    assert result.amount_is_safe
