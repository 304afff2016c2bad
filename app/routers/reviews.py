"""routers/reviews.py — the review queue over HTTP: list, approve / correct / reject, each audited."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from fastapi import APIRouter, Depends, Header, Response
from sqlalchemy.orm import Session

from app.config import get_settings
from app.database import get_session, session_scope
from app.models import Inquiry, Review, utcnow
from app.routers.auth import Caller, caller, not_found_unless_seen, require_operator
from app.routers.csrf import require_json_same_origin
from app.routers.params import DEFAULT_LIMIT, Limit, Offset, RowId
from app.schemas.reviews import Correction, Decision, ReviewList, ReviewOut
from app.services import money, outbox, review, review_claims

router = APIRouter(prefix="/api/v1/reviews", tags=["reviews"], dependencies=[Depends(require_operator)])

API_WRITE = [Depends(require_json_same_origin)]
ReviewStatus = Literal["open", "approved", "corrected", "rejected"]


def _external_id(session: Session, inquiry_id: int | None) -> str | None:
    inquiry = session.get(Inquiry, inquiry_id) if inquiry_id is not None else None
    return inquiry.external_id if inquiry else None


def shape(session: Session, item: Review) -> ReviewOut:
    return ReviewOut(
        id=item.id, email_id=item.email_id, status=item.status, inquiry_id=_external_id(session, item.inquiry_id),
        reasons=item.reasons, intent=item.intent, proposed_amount=item.proposed_amount,
        proposed_components={k: money.exact(v) for k, v in (item.proposed_components or {}).items()},
        match_status=item.match_status, match_confidence=item.match_confidence, explanation=item.explanation,
        created_at=item.created_at, decided_by=item.decided_by, decided_at=item.decided_at,
        decision_note=item.decision_note, final_inquiry_id=_external_id(session, item.final_inquiry_id),
        final_amount=item.final_amount, claim_history_id=item.claim_history_id,
        proposed_plan_decision=item.proposed_plan_decision,
        proposed_counter_offer=_figures(item.proposed_counter_offer),
        final_plan_decision=item.final_plan_decision, final_counter_offer=_figures(item.final_counter_offer),
        plan_decision_id=item.plan_decision_id, priority=item.priority,
        claimed_by=item.claimed_by if _claim_live(item) else None,
        claimed_until=item.claimed_until if _claim_live(item) else None,
    )


def _claim_live(item: Review) -> bool:
    return item.status == "open" and item.claimed_until is not None and item.claimed_until > utcnow()


def _figures(stored: dict[str, str] | None) -> dict[str, Decimal] | None:
    return {name: money.exact(value) for name, value in stored.items()} if stored else None


def _plan_answer(body: Correction) -> review.PlanAnswer | None:
    if body.plan_decision is None:
        return None
    return review.PlanAnswer(body.plan_decision, body.counter_offer.figures() if body.counter_offer else None)


def _reviewer(header: str | None, body: Decision | None) -> str:
    return (body.reviewer if body and body.reviewer else header) or ""


@router.get("", response_model=ReviewList)
def list_reviews(
    status: ReviewStatus | None = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    session: Session = Depends(get_session),
    who: Caller = Depends(caller),
) -> ReviewList:
    total, page = review.list_reviews(session, status, limit, offset, who.firm_id)
    return ReviewList(total=total, limit=limit, offset=offset, reviews=[shape(session, r) for r in page])


@router.get("/{review_id}", response_model=ReviewOut)
def get_review(review_id: RowId, session: Session = Depends(get_session), who: Caller = Depends(caller)) -> ReviewOut:
    return shape(session, _seen(session, who, review_id))


def _seen(session: Session, who: Caller, review_id: int) -> Review:
    """The review, or the same 404 as for a missing one when it belongs to another firm."""
    found = review.get(session, review_id)
    not_found_unless_seen(who, found.firm_id, f"review {review_id}")
    return found


@router.post("/claim-next", response_model=ReviewOut, dependencies=API_WRITE,
             responses={204: {"description": "no free open review"}})
def claim_next(body: Decision | None = None, x_reviewer: str | None = Header(default=None),
               who: Caller = Depends(caller)) -> ReviewOut | Response:
    """The next review for this reviewer (their own live claim first, else the highest priority, oldest),
    claimed for REVIEW_CLAIM_SECONDS; 204 when no open review is free."""
    with session_scope() as session:
        found = review_claims.claim_next(session, _reviewer(x_reviewer, body), get_settings(), who.firm_id)
        if found is None:
            return Response(status_code=204)
        return shape(session, found)


@router.post("/{review_id}/claim", response_model=ReviewOut, dependencies=API_WRITE)
def claim(review_id: RowId, body: Decision | None = None, x_reviewer: str | None = Header(default=None),
          who: Caller = Depends(caller)) -> ReviewOut:
    """Hold an open review (or renew one's own hold); 409 naming the holder when someone else has it."""
    with session_scope() as session:
        _seen(session, who, review_id)
        return shape(session, review_claims.claim(session, review_id, _reviewer(x_reviewer, body), get_settings()))


@router.post("/{review_id}/release", response_model=ReviewOut, dependencies=API_WRITE)
def release(review_id: RowId, body: Decision | None = None,
            x_reviewer: str | None = Header(default=None), who: Caller = Depends(caller)) -> ReviewOut:
    with session_scope() as session:
        _seen(session, who, review_id)
        return shape(session, review_claims.release(session, review_id, _reviewer(x_reviewer, body)))


# Decisions commit in their own unit of work so the outbox is woken only after the commit.
@router.post("/{review_id}/approve", response_model=ReviewOut, dependencies=API_WRITE)
def approve(review_id: RowId, body: Decision | None = None,
            x_reviewer: str | None = Header(default=None), who: Caller = Depends(caller)) -> ReviewOut:
    with session_scope() as session:
        _seen(session, who, review_id)
        decided = review.approve(session, review_id, _reviewer(x_reviewer, body), body.note if body else None,
                                 get_settings())
        shaped = shape(session, decided.review)
    outbox.send_after_commit(decided.outbox_ids)
    return shaped


@router.post("/{review_id}/correct", response_model=ReviewOut, dependencies=API_WRITE)
def correct(review_id: RowId, body: Correction, x_reviewer: str | None = Header(default=None),
            who: Caller = Depends(caller)) -> ReviewOut:
    with session_scope() as session:
        _seen(session, who, review_id)
        decided = review.correct(session, review_id, _reviewer(x_reviewer, body), body.note, get_settings(),
                                 amount=body.amount, inquiry_external_id=body.inquiry_id, plan=_plan_answer(body))
        shaped = shape(session, decided.review)
    outbox.send_after_commit(decided.outbox_ids)
    return shaped


@router.post("/{review_id}/reject", response_model=ReviewOut, dependencies=API_WRITE)
def reject(review_id: RowId, body: Decision | None = None,
           x_reviewer: str | None = Header(default=None), who: Caller = Depends(caller)) -> ReviewOut:
    with session_scope() as session:
        _seen(session, who, review_id)
        decided = review.reject(session, review_id, _reviewer(x_reviewer, body), body.note if body else None)
        shaped = shape(session, decided.review)
    return shaped
