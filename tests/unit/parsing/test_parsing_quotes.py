"""Quoted history is split off by every common German and English marker."""

from __future__ import annotations

import pytest

from app.services.parsing.quotes import split_quotes


def quoted_lines(text: str) -> list[str]:
    split = split_quotes(text)
    return [line for line, flag in zip(text.split("\n"), split.quoted, strict=True) if flag]


def reply_lines(text: str) -> list[str]:
    split = split_quotes(text)
    return [line for line, flag in zip(text.split("\n"), split.quoted, strict=True) if not flag and line]


def test_outlook_ursprungliche_nachricht_separator_quotes_everything_after_it() -> None:
    text = "Saldo 10,00 EUR\n\n-----Ursprüngliche Nachricht-----\nVon: Kanzlei\nForderung 99,00 EUR"
    assert reply_lines(text) == ["Saldo 10,00 EUR"]
    assert quoted_lines(text)[-1] == "Forderung 99,00 EUR"


def test_english_original_message_separator_is_recognised() -> None:
    text = "New text\n-----Original Message-----\nold text"
    assert reply_lines(text) == ["New text"]


def test_german_attribution_line_followed_by_angle_quotes_ends_with_the_quote_block() -> None:
    text = "Oben neu\n\nAm 02.09.2026 um 15:40 schrieb Kanzlei Muster <post@kanzlei.example>:\n> alt 1\n>\n> alt 2"
    assert reply_lines(text) == ["Oben neu"]
    assert split_quotes(text).markers == ("attribution line",)


def test_attribution_wrapped_over_two_lines_is_still_found() -> None:
    text = "Neu\nAm Di., 1. Sept. 2026 um 10:30 Uhr schrieb Kanzlei Muster <\npost@kanzlei.example>:\n> alt"
    assert reply_lines(text) == ["Neu"]


def test_english_on_wrote_attribution_is_recognised() -> None:
    text = "Hello\nOn Mon, Sep 1, 2026 at 10:30 AM Firm <a@b.example> wrote:\n> old"
    assert reply_lines(text) == ["Hello"]


def test_outlook_header_block_without_separator_quotes_the_rest() -> None:
    text = ("Antwort\n\nVon: Kanzlei Muster\nGesendet: Montag, 1. September 2026 10:00\nAn: info@x.example\n"
            "Betreff: Anfrage\n\nalt")
    assert reply_lines(text) == ["Antwort"]
    assert "alt" in quoted_lines(text)


def test_english_from_sent_to_subject_block_is_recognised() -> None:
    text = "Reply\nFrom: Firm\nSent: Monday\nTo: us\nSubject: Claim\nold claim"
    assert reply_lines(text) == ["Reply"]


def test_a_single_von_line_in_the_reply_is_not_a_header_block() -> None:
    text = "Von: unserer Buchhaltung geprüft.\nSaldo 5,00 EUR"
    assert quoted_lines(text) == []


def test_text_after_an_angle_quote_block_stays_reply_for_bottom_posting() -> None:
    text = "> Ihre Frage\n> nach dem Saldo\n\nDer Saldo beträgt 12,00 EUR."
    assert reply_lines(text) == ["Der Saldo beträgt 12,00 EUR."]
    assert split_quotes(text).markers == ("> quoting",)


def test_text_without_markers_is_all_reply() -> None:
    text = "Guten Tag,\nSaldo 1,00 EUR\nGruß"
    assert not any(split_quotes(text).quoted)


def test_a_letterhead_block_at_the_very_top_is_not_quoted_history() -> None:
    text = "Von: Muster GmbH\nAn: Kanzlei Beispiel\nDatum: 05.09.2026\nBetreff: Forderung\n\nSaldo 12,00 EUR"
    assert not any(split_quotes(text).quoted)


@pytest.mark.parametrize("attribution", [
    "Le mar. 3 nov. 2026 à 09:12, Kanzlei Roth <post@roth.example> a écrit :",
    "Op di 3 nov. 2026 om 09:12 schreef Kanzlei Roth <post@roth.example>:",
    "El mar, 3 nov 2026 a las 9:12, Kanzlei Roth (<post@roth.example>) escribió:",
    "Il giorno mar 3 nov 2026 alle ore 09:12 Kanzlei Roth <post@roth.example> ha scritto:",
    "W dniu 3.11.2026 o 09:12, Kanzlei Roth napisał(a):",
    "Em ter., 3 de nov. de 2026 às 09:12, Kanzlei Roth <post@roth.example> escreveu:",
    "Den 3 nov. 2026 kl. 09:12 skrev Kanzlei Roth <post@roth.example>:",
])
def test_a_foreign_mail_programs_attribution_starts_the_quote(attribution: str) -> None:
    text = f"Offen sind 212,00 EUR.\n\n{attribution}\nIhre Forderung beträgt laut unseren Unterlagen 180,00 EUR."
    assert reply_lines(text) == ["Offen sind 212,00 EUR."]
    assert quoted_lines(text)[-1].startswith("Ihre Forderung")


def test_a_sentence_that_merely_ends_with_a_colon_is_no_attribution() -> None:
    text = "Den Stand teilen wir Ihnen wie folgt mit:\nOffen sind 212,00 EUR."
    assert quoted_lines(text) == []


def test_a_groupwise_header_quotes_the_unprefixed_mail_after_it() -> None:
    body = ("Guten Tag,\n\ndie Forderung beträgt heute 812,40 EUR.\n\nMfG\nNordinkasso\n\n"
            '>>> "Kanzlei Beispiel" <post@kanzlei.example> 02.03.2027 10:41 >>>\n'
            "Sehr geehrte Damen und Herren,\nnach unseren Unterlagen beträgt Ihre Forderung 700,00 EUR.\n")
    split = split_quotes(body)
    lines = body.split("\n")
    quoted = [line for line, flag in zip(lines, split.quoted, strict=True) if flag]
    assert any("700,00" in line for line in quoted)
    assert not any("812,40" in line for line in quoted)
    assert "groupwise header" in split.markers


def test_a_reply_line_of_chevrons_without_an_address_or_date_stays_a_quote_prefix() -> None:
    split = split_quotes("Antwort oben.\n>>> alter Text\n>>> noch alter Text\nNeue Zeile unten.")
    assert split.quoted == (False, True, True, False)


def test_an_answer_below_a_rule_under_a_letter_pasted_at_the_top_is_reply() -> None:
    text = "Am 4. Mai schrieb Kanzlei Ost:\nIhre Forderung: 800,00 EUR\n* * *\nWir bieten 300,00 EUR.\nGruß"
    assert reply_lines(text) == ["Wir bieten 300,00 EUR.", "Gruß"]


def test_a_rule_inside_history_below_a_reply_stays_quoted() -> None:
    text = "Einverstanden.\nAm 4. Mai schrieb Kanzlei Ost:\nIhre Forderung: 800,00 EUR\n-----\nFußzeile der Kanzlei"
    assert reply_lines(text) == ["Einverstanden."]


HELP_DESK_THREAD = """##- Bitte oberhalb dieser Zeile antworten -##

Ihre Anfrage (Nr. 20817) wurde bearbeitet.

--------------------------------

Lea Brinkmann (Nordwind Energie AG)
3. März 2031, 14:12 CET

Guten Tag,

offen sind für das Vertragskonto 7788 120 noch 640,15 €.

Freundliche Grüße
Lea Brinkmann

--------------------------------

Nordwind Kundenservice
24. Februar 2031, 08:03 CET

Ihre Nachricht ist bei uns eingegangen. Die Bearbeitungszeit beträgt derzeit bis zu 14 Tage.

--------------------------------

Kanzlei Albers
24.02.2031 08:02

Ihre Forderung beträgt nach unseren Unterlagen 702,40 EUR."""


def test_a_help_desk_threads_older_comments_are_history_and_its_newest_is_the_reply() -> None:
    quoted = quoted_lines(HELP_DESK_THREAD)
    assert any("Bearbeitungszeit" in line for line in quoted)  # the desk's acknowledgement of the first mail
    assert any("702,40" in line for line in quoted)  # the firm's own letter
    assert any("640,15" in line for line in reply_lines(HELP_DESK_THREAD))


def test_one_comment_under_a_rule_with_its_head_is_the_reply() -> None:
    text = "Hallo,\n\n----------------------\nJan Wolters\n05.03.2031 10:15\n\nDer Saldo beträgt 88,00 EUR."
    assert quoted_lines(text) == []
