"""Money: every written notation reads to the cent, ambiguity follows written rules, German display round-trips."""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal

import pytest

from app.services import money


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # German
        ("7.050,25", "7050.25"),
        ("7050,25", "7050.25"),
        ("3.400.000,10", "3400000.10"),
        ("88,7", "88.70"),
        ("0,09", "0.09"),
        # English
        ("7,050.25", "7050.25"),
        ("3,400,000.10", "3400000.10"),
        ("7050.25", "7050.25"),
        ("88.7", "88.70"),
        # dot before exactly three digits groups thousands
        ("2.600", "2600.00"),
        ("41.000.000", "41000000.00"),
        # whole euros written with dashes
        ("2.600,-", "2600.00"),
        ("95,--", "95.00"),
        ("95,—", "95.00"),
        ("95,–", "95.00"),
        # currency in front or behind, with or without a space
        ("EUR 2.600", "2600.00"),
        ("EUR2.600,40", "2600.40"),
        ("2.600 €", "2600.00"),
        ("2.600€", "2600.00"),
        ("€ 2.600,40", "2600.40"),
        ("2.600,40 Euro", "2600.40"),
        ("eur 15,00", "15.00"),
        ("  € 15,00  ", "15.00"),
        # spaces of any width group thousands
        ("48 120,00", "48120.00"),
        ("48\u00a0120,00\u00a0€", "48120.00"),
        ("48\u202f120,00", "48120.00"),
        ("48\u2009120,00", "48120.00"),
        ("48 120.00", "48120.00"),
        ("3 400 000", "3400000.00"),
        # a leading minus, also after the currency
        ("-12,30", "-12.30"),
        ("\u2212 12,30 €", "-12.30"),
        ("\u2013 12,30", "-12.30"),
        ("EUR -12,30", "-12.30"),
        # plain integers
        ("640", "640.00"),
        ("0", "0.00"),
    ],
)
def test_each_written_notation_reads_to_the_cent(written: str, expected: str) -> None:
    assert money.parse(written) == Decimal(expected)


@pytest.mark.parametrize(
    "written",
    [
        "",
        "   ",
        "€",
        "zwölf Euro",
        "2,600",  # a lone comma is a decimal mark, and three decimals are no cents
        "0,125",
        "2600.125",  # four digits before the dot cannot be a thousands group
        "2.60.000",  # malformed groups
        "26.00.000,00",
        "2.600 000,00",  # two kinds of grouping in one number
        "2,600,00",
        "12,30-",  # trailing minus and parentheses are not read
        "(12,30)",
        "- - 12,30",
        "-EUR -12,30",
        "EUR 12,30 €",  # the currency once, not twice
        "12,30 USD",
        "1.234,-5",
        "2,600,-",
        "1.",
        ",50",
        "9" * 40,  # more digits than any amount
    ],
)
def test_what_is_no_amount_or_ambiguous_reads_as_none(written: str) -> None:
    assert money.parse(written) is None


def _german(value: Decimal) -> str:
    return money.format_amount(value, "")


def _german_ungrouped(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


def _english(value: Decimal) -> str:
    return f"{value:,.2f}"


def _english_ungrouped(value: Decimal) -> str:
    return f"{value:.2f}"


def _space_grouped(space: str) -> Callable[[Decimal], str]:
    return lambda value: f"{value:,.2f}".replace(",", space).replace(".", ",")


def _euro_in_front(value: Decimal) -> str:
    return f"EUR {_german(value)}"


def _whole_with_dash(value: Decimal) -> str:
    return _german(value.to_integral_value()).replace(",00", ",-")


NOTATIONS: dict[str, Callable[[Decimal], str]] = {
    "display": money.format_eur,
    "mail": lambda value: money.format_amount(value, "EUR"),
    "german": _german,
    "german ungrouped": _german_ungrouped,
    "english": _english,
    "english ungrouped": _english_ungrouped,
    "space": _space_grouped(" "),
    "no-break space": _space_grouped("\u00a0"),
    "narrow no-break space": _space_grouped("\u202f"),
    "thin space": _space_grouped("\u2009"),
    "euro in front": _euro_in_front,
}


def _sample_amounts(count: int) -> list[Decimal]:
    """Cents across every magnitude up to ten millions, both signs, plus the edges around groups."""
    chooser = random.Random(20261204)
    samples = [Decimal(cents).scaleb(-2) for cents in (0, 1, 99, 100, 99999, 100000, 100001, 123456789)]
    for _ in range(count):
        digits = chooser.randint(1, 10)
        cents = chooser.randint(0, 10**digits - 1)
        samples.append(Decimal(cents if chooser.random() < 0.8 else -cents).scaleb(-2))
    return samples


@pytest.mark.parametrize("notation", NOTATIONS)
def test_every_notation_written_from_an_amount_reads_back_as_that_amount(notation: str) -> None:
    write = NOTATIONS[notation]
    for value in _sample_amounts(400):
        assert money.parse(write(value)) == value, write(value)


def test_whole_euros_with_a_dash_read_back() -> None:
    for value in _sample_amounts(200):
        whole = value.to_integral_value()
        assert money.parse(_whole_with_dash(whole)) == money.to_cents(whole)


def test_display_is_german_with_a_euro_sign() -> None:
    assert money.format_eur(Decimal("7050.25")) == "7.050,25 €"
    assert money.format_eur(Decimal("3400000")) == "3.400.000,00 €"
    assert money.format_eur(Decimal("-0.5")) == "-0,50 €"
    assert money.format_eur(Decimal("-0.001")) == "0,00 €"
    assert money.format_amount(Decimal("12.5"), "CHF") == "12,50 CHF"


@pytest.mark.parametrize(
    ("value", "cents"),
    [
        (Decimal("2.345"), "2.35"),
        (Decimal("-2.345"), "-2.35"),
        (Decimal("2.344999"), "2.34"),
        ("10.005", "10.01"),
        (0.125, "0.13"),  # read through its repr, not its binary value 0.1249999…
        (1.005, "1.01"),
        (7, "7.00"),
    ],
)
def test_one_rounding_rule_half_up_to_the_cent(value: Decimal | float | int | str, cents: str) -> None:
    assert str(money.to_cents(value)) == cents


def test_machine_values_are_read_exactly_and_strictly() -> None:
    assert money.exact(0.1) == Decimal("0.1")
    assert money.exact("123.456") == Decimal("123.456")
    assert money.exact("-50") == Decimal("-50")
    for bad in ("1.234,56", "NaN", "Infinity", "", True):
        with pytest.raises(money.NotMoney):
            money.exact(bad)
    with pytest.raises(money.NotMoney):
        money.to_cents(1e300)
