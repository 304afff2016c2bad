"""Each intent class is recognised from German wording, with the reasons that decided it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(text: str, *, subject: str = "AW: Forderungsanfrage Max Muster", sender: str = "info@glaeubiger.example"
        ) -> ExtractionResult:
    return extract(parse_body(text, None), subject=subject, from_email=sender, from_name="Gläubiger GmbH")


def test_a_stated_total_is_a_debt_statement() -> None:
    result = run("Guten Tag,\ndie offene Forderung beträgt 1.450,00 EUR.\nMit freundlichen Grüßen")
    assert result.intent == "debt_statement"
    assert result.intent_reasons == ["a current total is stated"]


def test_an_instalment_offer_is_a_payment_plan_and_the_rate_is_not_the_total() -> None:
    result = run("Wir bieten Ihrer Mandantin eine Ratenzahlung an: 8 Monatsraten zu je 81,54 €.\n"
                 "Die Forderung beläuft sich insgesamt auf 652,32 €.")
    assert result.intent == "payment_plan"
    assert result.total_amount == Decimal("652.32")
    assert not result.amount_is_safe


def test_an_agreed_monthly_rate_of_the_original_loan_is_no_payment_plan() -> None:
    result = run("Vereinbarte Monatsrate: 289,00 €\nGesamtforderung 12.873,55 €")
    assert result.intent == "debt_statement"


def test_paid_in_full_is_settled_with_total_zero_even_when_the_paid_amount_is_named() -> None:
    result = run("Der Betrag in Höhe von 318,00 € ist am 28.08.2026 vollständig bei uns eingegangen.\n"
                 "Es bestehen keine offenen Forderungen mehr.")
    assert result.intent == "settled"
    assert result.total_amount == Decimal("0.00")
    assert result.components == {}


def test_a_zero_balance_with_settled_wording_is_settled() -> None:
    result = run("Das Kundenkonto ist ausgeglichen.\nAktueller Kontostand: 0,00 €")
    assert result.intent == "settled"
    assert result.intent_reasons[0] == "the whole account is settled and no remainder is named"


def test_a_partial_payment_with_a_remaining_claim_is_not_settled() -> None:
    result = run("Eine Zahlung über 100,00 EUR ist vollständig eingegangen. "
                 "Die Restforderung beläuft sich auf 671,35 EUR.")
    assert result.intent == "debt_statement"
    assert result.total_amount == Decimal("671.35")


def test_declining_to_give_figures_and_referring_to_an_agency_is_a_rejection() -> None:
    result = run("Die Forderung haben wir an unseren Inkassopartner abgegeben. Wir können Ihnen daher keine "
                 "Auskunft zur Höhe der Forderung erteilen. Bitte wenden Sie sich direkt an die Agentur.")
    assert result.intent == "rejection"
    assert result.total_amount is None


@pytest.mark.parametrize("text", [
    "Es gilt das Sozialgeheimnis. Zahlen zur Erstattungsforderung oder zu Aufrechnungen nennen wir Ihnen deshalb "
    "nicht.",
    "Eine Weitergabe dieser Daten an Ihre Kanzlei ist uns gesetzlich nicht gestattet.",
])
def test_withholding_the_figures_on_a_legal_ground_is_a_rejection(text: str) -> None:
    result = run(text)
    assert result.intent == "rejection"
    assert result.total_amount is None


def test_instalments_the_creditor_would_talk_about_on_a_proposal_are_no_plan_of_its_own() -> None:
    result = run("Der Kontostand zu unseren Gunsten beträgt 640,20 EUR. Über Raten mit bis zu 8 Monatsraten sprechen "
                 "wir gern, falls Sie uns einen Vorschlag übermitteln.")
    assert result.intent == "debt_statement"
    assert result.total_amount == Decimal("640.20")


def test_refusing_the_settlement_plan_is_a_rejection_even_with_an_amount() -> None:
    result = run("Den vorgeschlagenen Schuldenbereinigungsplan lehnen wir ab. Unsere Forderung beträgt 3.400,00 EUR.")
    assert result.intent == "rejection"
    assert not result.amount_is_safe


def test_asking_for_a_signed_power_of_attorney_is_an_inquiry() -> None:
    result = run("Die beigefügte Vollmacht ist leider nicht unterzeichnet. Bitte senden Sie uns eine unterschriebene "
                 "Vollmacht zu.")
    assert result.intent == "inquiry"
    assert result.total_amount is None


def test_asking_for_the_birth_date_is_an_inquiry() -> None:
    assert run("Zur Zuordnung benötigen wir das Geburtsdatum Ihres Mandanten.").intent == "inquiry"


def test_out_of_office_subject_is_an_auto_reply_and_never_a_claim() -> None:
    result = run("Ich bin bis 12.09.2026 nicht im Hause. Offener Betrag laut System: 50,00 EUR.",
                 subject="Automatische Antwort: Forderungsanfrage Max Muster")
    assert result.intent == "auto_reply"
    assert result.total_amount is None
    assert all(found.rejected for found in result.amounts)


def test_ticket_acknowledgement_in_the_body_is_an_auto_reply() -> None:
    result = run("Dies ist eine automatisch erstellte Nachricht. Ihr Anliegen wird schnellstmöglich bearbeitet.",
                 subject="[Ticket#123] Ihre Anfrage")
    assert result.intent == "auto_reply"


def test_out_of_office_body_without_subject_marker_is_an_auto_reply() -> None:
    result = run("Vielen Dank für Ihre E-Mail. Ich bin bis zum 15.09.2026 nicht im Büro.", subject="Re: Anfrage")
    assert result.intent == "auto_reply"


def test_a_ticket_number_in_a_reply_subject_does_not_make_a_statement_an_auto_reply() -> None:
    result = run("Gesamtforderung EUR 1.236,42", subject="AW: [Ticket#2026090100417] Forderungsanfrage Max Muster")
    assert result.intent == "debt_statement"


def test_marketing_mail_without_references_is_spam() -> None:
    result = run("Sichern Sie sich jetzt 20 % Rabatt auf alle Druckerpatronen! Nur 19,99 €.\nNewsletter abbestellen",
                 subject="Nur heute: Rabatt", sender="news@shop.example")
    assert result.intent == "spam"
    assert result.total_amount is None


def test_intent_is_read_from_the_reply_not_from_quoted_history() -> None:
    result = run("Wir haben Ihre Nachricht an die zuständige Abteilung weitergeleitet und melden uns.\n\n"
                 "-----Ursprüngliche Nachricht-----\nVon: Kanzlei\nBitte bieten Sie eine Ratenzahlung an. "
                 "Forderung 500,00 EUR")
    assert result.intent == "auto_reply"


def test_a_zero_balance_alone_is_settled() -> None:
    result = run("Das Konto weist einen Saldo von 0,00 € aus.")
    assert result.intent == "settled"
    assert result.total_amount == Decimal("0.00")


def test_settled_wording_inside_a_condition_is_not_settled() -> None:
    result = run("Wir betrachten die Angelegenheit als erledigt, sofern Sie bis zum 31.10.2026 einen Betrag "
                 "von 300,00 € zahlen. Die Gesamtforderung beträgt 900,00 €.")
    assert result.intent != "settled"


def test_an_english_paid_in_full_reply_is_settled() -> None:
    assert run("The account has been paid in full. There is no outstanding balance.", subject="RE: Inquiry").intent == (
        "settled")


def test_a_claim_sold_to_another_company_is_a_rejection() -> None:
    result = run("Die Forderung wurde an die Creditreform Musterstadt verkauft. Wir sind daher nicht mehr zuständig.")
    assert result.intent == "rejection"


@pytest.mark.parametrize("text", [
    "Das Konto wurde zum 01.02. an einen Forderungskäufer übertragen. Zuständig ist jetzt die Nordkap Finanz AG, "
    "der wir Ihr Schreiben weitergeleitet haben.",
    "Zuständig sind inzwischen unsere Kollegen der Abwicklung in Bremen; wir haben Ihre Anfrage weitergeleitet.",
])
def test_a_note_that_someone_else_now_holds_the_case_is_a_rejection_not_an_automatic_note(text: str) -> None:
    assert run(text).intent == "rejection"


@pytest.mark.parametrize("text", [
    "Meine Buchhalterin ist bis Ende des Monats im Urlaub. Ich bitte darum, die Frist um drei Wochen zu verlängern.",
    "Wir bitten um Fristverlängerung bis zum 30.06., da die Akte im Archiv liegt.",
    "Could you please extend the deadline by two weeks? Our accountant is on holiday.",
])
def test_asking_for_more_time_is_a_request_to_the_firm_even_beside_someone_on_holiday(text: str) -> None:
    assert run(text).intent == "inquiry"


def test_a_human_forwarding_note_without_figures_is_an_acknowledgement() -> None:
    result = run("Wir haben den Vorgang an unsere Rechtsabteilung weitergeleitet, die sich bei Ihnen melden wird.")
    assert result.intent == "auto_reply"
    assert result.total_amount is None


def test_a_phishing_style_mail_with_an_amount_and_no_reference_is_spam() -> None:
    result = run("Ihre Rechnung über 49,99 € ist offen. Klicken Sie hier, um jetzt zu bezahlen.",
                 subject="Zahlungserinnerung", sender="billing@unknown.example")
    assert result.intent == "spam"
    assert result.total_amount is None


@pytest.mark.parametrize(("text", "subject"), [
    ("Good morning, a transfer of EUR 2,310.00 to your company has been approved. The payment confirmation is "
     "waiting in our online document room; the link expires in 48 hours and asks you to sign in with your Outlook "
     "password.", "Payment confirmation TX-88210"),
    ("Guten Tag, für Sie liegt ein Zahlungsavis bereit. Aus Sicherheitsgründen verfällt der Abruflink in 12 Stunden; "
     "melden Sie sich dort mit Ihrem E-Mail-Passwort an.", "Zahlungsavis 5521"),
])
def test_a_document_link_that_expires_and_wants_the_mail_password_is_spam(text: str, subject: str) -> None:
    result = run(text, subject=subject, sender="notice@docroom-secure.example")
    assert result.intent == "spam"
    assert result.total_amount is None


def test_a_conditional_refusal_without_power_of_attorney_is_an_inquiry() -> None:
    assert run("Ohne Vorlage einer Vollmacht können wir Ihnen leider keine Auskunft erteilen.").intent == "inquiry"


def test_a_clerks_forwarded_note_to_the_firms_routing_address_is_about_a_case() -> None:
    # The clerk's surname sits in the mailbox and the routing id is in a shape the default pattern does not know.
    result = extract(parse_body("Den Vorgang habe ich übernommen; wir melden uns kurzfristig.", None),
                     subject="WG: Schuldenbereinigungsplan (KE31-0207)",
                     from_email="h.wendelin@stromwerk-tannau.example", from_name="Hanna Wendelin",
                     to="post+KE31-0207@kanzlei.example")
    assert result.intent != "spam"
    assert not any("phishing" in reason or "display name" in reason for reason in result.intent_reasons)


def test_a_private_persons_short_answer_to_the_firms_letter_is_not_spam() -> None:
    result = run("Hallo, Ihren Brief wegen Frau Kessebohm habe ich gelesen. Von mir aus geht das in Ordnung.",
                 subject="Frau Kessebohm", sender="r.lindqvist@webpost.example")
    assert result.intent != "spam"


def test_a_letterbox_offer_without_any_case_stays_spam() -> None:
    result = run("Ihr Briefkasten quillt über? Schauen Sie sich unsere neuen Paketboxen an.",
                 subject="Neu im Shop", sender="news@boxenversand.example")
    assert result.intent == "spam"


def test_an_offer_to_the_firm_as_holder_of_a_web_address_is_spam() -> None:
    result = run("Sehr geehrte Webseiteninhaberin,\nohne rechtzeitige Verlängerung sind Ihre Domain und Ihre "
                 "E-Mail-Adressen nicht mehr erreichbar.\nRechnungsnummer NV-5521, Betrag 24,90 € sofort fällig.",
                 subject="Ablauf Ihrer Domain", sender="service@netzadressen-verwaltung.example")
    assert result.intent == "spam"
    assert result.total_amount is None
