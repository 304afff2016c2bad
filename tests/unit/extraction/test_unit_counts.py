"""A per-unit amount with its count ("zwei Mahnungen zu je 2,90 €") counts count × unit in the sums that check a
total; it is never a total itself, and a rate ("je Monat", "pro Tag") or an unclear count multiplies nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.extraction.unit_counts import factor_count, unit_count
from app.services.parsing import parse_body


def run(text: str) -> ExtractionResult:
    return extract(parse_body(text, None), subject="AW: Ihr Schreiben zur Forderung",
                   from_email="mahnwesen@versandhaus.example", from_name="Versandhaus Lindner KG")


def reason_of(result: ExtractionResult, value: str) -> str | None:
    return next(found.reason for found in result.amounts if found.value == Decimal(value))


@pytest.mark.parametrize(("lead", "after", "count"), [
    ("Hinzu kommen drei Mahnschreiben zu je ", " €.", 3),
    ("Außerdem berechnen wir 2 Rücklastschriften à ", " EUR.", 2),
    ("und zwei erfolglose Zahlungserinnerungen mit je ", " Euro", 2),
    ("zuzüglich 4 Mahnungen, je EUR ", "", 4),
    ("Gebühren: 2 x Mahnschreiben à ", " €", 2),
    ("Die Gebühr von je ", " € für zwei Mahnungen fällt an.", 2),
    ("Bearbeitungsentgelt zu je ", " EUR für die 3 Rücklastschriften", 3),
    ("für beide Mahnungen je ", " €", 2),
    ("Es kommen zwölf Kontoauszüge zu je ", " € hinzu", 12),
])
def test_a_count_standing_with_the_per_unit_word_is_read(lead: str, after: str, count: int) -> None:
    assert unit_count(lead, after) == count


@pytest.mark.parametrize(("lead", "after"), [
    ("Mahn- und Bearbeitungsgebühr von je ", " €"),  # "je" over two named fees, nothing counted
    ("Für 3 Monate zu je ", " € Nutzungsentschädigung"),  # periods counted: a schedule
    ("Wir bieten 6 Raten zu je ", " € an"),
    ("zwei Teilzahlungen à ", " €"),  # payments, not charges
    ("Standgeld je ", " € für 30 Tage"),
    ("Die Rechnung vom 15.10. 2026 je ", " €"),
    ("Zählerstand 2.318 x ", " €"),  # not a small count standing alone
])
def test_no_count_where_none_is_clear(lead: str, after: str) -> None:
    assert unit_count(lead, after) is None


def test_a_bare_factor_is_read_as_such() -> None:
    assert factor_count("Mahngebühren 3 x ") == 3
    assert factor_count("Mahngebühren 3 x EUR ") == 3
    assert factor_count("Mahngebühren von ") is None


def test_number_word_count_with_zu_je_explains_the_base_amount_and_the_total_is_safe() -> None:
    result = run("Sehr geehrte Damen und Herren,\n\n"
                 "aus dem Kaufvertrag vom 04.03.2026 ist ein Betrag von 412,60 € offen. Zusätzlich fallen drei "
                 "Mahnschreiben zu je 3,50 € an.\n\nGesamtbetrag: 423,10 €\n\nMit freundlichen Grüßen\nMahnwesen")
    assert result.total_amount == Decimal("423.10")
    assert result.amount_is_safe, result.amount_safety_reasons
    assert "3 × 3,50" in (reason_of(result, "3.50") or "")


def test_digit_count_with_a_grave_accent_explains_the_base_amount() -> None:
    result = run("Guten Tag,\n\nder Rechnungsbetrag von 250,00 EUR ist weiterhin offen, dazu kommen "
                 "2 Rücklastschriften à 4,00 EUR.\nOffene Gesamtforderung: 258,00 EUR\n\nFreundliche Grüße")
    assert result.total_amount == Decimal("258.00")
    assert result.amount_is_safe, result.amount_safety_reasons
    assert result.components.get("costs") == Decimal("8.00")


def test_count_after_the_amount_explains_the_base_amount() -> None:
    result = run("Hallo,\n\noffen ist noch die Forderung über 96,40 Euro. Dazu berechnen wir die Gebühr von je "
                 "2,50 Euro für zwei Mahnungen.\nGesamtforderung: 101,40 Euro\n\nViele Grüße")
    assert result.total_amount == Decimal("101.40")
    assert result.amount_is_safe, result.amount_safety_reasons
    assert result.components == {"principal": Decimal("96.40"), "costs": Decimal("5.00")}


def test_a_fee_line_with_a_bare_factor_counts_and_a_stated_product_is_not_counted_twice() -> None:
    counted = run("Hauptforderung 180,00 €\nMahngebühren 3 x 2,00 €\nSumme offen: 186,00 €")
    assert counted.total_amount == Decimal("186.00")
    assert counted.amount_is_safe, counted.amount_safety_reasons
    assert counted.components == {"principal": Decimal("180.00"), "costs": Decimal("6.00")}
    stated = run("Hauptforderung 180,00 €\nzwei Mahngebühren à 3,00 € = 6,00 €\nSumme offen: 186,00 €")
    assert stated.total_amount == Decimal("186.00")
    assert stated.components.get("costs") == Decimal("6.00")
    assert reason_of(stated, "3.00") == "price per unit, not the claim"


def test_a_rate_per_period_never_multiplies() -> None:
    # "zwei Stellplätze … je 10,00 € pro Tag" has a count, but the amount is a daily rate: counting it
    # (2 × 10,00) would make 260,00 look explained.
    result = run("Sehr geehrte Damen und Herren,\n\nder offene Betrag beläuft sich auf 240,00 €.\n"
                 "Ab Januar berechnen wir für zwei Stellplätze je 10,00 € pro Tag.\nGesamt: 260,00 €\n")
    assert reason_of(result, "10.00") == "price per unit, not the claim"
    assert not result.amount_is_safe
    monthly = run("Offener Betrag 500,00 €\nKontoführung für 2 Konten zu je 6,00 € je Monat\nGesamtbetrag 512,00 €")
    assert "counted" not in (reason_of(monthly, "6.00") or "")
    assert not monthly.amount_is_safe


def test_a_per_unit_amount_is_never_the_total() -> None:
    result = run("Guten Tag,\n\nes sind zwei Rechnungen zu je 120,00 € offen.\n\nMit freundlichen Grüßen")
    assert result.total_amount is None
    assert not result.amount_is_safe


def test_a_counted_payment_is_not_a_charge() -> None:
    result = run("Forderung laut Rechnung 900,00 €, abzüglich geleisteter Zahlungen 3 x 100,00 €.\n"
                 "Rest offen: 600,00 €")
    assert "counted" not in (reason_of(result, "100.00") or "")


@pytest.mark.parametrize("text", [
    "Offener Betrag 300,00 €.\nAb 01.12. berechnen wir zusätzlich zwei Sperrgebühren zu je 10,00 €, "
    "Gesamtbetrag dann 320,00 €.",
    "Offener Betrag 300,00 €.\nBei weiterem Verzug kommen 2 Mahngebühren à 10,00 € dazu.\nGesamtbetrag: 320,00 €",
    "Offener Betrag 300,00 €. Sollte bis zum 01.12. keine Zahlung\neingehen, fallen zwei weitere Mahnungen zu "
    "je 10,00 € an.\nGesamtbetrag: 320,00 €",
])
def test_charges_under_a_condition_or_to_come_are_not_counted(text: str) -> None:
    # Counted, 2 × 10,00 would make the 320,00 that is not owed yet add up and be written automatically.
    result = run(text)
    assert "counted" not in (reason_of(result, "10.00") or "")
    assert not result.amount_is_safe


def test_a_sentence_wrapped_before_its_count_is_read_whole() -> None:
    result = run("Offener Betrag 300,00 €. Dazu\nkommen zwei Mahnungen zu je 10,00 €.\nGesamtbetrag: 320,00 €")
    assert result.total_amount == Decimal("320.00")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_counted_reminders_and_a_disconnection_notice_are_costs_and_the_base_is_the_principal() -> None:
    result = run("Sehr geehrte Damen und Herren,\n\naus der Endabrechnung ist ein Betrag von 318,40 € offen "
                 "geblieben. Dazu kommen drei Mahnungen mit je 1,50 € und die\nSperrandrohung von 25,00 €.\n\n"
                 "Offener Gesamtbetrag: 347,90 €")
    assert result.total_amount == Decimal("347.90")
    assert result.amount_is_safe, result.amount_safety_reasons
    assert result.components == {"principal": Decimal("318.40"), "costs": Decimal("29.50")}
