"""schemas/plans.py — request and response models of the settlement-plan API; amounts travel as decimal strings."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.models import PlanDecision
from app.services import money
from app.services.plans.decisions import DecisionName
from app.services.plans.offer import PlanOffer
from app.services.plans.standing import CreditorStanding, Standing
from app.services.safetext import SafeTextModel


class CounterOfferIn(BaseModel):
    """The creditor's own figures; only those it stated."""

    model_config = ConfigDict(extra="forbid")

    offer_amount: Decimal | None = Field(default=None, ge=0, max_digits=12, decimal_places=2)
    quota_percent: Decimal | None = Field(default=None, ge=0, le=100, max_digits=6, decimal_places=3)
    monthly_rate: Decimal | None = Field(default=None, ge=0, max_digits=12, decimal_places=2)
    months: int | None = Field(default=None, ge=1, le=600)

    def figures(self) -> dict[str, Decimal]:
        return {name: money.exact(value) for name, value in self.model_dump(exclude_none=True).items()}


class PlanDecisionIn(SafeTextModel):
    """An operator records a decision the creditor made outside email (by phone, by letter)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    decision: DecisionName
    counter_offer: CounterOfferIn | None = None
    reviewer: str | None = Field(default=None, max_length=200)
    note: str | None = Field(default=None, max_length=2000)


class PlanDecisionOut(BaseModel):
    id: int
    decision: str
    counter_offer: dict[str, Decimal] | None
    conditions: list[str]
    reasons: list[str]
    actor_kind: str
    decided_by: str
    note: str | None
    effective_at: datetime
    recorded_at: datetime
    source_email_id: int | None
    review_id: int | None

    @classmethod
    def of(cls, row: PlanDecision) -> PlanDecisionOut:
        return cls(
            id=row.id, decision=row.decision, conditions=list(row.conditions or []), reasons=list(row.reasons or []),
            counter_offer={k: money.exact(v) for k, v in row.counter_offer.items()} if row.counter_offer else None,
            actor_kind=row.actor_kind, decided_by=row.decided_by, note=row.note, effective_at=row.effective_at,
            recorded_at=row.recorded_at, source_email_id=row.source_email_id, review_id=row.review_id,
        )


class PlanDecisionHistory(BaseModel):
    inquiry_id: str
    creditor_name: str
    current: PlanDecisionOut | None
    decisions: list[PlanDecisionOut] = Field(description="oldest effective first")


class PlanCreditorOut(BaseModel):
    inquiry_id: str
    creditor_name: str
    claim: Decimal | None = Field(description="the claim the plan lists; null when it names no figure")
    offer: PlanOffer | None
    decision: str | None = Field(description="the current decision; null when the creditor has not answered")
    counter_offer: dict[str, Decimal] | None
    decided_at: datetime | None
    decided_by: str | None
    actor_kind: str | None
    overdue: bool

    @classmethod
    def of(cls, creditor: CreditorStanding) -> PlanCreditorOut:
        current = creditor.current
        return cls(
            inquiry_id=creditor.letter.inquiry_id, creditor_name=creditor.letter.creditor_name,
            claim=creditor.letter.claim, offer=creditor.letter.offer, decision=creditor.decision,
            counter_offer=dict(current.counter_offer) if current and current.counter_offer else None,
            decided_at=current.effective_at if current else None, decided_by=current.decided_by if current else None,
            actor_kind=current.actor_kind if current else None, overdue=creditor.overdue,
        )


class ReplacementOut(BaseModel):
    """§ 309 InsO: `possible` is null when claims without a figure decide it."""

    possible: bool | None
    heads_agreed: int
    heads_total: int
    heads_percent: Decimal | None
    claims_agreed: Decimal
    claims_total: Decimal
    claims_percent: Decimal | None
    unknown_claims_agreed: int
    unknown_claims_other: int
    reasons: list[str]


class PlanStandingOut(BaseModel):
    firm_reference: str
    client_name: str
    as_of: date
    outcome: Literal["accepted", "failed", "pending"]
    certificate_of_failure: bool = Field(description="§ 305 Abs. 1 Nr. 1 InsO: the out-of-court attempt failed")
    reasons: list[str]
    outstanding: list[str]
    refused: list[str]
    creditors: list[PlanCreditorOut]
    replacement: ReplacementOut

    @classmethod
    def of(cls, standing: Standing) -> PlanStandingOut:
        r = standing.replacement
        return cls(
            firm_reference=standing.firm_reference, client_name=standing.client_name, as_of=standing.today,
            outcome=standing.outcome, certificate_of_failure=standing.certificate_of_failure,
            reasons=list(standing.reasons), outstanding=list(standing.outstanding), refused=list(standing.refused),
            creditors=[PlanCreditorOut.of(c) for c in standing.creditors],
            replacement=ReplacementOut(
                possible=r.possible, heads_agreed=r.heads_agreed, heads_total=r.heads_total,
                heads_percent=r.heads_percent, claims_agreed=r.claims_agreed, claims_total=r.claims_total,
                claims_percent=r.claims_percent, unknown_claims_agreed=r.unknown_agreed,
                unknown_claims_other=r.unknown_other, reasons=list(r.reasons),
            ),
        )
