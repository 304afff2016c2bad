"""A decision said by what the creditor does or will go on doing, or in an idiom, rather than with "zustimmen" or
"ablehnen"."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import plan_reply
from app.services.parsing import parse_body

PLAN = {"quota_percent": Decimal("10"), "monthly_rate": Decimal("3.20"), "months": Decimal("48")}


def decision(text: str) -> str | None:
    body = f"Guten Tag,\n\n{text}\n\nMit freundlichen Grüßen\nSparkasse Weidenau"
    return plan_reply.read(parse_body(body, None), plan_figures=PLAN).decision


@pytest.mark.parametrize("text", [
    "Wir haben die Raten bei uns eingebucht, wie Sie sie vorschlagen, und das Mahnverfahren angehalten.",
    "Wir halten die Regelung für vertretbar und werden sie so umsetzen.",
    "Unsere Mandantin hat uns mitgeteilt, dass sie mit der vorgeschlagenen Regelung leben kann.",
    "Nach Rücksprache mit dem Vorstand gehen wir diesen Weg mit.",
    "Der Kreditausschuss ist Ihrem Vorschlag gefolgt.",
    "Wenn die laufende Miete wieder pünktlich kommt, soll es an uns nicht scheitern.",
])
def test_a_consent_said_indirectly(text: str) -> None:
    assert decision(text) == "accepted", text


@pytest.mark.parametrize("text", [
    "Den Titel werden wir weiter vollstrecken.",
    "Bitte haben Sie Verständnis, dass wir uns daran nicht beteiligen.",
    "Der Ausschuss ist dem Vorschlag leider nicht gefolgt.",
    "Unter diesen Umständen können wir den Plan nicht unterstützen.",
])
def test_a_refusal_said_indirectly(text: str) -> None:
    assert decision(text) == "declined", text


def test_a_question_whether_other_terms_would_work_is_a_counter_offer() -> None:
    body = ("Guten Tag,\n\nBei 10 % sehe ich keinen Spielraum. Wäre für Ihre Mandantin eine Quote von 18 % "
            "darstellbar? Dann wären wir dabei.\n\nGruß\nVolksbank Weidenau")
    reading = plan_reply.read(parse_body(body, None), plan_figures=PLAN)
    assert reading.decision == "counter_offer"
    assert reading.counter_offer["quota_percent"] == Decimal("18.00")
