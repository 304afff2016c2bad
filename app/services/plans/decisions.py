"""services/plans/decisions.py — the only writer of plan decisions; invariant: rows are appended, never
changed, one system row per (plan letter, email), and the current decision is the latest effective row."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import RejectedInput
from app.models import Inquiry, PlanDecision, utcnow
from app.services import instants

DecisionName = Literal["accepted", "declined", "counter_offer", "needs_info", "unclear"]
DECISIONS: tuple[DecisionName, ...] = ("accepted", "declined", "counter_offer", "needs_info", "unclear")


@dataclass(frozen=True)
class NewDecision:
    """One decision to record. `effective_at` is when the creditor said it (the reply's arrival);
    `counter_offer` holds only the figures the creditor stated."""

    decision: DecisionName
    actor_kind: Literal["system", "reviewer"]
    decided_by: str
    effective_at: datetime
    counter_offer: Mapping[str, Decimal] | None = None
    conditions: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    evidence: Mapping[str, Any] = field(default_factory=dict)
    source_email_id: int | None = None
    review_id: int | None = None
    note: str | None = None


def stored_figures(figures: Mapping[str, Decimal] | None) -> dict[str, str] | None:
    """Counter-offer figures as the JSON column keeps them (decimal strings); None when there are none."""
    if not figures:
        return None
    return {name: str(value) for name, value in sorted(figures.items())}


def record(session: Session, inquiry: Inquiry, new: NewDecision) -> PlanDecision:
    """Append `new` to the plan letter's history. Processing the same email again returns the row the
    system already wrote for it instead of a second one. Flushes, never commits."""
    if inquiry.letter_type != "plan":
        raise RejectedInput(f"inquiry {inquiry.external_id} is not a plan letter", status_code=409)
    if new.decision not in DECISIONS:
        raise RejectedInput(f"unknown plan decision {new.decision!r}; one of {', '.join(DECISIONS)}")
    if new.decision != "counter_offer" and new.counter_offer:
        raise RejectedInput("only a counter_offer carries counter-offer figures")
    if new.actor_kind == "system" and new.source_email_id is not None:
        earlier = session.scalars(select(PlanDecision).where(
            PlanDecision.inquiry_id == inquiry.id, PlanDecision.source_email_id == new.source_email_id,
            PlanDecision.actor_kind == "system")).first()
        if earlier is not None:
            return earlier
    row = PlanDecision(
        inquiry_id=inquiry.id, decision=new.decision, counter_offer=stored_figures(new.counter_offer),
        conditions=list(new.conditions), reasons=list(new.reasons), evidence=dict(new.evidence),
        source_email_id=new.source_email_id, review_id=new.review_id, actor_kind=new.actor_kind,
        decided_by=new.decided_by.strip(), note=new.note, effective_at=instants.bounded_utc(new.effective_at),
        recorded_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return row


def history(session: Session, inquiry_id: int) -> list[PlanDecision]:
    """Every decision recorded for one plan letter, oldest effective first."""
    return list(session.scalars(select(PlanDecision).where(PlanDecision.inquiry_id == inquiry_id)
                                .order_by(PlanDecision.effective_at, PlanDecision.id)))


def current(session: Session, inquiry_ids: Iterable[int]) -> dict[int, PlanDecision]:
    """The decision in force per plan letter: the latest effective row (a later recording of the same
    moment, such as a reviewer's correction, wins over an earlier one)."""
    wanted = list(inquiry_ids)
    if not wanted:
        return {}
    rows = session.scalars(select(PlanDecision).where(PlanDecision.inquiry_id.in_(wanted))
                           .order_by(PlanDecision.inquiry_id, PlanDecision.effective_at, PlanDecision.id))
    latest: dict[int, PlanDecision] = {}
    for row in rows:
        latest[row.inquiry_id] = row
    return latest
