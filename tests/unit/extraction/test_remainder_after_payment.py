"""A remainder written after a payment in the same sentence ("… sind 300,00 € eingegangen, es verbleiben
1.910,00 €") is the open claim: the payment's words belong to the payment, not to the amount after it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def statement(text: str) -> ExtractionResult:
    body = f"Hallo,\n\nzum Mieterkonto von Herrn Kai Lorenz (Nr. 0917-03):\n\n{text}\n\nGruß\nHausverwaltung Senn"
    return extract(parse_body(body, None), subject="Kai Lorenz", from_email="buero@hv-senn.example",
                   from_name="Hausverwaltung Senn")


@pytest.mark.parametrize("text", [
    "Am 04.06. sind 250,00 € von ihm eingegangen, es verbleiben 1.130,00 €.",
    "Seine Zahlung über 250,00 € haben wir verbucht; offen bleiben 1.130,00 €.",
    "Nach Eingang von 250,00 € verbleiben noch 1.130,00 €.",
])
def test_the_remainder_after_a_payment_is_the_claim(text: str) -> None:
    result = statement(text)
    assert result.total_amount == Decimal("1130.00")


def test_a_former_total_before_the_payment_keeps_the_write_to_a_human() -> None:
    result = statement("Offen waren 1.380,00 €. Am 04.06. sind 250,00 € eingegangen, es verbleiben 1.130,00 €.")
    assert not (result.amount_is_safe and result.total_amount == Decimal("1380.00"))


def test_a_paid_amount_named_after_a_comma_stays_paid() -> None:
    result = statement("Rechnung März 480,00 €, davon bezahlt 130,00 €, offen 350,00 €.")
    assert result.total_amount == Decimal("350.00")
    assert all(amount.value != Decimal("130.00") or amount.rejected for amount in result.amounts)


@pytest.mark.parametrize("text", [
    "Zum Zeitpunkt Ihres Schreibens waren 1.380,00 € offen; am 04.06. sind 250,00 € eingegangen, es verbleiben "
    "1.130,00 €.",
    "Offen waren 1.380,00 €. Nach Eingang von 250,00 € verbleiben 1.130,00 €.",
])
def test_a_figure_open_in_the_past_is_a_former_one(text: str) -> None:
    result = statement(text)
    assert result.total_amount == Decimal("1130.00")
    assert any("previous or cancelled total" in reason for reason in result.amount_safety_reasons)


def test_a_file_label_abbreviation_does_not_end_the_sentence_of_the_claim() -> None:
    result = statement("Wir beziffern die Forderung gegen Herrn Lorenz (unser Az. HV-27-0917) zum heutigen Tag auf "
                       "1.130,00 €.")
    assert result.total_amount == Decimal("1130.00")


def test_the_firms_figure_in_reported_speech_and_a_figure_in_the_past_are_former_ones() -> None:
    result = statement("Sie schreiben, die Forderung betrage 980,00 €. Richtig ist: offen sind 1.130,00 €. Der Betrag "
                       "von 980,00 € war unsere erste Mahnung.")
    assert result.total_amount == Decimal("1130.00")
    assert all(amount.rejected for amount in result.amounts if amount.value == Decimal("980.00"))


def test_a_figure_that_was_due_and_is_still_open_stays_the_claim() -> None:
    result = statement("Die 1.130,00 € waren am 01.05. fällig und sind weiterhin offen.")
    assert result.total_amount == Decimal("1130.00")
