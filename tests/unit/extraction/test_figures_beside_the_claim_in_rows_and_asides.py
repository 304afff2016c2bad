"""Figures that stand beside the claim in one statement, in wording written for these tests: an item list with middle
dots, a part payment "geleistet", a remainder the total says it includes, a computation in brackets, a sum row whose
label carries its date, and a negative balance the text calls a Sollsaldo. Each is read for what it is, so the claim
beside it is written, or it stops the claim where it should."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def read(body: str, html: str | None = None) -> ExtractionResult:
    text = None if html else f"Sehr geehrte Damen und Herren,\n\n{body}\n\nMit freundlichen Grüßen\nForderungsabteilung"
    return extract(parse_body(text, html), subject="AW: Ihre Anfrage", from_email="konto@hafenkredit.example",
                   from_name="Hafenkredit")


def test_an_item_list_with_middle_dots_does_not_lend_the_next_items_name_to_the_one_before() -> None:
    result = read("Bestellung 7731 (Positionen wie im Shop): Kaffeemaschine EUR 219.00 · Entkalker EUR 8.90 · "
                  "Versand EUR 5.95 · Summe EUR 233.85\n\n"
                  "Hauptforderung 233,85 €\nMahngebühren 7,50 €\nVerzugszinsen 3,12 €\nGesamtforderung 244,47 €")
    shipping = next(amount for amount in result.amounts if amount.value == Decimal("5.95"))
    assert shipping.label != "total"
    assert result.total_amount == Decimal("244.47")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_a_part_payment_made_leaves_exactly_the_remainder_and_explains_the_larger_bill() -> None:
    result = read("Auf unsere Rechnung vom 14.02. (Brillengläser, 860,00 €) hat Frau Lenz im März eine Teilzahlung "
                  "von 200,00 € geleistet. Offen ist noch ein Restbetrag von 660,00 €.")
    assert result.total_amount == Decimal("660.00")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_an_instalment_not_made_is_no_payment() -> None:
    result = read("Die Rate über 45,00 € für April wurde nicht geleistet. Der Rückstand beträgt insgesamt 315,00 €.")
    instalment = next(amount for amount in result.amounts if amount.value == Decimal("45.00"))
    assert "paid" not in (instalment.reason or "")
    assert result.total_amount == Decimal("315.00")


def test_a_smaller_figure_the_total_says_it_includes_is_no_rival() -> None:
    result = read("Der Kredit läuft weiter. Offen sind die Raten für Juni und Juli, zusammen 288,40 EUR.\n\n"
                  "Restschuld einschließlich der offenen Raten: 4.112,95 EUR")
    assert result.total_amount == Decimal("4112.95")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_a_smaller_figure_the_total_does_not_name_stays_a_rival() -> None:
    result = read("Der Kredit läuft weiter. Offen sind die Raten für Juni und Juli, zusammen 288,40 EUR.\n\n"
                  "Restschuld einschließlich der Zinsen: 4.112,95 EUR")
    assert not result.amount_is_safe


def test_a_deduction_inside_an_items_brackets_says_how_it_was_worked_out_not_that_it_was_paid() -> None:
    result = read("Aufstellung:\nPosition | Betrag\nOffene Monatsbeiträge | 96,00 €\n"
                  "Vertragsstrafe (8 Monate, abzgl. ersparter Kosten) | 141,60 €\nMahnkosten | 10,00 €\n"
                  "Gesamtforderung | 247,60 €")
    penalty = next(amount for amount in result.amounts if amount.value == Decimal("141.60"))
    assert penalty.reason is None
    assert result.total_amount == Decimal("247.60")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_a_payment_taken_off_in_brackets_before_its_own_figure_is_still_paid() -> None:
    result = read("Forderung 500,00 € (abzgl. Zahlung vom 02.03. über 120,00 €) verbleiben 380,00 €.")
    assert result.total_amount == Decimal("380.00")
    payment = next(amount for amount in result.amounts if amount.value == Decimal("120.00"))
    assert payment.reason is not None and "paid" in payment.reason


def test_a_sum_row_with_its_date_spanning_three_columns_lands_under_the_open_column() -> None:
    html = ("<p>Sehr geehrte Damen und Herren,</p><table>"
            "<tr><th>Monat</th><th>Soll</th><th>gezahlt</th><th>offen</th></tr>"
            "<tr><td>März</td><td>540,00</td><td>240,00</td><td>300,00</td></tr>"
            "<tr><td>April</td><td>540,00</td><td>0,00</td><td>540,00</td></tr>"
            "<tr><td colspan=\"3\"><b>Rückstand gesamt per 30.04.</b></td><td><b>840,00 €</b></td></tr>"
            "</table><p>Mit freundlichen Grüßen</p>")
    result = read("", html)
    assert result.total_amount == Decimal("840.00")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_a_negative_balance_the_text_calls_a_debit_balance_is_owed() -> None:
    body = ("Kontostand zum 31.05.: -1.187,44 EUR\n\nDer Rahmenkredit ist gekündigt; der Sollsaldo ist seitdem "
            "vollständig zur Rückzahlung fällig.")
    result = read(body)
    assert result.total_amount == Decimal("1187.44")
    assert result.amount_is_safe, result.amount_safety_reasons
    # without the word the sign is left to a human
    bare = read("Kontostand zum 31.05.: -1.187,44 EUR\n\nDer Rahmenkredit ist gekündigt.")
    assert not bare.amount_is_safe
