"""A person's interim answer that confirms receipt is no automatic mail when it says who decides and when; a bare
receipt still is. Wordings written for these tests."""

from __future__ import annotations

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(body: str) -> ExtractionResult:
    text = f"Sehr geehrte Damen und Herren,\n\n{body}\n\nMit freundlichen Grüßen\nKreditbank Elbtal AG"
    return extract(parse_body(text, None), subject="AW: Schuldenbereinigungsplan – Kredit 4471-09",
                   from_email="sanierung@kreditbank-elbtal.example", from_name="Kreditbank Elbtal AG")


def test_a_receipt_that_names_the_committee_and_its_meeting_is_a_persons_answer() -> None:
    result = run("wir bestätigen den Eingang Ihres Schreibens. Über Vergleiche entscheidet bei uns der Vorstand in "
                 "seiner nächsten Sitzung am 14.10.; danach hören Sie von uns.")
    assert result.intent != "auto_reply"


def test_a_bare_receipt_is_still_an_automatic_answer() -> None:
    result = run("wir bestätigen den Eingang Ihres Schreibens. Ihr Anliegen wird schnellstmöglich bearbeitet.")
    assert result.intent == "auto_reply"


def test_a_bill_to_the_firm_for_its_own_directory_listing_is_spam() -> None:
    text = ("Sehr geehrte Damen und Herren,\n\nfür den Eintrag Ihrer Kanzlei im Online-Anwaltsverzeichnis Nordost "
            "berechnen wir für 12 Monate 640,00 € zzgl. MwSt. Bitte überweisen Sie 761,60 € binnen 5 Tagen.\n\n"
            "Buchhaltung")
    result = extract(parse_body(text, None), subject="Rechnung 2291 – Eintrag Anwaltsverzeichnis",
                     from_email="rechnung@verzeichnis-nordost.example", from_name="Verzeichnis Nordost")
    assert result.intent == "spam"


def test_a_ticket_receipt_with_an_advertised_price_is_an_automatic_answer() -> None:
    result = run("wir haben Ihr Anliegen unter der Nummer 77-1203 aufgenommen. Ein Mitarbeiter meldet sich "
                 "innerhalb von drei Werktagen bei Ihnen.\n\nTipp: Mit der Tarifoption Plus surfen Sie für 2,99 € "
                 "im Monat doppelt so schnell.")
    assert result.intent == "auto_reply"
    assert result.total_amount is None
