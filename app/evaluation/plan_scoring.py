"""evaluation/plan_scoring.py — score replies to settlement plans; invariant: only corpora that label
`plan_decision` are scored, a reply read as no plan reply predicts decision null, and a counter-offer is right
only when exactly the stated figures are predicted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.evaluation.corpus import ExpectedLabels
from app.evaluation.predict import Prediction
from app.evaluation.scoring import ratio


@dataclass(frozen=True)
class PlanMiss:
    email_id: str
    field: str
    expected: str
    predicted: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class PlanFigures:
    emails: int
    decision_correct: int
    counter_emails: int
    counter_correct: int
    claim_writes: int
    recorded_alone: int
    wrong_recorded: tuple[str, ...]
    misses: tuple[PlanMiss, ...]

    @property
    def decision_accuracy(self) -> float:
        return ratio(self.decision_correct, self.emails)

    @property
    def counter_accuracy(self) -> float:
        return ratio(self.counter_correct, self.counter_emails)

    def as_json(self) -> dict[str, Any]:
        return {
            "plan_decision_accuracy": self.decision_accuracy, "plan_decision_emails": self.emails,
            "plan_decision_correct": self.decision_correct, "counter_offer_accuracy": self.counter_accuracy,
            "counter_offer_emails": self.counter_emails, "counter_offer_correct": self.counter_correct,
            "claims_written_from_plan_replies": self.claim_writes, "decisions_recorded_alone": self.recorded_alone,
            "wrong_decisions_recorded_alone": list(self.wrong_recorded),
            "plan_misses": [vars(miss) | {"reasons": list(miss.reasons)} for miss in self.misses],
        }

    def lines(self) -> list[str]:
        lines = [
            f"plan decision:       {self.decision_accuracy:.1%} ({self.decision_correct}/{self.emails})",
            f"counter-offer:       {self.counter_accuracy:.1%} ({self.counter_correct}/{self.counter_emails} emails "
            "with a counter-offer expected or predicted)",
            f"claims written from plan replies: {self.claim_writes}",
            f"decisions recorded alone: {self.recorded_alone}, wrong: {len(self.wrong_recorded)}"
            + (f" ({', '.join(self.wrong_recorded)})" if self.wrong_recorded else ""),
        ]
        for miss in self.misses:
            lines.append(f"  {miss.email_id} {miss.field}: expected {miss.expected}, predicted {miss.predicted}")
            lines.extend(f"      reason: {reason}" for reason in miss.reasons[:4])
        return lines


def predicted_decision(prediction: Prediction) -> str | None:
    plan = prediction.result.plan
    return plan.decision if plan is not None else None


def predicted_counter(prediction: Prediction) -> dict[str, Decimal] | None:
    plan = prediction.result.plan
    return {str(name): value for name, value in plan.counter_offer.items()} if plan and plan.counter_offer else None


def _text(figures: Mapping[str, Decimal] | None) -> str:
    if not figures:
        return "null"
    return ", ".join(f"{name} {value.normalize()}" for name, value in sorted(figures.items()))


def score_plans(predictions: Sequence[Prediction], labels: Mapping[str, ExpectedLabels]) -> PlanFigures | None:
    """The plan figures of a corpus that labels plan decisions, else None."""
    if not any(label.labels_plan for label in labels.values()):
        return None
    emails = correct = counter_emails = counter_correct = writes = recorded = 0
    wrong: list[str] = []
    misses: list[PlanMiss] = []
    for prediction in predictions:
        label = labels.get(prediction.email_id)
        if label is None or not label.labels_plan:
            continue
        emails += 1
        decision, counter = predicted_decision(prediction), predicted_counter(prediction)
        reasons = tuple(prediction.result.plan.reasons) if prediction.result.plan else ()
        if decision == label.plan_decision:
            correct += 1
        else:
            misses.append(PlanMiss(prediction.email_id, "plan_decision", str(label.plan_decision), str(decision),
                                   reasons))
        expected = dict(label.counter_offer) if label.counter_offer else None
        if expected or counter:
            counter_emails += 1
            if expected == counter:
                counter_correct += 1
            else:
                misses.append(PlanMiss(prediction.email_id, "counter_offer", _text(expected), _text(counter), reasons))
        writes += prediction.match.auto_applied and (label.plan_decision is not None
                                                     or prediction.result.intent == "plan_response")
        if prediction.match.plan_recorded:
            recorded += 1
            if decision != label.plan_decision or prediction.match.inquiry_id != label.inquiry_id:
                wrong.append(prediction.email_id)
    return PlanFigures(emails, correct, counter_emails, counter_correct, writes, recorded, tuple(wrong),
                       tuple(misses))
