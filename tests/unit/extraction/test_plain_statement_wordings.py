"""Statements of a claim in the words small creditors and banks use every day, written for these tests: a sum said
with a dummy subject after the parts ("also sind es jetzt …"), instalments named only as a general policy beside a
full statement, and a loan's original size named in its history."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

D = Decimal


def run(body: str) -> ExtractionResult:
    text = f"Guten Tag,\n\n{body}\n\nMit freundlichen Grüßen\nBuchhaltung"
    return extract(parse_body(text, None), subject="AW: Forderungsanfrage – Kundennummer 77-4410",
                   from_email="buero@maler-kortmann.example", from_name="Malerbetrieb Kortmann")


@pytest.mark.parametrize("sentence", [
    "Die Rechnung lautete auf 842,10 €. Dazu kamen 2 Mahnungen zu je 6,00 €, also sind es jetzt 854,10 €.",
    "Offen war die Schlussrechnung mit 842,10 €, plus 12,00 € Mahnkosten, damit sind es nun 854,10 €.",
    "Die Rechnung über 842,10 € ist bis heute offen. Mit den Mahngebühren sind das jetzt 854,10 €.",
    "Die Forderung beläuft sich einschließlich der bis heute\nentstandenen Mahnkosten auf 854,10 €.",
])
def test_a_sum_said_with_a_dummy_subject_after_the_parts_is_the_total(sentence: str) -> None:
    result = run(sentence)
    assert result.total_amount == D("854.10")
    assert result.amount_is_safe


@pytest.mark.parametrize("policy", [
    "Einer Ratenzahlung stimmen wir nach Prüfung in der Regel zu.",
    "Eine Ratenzahlung bieten wir grundsätzlich an, sprechen Sie uns an.",
    # willing if the running payments go on; the figures in the condition are those payments, no terms
    "Einer Ratenvereinbarung stimmen wir grundsätzlich zu, solange die laufenden Beiträge (monatlich 42,50 €) "
    "weiter eingehen.",
    "Wir sind gern bereit, Raten zu vereinbaren, vorausgesetzt die laufende Pacht kommt ab Mai wieder pünktlich.",
    # the debtor's wish decides, and the only figure is the smallest rate the creditor usually takes
    "Falls Ihre Mandantin in Raten zahlen möchte, bieten wir das üblicherweise ab einer Monatsrate von 25,00 € an.",
    "Should your client wish to settle in instalments, we usually agree to instalments of at least EUR 30 a month.",
])
def test_instalments_named_only_as_a_policy_leave_a_statement_a_statement(policy: str) -> None:
    result = run(f"Offene Rechnungen 310,00 €, Mahngebühren 9,00 €, Gesamt offen: 319,00 €.\n{policy}")
    assert result.intent == "debt_statement"
    assert result.total_amount == D("319.00")


def test_instalments_offered_with_their_figures_stay_an_instalment_offer_even_in_principle() -> None:
    result = run("Offene Rechnungen 310,00 €, Mahngebühren 9,00 €, Gesamt offen: 319,00 €.\n"
                 "Wir bieten grundsätzlich eine Ratenzahlung von 40,00 € monatlich an.")
    assert result.intent == "payment_plan"


@pytest.mark.parametrize("offer", [
    "Wir bieten 8 Monatsraten zu je 40,00 € an, sofern die laufenden Abschläge weiter gezahlt werden.",
    "Wir könnten uns eine monatliche Rate von 40,00 € ab Juni gut vorstellen.",
    "Falls Ihr Mandant es wünscht, bieten wir ihm Raten von 39,00 € monatlich an, erste Rate am 01.06.",
])
def test_an_offer_with_its_own_rate_stays_an_offer_beside_a_condition_or_a_wish(offer: str) -> None:
    result = run(f"Offene Rechnungen 310,00 €, Mahngebühren 9,00 €, Gesamt offen: 319,00 €.\n{offer}")
    assert result.intent == "payment_plan"


def test_the_loans_original_size_in_its_history_is_no_earlier_figure_of_the_claim() -> None:
    result = run("Der Ratenkredit (ursprünglich 6.500,00 EUR, 60 Raten) wurde am 03.02. gekündigt.\n"
                 "Restkapital 4.210,00 EUR\nZinsen 61,40 EUR\nKosten 15,00 EUR\nSumme 4.286,40 EUR")
    assert result.total_amount == D("4286.40")
    assert result.amount_is_safe
    assert next(a.reason for a in result.amounts if a.value == D("6500.00")) == \
        "credit limit or original loan, not the claim"


def test_a_claim_figure_that_was_so_originally_is_still_an_earlier_figure() -> None:
    result = run("Die Forderung betrug ursprünglich 4.500,00 EUR, heute beträgt sie 4.286,40 EUR.")
    assert not result.amount_is_safe


def test_the_whole_arrears_paid_at_once_settle_the_claim() -> None:
    result = run("Herr Sander kam gestern vorbei und hat den gesamten Rückstand von 96,00 € in bar gezahlt. "
                 "Damit ist für uns alles erledigt.")
    assert result.intent == "settled"
    assert result.total_amount == D("0")


def test_the_whole_amount_not_yet_paid_settles_nothing() -> None:
    assert run("Den gesamten Betrag von 96,00 € hat Herr Sander noch nicht gezahlt.").intent != "settled"


def test_the_next_monthly_bill_of_a_running_contract_is_no_claim() -> None:
    result = run("Das Kundenkonto ist ausgeglichen, der Saldo steht auf 0,00 €. Die nächste Monatsrechnung über "
                 "24,99 € buchen wir am 01.08. wie gewohnt ab – ein Rückstand ist das nicht.")
    assert result.intent == "settled"
    assert next(a.reason for a in result.amounts if a.value == D("24.99")) == "future amount, not yet due"


@pytest.mark.parametrize("sentence", [
    "Die Reparatur kostete 1.240,00 €, davon hat Frau Lenz 400,- € bar angezahlt. Offen sind noch 840,00 €.",
    "Rechnungsbetrag 1.240,00 €\nAnzahlung am 02.05.: 400,00 € – Restbetrag 840,00 €",
])
def test_a_down_payment_is_paid_not_owed(sentence: str) -> None:
    result = run(sentence)
    assert next(a.reason for a in result.amounts if a.value == D("400.00")) == "paid amount, not open"
    assert result.total_amount == D("840.00")


def test_instalments_offered_as_the_second_of_two_listed_ways_are_an_instalment_offer() -> None:
    result = run("Gesamtforderung 2.480,00 EUR.\n\nWir bieten Ihrem Mandanten zwei Möglichkeiten an:\n"
                 "1. Einmalzahlung von 1.900,00 EUR bis zum 30.09.\n"
                 "2. Ratenzahlung: 20 Monatsraten zu je 124,00 EUR, erste Rate am 01.10.")
    assert result.intent == "payment_plan"


def test_a_surname_that_begins_like_an_english_offer_offers_nothing() -> None:
    result = run("Kundin: Petra Offermann, Stand der Forderung:\nRestsaldo 310,00 €\nMahnkosten 9,00 €\n"
                 "Gesamtforderung 319,00 €\nDie bisherige Monatsrate betrug 25,00 €.")
    assert result.intent == "debt_statement"
    assert result.amount_is_safe


def test_the_breakdown_of_a_monthly_rent_is_no_rival_even_where_part_of_it_is_an_advance() -> None:
    result = run("Die monatliche Miete beträgt 655,00 € (Grundmiete 510,00 €, Vorauszahlung Betriebskosten 95,00 €, "
                 "Vorauszahlung Heizkosten 50,00 €).\nStand heute beträgt der Rückstand 1.322,50 €; darin sind "
                 "7,50 € Mahngebühren enthalten.")
    assert result.total_amount == D("1322.50")
    assert result.amount_is_safe


def test_the_amount_of_a_land_charge_securing_the_loan_is_no_rival() -> None:
    result = run("Gesamtforderung zum 10.03.: 7.410,20 EUR (Restkapital 7.180,00 EUR, Zinsen 218,20 EUR, Kosten "
                 "12,00 EUR).\nSicherheit: Grundschuld über 30.000,00 EUR auf dem Objekt Lindenweg 3.")
    assert result.total_amount == D("7410.20")
    assert result.amount_is_safe


def test_an_invoice_figure_corrected_after_the_right_one_leaves_the_total_to_a_human() -> None:
    result = run("Korrektur zu meiner Mail von eben: die Rechnung lautet über 842,10 € und nicht über 824,10 €.\n"
                 "Rechnung 842,10 €\nMahngebühren 12,00 €\nGesamt 854,10 €")
    assert result.total_amount == D("854.10")
    assert not result.amount_is_safe

