"""routers/plans.py — settlement plans over HTTP: where a client's plan stands, one plan letter's decision
history, and a decision an operator records by hand; HTTP only, the rules live in services/plans."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path
from sqlalchemy.orm import Session

from app.database import get_session
from app.models import utcnow
from app.routers.auth import Caller, caller, require_operator
from app.routers.csrf import require_json_same_origin
from app.routers.params import ExternalId
from app.schemas.plans import PlanDecisionHistory, PlanDecisionIn, PlanDecisionOut, PlanStandingOut
from app.services import safetext
from app.services.plans import decisions, recorded, standing

router = APIRouter(prefix="/api/v1", tags=["plans"], dependencies=[Depends(require_operator)])

FirmReference = Annotated[str, Path(min_length=1, max_length=64, description="the firm's reference of the client")]


@router.get("/clients/{firm_reference}/plan", response_model=PlanStandingOut)
def client_plan(firm_reference: FirmReference, session: Session = Depends(get_session),
                who: Caller = Depends(caller)) -> PlanStandingOut:
    """Where the client's settlement plan stands today (the firm's calendar day)."""
    found = standing.load(session, safetext.clean(firm_reference), standing.firm_today(utcnow()), who.acting_firm)
    return PlanStandingOut.of(found)


def _history(session: Session, inquiry_id: str, firm_id: int) -> PlanDecisionHistory:
    inquiry = recorded.plan_letter(session, inquiry_id, firm_id)
    rows = decisions.history(session, inquiry.id)
    current = decisions.current(session, [inquiry.id]).get(inquiry.id)
    return PlanDecisionHistory(inquiry_id=inquiry.external_id, creditor_name=inquiry.creditor_name,
                               current=PlanDecisionOut.of(current) if current else None,
                               decisions=[PlanDecisionOut.of(row) for row in rows])


@router.get("/inquiries/{inquiry_id}/plan-decisions", response_model=PlanDecisionHistory)
def plan_decisions(inquiry_id: ExternalId, session: Session = Depends(get_session),
                   who: Caller = Depends(caller)) -> PlanDecisionHistory:
    return _history(session, safetext.clean(inquiry_id), who.acting_firm)


@router.post("/inquiries/{inquiry_id}/plan-decisions", response_model=PlanDecisionHistory, status_code=201,
             dependencies=[Depends(require_json_same_origin)])
def record_plan_decision(inquiry_id: ExternalId, body: PlanDecisionIn, x_reviewer: str | None = Header(default=None),
                         session: Session = Depends(get_session), who: Caller = Depends(caller)) -> PlanDecisionHistory:
    """Record a decision the creditor made outside email, effective now; answers with the letter's history."""
    external_id = safetext.clean(inquiry_id)
    reviewer = body.reviewer or safetext.clean(x_reviewer or "")
    recorded.record(session, external_id, body.decision, reviewer=reviewer, now=utcnow(),
                    counter_offer=body.counter_offer.figures() if body.counter_offer else None, note=body.note,
                    firm_id=who.acting_firm)
    return _history(session, external_id, who.acting_firm)
