"""Statements as collection agencies and utilities lay them out, written for these tests: payments taken off with
the bookkeeper's "./.", advance payments named by their month in a list of what is open, a larger figure in euro
said to be today's below a list whose item names a "Restbetrag", and a refusal to deal with anyone but the debtor."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

D = Decimal


def run(body: str) -> ExtractionResult:
    return extract(parse_body(f"Guten Tag,\n\n{body}\n\nMit freundlichen Grüßen\nForderungsmanagement", None),
                   subject="AW: Ihre Anfrage – Kundennummer 51-7730", from_email="fm@stadtwerke-ohlen.example",
                   from_name="Stadtwerke Ohlen")


def test_payments_taken_off_with_the_bookkeepers_minus_leave_the_remainder_as_the_claim() -> None:
    result = run("Hauptforderung                     480,00\nZinsen                              12,40\n"
                 "Inkassokosten                       54,00\n                                  ------\n"
                 "Summe                              546,40\n./. Zahlung 03.02.                  40,00\n"
                 "./. Zahlung 03.03.                  40,00\n                                  ======\n"
                 "Restforderung EUR                  466,40")
    assert result.total_amount == D("466.40")
    assert result.amount_is_safe


def test_advance_payments_named_by_their_month_in_a_list_of_what_is_open_count_in_its_sum() -> None:
    result = run("Offen sind derzeit:\n- Jahresabrechnung 2064: 212,30 EUR\n- Abschlag Februar: 38,00 EUR\n"
                 "- Abschlag März: 38,00 EUR\n- Mahnkosten: 2,50 EUR\n\nZusammen sind das 290,80 EUR. "
                 "Ab April beträgt der Abschlag 41,00 EUR.")
    assert result.total_amount == D("290.80")
    assert next(found for found in result.amounts if found.value == D("41.00")).rejected


def test_a_larger_figure_said_to_be_todays_below_a_list_with_a_restbetrag_keeps_the_reply_for_a_human() -> None:
    result = run("Bei Herrn Ulm ist offen:\n- Abschläge Dezember bis März 4 x 52,-\n"
                 "- Restbetrag Jahresabrechnung 2064 vom 12.1. 96,40\n- Mahngebühren 2 x 2,50\n\n"
                 "Stand heute sind das 309,40 Euro.")
    assert not result.amount_is_safe


def test_a_refusal_to_tell_anyone_but_the_member_even_with_a_power_of_attorney_is_a_rejection() -> None:
    result = run("Auskunft zu Beitragskonten bekommt grundsätzlich nur das Mitglied selbst, an der Theke; daran "
                 "ändert auch die beigefügte Vollmacht nichts.")
    assert result.intent == "rejection"


def test_a_class_of_claims_by_size_names_no_claim() -> None:
    result = run("Über Vergleiche bei Forderungen ab 2.500,00 € entscheidet bei uns der Vorstand; er tagt am 12.05.")
    assert result.total_amount is None


def test_a_claim_named_with_its_amount_after_ueber_is_still_the_claim() -> None:
    result = run("Unsere Forderung über 2.500,00 € ist weiterhin in voller Höhe offen.")
    assert result.total_amount == D("2500.00")


def test_the_whole_paid_in_at_the_cash_desk_settles_the_account() -> None:
    result = run("Offen waren zuletzt die Hundesteuer 2066 mit 120,00 EUR und eine Mahngebühr von 5,00 EUR. Ihr "
                 "Mandant hat den Gesamtbetrag von 125,00 EUR am 02.03. bar an der Stadtkasse eingezahlt. Das Konto "
                 "ist seitdem ausgeglichen.")
    assert result.intent == "settled"
    assert result.total_amount == D("0")
    assert "paid" in (next(found for found in result.amounts if found.value == D("125.00")).reason or "")


def test_one_payment_named_beside_the_rate_it_was_taken_in_makes_the_remainder_the_claim() -> None:
    result = run("Oktober bis Dezember   3 x 300,00 EUR      900,00 EUR\nJanuar bis März        3 x 300,00 EUR      "
                 "900,00 EUR\nRückforderung gesamt                       1.800,00 EUR\n\n"
                 "Seit Januar wird die Rückforderung mit dem laufenden Kindergeld in Höhe\n"
                 "der Hälfte des Anspruchs (100,00 EUR) aufgerechnet. Bis einschließlich März wurden\n"
                 "auf diesem Weg 300,00 EUR getilgt.\n\nDie Restforderung beträgt damit 1.500,00 EUR.")
    assert result.total_amount == D("1500.00")


def test_the_balance_charged_to_the_debtor_of_court_costs_is_a_balance_not_a_cost() -> None:
    result = run("Gebühr Kostenrechnung | 70,00\nAuslagen Sachverständiger | 274,60\n"
                 "Saldo zu Lasten der Kostenschuldnerin am 29.03. | 344,60 EUR")
    assert result.total_amount == D("344.60")


def test_a_claim_handed_to_an_inkasso_service_and_no_figure_given_is_a_referral() -> None:
    result = run("Die Erstattungsforderung wurde an den Inkasso-Service der Bundesagentur zur Einziehung abgegeben. "
                 "Eine Auskunft über die aktuelle Höhe der Forderung kann ich Ihnen daher nicht erteilen.")
    assert result.intent == "rejection"
