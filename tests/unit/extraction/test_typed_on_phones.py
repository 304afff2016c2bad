"""Replies typed on a phone: short forms, no punctuation, colloquial words, a figure with nothing else."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def typed(text: str) -> ExtractionResult:
    return extract(parse_body(f"{text}\n\nVon meinem iPhone gesendet", None), subject="AW: Anfrage Timo Braack",
                   from_email="werkstatt@fahrrad-braack.example", from_name="Fahrrad Braack")


def test_a_sum_typed_short_is_the_total_and_each_item_keeps_its_own_label() -> None:
    result = typed("hi\nKD 4471 da sind noch 512,80 € offen zzgl mahngeb. 7,50€\nzus. 520,30\ngruß jens")
    assert result.total_amount == Decimal("520.30")
    assert result.components == {"principal": Decimal("512.80"), "costs": Decimal("7.50")}


def test_nothing_open_said_colloquially_is_settled() -> None:
    result = typed("hi, timo hat am 2.4. alles überwiesen (96,-) bei uns ist nix mehr offen\nlg")
    assert result.intent == "settled"


def test_a_rate_of_the_creditors_own_said_plainly_is_an_instalment_offer() -> None:
    for text in ("offen sind 2 rg = 310,00 eur. er kann in raten zahlen, 50 eur im monat wär für uns ok",
                 "noch 310,- offen. wenn timo 60 euro im monat zahlt ist das für uns in ordnung"):
        result = typed(text)
        assert result.intent == "payment_plan", text
        assert not result.amount_is_safe


def test_a_bare_willingness_to_take_instalments_names_no_plan() -> None:
    result = typed("Die Rechnung über 310,00 € ist noch komplett offen. Herr Braack kann gern auch in Raten zahlen, "
                   "soll sich melden.")
    assert result.intent == "debt_statement"


def test_a_reply_that_is_only_a_figure_is_read_but_never_written_alone() -> None:
    result = typed("1.318,40")
    assert result.total_amount == Decimal("1318.40")
    assert not result.amount_is_safe
    assert any("figure alone" in reason for reason in result.amount_safety_reasons)
