"""Wordings of totals and of automatic mail: read receipts, "fehlen noch", "macht zusammen", and statements whose
column title names the currency once for every row."""

from __future__ import annotations

from decimal import Decimal

from app.services.attachments.result import AttachmentText, TextSegment
from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(text: str, *, subject: str = "AW: Ihr Schreiben", attachments: tuple[AttachmentText, ...] = ()
        ) -> ExtractionResult:
    return extract(parse_body(text, None), subject=subject, from_email="konto@versorger.example",
                   from_name="Versorger GmbH", attachments=attachments)


def test_a_german_read_receipt_is_an_automatic_answer() -> None:
    result = run("Ihre Nachricht\n\n  An: Kundenservice\n  Betreff: Mandant Paul Beispiel\n\n"
                 "wurde am Dienstag, 3. März 2026 14:02:11 (UTC+01:00) gelesen.",
                 subject="Gelesen: Mandant Paul Beispiel")
    assert result.intent == "auto_reply"


def test_an_english_read_receipt_is_an_automatic_answer_by_its_body_too() -> None:
    result = run("Your message\n\n  To: Accounts\n  Subject: client Paul Beispiel\n\nwas read on Tuesday, "
                 "March 3, 2026 2:02:11 PM.", subject="Mandant Paul Beispiel")
    assert result.intent == "auto_reply"


def test_what_is_still_missing_is_the_open_balance() -> None:
    result = run("Hallo,\nbis heute fehlt uns noch 688,50 €, der Rest kam im Oktober.\nGruß Meier")
    assert result.intent == "debt_statement"
    assert result.total_amount == Decimal("688.50")
    assert result.amount_is_safe


def test_macht_zusammen_names_the_sum_of_the_lines_before_it() -> None:
    result = run("Hallo,\n\nReparatur laut Rechnung 880,00 €\nMahnkosten 7,50 €\n"
                 "Das macht zusammen 887,50 €.\n\nGruß")
    assert result.total_amount == Decimal("887.50")
    assert result.amount_is_safe


def test_rows_below_a_column_title_naming_the_currency_carry_that_currency() -> None:
    pdf = AttachmentText(filename="Kontoauszug.pdf", status="ok", detected_type="pdf", segments=[
        TextSegment("page 1, line 1", "Kundenkonto 44 901"),
        TextSegment("page 1, line 2", "Buchung Text Betrag in EUR"),
        TextSegment("page 1, line 3", "Abrechnung Strom 2025 518,20"),
        TextSegment("page 1, line 4", "Mahngebühr 4,50"),
        TextSegment("page 1, line 5", "Offener Saldo 522,70"),
    ])
    result = run("Guten Tag,\nanbei der Kontoauszug.\nFreundliche Grüße", attachments=(pdf,))
    assert result.total_amount == Decimal("522.70")
    assert result.amount_is_safe


def test_without_a_currency_title_a_bare_row_total_is_still_not_safe() -> None:
    pdf = AttachmentText(filename="Kontoauszug.pdf", status="ok", detected_type="pdf", segments=[
        TextSegment("page 1, line 1", "Buchung Text Betrag"),
        TextSegment("page 1, line 2", "Abrechnung Strom 2025 518,20"),
        TextSegment("page 1, line 3", "Mahngebühr 4,50"),
        TextSegment("page 1, line 4", "Offener Saldo 522,70"),
    ])
    result = run("Guten Tag,\nanbei der Kontoauszug.\nFreundliche Grüße", attachments=(pdf,))
    assert result.total_amount == Decimal("522.70")
    assert not result.amount_is_safe


def test_a_total_in_the_subject_counts_when_the_reply_points_to_it() -> None:
    result = run("Guten Tag,\n\nden offenen Betrag zu Ihrer Mandantin finden Sie in der Betreffzeile. Eine Aufstellung "
                 "folgt per Post.\n\nMit freundlichen Grüßen", subject="AW: Mandantin Eva Probe – Restsaldo 318,90 EUR")
    assert result.intent == "debt_statement"
    assert result.total_amount == Decimal("318.90")
    assert result.total_evidence is not None and result.total_evidence.source == "subject"


def test_an_amount_in_the_subject_is_not_read_when_the_reply_does_not_point_to_it() -> None:
    result = run("Guten Tag,\n\nbitte senden Sie uns zuerst eine unterschriebene Vollmacht.\n\nMit freundlichen Grüßen",
                 subject="AW: Forderungsanfrage Eva Probe – Forderung laut Unterlagen 318,90 EUR")
    assert result.total_amount is None
    assert result.intent == "inquiry"


def test_a_request_to_name_the_file_number_in_the_subject_does_not_make_the_subject_a_statement() -> None:
    result = run("Guten Tag,\n\nbitte geben Sie im Betreff künftig immer unsere Forderungsnummer an. Wir benötigen "
                 "zuerst eine Vollmacht.\n\nMit freundlichen Grüßen",
                 subject="AW: Forderungsanfrage Eva Probe – Forderung 318,90 EUR")
    assert result.total_amount is None


def test_item_lines_that_make_up_the_rest_of_the_total_are_the_principal() -> None:
    result = run("Guten Tag,\n\nOffene Posten:\nLieferung 88-101 vom 02.05.2026      240,00 EUR\n"
                 "Lieferung 88-177 vom 09.06.2026      110,50 EUR\nMahnkosten                           12,00 EUR\n"
                 "Verzugszinsen                         3,20 EUR\nGesamtforderung                     365,70 EUR\n")
    assert result.total_amount == Decimal("365.70")
    assert result.components == {"principal": Decimal("350.50"), "interest": Decimal("3.20"),
                                 "costs": Decimal("12.00")}


def test_item_lines_that_do_not_make_up_the_rest_give_no_principal() -> None:
    result = run("Guten Tag,\n\nOffene Posten:\nLieferung 88-101 vom 02.05.2026      240,00 EUR\n"
                 "Mahnkosten                           12,00 EUR\nGesamtforderung                     300,00 EUR\n")
    assert result.total_amount == Decimal("300.00")
    assert "principal" not in result.components


def test_with_a_credit_deducted_the_item_lines_are_not_made_the_principal() -> None:
    result = run("Guten Tag,\n\nLieferung 88-101 vom 02.05.2026      140,00 EUR\n"
                 "Lieferung 88-177 vom 09.06.2026      100,00 EUR\n"
                 "Gutschrift Retoure                  -40,00 EUR\nMahnkosten                           12,00 EUR\n"
                 "Gesamtforderung                     212,00 EUR\n")
    assert result.total_amount == Decimal("212.00")
    assert "principal" not in result.components
