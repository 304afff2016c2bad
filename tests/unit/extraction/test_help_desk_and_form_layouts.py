"""Layouts of systems rather than people, in wording written for these tests: a help desk's ticket thread (newest
comment on top, its own acknowledgement and the firm's letter below) and a form that gives label, currency and
figure a line each."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

TICKET = """##- Please type your reply above this line -##

Your request 55120 has been updated.

------------------------------------------

Timo Brandt (Nordwind Energie AG)
Mar 3, 2031, 2:12 PM

Guten Tag Frau Albers,

für das Kundenkonto 301 884 ist noch ein Gesamtbetrag von 518,40 € offen.

Viele Grüße
Timo Brandt

------------------------------------------

Nordwind Energie AG
Feb 24, 2031, 8:03 AM

Vielen Dank für Ihre Nachricht! Ihr Anliegen wurde unter der Ticketnummer 55120 erfasst. Die Bearbeitungszeit
beträgt derzeit bis zu zehn Werktage.

------------------------------------------

Kanzlei Albers
Feb 24, 2031, 8:02 AM

Nach unseren Unterlagen beträgt Ihre Forderung 702,40 EUR."""


def run(text: str) -> ExtractionResult:
    return extract(parse_body(text, None), subject="Re: Forderungsanfrage", from_email="service@nordwind.example",
                   from_name="Nordwind Energie AG")


def test_a_ticket_threads_newest_comment_is_read_not_the_desks_old_acknowledgement() -> None:
    result = run(TICKET)
    assert result.intent == "debt_statement"
    assert result.total_amount == Decimal("518.40")


def test_label_currency_and_figure_on_lines_of_their_own_are_read_together() -> None:
    result = run("Guten Tag,\n\nHauptforderung\nEUR\n2.410,00\n\nZinsen\nEUR\n96,30\n\nGesamtforderung zum 01.03.2031\n"
                 "EUR\n2.506,30\n\nMit freundlichen Grüßen\nNordwind Energie AG")
    assert result.total_amount == Decimal("2506.30")
    assert result.components.get("principal") == Decimal("2410.00")


def test_marketing_to_a_lawyer_of_the_firm_by_name_is_spam_not_a_case() -> None:
    text = ("Hallo Herr Albers,\n\nIhre Kanzlei-Website verliert Mandanten an die Mitbewerber. Unser Paket für "
            "Kanzleien kostet 299,00 € mtl., keine Mindestlaufzeit.\n\nBeste Grüße\nWebwerk Agentur\n\n"
            "Keine Nachrichten mehr? Antworten Sie mit „Abmelden“.")
    result = extract(parse_body(text, None), subject="Herr Albers, mehr Mandanten für Ihre Kanzlei?",
                     from_email="info@webwerk.example", from_name="Webwerk Agentur",
                     to="info@kanzlei-albers.example")
    assert result.intent == "spam"


def test_instalments_agreed_in_dialect_are_a_payment_plan() -> None:
    text = ("Griaß Gott,\n\nder Herr Moser hot bei uns no 840,00 € offen. Mir ham ausgmacht, dass er ab Juni jeden "
            "Monat 70 € überweist, bis ois zahlt is.\n\nPfiat Eahna\nSchreinerei Huber")
    result = extract(parse_body(text, None), subject="AW: Forderungsanfrage Moser", from_email="info@huber.example",
                     from_name="Schreinerei Huber")
    assert result.intent == "payment_plan"
