"""services/review_claims.py — several reviewers on one queue: a reviewer claims a review (or the next one
the queue offers) and holds it for REVIEW_CLAIM_SECONDS; nobody else can decide it meanwhile.

Priority: a tier from the amount at stake (REVIEW_PRIORITY_AMOUNTS, set when the review opens), one tier
more once it has waited REVIEW_ESCALATE_AFTER_HOURS; "next" is the highest tier, oldest first. Every claim
is one conditional UPDATE, so two reviewers asking at once never get the same review; on PostgreSQL the
candidate is picked with FOR UPDATE SKIP LOCKED so they do not even wait on each other."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, CursorResult, and_, case, func, or_, select, update
from sqlalchemy.orm import Session

from app.config import Settings
from app.errors import NotFound, RejectedInput
from app.models import Review, utcnow

OPEN = "open"
_CANDIDATES = 5  # rows tried per round on SQLite, where SKIP LOCKED does not exist


def priority_for(amount_at_stake: Decimal | None, tiers: Sequence[Decimal]) -> int:
    """How many of the ascending tier amounts the amount reaches (0 without an amount)."""
    if amount_at_stake is None:
        return 0
    return sum(1 for threshold in tiers if abs(amount_at_stake) >= threshold)


def reviewer_name(reviewer: str) -> str:
    name = reviewer.strip()
    if not name:
        raise RejectedInput("name the reviewer (X-Reviewer header or `reviewer` field)")
    return name[:200]


def free_for(reviewer: str, now: datetime) -> ColumnElement[bool]:
    """SQL: the review is unclaimed, its claim has expired, or `reviewer` holds it."""
    return or_(Review.claimed_by.is_(None), Review.claimed_until.is_(None), Review.claimed_until <= now,
               func.lower(Review.claimed_by) == reviewer.strip().lower())


def refuse_unless_free(session: Session, review_id: int, reviewer: str, now: datetime) -> None:
    """409 naming who holds the review and until when, when someone else does."""
    row = session.execute(select(Review.claimed_by, Review.claimed_until).where(Review.id == review_id)).first()
    if row is None:
        raise NotFound(f"review {review_id} not found")
    holder, until = row
    if holder and until and until > now and holder.casefold() != reviewer.strip().casefold():
        raise RejectedInput(f"review {review_id} is claimed by {holder} until {until:%Y-%m-%d %H:%M} UTC",
                            status_code=409)


def claim(session: Session, review_id: int, reviewer: str, settings: Settings) -> Review:
    """Claim (or renew one's own claim on) an open review; 409 when decided or held by someone else."""
    name, now = reviewer_name(reviewer), utcnow()
    if _take(session, review_id, name, now, settings):
        return _fresh(session, review_id)
    current = session.get(Review, review_id)
    if current is None:
        raise NotFound(f"review {review_id} not found")
    if current.status != OPEN:
        raise RejectedInput(f"review {review_id} is already {current.status}", status_code=409)
    refuse_unless_free(session, review_id, name, now)
    raise RejectedInput(f"review {review_id} was claimed by someone else just now", status_code=409)


def claim_next(session: Session, reviewer: str, settings: Settings, firm_id: int | None = None) -> Review | None:
    """The reviewer's own unexpired claim if any, else the first free open review by priority then age,
    claimed; None when every open review is held by others (or there is none). Only the firm's reviews
    when `firm_id` is given."""
    name, now = reviewer_name(reviewer), utcnow()
    of_firm = [Review.firm_id == firm_id] if firm_id is not None else []
    own = session.scalar(select(Review.id).where(Review.status == OPEN, Review.claimed_until > now,
                                                 func.lower(Review.claimed_by) == name.lower(), *of_firm)
                         .order_by(Review.claimed_until).limit(1))
    if own is not None and _take(session, own, name, now, settings):
        return _fresh(session, own)
    ranked = (select(Review.id).where(Review.status == OPEN, free_for(name, now), *of_firm)
              .order_by(effective_priority(now, settings).desc(), Review.created_at, Review.id))
    if session.get_bind().dialect.name == "postgresql":
        picked = session.scalar(ranked.limit(1).with_for_update(skip_locked=True))
        if picked is not None and _take(session, picked, name, now, settings):
            return _fresh(session, picked)
        return None
    for _ in range(20):  # SQLite: writers are serialised; a lost race only means the next candidate
        candidates = list(session.scalars(ranked.limit(_CANDIDATES)))
        if not candidates:
            return None
        for candidate in candidates:
            if _take(session, candidate, name, now, settings):
                return _fresh(session, candidate)
    return None


def release(session: Session, review_id: int, reviewer: str) -> Review:
    """Give one's own claim back; releasing a review one does not hold is a 409."""
    name = reviewer_name(reviewer)
    result: CursorResult[Any] = session.execute(  # type: ignore[assignment]
        update(Review).where(Review.id == review_id, func.lower(Review.claimed_by) == name.lower())
        .values(claimed_by=None, claimed_until=None).execution_options(synchronize_session=False))
    if result.rowcount != 1:
        if session.get(Review, review_id) is None:
            raise NotFound(f"review {review_id} not found")
        raise RejectedInput(f"review {review_id} is not claimed by {name}", status_code=409)
    return _fresh(session, review_id)


def effective_priority(now: datetime, settings: Settings) -> ColumnElement[int]:
    cutoff = now - timedelta(hours=settings.review_escalate_after_hours)
    return Review.priority + case((Review.created_at <= cutoff, 1), else_=0)


def _take(session: Session, review_id: int, name: str, now: datetime, settings: Settings) -> bool:
    result: CursorResult[Any] = session.execute(  # type: ignore[assignment]
        update(Review).where(and_(Review.id == review_id, Review.status == OPEN, free_for(name, now)))
        .values(claimed_by=name, claimed_until=now + timedelta(seconds=settings.review_claim_seconds))
        .execution_options(synchronize_session=False))
    return result.rowcount == 1


def _fresh(session: Session, review_id: int) -> Review:
    review = session.scalars(select(Review).where(Review.id == review_id)
                             .execution_options(populate_existing=True)).one()
    return review
