"""Dashboard money: operators type amounts in any notation the money module reads; the filter shows German."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.errors import RejectedInput
from app.routers.dashboard import euros
from app.routers.dashboard_reviews import parse_amount


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("", None), ("  ", None), ("2.315,70 €", Decimal("2315.70")), ("2,315.70", Decimal("2315.70")),
     ("€ 2315", Decimal("2315.00")), ("2 315,7", Decimal("2315.70"))],
)
def test_an_operator_may_type_german_english_or_spaced_amounts(typed: str, expected: Decimal | None) -> None:
    assert parse_amount(typed) == expected


@pytest.mark.parametrize("typed", ["zweitausend", "2,315", "23.15.70"])
def test_an_unreadable_or_ambiguous_amount_is_refused(typed: str) -> None:
    with pytest.raises(RejectedInput):
        parse_amount(typed)


@pytest.mark.parametrize(
    ("value", "shown"),
    [(None, "—"), ("", "—"), (Decimal("2315.7"), "2.315,70 €"), ("2315.70", "2.315,70 €"), (2315.7, "2.315,70 €"),
     ("offen", "offen")],
)
def test_the_money_filter_shows_german_notation(value: object, shown: str) -> None:
    assert euros(value) == shown
