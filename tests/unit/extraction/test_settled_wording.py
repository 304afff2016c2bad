"""Settled replies in wording of our own: a claim declared done, nothing left open, an amount set off — and
the net: a reply that says nothing is open never lets a positive total be written without a human."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction import intent_cues as cues
from app.services.extraction.result import ExtractionResult
from app.services.matching.gate import amount_doubts
from app.services.parsing import parse_body
from app.services.textfold import fold


def run(text: str) -> ExtractionResult:
    return extract(parse_body(text, None), subject="AW: Ihr Schreiben, Az. KW-2026-0311",
                   from_email="kasse@gemeinde-oberau.example", from_name="Gemeinde Oberau - Gemeindekasse")


@pytest.mark.parametrize("reply", [
    "Die Grundsteuerforderung für das Jahr 2025 ist erledigt.",
    "Die Abfallgebührenschuld zu diesem Bescheid gilt als erledigt.",
    "Zu diesem Buchungszeichen sind derzeit keine Beträge mehr offen.",
    "Für Frau Ilse Marquardt bestehen bei uns keinerlei Rückstände.",
    "Für Ihre Mandantin sind keine Beiträge mehr ausstehend.",
    "Ein Anspruch der Gemeinde gegen Ihren Mandanten besteht nicht mehr.",
    "Nach Verrechnung mit dem Guthaben aus der Jahresabrechnung besteht unsere Forderung nicht mehr.",
    "Die 350 Euro von Ostern hat mir mein Neffe bar zurückgegeben. Er schuldet mir keinen Cent mehr.",
])
def test_a_claim_declared_done_or_nothing_left_open_reads_as_settled(reply: str) -> None:
    result = run(f"Sehr geehrte Damen und Herren,\n\n{reply}\n\nMit freundlichen Grüßen\nGemeindekasse")
    assert (result.intent, result.total_amount) == ("settled", Decimal("0.00"))


def test_settled_wording_wrapped_over_two_lines_is_still_read() -> None:
    reply = ("wir haben die Unterlagen geprüft. Auf dem Gebührenkonto Ihres Mandanten sind zurzeit keine\n"
             "Beträge mehr offen, weitere Schreiben erübrigen sich.")
    assert cues.settled_account(fold(reply))
    assert run(reply).intent == "settled"


def test_a_table_row_is_not_joined_to_the_next_line() -> None:
    reply = "Gebühr 2025   41,00 EUR   beglichen\nGebühr 2026   41,00 EUR   offen\nbitte überweisen Sie den Rest."
    assert len(cues.sentences(fold(reply))) == 3


def test_an_amount_set_off_against_a_credit_is_not_the_claim() -> None:
    result = run("Der Saldo von 212,80 EUR wurde mit dem Guthaben aus Ihrer Jahresabrechnung verrechnet.\n"
                 "Damit ist das Kundenkonto ausgeglichen.")
    assert (result.intent, result.total_amount) == ("settled", Decimal("0.00"))
    assert [a.reason for a in result.amounts if a.value == Decimal("212.80")] == ["paid amount, not open"]


def test_a_positive_total_beside_nothing_open_is_never_written_automatically() -> None:
    result = run("Rückstand laut Bescheid: 240,00 EUR\n\nAus unserer Sicht ist die Sache damit durch, es sind keine\n"
                 "Beträge mehr offen.")
    assert not (result.intent == "debt_statement" and result.amount_is_safe)
    assert amount_doubts(result, Decimal("240.00"), None, Decimal("0.25"))


def test_a_claim_extinguished_is_settled_unless_denied() -> None:
    assert run("Die Ansprüche aus dem Vertrag sind durch die Zahlung Ihres Mandanten erloschen.").intent == "settled"
    assert run("Die Forderung ist keineswegs erloschen; offen sind 210,00 €.").intent != "settled"


@pytest.mark.parametrize("reply", [
    "Ob die Forderung nicht mehr besteht, können wir erst nach der Buchung sagen.",
    "Das Gebührenkonto ist nicht mehr ausgeglichen, offen sind wieder 64,00 EUR.",
])
def test_no_longer_said_of_what_is_uncertain_or_open_again_is_not_settled(reply: str) -> None:
    assert run(f"Guten Tag,\n\n{reply}\n\nGemeindekasse").intent != "settled"


def test_nothing_owed_but_a_named_rest_is_not_settled() -> None:
    result = run("Guten Tag,\n\ner schuldet uns nichts mehr außer den Mahngebühren von 12,00 EUR.\n\nGrüße\nKasse")
    assert result.intent != "settled"
