"""Instalments the creditor grants in passing beside its statement, in wording written for these tests: the client
decides on a plan, so the reply is an instalment offer and its figure is not written alone. A plan said to be
impossible, a rate already running and a way to pay are no offer."""

from __future__ import annotations

import pytest

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(reply: str) -> ExtractionResult:
    body = f"Hallo,\n\ndie Rechnung 2106-114 über 386,20 € ist noch offen. {reply}\n\nGruß\nMalerbetrieb Kösters"
    return extract(parse_body(body, None), subject="AW: Forderung Herr Lukas Brenninger",
                   from_email="info@maler-koesters.example", from_name="Malerbetrieb Kösters")


@pytest.mark.parametrize("reply", [
    "Er hat angerufen wegen Raten. Meinetwegen geht das, 3 Raten zu 128,74 €.",
    "Eine Ratenzahlung mit 40,00 € im Monat ist für uns möglich.",
    "Gegen Raten von 50 € monatlich haben wir nichts einzuwenden.",
    "Er darf das gerne in vier Raten zu je 96,55 € zahlen.",
])
def test_instalments_granted_in_passing_are_an_offer(reply: str) -> None:
    result = run(reply)
    assert result.intent == "payment_plan"
    assert not result.amount_is_safe


@pytest.mark.parametrize("reply", [
    "Eine Ratenzahlung ist nach zwei geplatzten Vereinbarungen nicht mehr möglich.",
    "Die Rate von 40 € wird am 15. abgebucht, eine Überweisung ist auch möglich.",
])
def test_a_plan_refused_or_a_way_to_pay_is_no_offer(reply: str) -> None:
    assert run(reply).intent == "debt_statement"
