"""A mail sent with a text and an HTML version: where the two replies state different figures, neither is
the creditor's one word on the claim."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.parsing import parse_body

PLAIN = ("Hallo,\n\nfür Herrn Jonas Brehm steht offen:\n\nRechnung 4471     312,00 €\nMahngebühr         6,00 €\n"
         "Offen gesamt      318,00 €\n\nGruß\nTeam Forderungen\n")
HTML = ("<p>Hallo,</p><p>für Herrn Jonas Brehm steht offen:</p><table>"
        "<tr><td>Rechnung 4471</td><td>312,00 €</td></tr><tr><td>Mahngebühr</td><td>6,00 €</td></tr>"
        "<tr><td>Teilzahlung 02.03.</td><td>-50,00 €</td></tr><tr><td>Offen gesamt</td><td>268,00 €</td></tr>"
        "</table><p>Gruß<br>Team Forderungen</p>")
HTML_SAME = HTML.replace("<tr><td>Teilzahlung 02.03.</td><td>-50,00 €</td></tr>", "").replace("268,00", "318,00")


def test_versions_with_different_figures_are_flagged() -> None:
    parsed = parse_body(PLAIN, HTML)
    assert parsed.source == "html"
    assert set(parsed.versions_disagree) == {"50,00", "268,00", "318,00"}


def test_versions_with_the_same_figures_are_not() -> None:
    assert parse_body(PLAIN, HTML_SAME).versions_disagree == ()
    assert parse_body(PLAIN, None).versions_disagree == ()
    assert parse_body(None, HTML).versions_disagree == ()


def test_a_total_from_versions_that_disagree_is_never_written_alone() -> None:
    result = extract(parse_body(PLAIN, HTML), subject="Jonas Brehm", from_email="forderungen@versand.example",
                     from_name=None)
    assert result.total_amount == Decimal("268.00")
    assert not result.amount_is_safe
    assert any("text and HTML versions" in reason for reason in result.amount_safety_reasons)
    same = extract(parse_body(PLAIN, HTML_SAME), subject="Jonas Brehm", from_email="forderungen@versand.example",
                   from_name=None)
    assert same.total_amount == Decimal("318.00") and same.amount_is_safe


def test_a_figure_struck_through_is_left_out_and_keeps_the_other_from_being_written_alone() -> None:
    html = ("<p>Guten Tag,</p><p>für Herrn Jonas Brehm beträgt die Gesamtforderung <del>318,00 €</del> "
            "<strong>268,00 €</strong>.</p><p>Gruß<br>Team Forderungen</p>")
    parsed = parse_body(None, html)
    assert "318,00" not in parsed.full_text and parsed.struck == ("318,00 €",)
    result = extract(parsed, subject="Jonas Brehm", from_email="forderungen@versand.example", from_name=None)
    assert result.total_amount == Decimal("268.00")
    assert not result.amount_is_safe
    assert any("strikes figures through" in reason for reason in result.amount_safety_reasons)


def test_struck_words_without_a_figure_raise_no_doubt() -> None:
    html = "<p>Die Gesamtforderung beträgt <s>leider</s> 268,00 €.</p><p>Gruß<br>Team Forderungen</p>"
    parsed = parse_body(None, html)
    assert parsed.struck == ()
    assert "268,00" in parsed.reply_text and "leider" not in parsed.reply_text
    assert parsed.struck_words == ("leider",)


def test_a_figure_struck_through_with_tildes_in_plain_text_is_left_out_and_keeps_the_other_from_being_written() -> None:
    parsed = parse_body("Guten Tag,\n\nfür Herrn Jonas Brehm beträgt die Gesamtforderung ~~318,00 €~~ 268,00 €.\n\n"
                        "Gruß\nTeam Forderungen", None)
    assert "318,00" not in parsed.full_text and parsed.struck == ("318,00 €",)
    result = extract(parsed, subject="Jonas Brehm", from_email="forderungen@versand.example", from_name=None)
    assert result.total_amount == Decimal("268.00")
    assert not result.amount_is_safe


def test_rows_of_tildes_and_spaced_tildes_strike_nothing() -> None:
    parsed = parse_body("~~~~~~~~~~~~\nDie Gesamtforderung beträgt 268,00 €.\n~~ Ende der Nachricht ~~", None)
    assert parsed.struck_words == () and "Ende der Nachricht" in parsed.full_text


def test_a_text_version_that_states_part_of_the_figures_of_the_html_read_tells_no_other_story() -> None:
    summary = "Hallo,\n\nfür Herrn Jonas Brehm offen gesamt: 268,00 €\n\nDie Einzelposten zeigt die HTML-Fassung.\n"
    parsed = parse_body(summary, HTML)
    assert parsed.source == "html"
    assert parsed.versions_disagree == ()



def test_thousands_spaced_in_one_version_and_dotted_in_the_other_are_the_same_figures() -> None:
    plain = ("Hallo,\n\nRechnung 4471     1 312,00 €\nMahngebühr           6,00 €\n"
             "Offen gesamt      1 318,00 €\n\nGruß\n")
    html = ("<p>Hallo,</p><table><tr><td>Rechnung 4471</td><td>1.312,00 €</td></tr><tr><td>Mahngebühr</td>"
            "<td>6,00 €</td></tr><tr><td>Offen gesamt</td><td>1.318,00 €</td></tr></table><p>Gruß</p>")
    assert parse_body(plain, html).versions_disagree == ()
    changed = html.replace("1.318,00", "1.218,00")
    assert set(parse_body(plain, changed).versions_disagree) == {"1218,00", "1318,00"}
