"""Statements of titled and enforced claims, in wordings written for these tests: a title's interest that runs on to
the day of payment beside a sum without it, garnishment payments that will be booked later, and a file named
"Akte"."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

SUM = ("Aus dem Vollstreckungsbescheid vom 04.03.2030 sind offen:\n\n"
       "Hauptforderung 2.240,00 EUR\nKosten des Mahnverfahrens 118,50 EUR\n\nzusammen 2.358,50 EUR\n\n")


def run(body: str, received_on: date = date(2030, 9, 20)) -> ExtractionResult:
    text = f"Sehr geehrte Damen und Herren,\n\n{body}\n\nMit freundlichen Grüßen\nKanzlei Ortlepp"
    return extract(parse_body(text, None), subject="AW: Ihre Anfrage – unser Zeichen 118/30",
                   from_email="titel@ortlepp-recht.example", from_name="Kanzlei Ortlepp", received_on=received_on)


def test_interest_running_to_the_day_of_payment_since_before_the_mail_is_not_in_the_sum() -> None:
    result = run(SUM + "nebst Zinsen von 5 Prozentpunkten über dem Basiszinssatz seit dem 11.01.2030 aus "
                       "2.240,00 EUR bis zur vollständigen Zahlung.")
    assert result.total_amount == Decimal("2358.50")
    assert not result.amount_is_safe
    assert any("runs on" in reason for reason in result.amount_safety_reasons)


def test_interest_from_a_day_after_the_mail_leaves_the_sum_current() -> None:
    result = run(SUM + "Ab dem 22.09.2030 laufen Zinsen aus 2.240,00 EUR bis zum Tag der Zahlung.")
    assert not any("runs on" in reason for reason in result.amount_safety_reasons)


def test_payments_in_that_are_booked_later_make_the_figure_unsafe() -> None:
    result = run("Die Gesamtforderung beträgt 1.930,40 EUR. Aus der Lohnpfändung gehen monatlich Beträge ein; "
                 "die Gutschriften können erst nach Ende der Sperrfrist verbucht werden.")
    assert result.total_amount == Decimal("1930.40")
    assert not result.amount_is_safe


def test_a_payment_booked_late_in_the_past_raises_no_doubt() -> None:
    result = run("Die Zahlung vom 02.08. wurde erst am 15.08. verbucht. Die Gesamtforderung beträgt 1.930,40 EUR.")
    assert result.amount_is_safe


def test_a_file_named_akte_is_a_reference() -> None:
    result = run("Unsere Akte T-551208 betrifft Herrn Lenz.\n\nOffen sind 412,00 EUR.")
    assert "T-551208" in [found.value for found in result.references]


def test_a_bank_writing_as_garnishee_reports_another_creditors_claim() -> None:
    result = run("Uns wurde am 04.02.2030 ein Pfändungs- und Überweisungsbeschluss zugestellt. Gläubigerin ist die "
                 "Nordmark Leasing GmbH, die Forderung laut Beschluss beträgt 3.114,60 EUR.")
    assert not result.amount_is_safe
    assert any("garnishee" in reason for reason in result.amount_safety_reasons)
