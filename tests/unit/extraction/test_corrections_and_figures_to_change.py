"""Figures a human should see before they are written, in wording written for these tests: a mail that corrects
the creditor's own earlier answer, a claim the creditor forecasts or asks the firm to wait for, a charge that runs on
by the day when the mail's hard wrap splits "pro" from "Tag", an account the firm's letter did not name, and a
guarantor's claim beside the main debtor's total."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(reply: str, subject: str = "AW: Forderungsanfrage – Herr Jonas Wiebking") -> ExtractionResult:
    body = f"Sehr geehrte Damen und Herren,\n\n{reply}\n\nMit freundlichen Grüßen\nVersorgungsbetriebe Haarstedt"
    return extract(parse_body(body, None), subject=subject, from_email="forderung@vb-haarstedt.example",
                   from_name="Versorgungsbetriebe Haarstedt", received_on=datetime.date(2104, 3, 12))


def test_a_correction_of_the_creditors_own_earlier_mail_is_not_written_alone() -> None:
    result = run("wir müssen unsere E-Mail vom 02.03.2104 zu Herrn Jonas Wiebking (Vertragskonto 55 210 7) leider "
                 "korrigieren. Die offene Forderung beträgt 512,40 EUR.")
    assert result.total_amount == Decimal("512.40")
    assert not result.amount_is_safe


@pytest.mark.parametrize("aside", [
    "Mit der Jahresabrechnung im April wird sich die Forderung voraussichtlich auf etwa 700 EUR erhöhen.",
    "Da die Jahresabrechnung in drei Wochen erstellt wird, raten wir, diese abzuwarten.",
])
def test_a_claim_the_creditor_forecasts_or_asks_to_wait_for_is_not_written_alone(aside: str) -> None:
    result = run(f"Offen sind mit Stand heute 512,40 EUR. {aside}")
    assert result.total_amount == Decimal("512.40")
    assert not result.amount_is_safe


def test_a_charge_by_the_day_split_by_the_line_wrap_still_runs_on() -> None:
    result = run("Seit dem 01.03. berechnen wir Standgebühren von 12 EUR pro\nTag. Die offene Forderung beträgt damit "
                 "644,00 EUR.")
    assert result.total_amount == Decimal("644.00")
    assert not result.amount_is_safe


def test_a_deadline_for_paying_the_whole_after_the_total_leaves_it_safe() -> None:
    result = run("Die offene Forderung beträgt 512,40 EUR. Bitte überweisen Sie den Betrag bis zum 28.03.2104.")
    assert result.total_amount == Decimal("512.40")
    assert result.amount_is_safe


def test_a_total_that_counts_an_account_the_firms_letter_did_not_name_is_not_written_alone() -> None:
    result = run("Herr Wiebking hat bei uns zwei Verträge:\n\nStrom 55 210 7      412,40 EUR\n"
                 "Gas 55 210 9        100,00 EUR\nGesamtforderung     512,40 EUR\n\nDer Gasvertrag war in Ihrem "
                 "Schreiben nicht genannt.")
    assert result.total_amount == Decimal("512.40")
    assert not result.amount_is_safe


def test_a_guarantors_claim_beside_the_main_debtors_total_is_not_written_alone() -> None:
    result = run("Herr Wiebking haftet aus seiner Bürgschaft vom 02.05.2101 für das Darlehen seiner Tochter. Die "
                 "Forderung gegen die Darlehensnehmerin beträgt 5.512,40 EUR.")
    assert result.total_amount == Decimal("5512.40")
    assert not result.amount_is_safe


def test_a_guarantee_said_not_to_exist_leaves_the_statement_safe() -> None:
    result = run("Die offene Forderung beträgt 512,40 EUR. Weitere Konten oder Bürgschaften bestehen bei uns nicht.")
    assert result.total_amount == Decimal("512.40")
    assert result.amount_is_safe
