"""Replies produced or relayed by systems: an account extract set below the sign-off, a field naming the last
payment, a record's status field, a legal department that refers the firm to its lawyers, and a mail server's
notice that delivery is delayed."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def read(body: str, subject: str = "AW: Anfrage Jonas Reiter – Ihr Zeichen KR-7781") -> ExtractionResult:
    return extract(parse_body(body, None), subject=subject, from_email="akten@kreuzer-inkasso.example",
                   from_name="Kreuzer Inkasso")


EXTRACT = """
Guten Tag,

anbei der aktuelle Auszug aus unserer Akte.

Mit freundlichen Grüßen
i. A. Petra Kainz

### AKTENAUSZUG KR-7781 ###
Hauptforderung                 712,00
Zinsen bis heute                38,15
Mahnkosten                      12,00
Zahlungen                        0,00
Forderungssaldo gesamt         762,15
"""


def test_an_account_extract_below_the_sign_off_is_the_statement() -> None:
    result = read(EXTRACT)
    assert result.total_amount == Decimal("762.15")
    assert result.components["principal"] == Decimal("712.00")
    assert result.amount_is_safe, result.amount_safety_reasons  # a row of no payments takes nothing off


def test_an_extract_below_a_note_that_names_its_own_figure_is_not_read_over_the_note() -> None:
    body = EXTRACT.replace("anbei der aktuelle Auszug aus unserer Akte.",
                           "der Auszug unten ist vom Monatsanfang; seitdem kamen 100,00 € herein, offen sind 662,15 €.")
    result = read(body)
    assert not (result.amount_is_safe and result.total_amount == Decimal("762.15"))


def test_a_field_naming_the_last_payment_is_a_payment() -> None:
    body = ("Hallo,\n\nhier der Export:\n\nFeld;Wert\nKreditnummer;KR-7781\nBetrag letzte Zahlung;150,00\n"
            "Restkapital;3200,00\nZinsen;210,40\nGesamtsaldo;3410,40\n\nGruß\nKreditbank Ost")
    result = read(body)
    assert result.total_amount == Decimal("3410.40")
    assert any(amount.value == Decimal("150.00") and amount.rejected for amount in result.amounts)


def test_a_refusal_inside_a_records_status_field_refuses_nothing() -> None:
    body = ("Sehr geehrte Damen und Herren,\n\nhier der Kontoauszug:\n\nKassenzeichen | 4.2200.118\n"
            "Vollstreckungsstatus | ruhend (Stundungsantrag abgelehnt)\nRückstand gesamt | 318,60\n\n"
            "Mit freundlichen Grüßen\nStadtkasse")
    result = read(body)
    assert result.intent == "debt_statement"


def test_a_legal_department_referring_to_its_lawyers_declines() -> None:
    body = ("Sehr geehrte Damen und Herren,\n\nIhr Mandant hat dem Mahnbescheid widersprochen. Während das Verfahren "
            "läuft, geben wir keine Erklärungen zur Höhe der Forderung ab. Bitte wenden Sie sich unmittelbar an "
            "unsere Prozessbevollmächtigten.\n\nMit freundlichen Grüßen\nRechtsabteilung")
    assert read(body).intent == "rejection"


def test_a_notice_that_delivery_is_delayed_is_automatic() -> None:
    body = ("Dies ist eine automatisch erzeugte Statusmeldung.\nDie Zustellung Ihrer Nachricht ist verzögert. Es "
            "wird weiter versucht, sie zuzustellen.\n")
    result = read(body, subject="Zustellung verzögert: Anfrage Jonas Reiter")
    assert result.intent == "auto_reply"


def test_a_message_relayed_in_a_drawn_box_reads_as_running_text() -> None:
    body = ("Guten Tag,\n\nim Portal liegt eine neue Nachricht für Sie:\n\n┌ Nachricht ─────────────\n"
            "│ Bevor wir entscheiden, benötigen wir eine Erklärung, ob die laufende Miete seit\n"
            "│ März vollständig gezahlt wird. Bitte senden Sie uns die Kontoauszüge.\n"
            "└────────────────────────\n")
    result = read(body)
    assert result.intent != "settled"


def test_an_indirect_question_whether_something_was_paid_settles_nothing() -> None:
    body = "Hallo,\n\nteilen Sie uns bitte mit, ob die Rechnung vollständig bezahlt wurde.\n\nGruß\nKreditbank Ost"
    assert read(body).intent != "settled"


def test_costs_still_to_be_worked_out_keep_the_total_from_being_written() -> None:
    body = ("Sehr geehrte Damen und Herren,\n\nzu vollstrecken sind:\nHauptforderung 410,00 EUR\nZinsen 12,30 EUR\n"
            "Summe 422,30 EUR\n\nHinzu kommen meine Gebühren für den Auftrag, die ich erst nach dem Termin "
            "abrechne.\n\nHochachtungsvoll\nObergerichtsvollzieher")
    result = read(body)
    assert result.total_amount == Decimal("422.30")
    assert not result.amount_is_safe


def test_payments_to_the_creditor_on_file_no_longer_discharging_mean_the_claim_moved() -> None:
    body = ("Sehr geehrte Damen und Herren,\n\nwir sind mit dem Einzug beauftragt.\nForderungsstand 366,50 EUR\n\n"
            "Zahlungen an die Versandhaus Nord GmbH sind nicht mehr schuldbefreiend möglich.\n\nMfG\nInkasso West")
    result = read(body)
    assert result.total_amount == Decimal("366.50")
    assert not result.amount_is_safe
