"""Wordings written for these tests: a ticket system's status field that refuses nothing, a contact courtesy that
asks nothing, instalments in arrears that are part of the claim, a bill named in brackets beside the open balance,
and a remainder that holds only once a payment arrives."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract, plan_reply
from app.services.extraction.intent import is_bounce
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("540.00"), "quota_percent": D("9"), "monthly_rate": D("7.50"), "months": D("72")}


def run(body: str, subject: str = "AW: Ihre Anfrage zur Forderung") -> ExtractionResult:
    text = f"Guten Tag,\n\n{body}\n\nMit freundlichen Grüßen\nKundenservice"
    return extract(parse_body(text, None), subject=subject, from_email="service@tarvis-telekom.example",
                   from_name="Tarvis Telekom")


def read_plan(body: str, subject: str = "AW: Schuldenbereinigungsplan") -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(f"Guten Tag,\n\n{body}\n\nMit freundlichen Grüßen\nTarvis Telekom", None),
                           subject=subject, plan_figures=PLAN)


TICKET = ("Ihre Anfrage 88-20417 wurde bearbeitet.\n\nVorheriger Status: offen\nNeuer Status: abgelehnt\n"
          "Hinweis: doppelt erfasst, die Bearbeitung erfolgt unter Vorgang 88-20391.\n\n"
          "Diese Nachricht wurde automatisch versandt.")


def test_a_ticket_status_field_is_no_refusal() -> None:
    assert run(TICKET).intent == "auto_reply"


@pytest.mark.parametrize("subject", ["AW: Schuldenbereinigungsplan", "[Vorgang 88-20417] Statusänderung: abgelehnt"])
def test_a_ticket_status_field_decides_no_plan(subject: str) -> None:
    assert read_plan(TICKET, subject).decision not in ("declined", "accepted")


def test_a_refusal_beside_a_status_field_still_refuses() -> None:
    reading = read_plan("Bearbeitungsstatus: erledigt\n\nDen Schuldenbereinigungsplan lehnen wir ab.")
    assert reading.decision == "declined"


@pytest.mark.parametrize("courtesy", [
    "Bei Rückfragen erreichen Sie unser Team unter 0800 555 1200.",
    "Bei Rückfragen: Telefon 0800 555 1200 (werktags).",
    "Bei Rückfragen wenden Sie sich bitte an Herrn Olbrich.",
])
def test_a_contact_courtesy_asks_for_nothing(courtesy: str) -> None:
    assert read_plan(f"Dem Plan stimmen wir zu.\n\n{courtesy}").doubts == []
    assert read_plan(courtesy).decision != "needs_info"


def test_the_creditors_own_questions_still_ask() -> None:
    assert read_plan("Zu der Quote haben wir noch Rückfragen, bevor wir entscheiden.").decision == "needs_info"


def test_instalments_in_arrears_are_part_of_the_claim() -> None:
    result = run("Kreditkonto 7720-14:\n"
                 "Rückständige Raten 02/2030 bis 04/2030 (3 Raten) 441,00 EUR\n"
                 "Restschuld nach Kündigung 5.210,00 EUR\n"
                 "Verzugszinsen 31,15 EUR\n"
                 "Gesamtforderung 5.682,15 EUR")
    assert result.total_amount == D("5682.15")
    assert result.amount_is_safe
    assert next(a for a in result.amounts if a.value == D("441.00")).reason is None


def test_a_future_monthly_instalment_is_still_no_claim() -> None:
    result = run("Wir bieten eine monatliche Rate von 60,00 EUR an. Die Gesamtforderung beträgt 1.380,00 EUR.")
    assert next(a for a in result.amounts if a.value == D("60.00")).rejected


def test_a_bill_named_in_brackets_leaves_the_open_balance_its_label() -> None:
    result = run("Offener Betrag Kundenkonto 55-190 (Endabrechnung vom 14.02.2030): 286,70 €")
    assert result.total_amount == D("286.70")
    assert result.amount_is_safe


def test_a_bill_outside_brackets_still_names_the_principal() -> None:
    result = run("Rechnungsbetrag (offen seit März) 286,70 €\nMahngebühr 5,00 €\nGesamtbetrag 291,70 €")
    assert next(a for a in result.amounts if a.value == D("286.70")).label == "principal"


def test_a_remainder_once_a_payment_arrives_is_not_owed_now() -> None:
    result = run("Offen sind derzeit 930,00 €. Eine Überweisung über 150,00 € ist angekündigt, aber noch nicht da. "
                 "Sobald sie eingeht, verbleiben 780,00 €.")
    assert result.total_amount == D("930.00")
    assert next(a for a in result.amounts if a.value == D("780.00")).rejected


@pytest.mark.parametrize("subject", ["Undelivered Mail Returned to Sender", "Returned mail: see transcript for details",
                                     "Failure Notice"])
def test_a_bounce_is_an_automatic_note(subject: str) -> None:
    body = ("This is the mail system at host mx1.tarvis.example.\n\nYour message could not be delivered.\n\n"
            "> Nach unseren Unterlagen beläuft sich Ihre Forderung auf 640,00 EUR.")
    assert run(body, subject=subject).intent == "auto_reply"


def test_only_a_delivery_report_is_a_bounce() -> None:
    assert is_bounce("Unzustellbar: AW: Ihre Anfrage")
    assert not is_bounce("Automatische Antwort: Ihre Anfrage")


def test_the_polite_subjunctive_of_what_is_owed_is_owed_now() -> None:
    result = run("Offen ist die Rechnung 2207 über 310,00 € und eine Mahngebühr von 4,00 €.\n\n"
                 "Zu zahlen wären insgesamt 314,00 €.")
    assert result.total_amount == D("314.00")
    assert result.amount_is_safe


def test_a_sum_that_would_apply_on_a_condition_is_still_not_owed_now() -> None:
    result = run("Die Forderung beträgt 314,00 €. Bei Zahlung bis zum 30.06. wären nur 290,00 € zu zahlen.")
    assert next(a for a in result.amounts if a.value == D("290.00")).rejected


def test_a_premium_row_is_the_principal_of_an_insurers_statement() -> None:
    result = run("Beitragskonto KF-2231:\n    Jahresbeitrag 2033      412,80 EUR\n"
                 "    Mahnkosten                5,00 EUR\n    zu zahlen               417,80 EUR")
    assert result.components.get("principal") == D("412.80")
    assert result.amount_is_safe
