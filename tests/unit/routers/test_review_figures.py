"""The review page's figures and the reasons a review gives: amounts in German notation, wherever they appear."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.routers.dashboard_reviews import change_percent, figure, plan_rows
from app.services.extraction.result import ExtractionResult
from app.services.matching.gate import amount_doubts


def debt_statement(total: str) -> ExtractionResult:
    return ExtractionResult(intent="debt_statement", intent_reasons=["written for this test"], intent_confidence=1.0,
                            total_amount=Decimal(total), amount_is_safe=True, total_corroborated=True)


def test_a_jump_against_the_known_amount_names_both_amounts_in_german_notation() -> None:
    doubts = amount_doubts(debt_statement("2964.20"), Decimal("1480.00"), None, Decimal("0.25"))
    assert doubts == ["total 2.964,20 € is +100 % against the known amount 1.480,00 €"]


def test_a_drop_against_the_current_claim_reads_the_same_way() -> None:
    doubts = amount_doubts(debt_statement("912.5"), None, Decimal("12345.67"), Decimal("0.25"))
    assert doubts == ["total 912,50 € is -93 % against the current amount 12.345,67 €"]


@pytest.mark.parametrize(
    ("proposed", "reference", "shown"),
    [(Decimal("1532.10"), Decimal("1480.00"), "+3,52 %"), (Decimal("740"), Decimal("1480"), "-50,00 %"),
     (Decimal("1480"), Decimal("1480"), "0,00 %"), (Decimal("10"), None, None), (None, Decimal("10"), None),
     (Decimal("10"), Decimal("0"), None)],
)
def test_the_change_against_a_reference_is_signed_and_german(proposed: Decimal | None, reference: Decimal | None,
                                                              shown: str | None) -> None:
    assert change_percent(proposed, reference) == shown


def test_plan_figures_are_shown_as_people_read_them() -> None:
    assert figure("offer_amount", "1234.5") == "1.234,50 €"
    assert figure("monthly_rate", Decimal("20.58")) == "20,58 €"
    assert figure("quota_percent", "7.5") == "7,50 %"
    assert figure("months", 48) == "48"
    assert figure("quota_percent", None) == "—"


def test_the_plan_offer_and_the_counter_offer_line_up_figure_by_figure() -> None:
    offer = {"type": "quota", "quota_percent": "7.5", "offer_amount": "111.00", "months": 60, "reply_by": "2027-03-01"}
    rows = plan_rows(offer, {"quota_percent": "15.00"})
    assert rows == [
        {"name": "offer amount", "offered": "111,00 €", "countered": "—"},
        {"name": "quota percent", "offered": "7,50 %", "countered": "15,00 %"},
        {"name": "months", "offered": "60", "countered": "—"},
    ]
    assert plan_rows(None, None) == []
