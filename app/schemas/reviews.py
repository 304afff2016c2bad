"""schemas/reviews.py — request and response models of the review queue API."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.schemas.plans import CounterOfferIn as CounterOffer
from app.services.safetext import SafeTextModel


class Decision(SafeTextModel):
    """Body of approve / reject: who decides (unless the X-Reviewer header says) and why."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    reviewer: str | None = Field(default=None, max_length=200)
    note: str | None = Field(default=None, max_length=2000)


class Correction(Decision):
    """Body of correct: the human's amount, the inquiry the reply really answers, and for a reply to a
    settlement plan the creditor's decision (with a counter-offer's figures)."""

    amount: Decimal | None = Field(default=None, ge=0, max_digits=12, decimal_places=2)
    inquiry_id: str | None = Field(default=None, min_length=1, max_length=64)
    plan_decision: Literal["accepted", "declined", "counter_offer", "needs_info", "unclear"] | None = None
    counter_offer: CounterOffer | None = None

    @model_validator(mode="after")
    def _figures_only_for_a_counter_offer(self) -> Correction:
        if self.counter_offer is not None and self.plan_decision != "counter_offer":
            raise ValueError("counter_offer figures belong to plan_decision counter_offer")
        return self


class ReviewOut(BaseModel):
    id: int
    email_id: int
    status: str
    inquiry_id: str | None
    reasons: list[str]
    intent: str | None
    proposed_amount: Decimal | None
    proposed_components: dict[str, Decimal]
    match_status: str
    match_confidence: float
    explanation: list[dict[str, Any]]
    created_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    decision_note: str | None
    final_inquiry_id: str | None
    final_amount: Decimal | None
    claim_history_id: int | None
    proposed_plan_decision: str | None = None
    proposed_counter_offer: dict[str, Decimal] | None = None
    final_plan_decision: str | None = None
    final_counter_offer: dict[str, Decimal] | None = None
    plan_decision_id: int | None = None
    priority: int = 0
    claimed_by: str | None = None
    claimed_until: datetime | None = None


class ReviewList(BaseModel):
    total: int
    limit: int
    offset: int
    reviews: list[ReviewOut]
