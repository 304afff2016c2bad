"""A mail between the sender's colleagues that the sender says it passes on is the creditor's own text; a
colleague's request below the sender's own answer, and a forwarded mail to or from anyone else, stay quoted
history."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.parsing import parse_body

TOP = ("Guten Tag,\n\nnachstehend die Auskunft unserer Fachabteilung.\n\nMit freundlichen Grüßen\n"
       "Poststelle\nStadtwerke Lindau-Nord\n\n")
INTERNAL = ("-----Original Message-----\nFrom: Forderungen Team B <forderungen@stadtwerke-lindau.example>\n"
            "Sent: Tuesday, 4 May 2027 10:12\nTo: Poststelle <post@stadtwerke-lindau.example>\n"
            "Subject: Anfrage Kanzlei wegen Herrn Ole Brink\n\nHi,\n\nbitte weitergeben: Vertragskonto 5512 3308, "
            "offen sind\nStrom 03/2027   212,40 €\nMahnkosten        4,00 €\nGesamt offen:   216,40 €\n\n"
            "Danke, Rita\n\n")
FIRM_LETTER = ("-----Original Message-----\nFrom: Kanzlei Vogt <anfragen@kanzlei-vogt.example>\n"
               "Sent: Monday, 3 May 2027 08:00\nTo: post@stadtwerke-lindau.example\nSubject: Anfrage Ole Brink\n\n"
               "Nach unseren Unterlagen beträgt Ihre Forderung 190,00 €.\n")
SENDER = "post@stadtwerke-lindau.example"


def test_a_colleagues_mail_forwarded_is_the_senders_text_and_the_firms_letter_stays_quoted() -> None:
    parsed = parse_body(TOP + INTERNAL + FIRM_LETTER, None, SENDER)
    assert "Gesamt offen:   216,40 €" in parsed.reply_text
    assert "190,00" in parsed.quoted_text and "190,00" not in parsed.reply_text
    assert "From: Forderungen Team B" in parsed.quoted_text  # the header lines stay history
    result = extract(parsed, subject="Anfrage Ole Brink", from_email=SENDER, from_name="Poststelle")
    assert result.total_amount == Decimal("216.40")


def test_without_the_sender_or_from_another_organisation_the_forward_stays_quoted() -> None:
    assert "216,40" not in parse_body(TOP + INTERNAL + FIRM_LETTER, None).reply_text
    assert "216,40" not in parse_body(TOP + INTERNAL + FIRM_LETTER, None, "info@inkasso-sued.example").reply_text


def test_the_senders_own_older_letter_to_someone_outside_stays_quoted() -> None:
    older = INTERNAL.replace("To: Poststelle <post@stadtwerke-lindau.example>", "To: <ole.brink@mailbox.example>")
    parsed = parse_body(TOP + older + FIRM_LETTER, None, SENDER)
    assert "216,40" not in parsed.reply_text


def test_a_colleague_named_without_an_address_is_inside_the_organisation() -> None:
    named = INTERNAL.replace("To: Poststelle <post@stadtwerke-lindau.example>", "To: Kern, Marlies")
    parsed = parse_body(TOP + named + FIRM_LETTER, None, "Post@Service.Stadtwerke-Lindau.example")
    assert "Gesamt offen:   216,40 €" in parsed.reply_text


def test_a_colleagues_request_below_the_senders_own_answer_stays_quoted() -> None:
    answer = ("Guten Tag,\n\nzu Herrn Brink sind derzeit 230,10 € offen.\n\nMit freundlichen Grüßen\nForderungen\n\n")
    request = (INTERNAL.replace("bitte weitergeben", "bitte beantworten, die Kanzlei nennt 190,00 €")
               .replace("From: Forderungen Team B <forderungen@", "From: Kundenservice <service@"))
    parsed = parse_body(answer + request + FIRM_LETTER, None, SENDER)
    assert "216,40" not in parsed.reply_text and "190,00" not in parsed.reply_text
