"""A rough figure beside an exact one, in wording written for these tests: "gut 1.300 €, genau 1.306,84 €" names one
claim, so the exact figure is the total and the rough one no rival; a rough figure alone is never exact; a rough
figure far from the exact one stays a rival."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def read(body: str) -> ExtractionResult:
    return extract(parse_body(body, None), subject="AW: Forderungsanfrage", from_email="buero@dachdecker-rau.example",
                   from_name="Dachdeckerei Rau")


@pytest.mark.parametrize("body", [
    "Bei Herrn Lindqvist sind noch gut 1.300 € offen, genau: Restforderung 1.306,84 €.",
    "Offen sind rund 1.300 Euro.\n\nDie Restforderung beträgt 1.306,84 €.",
    "Die Restforderung beträgt 1.306,84 €, also grob 1.300 Euro.",
])
def test_the_exact_figure_beside_its_rounding_is_the_total(body: str) -> None:
    result = read(body)
    assert result.total_amount == Decimal("1306.84")
    assert not any("1.300,00" in reason for reason in result.amount_safety_reasons)


def test_a_rough_figure_alone_is_never_taken_as_exact() -> None:
    result = read("Offen sind noch gut 1.300 € bei Herrn Lindqvist.")
    assert result.total_amount is None or not result.amount_is_safe


def test_a_rough_figure_far_from_the_exact_one_stays_a_rival() -> None:
    result = read("Offen sind ca. 2.000 Euro. Die Restforderung aus der Rechnung beträgt 1.306,84 €.")
    assert not result.amount_is_safe
