"""Swiss notation: an apostrophe groups thousands; the amount is read whole or not at all, never a fragment."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services import money
from app.services.extraction.numbers import find_money


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("3'071.45", "3071.45"),
        ("3’071.45", "3071.45"),  # typographic apostrophe
        ("64'500", "64500.00"),
        ("2'300'004.10", "2300004.10"),
    ],
)
def test_money_reads_apostrophe_grouped_amounts(written: str, expected: str) -> None:
    assert money.parse(written) == Decimal(expected)


@pytest.mark.parametrize("written", ["3'07.45", "30'71'45", "3'071'4.50", "'071.45"])
def test_money_refuses_badly_grouped_apostrophe_amounts(written: str) -> None:
    assert money.parse(written) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Noch zu begleichen                 EUR 3'071.45", ["3071.45"]),
        ("Offener Saldo: 9’612.05 EUR", ["9612.05"]),
        ("Restschuld EUR 18'250", ["18250.00"]),
    ],
)
def test_an_apostrophe_grouped_amount_is_one_amount(line: str, expected: list[str]) -> None:
    assert [token.value for token in find_money(line)] == [Decimal(value) for value in expected]


@pytest.mark.parametrize("line", ["Offener Saldo EUR 3'07.45", "Gesamt EUR 30'71'45.00", "Summe EUR 4'1234.00"])
def test_a_malformed_apostrophe_amount_yields_no_fragment(line: str) -> None:
    assert find_money(line) == []
