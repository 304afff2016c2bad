"""Claims and decisions sent in attachments, in documents written for these tests: an old reminder sent again, an
instalment offer in the attachment only, a signed letter that decides otherwise than the mail, and a form for
another client."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.services.attachments.result import AttachmentText, TextSegment
from app.services.extraction import extract, plan_reply
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("300.00"), "quota_percent": D("10"), "monthly_rate": D("5.00"), "months": D("60")}


def pdf(name: str, *lines: str) -> AttachmentText:
    return AttachmentText(filename=name, status="ok", detected_type="pdf",
                          segments=[TextSegment(location=f"page 1, line {n}", text=line)
                                    for n, line in enumerate(lines, start=1)])


def run(attachment: AttachmentText, received_on: date = date(2034, 9, 20)) -> ExtractionResult:
    return extract(parse_body("Guten Tag,\n\nanbei die gewünschte Unterlage.\n\nGrüße\nBuchhaltung", None),
                   subject="AW: Anfrage", from_email="buchhaltung@werkstatt-ohm.example", from_name=None,
                   attachments=[attachment], received_on=received_on)


REMINDER = ("Werkstatt Ohm GmbH · Ringstraße 4 · 57631 Tessenbach", "Herrn Paul Riedl",
            "Tessenbach, {day}", "2. Mahnung zu Rechnung 2034-118", "Rechnungsbetrag 640,00 €",
            "Mahngebühr 5,00 €", "Gesamtbetrag 645,00 €")


def test_a_reminder_dated_months_before_the_mail_is_not_todays_claim() -> None:
    result = run(pdf("Mahnung.pdf", *(line.format(day="12.05.2034") for line in REMINDER)))
    assert result.total_amount == D("645.00")
    assert not result.amount_is_safe
    assert any("dated 12.05.2034" in reason for reason in result.amount_safety_reasons)


def test_a_statement_dated_days_before_the_mail_is_current() -> None:
    result = run(pdf("Mahnung.pdf", *(line.format(day="15.09.2034") for line in REMINDER)))
    assert result.amount_is_safe


def test_an_instalment_offer_only_in_the_attachment_is_the_clients_to_decide() -> None:
    result = run(pdf("Angebot.pdf", "Angebot einer Ratenzahlung – Rechnung 2034-118",
                     "Die offene Forderung von 645,00 € kann in 5 Monatsraten zu je 129,00 € beglichen werden."))
    assert not result.amount_is_safe
    assert any("offers instalments" in reason for reason in result.amount_safety_reasons)


def read_plan(body: str, attachment: AttachmentText) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(f"Guten Tag,\n\n{body}\n\nGrüße\nKreditbank", None), plan_figures=PLAN,
                           attachments=[attachment], letter_references=["RW-34-0512", "KB-7731"],
                           client_name="Jana Lindqvist")


def test_a_signed_letter_that_refuses_beside_a_mail_that_agrees_is_doubted() -> None:
    letter = pdf("Stellungnahme.pdf", "Schuldenbereinigungsplan Jana Lindqvist – Az. RW-34-0512",
                 "Dem Plan stimmen wir nicht zu.")
    reading = read_plan("wir stimmen dem Plan zu, siehe auch das beigefügte Schreiben.", letter)
    assert reading.decision == "accepted"
    assert any("says declined" in doubt for doubt in reading.doubts)


def test_a_form_in_the_attachment_for_another_client_is_doubted() -> None:
    form = pdf("Antwort.pdf", "Schuldenbereinigungsplan Lutz Ebbinghaus – Az. RW-34-0598",
               "[X] Wir lehnen den Plan ab.")
    reading = read_plan("anbei unsere Stellungnahme.", form)
    assert reading.decision == "declined"
    assert any("another letter" in doubt for doubt in reading.doubts)


def test_the_firms_own_letter_sent_back_as_an_attachment_names_the_firms_figure() -> None:
    letter = pdf("Ihr_Schreiben.pdf", "Sehr geehrte Damen und Herren,",
                 "nach unseren Unterlagen beläuft sich Ihre Forderung auf 2.180,00 EUR.",
                 "Laut den Unterlagen unserer Mandantin stehen bei Ihnen 2.180,00 EUR offen.")
    statement = pdf("Kontoauszug.pdf", "Mietkonto 12-04", "Miete Juli 1.090,00 €", "Miete August 1.090,00 €",
                    "Mahnkosten 69,18 €", "Gesamt 2.249,18 €")
    result = extract(parse_body("Guten Tag,\n\nanbei Ihr Schreiben und unser Kontoauszug.\n\nGrüße", None),
                     subject="AW: Anfrage", from_email="miete@hausverwaltung-ost.example", from_name=None,
                     attachments=[letter, statement])
    assert result.total_amount == D("2249.18")
    assert result.amount_is_safe


def test_a_contracts_value_named_in_brackets_is_not_owed() -> None:
    result = run(pdf("Aufstellung.pdf", "Finanzierungsvertrag FV 2231 (Einbauküche, Kaufpreis 6.400,00 €)",
                     "Restsaldo 3.910,00 €", "Zinsen 42,10 €", "Gesamtforderung 3.952,10 €"))
    assert result.total_amount == D("3952.10")
    assert result.amount_is_safe


def test_a_price_first_in_a_bracketed_breakdown_is_still_a_part() -> None:
    result = run(pdf("Aufstellung.pdf", "Kundenkonto 4471",
                     "Offene Forderung 915,40 € (Kaufpreis 880,00 €, Mahnkosten 35,40 €)"))
    assert result.components.get("principal") == D("880.00")


def test_the_firms_letter_sent_back_with_its_verb_first_is_no_claim_of_the_creditors() -> None:
    letter = pdf("Ihr_Schreiben_zurueck.pdf", "Forderungsanfrage – Ina Vosskamp",
                 "Laut unserer Akte beträgt Ihre Forderung 1.204,77 EUR.",
                 "Bitte teilen Sie uns die aktuelle Höhe Ihrer Forderung mit.")
    result = extract(parse_body("Guten Tag,\n\nohne unterschriebene Vollmacht erteilen wir keine Auskunft. Ihr "
                                "Schreiben erhalten Sie anbei zurück.\n\nGrüße\nBankhaus Lind", None),
                     subject="Ihre Anfrage", from_email="service@bankhaus-lind.example", from_name=None,
                     attachments=[letter])
    assert result.total_amount is None
    assert not result.amount_is_safe


def _with_body(body: str, attachment: AttachmentText) -> ExtractionResult:
    return extract(parse_body(body, None), subject="Ihre Anfrage – Rechnung 2034-118",
                   from_email="service@abrechnung-ohm.example", from_name=None, attachments=[attachment],
                   received_on=date(2034, 9, 20))


def test_a_bill_paid_in_full_with_the_old_reminder_enclosed_is_settled() -> None:
    result = _with_body("Sehr geehrte Damen und Herren,\n\ndie o. g. Rechnung wurde am 02.09.2034 vollständig "
                        "ausgeglichen. Ein offener Betrag besteht nicht mehr.\n\nZur Information fügen wir die "
                        "Zahlungserinnerung in Kopie bei.\n\nMit freundlichen Grüßen",
                        pdf("Zahlungserinnerung.pdf", *(line.format(day="04.08.2034") for line in REMINDER)))
    assert (result.intent, result.total_amount) == ("settled", Decimal("0.00"))


def test_a_figure_only_in_an_attachment_beside_a_payment_the_mail_reports_is_never_safe() -> None:
    # the mail reports a payment in words no rule reads as the claim's; the enclosed reminder still shows a balance
    result = _with_body("Guten Tag,\n\nder Betrag ist am 02.09.2034 beglichen worden, anbei unsere Unterlagen.\n\n"
                        "Grüße", pdf("Mahnung.pdf", *(line.format(day="12.09.2034") for line in REMINDER)))
    assert not result.amount_is_safe
