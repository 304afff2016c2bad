"""A plan decision written in a system's field block ("Entscheidung:     Zustimmung"): each field row is a line of
its own, not a sentence the mail program wrapped."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import plan_reply, plan_sentences
from app.services.parsing import parse_body

BLOCK = """Guten Tag,

zu Ihrem Schreiben teilen wir Folgendes mit.

Vorgangsnummer:      VG-2049-5512
Anliegen:            Außergerichtlicher Schuldenbereinigungsplan
Entscheidung:        {decision}
Bemerkung:           Raten bitte jeweils zum Monatsersten.

Diese Nachricht wurde maschinell erstellt.
"""


def read(decision: str) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(BLOCK.format(decision=decision), None),
                           plan_figures={"monthly_rate": Decimal("9.00"), "months": Decimal("60")})


def test_field_rows_are_not_joined_as_wrapped_lines() -> None:
    rows = plan_sentences.split("Anliegen:            Außergerichtlicher Schuldenbereinigungsplan\n"
                                "Entscheidung:        Ablehnung\n")
    assert any(row.startswith("Entscheidung") for row in rows)
    assert not any("Schuldenbereinigungsplan Entscheidung" in row for row in rows)


def test_a_consent_in_a_field_block_is_read() -> None:
    assert read("Zustimmung").decision == "accepted"


def test_a_refusal_in_a_field_block_is_read() -> None:
    assert read("Ablehnung").decision == "declined"
