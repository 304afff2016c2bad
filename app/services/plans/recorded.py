"""services/plans/recorded.py — decisions an operator records by hand (a creditor answered by phone or letter);
invariant: such a decision names its reviewer, is effective the moment it is recorded, and only a plan letter
has decisions."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from app.errors import NotFound, RejectedInput
from app.models import DEFAULT_FIRM_ID, Inquiry, PlanDecision
from app.services import inquiries
from app.services.plans import decisions
from app.services.plans.decisions import DecisionName

REVIEWER_MAX = 200


def plan_letter(session: Session, external_id: str, firm_id: int = DEFAULT_FIRM_ID) -> Inquiry:
    """The firm's plan letter with this portal id; NotFound when there is none (or it is a first letter)."""
    inquiry = inquiries.get(session, external_id, firm_id)
    if inquiry.letter_type != "plan":
        raise NotFound(f"inquiry {external_id} is not a plan letter")
    return inquiry


def record(session: Session, external_id: str, decision: DecisionName, *, reviewer: str, now: datetime,
           counter_offer: Mapping[str, Decimal] | None = None, note: str | None = None,
           firm_id: int = DEFAULT_FIRM_ID) -> PlanDecision:
    """Append a reviewer's decision to the plan letter's history, effective `now`. Flushes, never commits."""
    if not reviewer.strip():
        raise RejectedInput("name the reviewer (X-Reviewer header or `reviewer` field)")
    if len(reviewer.strip()) > REVIEWER_MAX:
        raise RejectedInput(f"a reviewer's name has at most {REVIEWER_MAX} characters")
    inquiry = plan_letter(session, external_id, firm_id)
    return decisions.record(session, inquiry, decisions.NewDecision(
        decision=decision, actor_kind="reviewer", decided_by=reviewer, effective_at=now,
        counter_offer=counter_offer or None, note=note,
    ))
