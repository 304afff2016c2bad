"""German money-number grammar: every common format reads to the cent, noise never does."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction.numbers import find_money, noise_spans, parse_cell_number


def values(text: str) -> list[Decimal]:
    return [token.value for token in find_money(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234,56 EUR", "1234.56"),
        ("EUR 1.234,56", "1234.56"),
        ("1.234,56 €", "1234.56"),
        ("€ 89,90", "89.90"),
        ("1234,56", "1234.56"),
        ("1 234,56", "1234.56"),
        ("12 873,55 €", "12873.55"),
        ("700,- €", "700.00"),
        ("2.100,-- €", "2100.00"),
        ("1.104,33 Euro", "1104.33"),
        ("932,60", "932.60"),
        ("EUR 1.500", "1500.00"),
        ("500 EUR", "500.00"),
        ("EUR3,00", "3.00"),
        ("EUR 1,234.56", "1234.56"),
        ("89.90 EUR", "89.90"),
        ("2 317.80 EUR", "2317.80"),
        ("EUR 12 400.05", "12400.05"),
    ],
)
def test_common_amount_formats_read_to_the_cent(text: str, expected: str) -> None:
    assert values(text) == [Decimal(expected)]


@pytest.mark.parametrize(
    "text",
    [
        "am 14.03.1978 geboren",
        "Rechnungen vom 05.06., 05.07. und 05.08.2026",
        "IBAN DE00 3004 0000 0612 4478 00",
        "Tel. +49 (0)40 555 871-214 · Fax 0221 555 3389",
        "Hotline: 0800 555 8826",
        "Amtsgericht Frankfurt am Main HRB 10 558",
        "Steuernummer 214/5561/0873",
        "Lindenallee 12 · 50668 Köln",
        "Zählerstand 48213,4 kWh",
        "Kundennummer 700 45 118",
        "Ziffer 9.30 der AGB",
        "Servicezeiten 7:30–15:30 Uhr",
        "Zeitraum 04/2026 – 07/2026",
    ],
)
def test_dates_ibans_phones_registers_postcodes_and_plain_numbers_are_no_amounts(text: str) -> None:
    assert values(text) == []


def test_a_counter_before_a_space_grouped_amount_is_not_a_thousands_group() -> None:
    assert values("Pos. 1 250,00 €") == [Decimal("250.00")]


def test_a_date_right_before_an_amount_does_not_swallow_it() -> None:
    assert values("Einkommensteuer 2024 12.05.2026 1.654,00 €") == [Decimal("1654.00")]


def test_signs_and_currency_flags_are_reported() -> None:
    deduction, bare = find_money("abzüglich Zahlung -50,00 EUR und 12,30")
    assert deduction.value == Decimal("-50.00") and deduction.negative and deduction.has_currency
    assert bare.value == Decimal("12.30") and not bare.has_currency


def test_non_breaking_space_grouping_reads_like_a_space() -> None:
    assert values("12\u00a0873,55\u00a0€") == [Decimal("12873.55")]


def test_spreadsheet_cells_with_plain_numbers_are_read() -> None:
    assert parse_cell_number("398.5") == Decimal("398.50")
    assert parse_cell_number("-50") == Decimal("-50.00")
    assert parse_cell_number("05.11.2025") is None


@pytest.mark.parametrize(("text", "kind"), [
    ("Stand 2026-03-01 10:15", "date"),
    ("Rate 3/2026 fällig", "date"),
    ("Anruf um 14:45 Uhr", "time"),
    ("USt-IdNr. DE123456789", "tax number"),
    ("gemäß § 288 Abs. 2 BGB", "paragraph"),
    ("IBAN DE12 5001 0517 0648 4898 90", "iban"),
])
def test_each_kind_of_noise_is_found_in_a_line_that_holds_it(text: str, kind: str) -> None:
    assert kind in {found for found, _start, _end in noise_spans(text)}


def test_a_line_without_a_patterns_required_character_has_no_span_of_that_kind() -> None:
    kinds = {found for found, _start, _end in noise_spans("Forderung 1.234,56 EUR zum 01.02.2026")}
    assert kinds == {"date"}


def test_a_figure_with_comma_thousands_and_decimal_cents_is_money_without_a_currency() -> None:
    assert [token.value for token in find_money("Balance outstanding | 4,310.25")] == [Decimal("4310.25")]


def test_an_english_decimal_without_thousands_still_needs_a_currency() -> None:
    assert find_money("Interest | to 2026-03-25 | 387.10") == []
    assert [token.value for token in find_money("Interest | EUR 387.10")] == [Decimal("387.10")]
