"""References: the firm's Aktenzeichen and the creditor's own number, by who wrote them."""

from __future__ import annotations

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

PATTERN = r"\b[A-Z]{2,4}-\d{4}-\d{3,6}\b"


def run(text: str, subject: str, *, to: str | None = None, pattern: str = PATTERN) -> ExtractionResult:
    return extract(parse_body(text, None), subject=subject, from_email="a@b.example", from_name=None,
                   firm_reference_pattern=pattern, to=to)


def test_echoed_firm_subject_gives_both_references() -> None:
    result = run("Guten Tag", "AW: Forderungsanfrage Max Muster – Ihr Zeichen 4401 882 310 – Unser Az. BS-2026-0117")
    assert result.creditor_reference == "4401 882 310"
    assert result.firm_reference == "BS-2026-0117"


def test_ihr_az_in_the_creditors_own_text_is_the_firms_reference() -> None:
    result = run("bezugnehmend auf Ihr Schreiben (Ihr Az. BS-2026-0123), Kundennummer 88310275", "Ihre Anfrage")
    assert result.firm_reference == "BS-2026-0123"
    assert result.creditor_reference == "88310275"


def test_an_agencys_own_file_number_in_the_firm_pattern_is_not_the_firms() -> None:
    result = run("Kundennummer bei unserer Auftraggeberin: MB-0092214",
                 "Unser Az. AI-2026-118204 – Muster GmbH ./. Muster, Max – Ihr Az. BS-2026-0131")
    assert result.firm_reference == "BS-2026-0131"
    assert result.creditor_reference == "MB-0092214"


def test_the_creditors_file_number_is_used_when_no_account_number_is_given() -> None:
    result = run("wir nehmen Bezug auf Ihr Schreiben (Ihr Zeichen BS-2026-0099).",
                 "Ihr Schreiben – Unser Az. OB-880045-12")
    assert result.creditor_reference == "OB-880045-12"
    assert result.firm_reference == "BS-2026-0099"


def test_routing_address_counts_as_the_firms_reference() -> None:
    result = run("Saldo 5,00 EUR", "Kontoauszug", to="glaeubiger+BS-2026-0142@kanzlei.example")
    assert result.firm_reference == "BS-2026-0142"
    assert result.firm_reference_evidence is not None and result.firm_reference_evidence.part == "recipient"


def test_a_routing_id_in_another_shape_than_the_pattern_is_still_the_firms_case() -> None:
    result = run("Wir stimmen zu.", "Plan Kurt Ebeling (KE31-0207)", to="post+KE31-0207@kanzlei.example")
    assert result.firm_reference == "KE31-0207"
    assert result.creditor_reference is None  # the subject's copy of the routing id is not the creditor's


def test_a_plus_address_without_a_reference_shaped_id_names_no_case() -> None:
    assert run("Guten Tag", "Hallo", to="post+newsletter@kanzlei.example").firm_reference is None
    assert run("Guten Tag", "Hallo", to="post+ab-12@kanzlei.example").firm_reference is None
    assert run("Guten Tag", "Hallo", to="post+2026@kanzlei.example").firm_reference is None


def test_tax_number_with_slashes_is_a_creditor_reference() -> None:
    result = run("Rückstandsaufstellung zur Steuernummer 214/5561/0873", "Ihre Anfrage – StNr. 214/5561/0873")
    assert result.creditor_reference == "214/5561/0873"


def test_reference_in_the_quoted_firm_letter_is_used_and_flipped() -> None:
    result = run("Saldo 12,00 EUR\n\nAm 01.09.2026 schrieb Kanzlei:\n> zu Ihrem Zeichen 6120394471 unter Angabe "
                 "unseres Aktenzeichens BS-2026-0138", "Re: Anfrage")
    assert result.creditor_reference == "6120394471"
    assert result.firm_reference == "BS-2026-0138"


def test_a_custom_firm_pattern_is_honoured() -> None:
    result = run("Ihr Zeichen: K/123/26, Kundennummer 5550001", "Anfrage", pattern=r"\bK/\d{3}/\d{2}\b")
    assert result.firm_reference == "K/123/26"
    assert result.creditor_reference == "5550001"


def test_references_carry_owner_kind_and_evidence() -> None:
    result = run("Vertragsnummer LS-2219-0048 (Kunde: Max Muster)", "Anfrage")
    found = [r for r in result.references if r.value == "LS-2219-0048"]
    assert found and found[0].owner == "creditor" and found[0].kind == "contract"
    assert found[0].evidence.location == "line 1"


def test_iban_and_dates_are_never_references() -> None:
    result = run("Kontonummer DE00 1234 5678 9012 3456 78 vom 01.02.2026", "Anfrage")
    assert result.creditor_reference is None
