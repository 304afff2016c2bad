"""A column added up under a drawn rule, with no word naming the sum, in wording written for these tests: the figure
under the rule is the total when the rows above add up to it, and nothing more when they do not."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(rows: str) -> ExtractionResult:
    text = (f"Sehr geehrte Damen und Herren,\n\nfür Herrn Karl Niemeyer bestehen bei uns folgende Rückstände:\n\n"
            f"{rows}\n\nAlle Beträge in Euro.\n\nMit freundlichen Grüßen\nGemeindekasse Ahlbeck")
    return extract(parse_body(text, None), subject="Ihre Anfrage", from_email="kasse@ahlbeck.example",
                   from_name="Gemeindekasse Ahlbeck")


def test_the_figure_under_the_rule_that_the_rows_add_up_to_is_the_total() -> None:
    result = run("Grundsteuer B 2030, fällig 15.11.2030        412,80\n"
                 "Säumniszuschläge                              16,00\n"
                 "Mahngebühr                                     6,00\n"
                 "                                         ----------\n"
                 "                                            434,80")
    assert result.total_amount == Decimal("434.80")
    assert result.amount_is_safe


def test_a_figure_under_a_rule_that_the_rows_do_not_add_up_to_is_no_total() -> None:
    result = run("Grundsteuer B 2030, fällig 15.11.2030        412,80\n"
                 "Säumniszuschläge                              16,00\n"
                 "                                         ----------\n"
                 "                                            434,80")
    assert not (result.total_amount == Decimal("434.80") and result.amount_is_safe)


def test_a_sum_under_the_rule_that_the_next_rows_go_on_from_is_no_total() -> None:
    result = run("Rechnung 0415 vom 03.02.2031                  380,00\n"
                 "Rechnung 0522 vom 11.03.2031                  120,00\n"
                 "                                         ----------\n"
                 "                                            500,00\n"
                 "abzüglich Zahlung vom 20.03.2031             -100,00\n"
                 "Restbetrag                                    400,00")
    assert result.total_amount == Decimal("400.00")


def test_interest_added_in_words_on_the_line_under_a_total_is_a_doubt() -> None:
    text = ("Sehr geehrte Damen und Herren,\n\ndie Forderung betrug per 31.01.2031\n\nHauptforderung      800,00 EUR\n"
            "Kosten               40,00 EUR\nGesamtforderung     840,00 EUR\n\nzzgl. Zinsen in Höhe von 5 "
            "Prozentpunkten über dem Basiszinssatz seit dem 01.02.2031.\n\nMit freundlichen Grüßen\nRA Dr. Vogt")
    result = extract(parse_body(text, None), subject="Ihre Anfrage", from_email="kanzlei@vogt.example",
                     from_name="RA Dr. Vogt")
    assert result.total_amount == Decimal("840.00")
    assert not result.amount_is_safe
