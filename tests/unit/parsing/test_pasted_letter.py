"""A mail that opens with the firm's letter, header and all, and answers below it: the letter is history, the
answer below its closing is the reply (with its own signature)."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.parsing import parse_body

LETTER = ("Von:      Kanzlei Sommer <post@kanzlei-sommer.example>\nAn:       info@autohaus-kremer.example\n"
          "Datum:    03.05.2027 09:10\nBetreff:  Anfrage zu Herrn Nils Ortmann\n\n\n"
          "Sehr geehrte Damen und Herren,\n\nnach unseren Unterlagen beträgt Ihre Forderung 612,00 EUR. Bitte "
          "teilen Sie uns den aktuellen Stand mit.\n\nMit freundlichen Grüßen\nKanzlei Sommer\n\n\n")
ANSWER = ("Sehr geehrte Frau Sommer,\n\nder Betrag ist nicht mehr aktuell, offen sind heute 655,40 EUR.\n\n"
          "Mit freundlichen Grüßen\nPetra Kremer\nAutohaus Kremer GmbH, Tel. 0711 555-210\n")
SENDER = "p.kremer@autohaus-kremer.example"


def test_the_letter_on_top_is_history_and_the_answer_below_is_the_reply() -> None:
    parsed = parse_body(LETTER + ANSWER, None, SENDER)
    assert "612,00" in parsed.quoted_text and "612,00" not in parsed.reply_text
    assert "offen sind heute 655,40 EUR" in parsed.reply_text
    assert "Petra Kremer" in parsed.signature_text
    result = extract(parsed, subject="AW: Anfrage zu Herrn Nils Ortmann", from_email=SENDER, from_name=None)
    assert result.total_amount == Decimal("655.40")


def test_without_a_second_greeting_all_of_it_is_history() -> None:
    parsed = parse_body(LETTER + "offen sind heute 655,40 EUR.\n", None, SENDER)
    assert "612,00" not in parsed.reply_text


def test_the_senders_own_letterhead_on_top_is_no_history() -> None:
    own = LETTER.replace("Kanzlei Sommer <post@kanzlei-sommer.example>",
                         "Autohaus Kremer <info@autohaus-kremer.example>")
    parsed = parse_body(own + ANSWER, None, SENDER)
    assert "612,00" in parsed.reply_text
