"""Answers the sender typed into the firm's letter where the mail program quoted it without "> " prefixes: the
sender says so above the history ("meine Antworten stehen mit --> in Ihrem Schreiben", "in Großbuchstaben"), and
each answer is marked or written in capitals. Only then are those lines the sender's text; the letter's own lines,
with the firm's old figure, stay history."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.parsing import parse_body

LETTER = ("Von: Kanzlei Ahrens <post+ka-12@kanzlei-ahrens.example>\nGesendet: Montag, 4. Mai 2026 09:00\n"
          "An: forderungen@versand-lehm.example\nBetreff: Anfrage Forderung – Petra Quast\n\n"
          "Sehr geehrte Damen und Herren,\n\nnach Angaben unserer Mandantin beträgt Ihre Forderung etwa\n"
          "480,00 EUR.\n\n{first}\n\nBitte nennen Sie uns Hauptforderung, Zinsen und Kosten getrennt.\n\n{second}\n\n"
          "Mit freundlichen Grüßen\nKanzlei Ahrens\n")


def read(top: str, first: str, second: str) -> tuple[str, object]:
    text = f"Guten Tag,\n\n{top}\n\nGruß\nT. Lehm\n\n" + LETTER.format(first=first, second=second)
    parsed = parse_body(text, None, "forderungen@versand-lehm.example")
    return parsed.reply_text, extract(parsed, subject="AW: Anfrage Forderung – Petra Quast",
                                      from_email="forderungen@versand-lehm.example", from_name="Versand Lehm")


def test_answers_marked_with_an_arrow_are_the_senders_text() -> None:
    reply, result = read("die Antworten habe ich unten in Ihr Schreiben eingefügt (-> markiert).",
                         "-> Stimmt nicht mehr. Offen sind zwei Rechnungen,\nzusammen 505,00 EUR.",
                         "-> Gesamtforderung: 512,50 EUR (Hauptforderung 505,00, Kosten 7,50)")
    assert "Gesamtforderung: 512,50 EUR" in reply
    assert "480,00" not in reply
    assert result.total_amount == Decimal("512.50")  # type: ignore[attr-defined]


def test_answers_marked_with_asterisks_are_the_senders_text() -> None:
    reply, result = read("Antworten bitte direkt in Ihrem Schreiben nachlesen, mit ** markiert.",
                         "** Offen ist die Rechnung vom 02.03. über 505,00 EUR",
                         "** Gesamtforderung 512,50 EUR, davon Mahnkosten 7,50 EUR")
    assert "Gesamtforderung 512,50 EUR" in reply
    assert "480,00" not in reply
    assert result.total_amount == Decimal("512.50")  # type: ignore[attr-defined]


def test_answers_in_capitals_are_the_senders_text() -> None:
    reply, result = read("meine Antworten stehen in Großbuchstaben in Ihrem Schreiben.",
                         "ANTWORT: DIE FORDERUNG BETRÄGT HEUTE 512,50 EUR.", "HAUPTFORDERUNG 505,00, KOSTEN 7,50.")
    assert "ANTWORT: DIE FORDERUNG BETRÄGT HEUTE 512,50 EUR." in reply
    assert "480,00" not in reply
    assert result.total_amount == Decimal("512.50")  # type: ignore[attr-defined]


def test_without_the_sender_saying_so_a_marked_line_in_the_letter_stays_history() -> None:
    reply, _ = read("anbei unsere Antwort.", "-> Offen sind 512,50 EUR.", "")
    assert "512,50" not in reply


def test_an_announced_answer_without_marks_leaves_the_whole_letter_history() -> None:
    reply, result = read("die Antworten stehen in Ihrem Schreiben.", "Offen sind 512,50 EUR.", "")
    assert "480,00" not in reply and "512,50" not in reply
    assert result.total_amount is None  # type: ignore[attr-defined]


def test_a_colleagues_answer_forwarded_in_a_sentence_wrapped_over_two_lines_is_the_senders_text() -> None:
    text = ("Sehr geehrte Damen und Herren,\n\nzu Ihrer Anfrage leite ich Ihnen die Rückmeldung unserer Fachabteilung\n"
            "weiter.\n\nGruß\nJ. Pohl\n\n-----Ursprüngliche Nachricht-----\n"
            "Von: Brandt, Ole <ole.brandt@sparkasse-oberfeld.example>\nGesendet: Freitag, 8. Mai 2026 10:00\n"
            "An: Pohl, Jana <jana.pohl@sparkasse-oberfeld.example>\nBetreff: AW: Anfrage\n\n"
            "Hallo Jana,\nSaldo zu unseren Gunsten: 2.104,33 EUR\nGruß Ole\n")
    parsed = parse_body(text, None, "jana.pohl@sparkasse-oberfeld.example")
    assert "Saldo zu unseren Gunsten: 2.104,33 EUR" in parsed.reply_text


def test_an_answer_ends_with_its_sentence_and_the_letters_next_line_stays_history() -> None:
    reply, _ = read("Antworten siehe unten, mit -> markiert.",
                    "-> Wir stimmen zu.\nOhne Ihre Erklärung können wir keine Zustimmung annehmen.", "")
    assert "Wir stimmen zu." in reply
    assert "keine Zustimmung" not in reply


HTML = ("<p>Guten Tag,</p><p>meine Anmerkungen finden Sie in Rot in Ihrem Schreiben.</p>"
        "<p style='color:#1f497d'>Rita Vogel<br>Forderungen</p>"
        "<div style='border-top:solid #E1E1E1 1.0pt'><p><b>Von:</b> Kanzlei Ahrens &lt;post@kanzlei-ahrens.example&gt;"
        "<br><b>Gesendet:</b> Montag, 4. Mai 2026 09:00<br><b>An:</b> forderungen@versand-lehm.example<br>"
        "<b>Betreff:</b> Anfrage Forderung</p></div>"
        "<p>nach Angaben unserer Mandantin beträgt Ihre Forderung etwa 480,00 EUR.<br>"
        "<span style=\"color:#C00000\"><b>Offen sind heute 512,50 EUR.</b></span><br>"
        "Bitte nennen Sie uns die Forderung getrennt.</p>")


def test_answers_set_in_the_announced_colour_are_the_senders_text() -> None:
    parsed = parse_body(None, HTML, "forderungen@versand-lehm.example")
    assert "Offen sind heute 512,50 EUR." in parsed.reply_text
    assert "480,00" not in parsed.reply_text
    assert "Bitte nennen Sie uns" not in parsed.reply_text


def test_coloured_text_without_an_announcement_stays_where_it_stands() -> None:
    parsed = parse_body(None, HTML.replace("meine Anmerkungen finden Sie in Rot in Ihrem Schreiben.", "anbei."),
                        "forderungen@versand-lehm.example")
    assert "512,50" not in parsed.reply_text
