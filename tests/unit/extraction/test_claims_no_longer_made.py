"""Amounts the creditor no longer claims or that cannot be the whole: waived, time-barred, paid, a part above the
total, a document number in a table row. None of them may be written as the claim."""

from __future__ import annotations

from decimal import Decimal

from app.services.attachments.result import AttachmentText, TextSegment
from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(text: str, *, attachments: tuple[AttachmentText, ...] = ()) -> ExtractionResult:
    body = f"Sehr geehrte Damen und Herren,\nzu Ihrer Anfrage wegen Frau Ina Berger (Kundennr. 7730 1184):\n{text}\n" \
           "Mit freundlichen Grüßen\nVersandhaus Nord"
    return extract(parse_body(body, None), subject="AW: Anfrage Ina Berger", from_email="inkasso@vhn.example",
                   from_name="Versandhaus Nord", attachments=attachments)


def reason_of(result: ExtractionResult, value: str) -> str | None:
    return next(a.reason for a in result.amounts if a.value == Decimal(value))


def test_a_time_barred_claim_is_not_the_open_one() -> None:
    result = run("Die Forderung aus 2019 über 612,00 € ist verjährt. Offen ist nur noch die Rechnung vom 04.08.2026 "
                 "über 74,90 €.")
    assert reason_of(result, "612.00") is not None
    assert result.total_amount != Decimal("612.00")


def test_a_waived_amount_is_not_the_claim() -> None:
    result = run("Auf die Forderung von 250,00 € verzichten wir aus Kulanz.")
    assert not (result.amount_is_safe and result.total_amount == Decimal("250.00"))
    result = run("Einen Teilbetrag von 80,00 € haben wir abgeschrieben. Die Restforderung beträgt 420,00 €.")
    assert reason_of(result, "80.00") is not None
    assert result.total_amount == Decimal("420.00")


def test_a_part_larger_than_the_total_keeps_it_from_being_written() -> None:
    result = run("Die Forderung beträgt 980,00 € (Stand 30.06.2026). Davon Zinsen: 1.011,75 €.")
    assert result.total_amount == Decimal("980.00")
    assert not result.amount_is_safe
    assert any("larger than the total" in reason for reason in result.amount_safety_reasons)


def test_a_figure_as_of_a_past_day_beside_todays_standing_is_not_written() -> None:
    result = run("Die Forderung beträgt 980,00 € (Stand 30.06.2026). Aktueller Stand inkl. Zinsen: 1.011,75 €.")
    assert not result.amount_is_safe
    assert {amount.value for amount in result.amounts if amount.label == "balance"} == {Decimal("980.00"),
                                                                                          Decimal("1011.75")}


def test_a_larger_principal_with_a_payment_deducted_is_no_doubt() -> None:
    result = run("Hauptforderung: 900,00 €\nZahlung Ihrer Mandantin vom 01.10.2026 über 200,00 €\n"
                 "Restforderung: 700,00 €")
    assert result.total_amount == Decimal("700.00")
    assert reason_of(result, "200.00") == "paid amount, not open"
    assert not any("larger than the total" in reason for reason in result.amount_safety_reasons)


def test_a_document_number_in_a_row_of_amounts_with_cents_is_no_amount() -> None:
    sheet = AttachmentText(filename="Konto.csv", status="ok", detected_type="csv", segments=[
        TextSegment("row 1", "Datum | Beleg | Text | Soll | Haben | Offen"),
        TextSegment("row 2", "03.03.2026 | 4400917723 | Rechnung März | 212,40 | 0,00 | 212,40"),
        TextSegment("row 3", "12.04.2026 | 4400920118 | Mahngebühr | 5,00 | 0,00 | 5,00"),
        TextSegment("row 4", "Summe | | | 217,40 | 0,00 | 217,40"),
    ])
    result = run("anbei der Kontoauszug.", attachments=(sheet,))
    assert reason_of(result, "4400920118") is not None
    assert result.total_amount == Decimal("217.40")
    assert all(value < Decimal("1000") for value in result.components.values())


def test_a_claim_sold_or_assigned_is_not_written_to_the_old_creditor() -> None:
    for text in ("Wir haben die Forderung über 310,00 € an die Nordkap Forderungsankauf AG verkauft.",
                 "Die Ansprüche aus dem Kundenkonto wurden am 01.10.2026 an uns abgetreten. Gesamtforderung: 412,00 €.",
                 "Neue Gläubigerin ist die Nordkap Portfolio GmbH. Die Gesamtforderung beträgt 412,00 €."):
        result = run(text)
        assert result.total_amount is not None
        assert not result.amount_is_safe, text
        assert any("sold or assigned" in reason for reason in result.amount_safety_reasons)


def test_a_wage_assignment_or_an_agency_taking_over_is_no_sale_of_the_claim() -> None:
    for text in ("Aus der Lohnabtretung sind bereits 150,00 € eingegangen. Die Gesamtforderung beträgt 845,00 €.",
                 "Wir wurden von der Versandhaus Nord GmbH mit dem Einzug beauftragt. Gesamtforderung: 845,00 €."):
        result = run(text)
        assert not any("sold or assigned" in reason for reason in result.amount_safety_reasons), text
