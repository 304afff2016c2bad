"""Sentences that a date without its year or a refusal to waive used to misread, in wording written for these tests:
a day named as "am 12.02." or "am 3. März" runs on in its sentence, and a creditor that is not willing to waive
its claim has not settled it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction import intent_cues as cues
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(reply: str) -> ExtractionResult:
    body = f"Sehr geehrte Damen und Herren,\n\n{reply}\n\nMit freundlichen Grüßen\n\nHausverwaltung Ostermeier"
    return extract(parse_body(body, None), subject="AW: Ihr Schreiben vom 02.03. – Herr Lutz Gerber",
                   from_email="verwaltung@ostermeier-hv.example", from_name="Hausverwaltung Ostermeier")


@pytest.mark.parametrize(("text", "expected"), [
    ("Den Betrag haben wir am 04.02. erhalten und verbucht. Danke.",
     ["Den Betrag haben wir am 04.02. erhalten und verbucht.", "Danke."]),
    ("Sie hat am 3. März bezahlt. Rest 20 €.", ["Sie hat am 3. März bezahlt.", "Rest 20 €."]),
    ("Die Rate kam am 4.2. Wir danken.", ["Die Rate kam am 4.2.", "Wir danken."]),
    ("Die Zahlung kam am 04.02.2103. wir danken", ["Die Zahlung kam am 04.02.2103.", "wir danken"]),
    ("Offen sind 120,00. danke", ["Offen sind 120,00.", "danke"]),
    ("IBAN DE00 3706 0193 0044 8120 55. teilzahlung möglich", ["IBAN DE00 3706 0193 0044 8120 55.",
                                                               "teilzahlung möglich"]),
])
def test_a_yearless_date_before_a_small_word_or_a_month_does_not_end_its_sentence(
        text: str, expected: list[str]) -> None:
    assert cues.sentences(text) == expected


def test_a_rest_paid_on_a_yearless_date_and_the_account_balanced_reads_as_settled() -> None:
    result = run("den Restbetrag von 80,00 € hat Ihr Mandant am 12.02. überwiesen. Damit ist das Mieterkonto "
                 "ausgeglichen.")
    assert (result.intent, result.total_amount) == ("settled", Decimal("0.00"))


@pytest.mark.parametrize("reply", [
    "der Eigentümer lehnt den Plan ab. Er ist nicht bereit, auf seine Forderung vollständig zu verzichten.",
    "wir lehnen ab, weil unsere Mandantin keinesfalls gewillt ist, auf die Forderung zu verzichten.",
    "unsere Mandantin sieht sich nicht in der Lage, auf die Forderung ganz zu verzichten.",
])
def test_a_creditor_not_willing_to_waive_its_claim_has_not_settled_it(reply: str) -> None:
    result = run(reply)
    assert result.intent != "settled"
    assert result.total_amount is None


@pytest.mark.parametrize("reply", [
    "Ihre Mandantin hat die Schlussrechnung am Schalter bezahlt. Somit ist unsere Forderung erledigt.",
    "Nach Verrechnung der Kaution sind damit sämtliche Rückstände ausgeglichen.",
    "Der Sohn von Herrn Gerber hat gestern 310 in bar gebracht. ist damit erledigt für uns.",
    "Die Angelegenheit hat sich durch die Gutschrift vom Januar erledigt.",
])
def test_a_claim_declared_done_with_the_verb_first_or_without_its_name_is_settled(reply: str) -> None:
    result = run(reply)
    assert (result.intent, result.total_amount) == ("settled", Decimal("0.00"))


@pytest.mark.parametrize("reply", [
    "Ist damit die Forderung erledigt? Bitte um kurze Nachricht.",
    "Die Fristverlängerung hat sich erledigt, der Vorstand hat inzwischen entschieden.",
    "Unsere Mail vom 02.03., die Sie irrtümlich erhalten haben, ist damit erledigt.",
    "Die Freigabe liegt jetzt vor. Damit ist die Sache für uns erledigt.",
    "Herr Gerber hat 100 € gezahlt, damit ist die Forderung aber noch nicht erledigt.",
])
def test_a_question_a_denial_or_another_matter_done_is_not_settled(reply: str) -> None:
    assert run(reply).intent != "settled"


def test_a_part_settled_beside_a_rest_said_to_be_open_is_a_statement_of_the_rest() -> None:
    result = run("Das Mieterkonto ist bis Januar ausgeglichen, offen ist noch die Betriebskostennachzahlung über "
                 "212,50 €.")
    assert (result.intent, result.total_amount) == ("debt_statement", Decimal("212.50"))
