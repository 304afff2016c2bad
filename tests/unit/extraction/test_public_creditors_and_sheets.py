"""Public creditors' ways, small creditors' words and sheets without currency signs, in wording written for these
tests: a further Kassenzeichen open beside the one asked about, a remainder waived for a one-off payment, a joint
debt split between its debtors, a relief granted once that has lapsed, a loan named by its grant's date, a note on
what instalments would cost, talk of instalments without terms, reminders counted by "zweimal gemahnt", "nach
vorheriger Umstellung", and a sheet of open items under "Betrag" whose sum row carries no currency."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.attachments.result import AttachmentText, TextSegment
from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

STATEMENT = "Elternbeiträge Januar bis März     360,00 €\nMahngebühren     6,00 €\nGesamt     366,00 €"


def read(body: str, attachments: list[AttachmentText] | None = None) -> ExtractionResult:
    text = f"Sehr geehrte Damen und Herren,\n\n{body}\n\nMit freundlichen Grüßen\nStadtkasse"
    return extract(parse_body(text, None), subject="AW: Ihre Anfrage", from_email="kasse@talheim-stadt.example",
                   from_name="Stadtkasse Talheim", attachments=attachments or [])


def test_a_further_account_said_open_beside_the_one_asked_about_goes_to_a_human() -> None:
    result = read(f"{STATEMENT}\n\nBitte beachten Sie, dass daneben ein weiteres Kassenzeichen offen ist "
                  "(Hundesteuer). Insgesamt sind bei uns 366,00 € offen.")
    assert result.total_amount == Decimal("366.00")
    assert not result.amount_is_safe
    assert read(STATEMENT).amount_is_safe


def test_a_remainder_waived_for_a_one_off_payment_is_an_offer_to_settle() -> None:
    result = read(f"{STATEMENT}\n\nBei Zahlung eines Einmalbetrags von 250,00 € bis zum 30.06. wird die "
                  "Restforderung erlassen.")
    assert result.total_amount == Decimal("366.00")
    assert not result.amount_is_safe


def test_a_joint_debt_whose_split_the_text_goes_into_goes_to_a_human() -> None:
    result = read(f"{STATEMENT}\n\nDie Eheleute haften für die Beiträge als Gesamtschuldner. Bei einer Aufteilung "
                  "entfiele auf Ihre Mandantin ein Anteil von rund 200,00 €.")
    assert not result.amount_is_safe


def test_a_joint_debtor_named_only_as_liable_leaves_the_whole_to_the_client() -> None:
    result = read(f"{STATEMENT}\n\nDie Eheleute haften für die Beiträge als Gesamtschuldner.")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_a_further_account_said_not_to_exist_changes_nothing() -> None:
    result = read(f"{STATEMENT}\n\nEin weiteres Kassenzeichen besteht nicht.")
    assert result.amount_is_safe, result.amount_safety_reasons


@pytest.mark.parametrize("note", [
    "Die bewilligte Stundung (monatlich 40,00 €) ist entfallen, nachdem die Rate für Mai ausgeblieben ist.",
    "Ein Teil betrifft das Darlehen für die Kaution (Bewilligung vom 01.02.), das mit Raten aufgerechnet wird.",
    "Bitte beachten Sie, dass bei einer Ratenzahlung Säumniszuschläge entstehen, sofern nicht Stundung gewährt wird.",
    "Über Raten können wir reden, wenn ein vernünftiger Vorschlag kommt.",
    "Wenn sie das in Raten abzahlt, bin ich einverstanden, das kann sie mit mir direkt besprechen.",
])
def test_instalments_named_without_an_offer_of_terms_leave_a_statement(note: str) -> None:
    assert read(f"{STATEMENT}\n\n{note}").intent == "debt_statement"


@pytest.mark.parametrize("offer", [
    "Wir bieten Ihrer Mandantin Raten von 50,00 € monatlich an.",
    "Alternativ akzeptieren wir monatliche Raten von 45,00 € auf die volle Forderung.",
    "Unsere Auftraggeberin hat uns ermächtigt, Ihrer Mandantin folgende Ratenzahlung anzubieten: monatliche Raten "
    "von 60,00 EUR, erstmals zum 01.06.",
])
def test_instalments_offered_with_terms_are_a_payment_plan(offer: str) -> None:
    assert read(f"{STATEMENT}\n\n{offer}").intent == "payment_plan"


def test_reminders_counted_by_how_often_the_writer_reminded_add_up_to_the_total() -> None:
    result = read("Die Rechnung vom 18.11. über 646,30 € ist noch komplett offen. Wir haben zweimal gemahnt, je "
                  "5,00 € Mahngebühr.\n\nOffen sind somit 656,30 €.")
    assert result.total_amount == Decimal("656.30")
    assert result.components == {"principal": Decimal("646.30"), "costs": Decimal("10.00")}
    assert result.amount_is_safe, result.amount_safety_reasons


def test_a_minimum_instalment_after_a_prior_change_is_no_earlier_figure() -> None:
    result = read(f"{STATEMENT}\n\nEine Zahlung in Teilbeträgen ist bei uns nur nach vorheriger Umstellung der "
                  "Zahlweise möglich (Mindestrate 50,00 EUR).")
    assert result.total_amount == Decimal("366.00")
    assert not any("previous" in reason for reason in result.amount_safety_reasons)


def sheet(*rows: str) -> AttachmentText:
    return AttachmentText(filename="OP-Liste.xlsx", status="ok", detected_type="xlsx",
                          segments=[TextSegment(location=f"sheet OP, row {n}", text=row)
                                    for n, row in enumerate(rows, start=1)])


def test_a_sheets_sum_row_over_amounts_under_a_betrag_column_is_the_claim() -> None:
    rows = ("Beleg | Datum | Text | Betrag", "R-101 | 03.02.2075 | Inspektion | 812,40",
            "R-117 | 20.02.2075 | Reifenwechsel | 96,00", "MG | 01.04.2075 | Mahngebühren | 10,00",
            " |  | Summe offene Posten | 918,40")
    result = read("anbei die Liste der offenen Posten.", [sheet(*rows)])
    assert result.total_amount == Decimal("918.40")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_a_sheets_sum_row_that_its_rows_do_not_make_stays_with_a_human() -> None:
    rows = ("Beleg | Datum | Text | Betrag", "R-101 | 03.02.2075 | Inspektion | 812,40",
            "R-117 | 20.02.2075 | Reifenwechsel | 96,00", " |  | Summe offene Posten | 1.018,40")
    result = read("anbei die Liste der offenen Posten.", [sheet(*rows)])
    assert not result.amount_is_safe


def test_a_bills_rows_of_quantity_price_and_amount_without_currency_stay_with_a_human() -> None:
    rows = ("Position | Menge | Preis | Betrag", "Arbeitspreis (kWh) | 3412 | 0,34 | 1.160,08",
            "Grundpreis (Monate) | 12 | 13,90 | 166,80", " |  | Summe | 1.326,88")
    result = read("anbei die Schlussrechnung.", [sheet(*rows)])
    assert not result.amount_is_safe


def test_an_instalment_left_out_in_the_paragraph_below_the_costs_row_leaves_the_costs_in() -> None:
    result = read(f"{STATEMENT}\n\nNicht enthalten ist die zweite Rate aus dem Abgabenbescheid über 84,00 €, die erst "
                  "am 15.08. fällig wird.")
    assert result.total_amount == Decimal("366.00")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_the_firms_figure_in_brackets_after_its_letter_is_the_firms() -> None:
    result = read(f"{STATEMENT}\n\nDer Betrag in Ihrem Schreiben (354,00 €) berücksichtigt die letzte Mahnung noch "
                  "nicht.")
    assert result.total_amount == Decimal("366.00")
    assert result.amount_is_safe, result.amount_safety_reasons
