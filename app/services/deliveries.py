"""services/deliveries.py — a letter the mail provider could not deliver (or that was reported as spam):
kept once per provider delivery and marked on the inquiries it concerns.

Which inquiries: those whose creditor address the provider names, narrowed to the one letter when the
event says which (a tag with the inquiry's external id, or the firm reference in the subject); when
nothing narrows it, every inquiry to that address — an address that bounces fails them all."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.models import DEFAULT_FIRM_ID, DeliveryProblem, Inquiry, utcnow
from app.services.inbound.resend import DeliveryProblem as ReportedProblem
from app.services.matching import normalize

INQUIRY_TAGS = ("inquiry", "inquiry_id", "external_id")


@dataclass(frozen=True)
class Recorded:
    status: Literal["recorded", "duplicate"]
    inquiry_ids: list[int]


def record(session: Session, problem: ReportedProblem, *, provider: str, delivery_id: str,
           firm_reference_pattern: str, firm_id: int = DEFAULT_FIRM_ID) -> Recorded:
    """Store the problem and mark the firm's inquiries it concerns; a delivery id seen before changes nothing."""
    key = delivery_id if firm_id == DEFAULT_FIRM_ID else f"firm{firm_id}:{delivery_id}"
    seen = session.scalar(select(DeliveryProblem).where(DeliveryProblem.delivery_id == key))
    if seen is not None:
        return Recorded("duplicate", list(seen.inquiry_ids))
    inquiry_ids = concerned_inquiries(session, problem, firm_reference_pattern, firm_id)
    row = DeliveryProblem(delivery_id=key, firm_id=firm_id, provider=provider, kind=problem.kind,
                          provider_email_id=problem.resend_email_id, recipients=problem.recipients,
                          subject=problem.subject, detail=problem.detail, inquiry_ids=inquiry_ids,
                          occurred_at=problem.occurred_at)
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:  # the same delivery, twice at once: the other request recorded it
        return Recorded("duplicate", inquiry_ids)
    if inquiry_ids:
        reason = f"{problem.kind}: {problem.detail}" if problem.detail else problem.kind
        session.execute(update(Inquiry).where(Inquiry.id.in_(inquiry_ids))
                        .values(undeliverable_at=problem.occurred_at or utcnow(), undeliverable_reason=reason[:200]))
    return Recorded("recorded", inquiry_ids)


def concerned_inquiries(session: Session, problem: ReportedProblem, firm_reference_pattern: str,
                        firm_id: int = DEFAULT_FIRM_ID) -> list[int]:
    addresses = sorted({normalize.email_address(a) for a in problem.recipients} - {""})
    if not addresses:
        return []
    to_address = (select(Inquiry.id).where(Inquiry.firm_id == firm_id, Inquiry.creditor_email_key.in_(addresses))
                  .order_by(Inquiry.id))
    tagged = [problem.tags[name] for name in INQUIRY_TAGS if problem.tags.get(name)]
    if tagged:
        ids = list(session.scalars(to_address.where(Inquiry.external_id.in_(tagged))))
        if ids:
            return ids
    references = {normalize.reference_key(found) for found in re.findall(firm_reference_pattern, problem.subject or "")}
    if references:
        ids = list(session.scalars(to_address.where(Inquiry.firm_reference_key.in_(sorted(references)))))
        if ids:
            return ids
    return list(session.scalars(to_address))


@dataclass(frozen=True)
class ProblemWithLetters:
    problem: DeliveryProblem
    inquiries: list[Inquiry]


def recent(session: Session, limit: int = 100, firm_id: int | None = None) -> list[ProblemWithLetters]:
    """The newest problems first (of one firm, or of all), each with the inquiries it marked (two queries)."""
    statement = select(DeliveryProblem)
    if firm_id is not None:
        statement = statement.where(DeliveryProblem.firm_id == firm_id)
    problems = list(session.scalars(statement.order_by(DeliveryProblem.recorded_at.desc(),
                                                       DeliveryProblem.id.desc()).limit(limit)))
    wanted = sorted({i for p in problems for i in p.inquiry_ids})
    found = {i.id: i for i in session.scalars(select(Inquiry).where(Inquiry.id.in_(wanted)))} if wanted else {}
    return [ProblemWithLetters(p, [found[i] for i in p.inquiry_ids if i in found]) for p in problems]
