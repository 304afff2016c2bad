"""services/calibration.py — what the review queue says about the thresholds: which rule sent how many
emails to a human, how often the human confirmed what the system proposed, and for the three tunable
thresholds how far each could be relaxed without one wrong write among the reviews already decided.

A review's reasons are the sentences the rules wrote (services/matching/decide.py, gate.py,
written_names.py, plan_stage.py); `rule_of` names the rule behind each. "Confirmed" means the human
wrote what the system proposed (approved, or corrected to the same inquiry, amount and plan decision).
The counterfactual for a threshold takes only reviews that threshold alone opened; for the matching
thresholds it also re-checks the amount gates (services/matching/gate.amount_doubts) on the stored
extraction against the known amount, because a match below the threshold never reached those gates.
The claim on file at the time is not kept on the review, so a jump against it is not re-checked."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import Settings
from app.models import IncomingEmail, Inquiry, Review
from app.services.extraction.result import ExtractionResult
from app.services.matching import gate

Direction = Literal["lower", "raise"]

_CONFIDENCE = re.compile(r"^confidence (\d+(?:\.\d+)?) below")
_AMBIGUOUS = re.compile(r"^ambiguous: .* scores (\d+(?:\.\d+)?) against (\d+(?:\.\d+)?)")
_JUMP = re.compile(r"^total .* is ([+-]\d+) % against the (known|current) amount")
_INTENTS = {text: f"intent_{intent}" for intent, text in gate.HUMAN_INTENTS.items()}
_PREFIXES = (
    ("best candidate only", "match_review_threshold"), ("no inquiry fits", "no_candidate"),
    ("no confident match", "no_candidate"), ("conflicting evidence", "conflicting_evidence"),
    ("name conflict", "name_conflict"), ("total readable only by OCR", "ocr_total"),
    ("amount not safe", "amount_not_safe"), ("total read from", "total_in_quote_or_signature"),
    ("a zero total", "zero_total"), ("no amount on file", "uncorroborated_total"), ("no total stated", "no_total"),
    ("intent ", "not_a_statement"), ("plan decision", "plan_decision"), ("the reply states a claim", "plan_claim"),
)


@dataclass(frozen=True)
class Reason:
    rule: str
    value: float | None = None  # the figure a threshold is compared with, when the rule is a threshold


@dataclass(frozen=True)
class Threshold:
    setting: str
    rule: str
    direction: Direction  # which way relaxes it: lower the bar, or raise the limit


THRESHOLDS = (
    Threshold("MATCH_AUTO_THRESHOLD", "match_auto_threshold", "lower"),
    Threshold("MATCH_AMBIGUITY_MARGIN", "match_ambiguity_margin", "lower"),
    Threshold("CLAIM_JUMP_LIMIT", "claim_jump_limit", "raise"),
)


def rule_of(reason: str) -> Reason:
    if found := _CONFIDENCE.match(reason):
        return Reason("match_auto_threshold", float(found[1]))
    if found := _AMBIGUOUS.match(reason):
        # Ambiguous while the gap is at most the margin: a margin one hundredth below the gap clears it.
        return Reason("match_ambiguity_margin", max(round(float(found[2]) - float(found[1]) - 0.01, 2), 0.0))
    if found := _JUMP.match(reason):
        return Reason("claim_jump_limit", abs(int(found[1])) / 100)
    if reason in _INTENTS:
        return Reason(_INTENTS[reason])
    for prefix, rule in _PREFIXES:
        if reason.startswith(prefix):
            return Reason(rule)
    if reason.endswith("is no plan letter"):
        return Reason("not_a_plan_letter")
    return Reason("other")


@dataclass
class RuleCount:
    rule: str
    reviews: int = 0
    sole_cause: int = 0
    decided: int = 0
    confirmed: int = 0

    @property
    def confirm_rate(self) -> float | None:
        return round(self.confirmed / self.decided, 3) if self.decided else None


@dataclass(frozen=True)
class Candidate:
    value: float
    removed: int
    removed_decided: int
    wrong_writes: int


@dataclass(frozen=True)
class ThresholdReport:
    setting: str
    current: float
    direction: Direction
    candidates: list[Candidate]
    safe_value: float | None  # the most relaxed value with no wrong write among decided reviews
    removed_at_safe: int


@dataclass
class Report:
    reviews: int = 0
    open: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    confirmed: int = 0
    rules: list[RuleCount] = field(default_factory=list)
    thresholds: list[ThresholdReport] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "reviews": self.reviews, "open": self.open, "decided": sum(self.outcomes.values()),
            "outcomes": dict(self.outcomes), "confirmed": self.confirmed,
            "rules": [{"rule": r.rule, "reviews": r.reviews, "sole_cause": r.sole_cause, "decided": r.decided,
                       "confirmed": r.confirmed, "confirm_rate": r.confirm_rate} for r in self.rules],
            "thresholds": [{"setting": t.setting, "current": t.current, "direction": t.direction,
                            "safe_value": t.safe_value, "removed_at_safe": t.removed_at_safe,
                            "candidates": [c.__dict__ for c in t.candidates]} for t in self.thresholds],
        }


@dataclass(frozen=True)
class Case:
    reasons: tuple[Reason, ...]
    decided: bool
    confirmed: bool
    amount_gates_pass: bool


def confirmed(review: Review) -> bool:
    if review.status == "approved":
        return True
    return (review.status == "corrected" and review.final_inquiry_id == review.inquiry_id
            and review.final_amount == review.proposed_amount
            and review.final_plan_decision == review.proposed_plan_decision)


def build(session: Session, settings: Settings, since: datetime | None = None) -> Report:
    statement = select(Review, IncomingEmail.extracted_data, Inquiry.known_amount).join(
        IncomingEmail, IncomingEmail.id == Review.email_id).outerjoin(Inquiry, Inquiry.id == Review.inquiry_id)
    if since is not None:
        statement = statement.where(Review.created_at >= since)
    rows = session.execute(statement).all()
    cases = [_case(review, extracted, known, settings) for review, extracted, known in rows]
    report = Report(reviews=len(cases), open=sum(1 for c in cases if not c.decided),
                    outcomes=Counter(review.status for review, *_ in rows if review.status != "open"))
    report.confirmed = sum(1 for c in cases if c.decided and c.confirmed)
    report.rules = count_rules(cases)
    current = {"MATCH_AUTO_THRESHOLD": settings.match_auto_threshold,
               "MATCH_AMBIGUITY_MARGIN": settings.match_ambiguity_margin,
               "CLAIM_JUMP_LIMIT": float(settings.claim_jump_limit)}
    report.thresholds = [relax(t, current[t.setting], cases) for t in THRESHOLDS]
    return report


def _case(review: Review, extracted: dict[str, Any] | None, known: Decimal | None, settings: Settings) -> Case:
    reasons = tuple(rule_of(text) for text in review.reasons or ())
    return Case(reasons, review.status != "open", confirmed(review),
                _amount_gates_pass(extracted, known, settings.claim_jump_limit))


def _amount_gates_pass(extracted: dict[str, Any] | None, known: Decimal | None, limit: Decimal) -> bool:
    stored = (extracted or {}).get("extraction")
    if not stored:
        return False
    try:
        extraction = ExtractionResult.model_validate(stored)
    except ValidationError:
        return False
    return not gate.amount_doubts(extraction, known, None, limit)


def count_rules(cases: Sequence[Case]) -> list[RuleCount]:
    counts: dict[str, RuleCount] = {}
    for case in cases:
        rules = {reason.rule for reason in case.reasons}
        for rule in rules:
            row = counts.setdefault(rule, RuleCount(rule))
            row.reviews += 1
            row.sole_cause += len(rules) == 1
            row.decided += case.decided
            row.confirmed += case.decided and case.confirmed
    return sorted(counts.values(), key=lambda r: (-r.reviews, r.rule))


def relax(threshold: Threshold, current: float, cases: Iterable[Case]) -> ThresholdReport:
    """For each value the reviews it alone opened suggest: how many would not have been opened, and how
    many of the decided ones a human did not confirm (each a wrong write had the system acted)."""
    alone: list[tuple[float, Case]] = []
    for case in cases:
        rules = {reason.rule for reason in case.reasons}
        values = [reason.value for reason in case.reasons if reason.rule == threshold.rule and reason.value is not None]
        if rules != {threshold.rule} or not values:
            continue
        if threshold.rule != "claim_jump_limit" and not case.amount_gates_pass:
            continue
        # The bar a review would have to clear: its lowest confidence / smallest gap, its largest jump.
        alone.append((max(values) if threshold.direction == "raise" else min(values), case))
    candidates: list[Candidate] = []
    for value in sorted({v for v, _ in alone}, reverse=threshold.direction == "lower"):
        removed = [c for v, c in alone if (v >= value if threshold.direction == "lower" else v <= value)]
        decided = [c for c in removed if c.decided]
        candidates.append(Candidate(value, len(removed), len(decided), sum(1 for c in decided if not c.confirmed)))
    most: Candidate | None = None
    for candidate in candidates:  # from the least to the most relaxed; wrong writes only grow
        if candidate.wrong_writes:
            break
        most = candidate
    return ThresholdReport(threshold.setting, current, threshold.direction, candidates,
                           most.value if most else None, most.removed if most else 0)
