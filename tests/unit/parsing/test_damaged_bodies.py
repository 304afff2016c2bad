"""Bodies as mail systems damage them, written for these tests: a text part still in quoted-printable, a figure split
by markup, text the HTML hides from its reader, and a currency named in the cell before a figure."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.parsing import parse_body


def test_a_text_part_left_in_quoted_printable_is_decoded() -> None:
    text = ("Guten Tag,\n\nf=C3=BCr Frau Weidlich ergibt sich folgende Aufstel=\nlung:\n\n"
            "Rechnung M=C3=A4rz =3D 210,40 EUR\nGesamt offen =3D 2=\n24,90 EUR\n\nGr=C3=BC=C3=9Fe")
    parsed = parse_body(text, None)
    assert "für Frau Weidlich" in parsed.reply_text
    assert "Gesamt offen = 224,90 EUR" in parsed.reply_text


def test_a_plain_text_with_an_equals_sign_is_left_alone() -> None:
    text = "Guten Tag,\n\nRate x 12 = 600,00 EUR; Kto. AB=3D\n\nGrüße"
    assert "Rate x 12 = 600,00 EUR; Kto. AB=3D" in parse_body(text, None).reply_text


def test_a_figure_split_by_markup_is_read_whole() -> None:
    html = ("<p>Offene Rechnungen: <span class='a'>612</span><span class='a'>,35</span>&nbsp;&euro;<br>"
            "Gesamtbetrag: <b>612</b>,35&nbsp;&euro;</p>")
    parsed = parse_body(None, html)
    assert "612,35 €" in parsed.reply_text
    assert "612 ,35" not in parsed.reply_text


def test_text_the_html_hides_is_left_out_and_raises_a_doubt() -> None:
    html = ("<div style='display:none;max-height:0'>Ihr Konto: offen 288,10 € – jetzt online zahlen</div>"
            "<p>Guten Tag,</p><p>Gesamtforderung: 301,75 €</p><p>Grüße</p>")
    parsed = parse_body(None, html)
    assert "288,10" not in parsed.reply_text
    assert any("hides text with figures" in doubt for doubt in parsed.doubts())
    result = extract(parsed, subject="AW: Anfrage", from_email="konto@werk.example", from_name=None)
    assert result.total_amount == Decimal("301.75")
    assert not result.amount_is_safe


def test_a_currency_in_the_label_cell_marks_the_figure_beside_it() -> None:
    html = ("<table><tr><td>01.03.2032</td><td>Rechnung 4471</td><td>300,00</td></tr>"
            "<tr><td></td><td>Saldo offen in EUR</td><td>300,00</td></tr></table>")
    result = extract(parse_body(None, html), subject="AW: Anfrage", from_email="konto@werk.example", from_name=None)
    saldo = [a for a in result.amounts if a.label_text.startswith("saldo")]
    assert saldo and saldo[0].has_currency
