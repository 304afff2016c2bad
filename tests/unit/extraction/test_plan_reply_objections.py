"""Plan replies in the words of the court procedure, in wording written for these tests: objections raised
against the plan are a refusal, objections not raised are an agreement (for a human to confirm)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract, plan_reply
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("300.00"), "quota_percent": D("8"), "monthly_rate": D("5.00"), "months": D("60")}


def read(text: str) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(f"Guten Tag,\n\n{text}\n\nGruß\nLeasing Nord", None), plan_figures=PLAN)


@pytest.mark.parametrize("text", [
    "Im Auftrag unserer Mandantin erheben wir gegen den vorgelegten Plan Einwendungen.",
    "Gegen den Schuldenbereinigungsplan werden hiermit Einwände erhoben, die Quote ist unangemessen.",
    "Wir bringen gegen den Plan folgende Einwendungen vor: Die Forderung ist zu niedrig angesetzt.",
])
def test_objections_raised_are_a_refusal(text: str) -> None:
    assert read(text).decision == "declined"


@pytest.mark.parametrize("text", [
    "Einwendungen gegen den Plan werden von uns nicht erhoben.",
    "Einwände erheben wir gegen den Plan nicht.",
    "Gegen den Plan bestehen keinerlei Einwände.",
])
def test_objections_not_raised_are_no_refusal(text: str) -> None:
    reading = read(text)
    assert reading.decision == "accepted"


def test_a_running_monthly_contribution_is_no_claim() -> None:
    body = ("Guten Tag,\n\nder laufende Monatsbeitrag Ihres Mandanten beträgt derzeit 131,40 € und ist zum 15. fällig."
            "\n\nGruß\nBKK Nord")
    result = extract(parse_body(body, None), subject="Beitragskonto 7712", from_email="info@bkk-nord.example",
                     from_name="BKK Nord")
    assert result.total_amount != D("131.40")


@pytest.mark.parametrize(("text", "decision"), [
    ("Wir haben keine Bedenken und stimmen dem Plan zu.", "accepted"),
    ("Wir erheben keine Einwendungen und sind mit dem Plan einverstanden.", "accepted"),
    ("Wir haben keine Einwände gegen die Laufzeit, stimmen dem Plan aber nicht zu.", "declined"),
])
def test_the_negation_in_no_objections_does_not_negate_the_agreement_beside_it(text: str, decision: str) -> None:
    assert read(text).decision == decision
