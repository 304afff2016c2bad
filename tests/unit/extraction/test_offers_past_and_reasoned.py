"""Instalments in wording written for these tests: an offer made before that came to nothing is history, the reply a
statement; a reason put first that calls something else impossible does not take back the instalments offered."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def read(body: str) -> ExtractionResult:
    return extract(parse_body(body, None), subject="AW: Ihre Anfrage", from_email="praxis@physio-lenne.example",
                   from_name="Physiopraxis Lenne")


def test_an_offer_made_before_that_came_to_nothing_leaves_a_statement() -> None:
    result = read("Offen ist noch die Rechnung vom 04.03. über 412,00 €, dazu Mahngebühren von 5,00 €, insgesamt "
                  "417,00 €.\n\nRaten hatten wir Herrn Kaya schon im April angeboten (40 € im Monat), darauf kam aber "
                  "keine Rückmeldung.")
    assert (result.intent, result.total_amount) == ("debt_statement", Decimal("417.00"))


def test_an_offer_made_now_is_still_a_plan() -> None:
    result = read("Offen sind insgesamt 417,00 €. Wir bieten Herrn Kaya Raten von 40 € im Monat an.")
    assert result.intent == "payment_plan"


def test_a_reason_first_about_something_else_leaves_the_offer_standing() -> None:
    result = read("Zurückgefordert werden insgesamt 1.212,00 EUR.\n\nDa eine Verrechnung mit laufenden Leistungen "
                  "nicht möglich ist, bieten wir Ihrem Mandanten an, den Betrag in monatlichen Raten von 60,00 EUR zu "
                  "tilgen.")
    assert result.intent == "payment_plan"


def test_instalments_said_to_be_impossible_are_no_offer() -> None:
    result = read("Offen sind 500,00 EUR. Da er zweimal nicht gezahlt hat, ist eine Ratenzahlung von 50 EUR nicht "
                  "mehr möglich.")
    assert result.intent == "debt_statement"
