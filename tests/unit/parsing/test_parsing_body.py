"""parse_body splits one email into reply, signature and quoted history, line by line."""

from __future__ import annotations

import dataclasses

import pytest

from app.services.parsing import ParsedBody, parse_body

TEXT = (
    "Sehr geehrte Damen und Herren,\n\nGesamtforderung: 500,00 EUR\n\nMit freundlichen Grüßen\nMuster GmbH\n\n"
    "-----Ursprüngliche Nachricht-----\nVon: Kanzlei\nForderung laut Akte 400,00 EUR"
)


def test_parts_hold_reply_signature_and_quote_separately() -> None:
    parsed = parse_body(TEXT, None)
    assert "Gesamtforderung: 500,00 EUR" in parsed.reply_text
    assert parsed.signature_text.startswith("Mit freundlichen Grüßen")
    assert "400,00" in parsed.quoted_text and "400,00" not in parsed.reply_text
    assert parsed.source == "text"


def test_every_line_of_full_text_has_exactly_one_part() -> None:
    parsed = parse_body(TEXT, None)
    lines = parsed.lines()
    assert [line.text for line in lines] == parsed.full_text.split("\n")
    assert {line.part for line in lines} == {"reply", "signature", "quoted"}
    assert lines[2].number == 3 and lines[2].part == "reply"


def test_html_is_preferred_and_blockquote_history_is_quoted() -> None:
    html = "<p>Saldo: 12,00 &euro;</p><blockquote><p>Ihre Forderung: 99,00 EUR</p></blockquote>"
    parsed = parse_body("Saldo: 12,00 EUR\n\nIhre Forderung: 99,00 EUR", html)
    assert parsed.source == "html"
    assert "99,00" in parsed.quoted_text and "99,00" not in parsed.reply_text


def test_plain_text_wins_when_the_html_part_is_nearly_empty() -> None:
    parsed = parse_body("Die Forderung beträgt 80,00 EUR laut Aufstellung vom Vormonat.", "<p>Siehe Text</p>")
    assert parsed.source == "text"


def test_no_body_at_all_gives_empty_parts() -> None:
    parsed = parse_body(None, None)
    assert (parsed.full_text, parsed.reply_text, parsed.quoted_text, parsed.source) == ("", "", "", "empty")
    assert parsed.lines() == []


def test_parsed_body_is_frozen() -> None:
    parsed = parse_body("x", None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        parsed.reply_text = "y"  # type: ignore[misc]
    assert isinstance(parsed, ParsedBody)


def test_windows_line_breaks_and_zero_width_characters_are_normalised() -> None:
    parsed = parse_body("Zeile\u200b eins\r\nZeile zwei\r\n", None)
    assert parsed.full_text == "Zeile eins\nZeile zwei"


def test_links_of_the_html_and_of_the_written_text_are_kept() -> None:
    html = '<p>Zahlen Sie <a href="https://pay.elsewhere.example/x?a=1&amp;b=2">hier</a>.</p>'
    parsed = parse_body("Siehe https://info.example/seite. Danke", html)
    assert "https://pay.elsewhere.example/x?a=1&b=2" in parsed.links
    assert parse_body("Siehe https://info.example/seite. Danke", None).links == ("https://info.example/seite",)


def test_numbered_gives_each_line_as_lines_does() -> None:
    parsed = parse_body("Guten Tag,\n\nder Saldo beträgt 1,00 €.\n\nMfG\nAnna\n\nAm 1.2. schrieb X:\n> alt", None)
    assert [(line.number, line.part, line.text) for line in parsed.lines()] == list(parsed.numbered())
    assert list(parse_body(None, None).numbered()) == []
