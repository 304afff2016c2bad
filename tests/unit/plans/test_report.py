"""The terminal wording of a plan standing: German notation, counter-offer figures by name, overdue letters
and the § 309 verdict 'cannot tell yet' while a claim has no figure."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from app.services.plans.offer import PlanOffer
from app.services.plans.report import text
from app.services.plans.standing import CurrentDecision, PlanLetter, assess

FLEXIBLE = PlanOffer(type="flexible", monthly_rate=Decimal("12.50"), months=48, offer_amount=Decimal("600.00"),
                     reply_by=date(2027, 1, 10))


def test_a_pending_plan_reads_with_its_counter_offer_overdue_letter_and_open_verdict() -> None:
    counter = CurrentDecision(decision="counter_offer", effective_at=datetime(2027, 1, 5, 8, tzinfo=UTC),
                              actor_kind="system", decided_by="reply-reader",
                              counter_offer={"monthly_rate": Decimal("20"), "months": Decimal("36")})
    agreed = CurrentDecision(decision="accepted", effective_at=datetime(2027, 1, 6, 8, tzinfo=UTC),
                             actor_kind="reviewer", decided_by="Frau Quandt")
    standing = assess("KT-5", "Malte Iversen", [
        (PlanLetter("PR-1", "Sielbank", Decimal("15000.00"), FLEXIBLE), agreed),
        (PlanLetter("PR-2", "Fehnmobil", None, FLEXIBLE), None),
        (PlanLetter("PR-3", "Warft Energie", Decimal("250.00"), FLEXIBLE), agreed),
    ], date(2027, 1, 20))
    shown = text(standing)
    assert shown.startswith("Settlement plan of Malte Iversen (KT-5) as of 2027-01-20")
    sielbank = next(line for line in shown.splitlines() if line.startswith("PR-1"))
    assert "15.000,00 €" in sielbank and "flexible 600,00 € 12,50 € × 48" in sielbank
    assert "2027-01-06" in sielbank and "Frau Quandt (reviewer)" in sielbank
    assert "no answer, OVERDUE" in next(line for line in shown.splitlines() if line.startswith("PR-2"))
    assert "Agreed by heads:  2 of 3 (66,67 %)" in shown
    assert "Agreed by claims: 15.250,00 € of 15.250,00 € (100,00 %); 1 claim(s) without a figure" in shown
    assert "Outcome:          pending" in shown and "waiting for Fehnmobil (PR-2)" in shown
    assert "§ 309 InsO:       cannot tell yet" in shown

    refused = assess("KT-5", "Malte Iversen", [(PlanLetter("PR-1", "Sielbank", Decimal("15000.00"), FLEXIBLE),
                                                counter)], date(2027, 1, 20))
    line = next(line for line in text(refused).splitlines() if line.startswith("PR-1"))
    assert "monthly rate 20,00 €, 36 months" in line and "reply-reader (system)" in line
    assert "§ 309 InsO:       not possible" in text(refused)
