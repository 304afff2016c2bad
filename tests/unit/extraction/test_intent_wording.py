"""Intent cues in wording of our own: German plan offers, refusals to disclose, conditional 'settled'."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(text: str) -> ExtractionResult:
    return extract(parse_body(text, None), subject="AW: Ihr Schreiben, Az. KW-2026-0100",
                   from_email="service@verein.example", from_name="Sportverein Nord e.V.")


def test_a_willingness_to_take_instalments_is_a_plan_offer() -> None:
    result = run("Offen sind 480,00 €. Wir wären bereit, den Betrag in sechs Raten zu je 80,00 € anzunehmen.")
    assert result.intent == "payment_plan"


def test_meeting_the_client_halfway_with_instalments_is_a_plan_offer() -> None:
    result = run("Der Rückstand beträgt 300,00 €. Gern kommen wir entgegen und akzeptieren drei Monatsraten.")
    assert result.intent == "payment_plan"


def test_a_statement_that_only_mentions_past_instalments_stays_a_statement() -> None:
    result = run("Die Ratenvereinbarung wurde gekündigt, weil zwei Raten ausblieben. Gesamtforderung: 910,00 €.")
    assert result.intent == "debt_statement"


def test_not_being_allowed_to_disclose_is_a_rejection() -> None:
    result = run("Wir sind nicht berechtigt, Ihnen Auskünfte zu Mitgliedskonten zu erteilen.")
    assert result.intent == "rejection"


def test_asking_the_firm_to_stop_writing_is_a_rejection() -> None:
    result = run("Wir regeln das direkt mit unserem Mitglied und bitten, von weiteren Anfragen hierzu abzusehen.")
    assert result.intent == "rejection"


def test_not_allowed_without_a_power_of_attorney_is_still_an_inquiry() -> None:
    result = run("Ohne Vollmacht sind wir nicht berechtigt, Auskünfte zu erteilen. Bitte senden Sie uns die Vollmacht.")
    assert result.intent == "inquiry"


def test_interest_running_until_the_balance_is_cleared_does_not_make_it_settled() -> None:
    result = run("The outstanding balance is EUR 640.00. Interest accrues daily until the balance is paid in full.")
    assert result.intent == "debt_statement"
    assert str(result.total_amount) == "640.00"


def test_german_until_settled_wording_is_conditional_too() -> None:
    result = run("Offener Saldo: 640,00 €. Bis zum vollständigen Ausgleich berechnen wir Verzugszinsen.")
    assert result.intent == "debt_statement"


def test_a_health_insurers_refusal_to_pay_is_the_reason_for_the_bill_not_a_refusal() -> None:
    result = run("Guten Tag,\n\ndie Krankenkasse Ihrer Mandantin hat die Kostenübernahme für den Transport abgelehnt. "
                 "Wir haben ihr die Fahrt daher selbst berechnet.\n\nRechnung vom 02.05.    318,40 €\n"
                 "Mahngebühr               5,00 €\nGesamt                 323,40 €\n\nFreundliche Grüße")
    assert result.intent == "debt_statement"
    assert result.total_amount is not None


def test_the_creditor_refusing_the_firms_request_stays_a_rejection() -> None:
    result = run("Guten Tag,\n\neine Auskunft an Dritte lehnen wir ohne Vollmacht ab.\n\nFreundliche Grüße")
    assert result.intent == "rejection"


def test_a_ticket_receipt_naming_the_price_of_a_reprint_stays_an_automatic_reply() -> None:
    result = run("Hallo,\n\nvielen Dank für Ihre Nachricht. Wir haben sie unter der Vorgangsnummer 55-1029 erfasst und "
                 "melden uns in der Regel innerhalb von zehn Werktagen. Diese E-Mail wurde automatisch verschickt.\n\n"
                 "Übrigens: Eine Zweitschrift Ihrer Rechnung schicken wir Ihnen gern für 3,50 € per Post.\n\n"
                 "Ihr Kundenservice")
    assert (result.intent, result.total_amount) == ("auto_reply", None)


def test_a_shops_statement_naming_the_holder_surname_first_in_capitals_is_about_a_case_not_phishing() -> None:
    result = run("Guten Tag,\n\nauf Ihre Anfrage zum Kundenkonto OSTERKAMP, LINNEA erhalten Sie die offenen Posten:\n\n"
                 "Rechnung 4410   120,00 €\nMahngebühr        5,00 €\nOffener Saldo   125,00 €\n\n"
                 "Jetzt bezahlen: https://shop.example/zahlen\n\nIhr Kundenservice")
    assert result.intent == "debt_statement"
    assert result.client_name == "Linnea Osterkamp"


def test_a_settlement_still_to_come_settles_nothing_yet() -> None:
    for text in ("Guten Tag,\n\nmit Eingang der vereinbarten Zahlung ist das Kundenkonto ausgeglichen.\n\nGrüße",
                 "Guten Tag,\n\nwerden die offenen Beiträge gezahlt, ist das Konto ausgeglichen.\n\nGrüße",
                 "Guten Tag,\n\nwir verzichten auf die Restforderung unter der Voraussetzung, dass alle Gläubiger "
                 "zustimmen.\n\nGrüße"):
        assert run(text).intent != "settled", text
    assert run("Guten Tag,\n\ndas Kundenkonto ist ausgeglichen.\n\nGrüße").intent == "settled"


def test_a_person_confirming_receipt_who_asks_the_firm_to_confirm_something_asks() -> None:
    result = run("Sehr geehrte Damen und Herren,\n\nwir bestätigen den Eingang Ihrer Anfrage. Ihr Mandant hat bei uns "
                 "zwei Verträge. Bitte bestätigen Sie uns, ob Ihr Mandat beide umfasst; danach erhalten Sie unsere "
                 "Aufstellung.\n\nMit freundlichen Grüßen\nSachbearbeitung Kredite")
    assert result.intent == "inquiry"


def test_a_fine_paid_in_full_with_no_further_claims_is_settled() -> None:
    result = run("Guten Tag,\n\ndas Bußgeld über 35,00 EUR ist am 02.04. vollständig bei uns eingegangen. Der Vorgang "
                 "ist damit abgeschlossen. Weitere Forderungen gegenüber Ihrem Mandanten bestehen bei uns nicht.\n\n"
                 "Ihr Team Verwarngelder")
    assert (result.intent, result.total_amount) == ("settled", Decimal("0"))


def test_instalments_offered_without_terms_to_be_talked_over_leave_a_statement() -> None:
    for text in ("Offen sind 480,00 €. Eine Ratenzahlung können wir gern anbieten; sprechen Sie uns einfach an.",
                 "Offen sind 480,00 €. Bei Interesse bieten wir Ihrer Mandantin auch Teilzahlungen an."):
        assert run(text).intent == "debt_statement", text
    with_terms = run("Offen sind 480,00 €. Wir bieten sechs Raten zu je 80,00 € an; sprechen Sie uns an.")
    assert with_terms.intent == "payment_plan"
