"""How a creditor labels its own number: whole words, compounds it coins itself, English labels, whose number it
is; and the matched inquiry's reference wherever the email writes it."""

from __future__ import annotations

import pytest

from app.services.attachments.result import AttachmentText, TextSegment
from app.services.extraction import extract, with_inquiry_reference
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

PATTERN = r"\b[A-Z]{2,4}-\d{4}-\d{3,6}\b"


def run(text: str, subject: str = "Ihre Anfrage", *, html: str | None = None) -> ExtractionResult:
    return extract(parse_body(text, html), subject=subject, from_email="forderung@versorger.example",
                   from_name=None, firm_reference_pattern=PATTERN)


def test_a_label_is_a_whole_word_not_the_start_of_a_longer_one() -> None:
    # "Rechnung" + "skonto …" and "Konto" + "auszug …" were read as label and value.
    assert run("Wir haben Ihre Anfrage dem Rechnungskonto 7710 3384 52 zugeordnet.").creditor_reference == \
        "7710 3384 52"
    assert run("Anbei der Kontoauszug 2291-553 der Hausverwaltung.").creditor_reference is None


def test_a_genitive_label_keeps_its_value_whole() -> None:
    result = run("Sie fragten nach dem Stand des Energiekontos 330 418 006 Ihrer Mandantin.")
    assert result.creditor_reference == "330 418 006"


def test_numbers_under_labels_the_creditor_coins_itself() -> None:
    assert run("Betrifft: Mieterkonto 12.044.07, Wohnung 3. OG").creditor_reference == "12.044.07"
    assert run("aus dem Leasingvertrag 58-3310-4 schuldet Ihr Mandant").creditor_reference == "58-3310-4"
    assert run("Herr Olaf Brede, Patienten-Nr. 40-88172, hat die Rechnung nicht bezahlt.").creditor_reference == \
        "40-88172"
    assert run("Unter der Abonnentennummer AB 771 2049 ist ein Rückstand offen.").creditor_reference == "AB 771 2049"


def test_a_subscribers_number_is_no_marketing_wording() -> None:
    result = run("Unter der Abonnentennummer AB 771 2049 ist ein Rückstand offen.")
    assert result.intent != "spam"


def test_numbers_that_never_name_a_debt_are_not_references() -> None:
    text = ("Rückfragen gern unter Telefonnummer 0555 448812 oder Faxnummer 0555 448813.\n"
            "Zählernummer 7ELS 8812 5530, Handelsregisternummer HRB 55120, USt-IdNr. DE555771204.")
    assert run(text).creditor_reference is None


def test_a_word_in_lower_case_or_a_year_is_no_value() -> None:
    assert run("Unser Seminar zum Pfändungsschutzkonto 2027 ist fast ausgebucht.").creditor_reference is None
    assert run("Bitte nennen Sie uns Ihr Vertragskonto bzw. die Nummer 4471.").creditor_reference is None


def test_english_and_abbreviated_labels() -> None:
    assert run("Thank you for your letter. Our ref NS-4471-208.").creditor_reference == "NS-4471-208"
    assert run("Guten Tag", "Automatische Antwort: Ihre Ref. ZK 4410 773 01 – Anfrage").creditor_reference == \
        "ZK 4410 773 01"
    assert run("Please quote our reference 7781-44021 with every payment.").creditor_reference == "7781-44021"


def test_a_label_naming_whose_number_it_is_before_the_colon() -> None:
    result = run("Guten Tag,\nunser Zeichen: OK-26-99120, Kundenkonto bei der Stadtwerke Nord GmbH: SN-55120447.\n"
                 "Der Rückstand beträgt 120,00 EUR.\nMit freundlichen Grüßen\nInkasso Süd")
    assert result.creditor_reference == "SN-55120447"


def test_spam_carries_no_creditor_reference() -> None:
    text = ("Ihre Domain kanzlei.example läuft ab! Rechnungsnummer DX-2026-88120, jetzt zahlen: "
            "https://zahlung.example/pay\nBetrag 79,90 EUR")
    result = run(text, "Letzte Mahnung: Domain kanzlei.example")
    assert result.intent == "spam"
    assert result.creditor_reference is None


def agency_reply() -> tuple[ExtractionResult, str, str]:
    body = ("Sehr geehrte Damen und Herren,\nin Sachen Haase ./. Nordwind Mobilfunk teilen wir mit: Unser Zeichen "
            "IK-77120-3. Die Forderung beträgt 412,30 EUR.\nMit freundlichen Grüßen\nInkasso Ostholz")
    subject = "Haase / NM 5502 8817 / Ihr Az. OK-2026-0412"
    return run(body, subject), body, subject


def test_the_matched_inquirys_reference_as_the_email_writes_it_wins() -> None:
    result, body, subject = agency_reply()
    assert result.creditor_reference == "IK-77120-3"  # the agency's own file number, read without the inquiry
    refined = with_inquiry_reference(result, parse_body(body, None), subject, [], "NM-55028817")
    assert refined.creditor_reference == "NM 5502 8817"  # written as the email writes it
    assert refined.creditor_reference_evidence is not None and refined.creditor_reference_evidence.part == "subject"


def test_an_inquiry_reference_the_email_does_not_write_changes_nothing() -> None:
    result, body, subject = agency_reply()
    assert with_inquiry_reference(result, parse_body(body, None), subject, [], "NM-55028818") == result
    # Digits inside a longer number are not the reference.
    assert with_inquiry_reference(result, parse_body(body, None), subject, [], "5502881") == result
    assert with_inquiry_reference(result, parse_body(body, None), subject, [], None) == result


def test_the_inquiry_reference_is_found_in_an_attachment() -> None:
    result, body, subject = agency_reply()
    sheet = AttachmentText(filename="aufstellung.pdf", status="ok", detected_type="pdf",
                           segments=[TextSegment(location="page 1", text="Vertrag Nr. 88/1204-K\nSaldo 412,30")])
    refined = with_inquiry_reference(result, parse_body(body, None), subject, [sheet], "881204K")
    assert refined.creditor_reference == "88/1204-K"
    assert refined.creditor_reference_evidence is not None
    assert refined.creditor_reference_evidence.source == "aufstellung.pdf"


def _with_inquiry(body: str, subject: str, reference: str, firm_reference: str | None = None) -> str | None:
    parsed = parse_body(body, None)
    result = extract(parsed, subject=subject, from_email="info@musikschule.example", from_name="Musikschule")
    return with_inquiry_reference(result, parsed, subject, (), reference, firm_reference).creditor_reference


@pytest.mark.parametrize("written", ["Schüler-Nr. 2231", "Schüler-Nr.2231", "Schüler Nr. 2231"])
def test_the_inquirys_reference_is_found_with_its_label_and_letters_beyond_ascii(written: str) -> None:
    body = f"Guten Tag,\nfür {written} (Mia Lenz) sind 96,00 € offen.\nGruß\nMusikschule"
    assert _with_inquiry(body, "Anfrage", "Schüler-Nr. 2231") == written


def test_a_long_reference_with_few_digits_is_found_as_written() -> None:
    body = "Guten Tag,\nHausgeld WEG Birkenweg 4 / WE 7: offen 744,00 €.\nGruß\nVerwaltung"
    assert _with_inquiry(body, "Anfrage", "Birkenweg 4 / WE 7") == "Birkenweg 4 / WE 7"


def test_the_firms_own_file_number_is_never_the_creditors_reference() -> None:
    body = "Guten Tag,\nfür Frau Lenz sind 96,00 € offen.\nGruß\nMusikschule"
    assert _with_inquiry(body, "Ihr Zeichen KQ 512/27 – Lenz", "M-77", firm_reference="KQ 512/27") is None
