"""Answers typed between the "> " lines of a quoted letter under a separator are the sender's new text;
wrapped quote lines and older messages inside the history stay history."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.parsing import parse_body
from app.services.parsing.quotes import split_quotes

_HEAD = ("Guten Tag,\nmeine Angaben stehen unter Ihren Fragen.\nViele Grüße\nK. Sommer\n\n"
         "________________________________\nVon: Kanzlei Beispiel <post@kanzlei.example>\n"
         "Gesendet: Dienstag, 3. März 2026 08:15\nAn: buero@sommer.example\nBetreff: Anfrage Mandant Lutz\n\n"
         "> Nach unseren Unterlagen beträgt Ihre Forderung 700,00 €.\n>\n> Bitte teilen Sie uns mit:\n")


def reply_lines(text: str) -> list[str]:
    return [line for line, flag in zip(text.split("\n"), split_quotes(text).quoted, strict=True)
            if not flag and line.strip()]


def test_answers_between_the_quoted_questions_are_reply() -> None:
    text = (_HEAD + "> a) die Hauptforderung,\n\n650,00 €\n\n> b) die Kosten,\n\n12,00 €\n\n"
            "> c) den Gesamtbetrag.\n\nGesamtbetrag 662,00 €\n\n>\n> Mit freundlichen Grüßen\n> Kanzlei Beispiel\n")
    assert reply_lines(text)[-3:] == ["650,00 €", "12,00 €", "Gesamtbetrag 662,00 €"]
    result = extract(parse_body(text, None), subject="AW: Anfrage Mandant Lutz", from_email="buero@sommer.example",
                     from_name="Sommer")
    assert result.total_amount == Decimal("662.00")
    assert all(found.reason == "quoted history" for found in result.amounts if found.value == Decimal("700.00"))


def test_a_wrapped_quote_line_without_its_prefix_stays_history() -> None:
    text = (_HEAD + "> a) die Hauptforderung; der Betrag beläuft sich nach Aktenlage auf\n"
            "700,00 € und ist fällig.\n> b) die Kosten.\n")
    assert reply_lines(text) == ["Guten Tag,", "meine Angaben stehen unter Ihren Fragen.", "Viele Grüße", "K. Sommer"]


def test_an_older_message_inside_the_history_ends_the_answers() -> None:
    text = (_HEAD + "> a) die Hauptforderung,\n\n650,00 €\n\n> b) die Kosten.\n\n"
            "-----Ursprüngliche Nachricht-----\nVon: Sommer\nGesendet: Montag, 2. März 2026\nBetreff: Rechnung\n\n"
            "Offen sind 580,00 €.\n\n> alt\n")
    assert reply_lines(text)[-1] == "650,00 €"
    assert "Offen sind 580,00 €." not in reply_lines(text)


def test_without_answers_a_separator_still_quotes_everything_after_it() -> None:
    text = _HEAD + "> a) die Hauptforderung.\n\nMit freundlichen Grüßen\nSommer GmbH\n"
    assert reply_lines(text)[-1] == "K. Sommer"
