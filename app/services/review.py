"""services/review.py — the review queue: one review per email, decided once, audited, applied via claims.

A decision is taken by one conditional UPDATE (`WHERE status = 'open'`) before anything else is written:
of concurrent decisions exactly one changes the row and goes on to the claim, the rest get 409."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import CursorResult, Table, bindparam, func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.config import Settings, get_settings
from app.database import add_inserted_if_new
from app.errors import NotFound, RejectedInput
from app.models import IncomingEmail, Inquiry, Review, utcnow
from app.services import claims, firms, inquiries, jobs, money, outbox, review_claims
from app.services.plans import decisions

OPEN = "open"
STATUSES = ("open", "approved", "corrected", "rejected")


@dataclass(frozen=True)
class Proposal:
    """What the system would do and why it did not: suggested inquiry (or None), amount, reasons."""

    inquiry: Inquiry | None
    reasons: tuple[str, ...]
    match_status: str
    match_confidence: float
    intent: str | None = None
    amount: Decimal | None = None
    components: dict[str, Decimal] = field(default_factory=dict)
    explanation: list[dict[str, Any]] = field(default_factory=list)
    plan_decision: str | None = None
    counter_offer: dict[str, Decimal] | None = None


@dataclass(frozen=True)
class Decided:
    """A decided review and, when it changed a claim, the outbox entries to send after commit."""

    review: Review
    outbox_ids: tuple[int, ...] = ()


# Built once: a review is opened per email. Core: the ORM's select and unit of work cost more CPU than the SQL.
_REVIEWS = cast(Table, Review.__table__)
_OF_EMAIL = select(_REVIEWS.c.id).where(_REVIEWS.c.email_id == bindparam("email_id"))
_INSERT = insert(_REVIEWS).returning(_REVIEWS.c.id)
# The email's review unless it has one (reviews.email_id is unique), on the databases that say so in one statement.
_INSERT_NEW = {dialect: insert_on(_REVIEWS).on_conflict_do_nothing(index_elements=["email_id"]).returning(_REVIEWS.c.id)
               for dialect, insert_on in (("postgresql", postgresql_insert), ("sqlite", sqlite_insert))}
# What a new review holds before anyone claims or decides it.
_UNDECIDED = dict.fromkeys(("claimed_by", "claimed_until", "decided_by", "decided_at", "decision_note",
                            "final_inquiry_id", "final_amount", "claim_history_id", "final_plan_decision",
                            "final_counter_offer", "plan_decision_id"))


def open(session: Session, email: IncomingEmail, proposal: Proposal,
         priority_tiers: Sequence[Decimal] | None = None) -> Review:
    """The email's review, created on first call; later calls return the existing one unchanged.
    Its priority tier comes from the amount at stake: the proposed amount, else the inquiry's known one.
    The row is written by one Core INSERT and joins the session as a persistent object (its firm_id, set
    by the database, loads if touched)."""
    tiers = priority_tiers if priority_tiers is not None else get_settings().review_priority_amounts
    at_stake = proposal.amount if proposal.amount is not None else (
        proposal.inquiry.known_amount if proposal.inquiry else None)
    values = dict(
        email_id=email.id, inquiry_id=proposal.inquiry.id if proposal.inquiry else None, status=OPEN,
        reasons=list(proposal.reasons), intent=proposal.intent,
        proposed_amount=money.to_cents(proposal.amount) if proposal.amount is not None else None,
        proposed_components={k: str(money.to_cents(v)) for k, v in proposal.components.items()},
        match_status=proposal.match_status, match_confidence=proposal.match_confidence,
        explanation=proposal.explanation, created_at=utcnow(), proposed_plan_decision=proposal.plan_decision,
        proposed_counter_offer=decisions.stored_figures(proposal.counter_offer),
        priority=review_claims.priority_for(at_stake, tiers),
    )
    # One statement: the row unless the email has one already (then that one is read, which is rare).
    statement = _INSERT_NEW.get(session.get_bind().dialect.name)
    if statement is None:  # a database without ON CONFLICT: look first
        existing = session.execute(_OF_EMAIL, {"email_id": email.id}).scalar()
        if existing is not None:
            return session.get_one(Review, existing)
        statement = _INSERT
    row = add_inserted_if_new(session, statement, Review, values, **_UNDECIDED)  # after the email row, if new
    if row is not None:
        return row
    return session.get_one(Review, session.execute(_OF_EMAIL, {"email_id": email.id}).scalar_one())


def get(session: Session, review_id: int) -> Review:
    review = session.get(Review, review_id)
    if review is None:
        raise NotFound(f"review {review_id} not found")
    return review


def list_reviews(session: Session, status: str | None, limit: int, offset: int,
                 firm_id: int | None = None) -> tuple[int, list[Review]]:
    statement = select(Review)
    if firm_id is not None:
        statement = statement.where(Review.firm_id == firm_id)
    if status is not None:
        statement = statement.where(Review.status == status)
    total = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    page = session.scalars(statement.order_by(Review.created_at, Review.id).limit(limit).offset(offset)).all()
    return total, list(page)


def _decidable(session: Session, review_id: int, reviewer: str) -> Review:
    """The review if it may still be decided by `reviewer` (open, and not claimed by someone else);
    the decision itself is only taken by `_close`."""
    if not reviewer.strip():
        raise RejectedInput("name the reviewer (X-Reviewer header or `reviewer` field)")
    review = session.scalars(
        select(Review).where(Review.id == review_id).execution_options(populate_existing=True)
    ).first()
    if review is None:
        raise NotFound(f"review {review_id} not found")
    if review.status != OPEN:
        raise RejectedInput(f"review {review_id} is already {review.status}", status_code=409)
    review_claims.refuse_unless_free(session, review_id, reviewer, utcnow())
    return review


@dataclass(frozen=True)
class PlanAnswer:
    """A reviewer's plan decision for a plan review: the decision and the creditor's own figures."""

    decision: str
    counter_offer: dict[str, Decimal] | None = None


def _close(session: Session, review: Review, status: str, reviewer: str, note: str | None,
           final_inquiry_id: int | None = None, final_amount: Decimal | None = None,
           plan: PlanAnswer | None = None) -> None:
    """Take the decision if the review is still open and nobody else holds it; 409 when a concurrent
    decision or claim came first."""
    statement = (
        update(Review).where(Review.id == review.id, Review.status == OPEN,
                             review_claims.free_for(reviewer, utcnow()))
        .values(status=status, decided_by=reviewer.strip(), decided_at=utcnow(), decision_note=note,
                final_inquiry_id=final_inquiry_id, final_amount=final_amount,
                final_plan_decision=plan.decision if plan else None,
                final_counter_offer=decisions.stored_figures(plan.counter_offer) if plan else None)
        .execution_options(synchronize_session=False)
    )
    result: CursorResult[Any] = session.execute(statement)  # type: ignore[assignment]
    if result.rowcount != 1:
        now = session.scalar(select(Review.status).where(Review.id == review.id))
        if now == OPEN:
            review_claims.refuse_unless_free(session, review.id, reviewer, utcnow())
        raise RejectedInput(f"review {review.id} is already {now}: another decision came first", status_code=409)
    session.refresh(review)
    jobs.record_event(session, review.email_id, f"review_{status}", message=note,
                      details={"review_id": review.id, "reviewer": review.decided_by,
                               "inquiry_id": review.final_inquiry_id, "amount": _text(review.final_amount),
                               "plan_decision": review.final_plan_decision,
                               "counter_offer": review.final_counter_offer})


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _apply(session: Session, review: Review, inquiry: Inquiry, amount: Decimal, components: dict[str, Decimal],
           reviewer: str, note: str | None, settings: Settings) -> tuple[int, ...]:
    email = session.get(IncomingEmail, review.email_id)
    change = claims.ClaimChange(
        amount=amount, components=components, status="settled" if amount == 0 else "open",
        actor_kind="reviewer", changed_by=reviewer.strip(), reason=f"review_{review.status}",
        source_email_id=review.email_id, source_received_at=email.received_at if email else None,
        review_id=review.id, note=note, evidence={"review_id": review.id, "reasons": review.reasons},
    )
    result = claims.apply(session, inquiry, change)
    assert result.history is not None
    review.claim_history_id = result.history.id
    return tuple(outbox.enqueue_change(session, result.history, inquiry, email, settings))


def _record_plan(session: Session, review: Review, inquiry: Inquiry, plan: PlanAnswer, reviewer: str,
                 note: str | None) -> None:
    """The reviewer's plan decision in the plan letter's history, effective when the reply arrived."""
    email = session.get(IncomingEmail, review.email_id)
    row = decisions.record(session, inquiry, decisions.NewDecision(
        decision=plan.decision,  # type: ignore[arg-type]  # validated by decisions.record
        actor_kind="reviewer", decided_by=reviewer, effective_at=email.received_at if email else utcnow(),
        counter_offer=plan.counter_offer, reasons=tuple(review.reasons), source_email_id=review.email_id,
        review_id=review.id, note=note, evidence={"review_id": review.id, "proposed": review.proposed_plan_decision},
    ))
    review.plan_decision_id = row.id
    jobs.record_event(session, review.email_id, "plan_decision_recorded", message=f"{inquiry.external_id}: "
                      f"{row.decision} (by {row.decided_by})", details={"plan_decision_id": row.id,
                                                                        "decision": row.decision,
                                                                        "counter_offer": row.counter_offer})


def _proposed_plan(review: Review) -> PlanAnswer | None:
    if review.proposed_plan_decision is None:
        return None
    figures = {k: money.exact(v) for k, v in (review.proposed_counter_offer or {}).items()}
    return PlanAnswer(review.proposed_plan_decision, figures or None)


def _approve_plan(session: Session, review: Review, plan: PlanAnswer, reviewer: str, note: str | None,
                  settings: Settings) -> Decided:
    inquiry = session.get(Inquiry, review.inquiry_id) if review.inquiry_id is not None else None
    if inquiry is None or inquiry.letter_type != "plan":
        raise RejectedInput("no plan letter suggested: use correct with the plan letter's inquiry_id")
    _close(session, review, "approved", reviewer, note, inquiry.id, review.proposed_amount, plan)
    _record_plan(session, review, inquiry, plan, reviewer, note)
    if review.proposed_amount is None:
        return Decided(review)
    components = {k: money.exact(v) for k, v in review.proposed_components.items()}
    return Decided(review, _apply(session, review, inquiry, review.proposed_amount, components, reviewer, note,
                                  settings))


def approve(session: Session, review_id: int, reviewer: str, note: str | None, settings: Settings) -> Decided:
    """Accept the proposal as it stands: the suggested inquiry gets the proposed amount, and a plan letter
    the proposed decision."""
    review = _decidable(session, review_id, reviewer)
    settings = firms.settings_for(settings, review.firm_id)
    plan = _proposed_plan(review)
    if plan is not None:
        return _approve_plan(session, review, plan, reviewer, note, settings)
    if review.inquiry_id is None or review.proposed_amount is None:
        raise RejectedInput("nothing to approve: no suggested inquiry or amount; use correct or reject")
    inquiry = session.get(Inquiry, review.inquiry_id)
    assert inquiry is not None
    components = {k: money.exact(v) for k, v in review.proposed_components.items()}
    _close(session, review, "approved", reviewer, note, inquiry.id, review.proposed_amount)
    ids = _apply(session, review, inquiry, review.proposed_amount, components, reviewer, note, settings)
    return Decided(review, ids)


def _corrected_plan(review: Review, inquiry: Inquiry, plan: PlanAnswer | None) -> PlanAnswer | None:
    """The plan decision a correction records: the reviewer's, else the proposal's when the reply is
    about a plan letter; None when no plan decision is involved."""
    if plan is not None:
        if plan.counter_offer and plan.decision != "counter_offer":
            raise RejectedInput("counter_offer figures belong to plan_decision counter_offer")
        return plan
    return _proposed_plan(review) if inquiry.letter_type == "plan" else None


def correct(session: Session, review_id: int, reviewer: str, note: str | None, settings: Settings, *,
            amount: Decimal | None = None, inquiry_external_id: str | None = None,
            plan: PlanAnswer | None = None) -> Decided:
    """A human's amount, inquiry and/or plan decision replace the proposal's; the result is applied."""
    review = _decidable(session, review_id, reviewer)
    settings = firms.settings_for(settings, review.firm_id)
    if amount is None and inquiry_external_id is None and plan is None:
        raise RejectedInput("a correction names an amount, an inquiry_id, a plan_decision or several")
    if amount is not None and amount < 0:
        raise RejectedInput("amount must not be negative")
    inquiry = (inquiries.get(session, inquiry_external_id, review.firm_id) if inquiry_external_id
               else session.get(Inquiry, review.inquiry_id) if review.inquiry_id else None)
    if inquiry is None:
        raise RejectedInput("this review has no suggested inquiry: name one with inquiry_id")
    if plan is not None and inquiry.letter_type != "plan":
        raise RejectedInput(f"inquiry {inquiry.external_id} is not a plan letter: no plan_decision for it")
    answer = _corrected_plan(review, inquiry, plan)
    if answer is not None:
        return _correct_plan(session, review, inquiry, answer, amount, reviewer, note, settings)
    final_amount = amount if amount is not None else review.proposed_amount
    if final_amount is None:
        raise RejectedInput("this review has no proposed amount: name one with amount")
    keep_components = amount is None or amount == review.proposed_amount
    components = {k: money.exact(v) for k, v in review.proposed_components.items()} if keep_components else {}
    _close(session, review, "corrected", reviewer, note, inquiry.id, money.to_cents(final_amount))
    ids = _apply(session, review, inquiry, final_amount, components, reviewer, note, settings)
    return Decided(review, ids)


def _correct_plan(session: Session, review: Review, inquiry: Inquiry, plan: PlanAnswer, amount: Decimal | None,
                  reviewer: str, note: str | None, settings: Settings) -> Decided:
    """Record the plan decision; a claim amount is written only when the reviewer names one or approves
    the stated claim by keeping the proposal's."""
    final_amount = amount if amount is not None else review.proposed_amount
    _close(session, review, "corrected", reviewer, note, inquiry.id,
           money.to_cents(final_amount) if final_amount is not None else None, plan)
    _record_plan(session, review, inquiry, plan, reviewer, note)
    if final_amount is None:
        return Decided(review)
    keep_components = amount is None or amount == review.proposed_amount
    components = {k: money.exact(v) for k, v in review.proposed_components.items()} if keep_components else {}
    return Decided(review, _apply(session, review, inquiry, final_amount, components, reviewer, note, settings))


def reject(session: Session, review_id: int, reviewer: str, note: str | None) -> Decided:
    """Close the review without touching any claim."""
    review = _decidable(session, review_id, reviewer)
    _close(session, review, "rejected", reviewer, note)
    return Decided(review)
