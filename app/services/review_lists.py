"""services/review_lists.py — read side of the review queue for people: open and decided reviews with their email
and inquiry in one query, searchable; invariant: it only reads, and a review is in exactly one tab."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.models import IncomingEmail, Inquiry, Review
from app.services import claims
from app.services.review import OPEN

Tab = Literal["open", "decided"]
TABS: tuple[Tab, ...] = ("open", "decided")
SEARCH_MAX = 100


@dataclass(frozen=True)
class ReviewItem:
    """One review with what a person needs to recognise it: the email and the inquiries it names."""

    review: Review
    email: IncomingEmail | None
    inquiry: Inquiry | None
    final_inquiry: Inquiry | None


def _in_tab(tab: Tab) -> Any:
    return Review.status == OPEN if tab == "open" else Review.status != OPEN


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _search_filters(query: str, inquiry: Any) -> list[ColumnElement[bool]]:
    """Every word must match sender, subject, client, creditor, the inquiry's id or references, or the reviewer."""
    filters = []
    for word in query.strip()[:SEARCH_MAX].split():
        pattern = f"%{_escape_like(word.lower())}%"
        columns = (IncomingEmail.from_email, IncomingEmail.subject, inquiry.client_name, inquiry.creditor_name,
                   inquiry.external_id, inquiry.firm_reference, inquiry.creditor_reference, Review.decided_by)
        filters.append(or_(*(func.lower(column).like(pattern, escape="\\") for column in columns)))
    return filters


def listing(session: Session, tab: Tab, query: str, limit: int, offset: int,
            firm_id: int | None = None) -> tuple[int, list[ReviewItem]]:
    """A page of one tab: open ones oldest first (the queue), decided ones newest decision first; of one
    firm when `firm_id` is given."""
    suggested, final = aliased(Inquiry), aliased(Inquiry)
    statement = (
        select(Review, IncomingEmail, suggested, final)
        .outerjoin(IncomingEmail, IncomingEmail.id == Review.email_id)
        .outerjoin(suggested, suggested.id == Review.inquiry_id)
        .outerjoin(final, final.id == Review.final_inquiry_id)
        .where(_in_tab(tab))
    )
    statement = statement.where(*_search_filters(query, suggested))
    if firm_id is not None:
        statement = statement.where(Review.firm_id == firm_id)
    total = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    if tab == "open":
        statement = statement.order_by(Review.created_at, Review.id)
    else:
        statement = statement.order_by(Review.decided_at.desc(), Review.id.desc())
    rows = session.execute(statement.limit(limit).offset(offset)).all()
    return total, [ReviewItem(review=r[0], email=r[1], inquiry=r[2], final_inquiry=r[3]) for r in rows]


def tab_counts(session: Session, firm_id: int | None = None) -> dict[Tab, int]:
    """How many reviews each tab holds (of one firm, or all), whatever the search."""
    firm = [Review.firm_id == firm_id] if firm_id is not None else []
    opened = session.scalar(select(func.count()).select_from(Review).where(_in_tab("open"), *firm)) or 0
    decided = session.scalar(select(func.count()).select_from(Review).where(_in_tab("decided"), *firm)) or 0
    return {"open": opened, "decided": decided}


@dataclass(frozen=True)
class ReviewDetail:
    """A review with its email, both inquiries and the claim now on file for the suggested inquiry."""

    item: ReviewItem
    current_amount: Decimal | None


def detail(session: Session, review: Review) -> ReviewDetail:
    email = session.get(IncomingEmail, review.email_id)
    inquiry = session.get(Inquiry, review.inquiry_id) if review.inquiry_id is not None else None
    final = session.get(Inquiry, review.final_inquiry_id) if review.final_inquiry_id is not None else None
    claim = claims.current(session, inquiry.id) if inquiry is not None else None
    return ReviewDetail(item=ReviewItem(review=review, email=email, inquiry=inquiry, final_inquiry=final),
                        current_amount=claim.amount if claim is not None else None)
