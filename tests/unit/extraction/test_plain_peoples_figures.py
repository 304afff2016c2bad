"""Figures as people who are no clerks write them, in wording written for these tests: today's figure said as "jetzt
ist …" after the firm's old one, and a sum said with the southern "zamm" (zusammen)."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(text: str) -> ExtractionResult:
    return extract(parse_body(f"Hallo,\n\n{text}\n\nGruß\nBäckerei Loibl", None), subject="AW: Anfrage Hubert Maier",
                   from_email="baeckerei.loibl@stadtnetz.example", from_name="Bäckerei Loibl")


def test_todays_figure_said_as_now_it_is_is_the_total() -> None:
    result = run("der Hubert hat bei mir anschreiben lassen. Die 96,20 wo Sie schreiben war im Januar, dann hat er "
                 "noch Brot für 18,40 geholt. Jetzt ist 114,60 €.")
    assert result.total_amount == Decimal("114.60")


def test_a_sum_said_with_zamm_is_the_total() -> None:
    result = run("Im Heft steht: März 61,20 und April 44,90, zamm 106,10 Euro. Mehr kriagt er nimmer auf Pump.")
    assert result.total_amount == Decimal("106.10")
