"""HTML bodies become text: table rows stay on one line, entities are decoded, blockquotes are marked."""

from __future__ import annotations

from app.services.parsing.html import html_to_text


def test_each_table_row_is_one_line_with_cells_joined_by_a_bar() -> None:
    html = (
        "<table><tr><td>Hauptforderung</td><td>1.234,56&nbsp;&euro;</td></tr>"
        "<tr><td>Mahnkosten</td><td>12,00&nbsp;&euro;</td></tr></table>"
    )
    assert html_to_text(html).splitlines() == ["Hauptforderung | 1.234,56 €", "Mahnkosten | 12,00 €"]


def test_empty_cells_are_dropped_from_a_row() -> None:
    html = "<table><tr><td></td><td>Gesamt</td><td>  </td><td>99,00 EUR</td></tr></table>"
    assert html_to_text(html) == "Gesamt | 99,00 EUR"


def test_entities_and_non_breaking_spaces_are_decoded_to_plain_text() -> None:
    text = html_to_text("<p>Gr&uuml;&szlig;e &amp; 304,09&nbsp;&euro; f&uuml;r K&ouml;ln</p>")
    assert text == "Grüße & 304,09 € für Köln"
    assert "\u00a0" not in text


def test_blockquote_content_is_prefixed_per_nesting_level() -> None:
    html = "<p>neu</p><blockquote>alt<blockquote>älter</blockquote>wieder alt</blockquote><p>danach</p>"
    assert html_to_text(html).splitlines() == ["neu", "", "> alt", "> > älter", "> wieder alt", "", "danach"]


def test_empty_or_missing_html_gives_empty_text() -> None:
    assert html_to_text(None) == ""
    assert html_to_text("   ") == ""
