"""Answers typed into the firm's quoted letter, in mails written for these tests: marked "==>" after the writer says
so, set in a colour or in bold inside an HTML quote, typed between "> " lines without blank lines around them, and a
sentence that goes on in small letters after a full stop. What the writer typed is read; the letter's own figure
never is."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

LETTER = ("Von: Kanzlei Brandhorst <glaeubiger@brandhorst.example>\nGesendet: Montag, 3. März 2036 09:10\n"
          "An: forderungen@elbwerk.example\nBetreff: Anfrage Forderungshöhe Jana Riek\n\n")


def read(text: str | None, html: str | None = None) -> ExtractionResult:
    return extract(parse_body(text, html), subject="AW: Anfrage Forderungshöhe Jana Riek",
                   from_email="forderungen@elbwerk.example", from_name="Elbwerk Forderungen")


def test_answers_marked_with_an_arrow_the_writer_announced_are_read() -> None:
    body = ("Guten Tag,\n\nunsere Antworten stehen im Text, jeweils mit ==> gekennzeichnet.\n\nGruß\nT. Behn\n\n"
            + LETTER + "> Nach unseren Unterlagen beträgt Ihre Forderung 380,00 EUR.\n>\n"
            "==> Nicht mehr aktuell, dazu kamen Zinsen und Gebühren.\n>\n> 1. Wie hoch ist die Forderung heute?\n>\n"
            "==> Hauptforderung 380,00 EUR\n==> Zinsen 9,15 EUR\n==> Mahngebühren 10,00 EUR\n"
            "==> Gesamt 399,15 EUR\n>\n> Mit freundlichen Grüßen\n> Kanzlei Brandhorst\n")
    result = read(body)
    assert result.total_amount == Decimal("399.15")
    assert result.intent == "debt_statement"


def test_an_unannounced_arrow_line_inside_the_letter_stays_quoted() -> None:
    body = ("Guten Tag,\n\nbitte rufen Sie uns an.\n\nGruß\nT. Behn\n\n" + LETTER
            + "> Nach unseren Unterlagen beträgt Ihre Forderung 380,00 EUR.\n>\n==> Gesamt 399,15 EUR\n")
    assert read(body).total_amount is None


def blockquote_letter(answer: str, announcement: str) -> str:
    return (f"<p>Guten Tag,</p><p>{announcement}</p><p>Gruß<br>T. Behn</p>"
            "<div><p><b>Von:</b> Kanzlei Brandhorst &lt;glaeubiger@brandhorst.example&gt;<br>"
            "<b>Gesendet:</b> Montag, 3. März 2036 09:10<br><b>An:</b> forderungen@elbwerk.example<br>"
            "<b>Betreff:</b> Anfrage Forderungshöhe Jana Riek</p></div><blockquote>"
            "<p>Nach unseren Unterlagen beträgt Ihre Forderung 380,00 EUR.</p>"
            f"<p>Wie hoch ist die Forderung heute?</p>{answer}<p>Mit freundlichen Grüßen</p></blockquote>")


def test_answers_in_an_announced_dark_blue_inside_an_html_quote_are_read() -> None:
    html = blockquote_letter('<p style="color:#2a4fa0">Offen sind heute 412,60 EUR.</p>',
                             'meine Antworten finden Sie <span style="color:#2a4fa0">blau</span> im Text.')
    assert read(None, html).total_amount == Decimal("412.60")


def test_answers_in_announced_bold_inside_an_html_quote_are_read() -> None:
    html = blockquote_letter("<p><b>Antwort Elbwerk: Die Forderung ist beglichen, offen sind 0,00 EUR.</b></p>",
                             "wir haben Ihre Fragen direkt im Schreiben beantwortet (fett gedruckt).")
    result = read(None, html)
    assert (result.intent, result.total_amount) == ("settled", Decimal("0.00"))


def test_bold_in_an_html_quote_without_an_announcement_stays_quoted() -> None:
    html = blockquote_letter("<p><b>Offen sind heute 412,60 EUR.</b></p>", "anbei unsere Antwort.")
    assert read(None, html).total_amount is None


def test_an_answer_typed_between_quote_lines_after_a_full_stop_is_read() -> None:
    body = ("Elbwerk schrieb am 03.03.2036:\n> Nach unseren Unterlagen beträgt Ihre Forderung\n> 380,00 EUR.\n"
            "stimmt nicht, Frau Riek hat im Februar 80,- € bezahlt. offen sind 300,00 €\n>\n"
            "> Bitte antworten Sie bis zum 20.03.2036.\nGruß T. Behn\n")
    result = read(body)
    assert result.total_amount == Decimal("300.00")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_a_new_clause_after_the_figure_names_nothing_of_it() -> None:
    result = read("Hallo,\n\noffen sind 300,00 €.\n\n300,00 € wie gesagt, Zinsen nehm ich keine\n\nGruß T. Behn")
    assert result.total_amount == Decimal("300.00")
    assert "interest" not in result.components
