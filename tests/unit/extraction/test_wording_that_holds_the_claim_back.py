"""Wording that decides what a reply is, written for these tests: a receipt that asks the firm for a document, a
balance the writer calls provisional, a fee for this very letter that raises the balance, and a threat with a date
("Wird … bis zum 15.06. nicht ausgeglichen, …") that settles nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def read(body: str, subject: str = "AW: Ihre Anfrage") -> ExtractionResult:
    text = f"Sehr geehrte Damen und Herren,\n\n{body}\n\nMit freundlichen Grüßen\nKundenservice"
    return extract(parse_body(text, None), subject=subject, from_email="service@moorbank.example", from_name="Moorbank")


def test_a_receipt_that_asks_the_firm_for_a_document_is_a_request_not_an_automatic_reply() -> None:
    result = read("thank you, we have received your letter concerning customer no. 55-1902. We are not allowed to "
                  "disclose account details without the customer's consent. Please send us a signed authorisation "
                  "of your client. We will reply within 14 days of receiving it.")
    assert result.intent == "inquiry"


def test_a_receipt_saying_the_authority_sent_is_unsigned_is_a_request() -> None:
    result = read("wir bestätigen den Eingang Ihres Schreibens. Die beigefügte Vollmacht trägt keine Unterschrift "
                  "Ihres Mandanten; Auskunft können wir erst erteilen, wenn uns eine unterschriebene Vollmacht "
                  "vorliegt. Nach Eingang melden wir uns umgehend.")
    assert result.intent == "inquiry"


def test_a_plain_receipt_still_is_an_automatic_reply() -> None:
    result = read("Wir haben Ihre Nachricht erhalten. Ihr Anliegen wird schnellstmöglich bearbeitet.")
    assert result.intent == "auto_reply"


STATEMENT = "Hauptforderung 3.800,00 EUR\nZinsen 212,50 EUR\nGesamtforderung 4.012,50 EUR"


@pytest.mark.parametrize("note", [
    "Mit den seit der letzten Abrechnung angefallenen Zinsen beläuft sich der Saldo heute vorläufig auf 4.012,50 EUR.",
    "Die verbindliche Abrechnung erhält Ihr Mandant mit dem nächsten Kontoauszug.",
    "Für diese Auskunft berechnen wir ein Entgelt von 15,00 EUR; es wird dem Konto belastet und erhöht den Saldo "
    "entsprechend.",
])
def test_a_balance_that_is_provisional_or_about_to_grow_is_never_written_alone(note: str) -> None:
    result = read(f"{STATEMENT}\n\n{note}")
    assert result.total_amount == Decimal("4012.50")
    assert not result.amount_is_safe


def test_a_threat_with_a_deadline_date_settles_nothing() -> None:
    result = read(f"{STATEMENT}\n\nWird der Rückstand nicht bis zum 15.06. ausgeglichen, kündigen wir den Vertrag.")
    assert result.total_amount == Decimal("4012.50")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_a_receipt_saying_how_to_send_papers_stays_an_automatic_reply() -> None:
    result = read("Ihre Nachricht ist bei uns eingegangen und wird in der Reihenfolge des Eingangs bearbeitet. "
                  "Ergänzende Unterlagen senden Sie bitte unter Angabe der Vorgangsnummer an post@moorbank.example. "
                  "Bitte antworten Sie nicht auf diese E-Mail.")
    assert result.intent == "auto_reply"
