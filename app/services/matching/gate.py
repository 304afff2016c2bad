"""matching/gate.py — may a match write the claim alone? Only a clean debt statement within the jump limit."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from app.config import Settings
from app.services.extraction.result import ExtractionResult
from app.services.matching.decide import Decision

Action = Literal["apply", "review", "ignore"]

IGNORED_INTENTS = {
    "auto_reply": "automatic reply: never a claim",
    "spam": "unrelated mail",
}
HUMAN_INTENTS = {
    "payment_plan": "payment plan offered: the client decides",
    "settled": "claim reported settled: closing a claim needs a human",
    "rejection": "creditor declines to state the claim",
    "inquiry": "creditor asks the firm for something first",
}


@dataclass(frozen=True)
class Verdict:
    action: Action
    reasons: tuple[str, ...]


def judge(decision: Decision, extraction: ExtractionResult, known: Decimal | None, current: Decimal | None,
          settings: Settings) -> Verdict:
    """apply: write the stated total; review: a human decides; ignore: nothing to do."""
    if extraction.intent in IGNORED_INTENTS:
        return Verdict("ignore", (IGNORED_INTENTS[extraction.intent],))
    if decision.status != "auto_matched":
        reasons = list(decision.reasons or ("no confident match",))
        if extraction.intent in HUMAN_INTENTS:
            reasons.append(HUMAN_INTENTS[extraction.intent])
        return Verdict("review", tuple(reasons))
    if extraction.intent in HUMAN_INTENTS:
        return Verdict("review", (HUMAN_INTENTS[extraction.intent],))
    reasons = amount_doubts(extraction, known, current, settings.claim_jump_limit)
    return Verdict("review", tuple(reasons)) if reasons else Verdict("apply", ())


def amount_doubts(extraction: ExtractionResult, known: Decimal | None, current: Decimal | None,
                  limit: Decimal) -> list[str]:
    """Why the stated total may not be written without a human (empty: it may)."""
    total = extraction.total_amount
    if extraction.intent != "debt_statement":
        return [f"intent {extraction.intent} is not a debt statement"]
    if total is None:
        return ["no total stated"]
    if not extraction.amount_is_safe:
        return ["amount not safe: " + ("; ".join(extraction.amount_safety_reasons) or "extractor unsure")]
    if extraction.total_evidence is not None and extraction.total_evidence.part in ("quoted", "signature"):
        return [f"total read from {extraction.total_evidence.part} text"]
    if total <= 0:
        return ["a zero total closes the claim: needs a human"]
    doubts = []
    for label, reference in (("known", known), ("current", current)):
        if reference is not None and reference > 0 and abs(total - reference) / reference > limit:
            change = (total - reference) / reference * 100
            doubts.append(f"total {total} is {change:+.0f} % against the {label} amount {reference}")
    return doubts
