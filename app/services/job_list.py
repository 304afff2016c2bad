"""services/job_list.py — the operators' jobs list: search, per-state counts and cursor pages in order of
arrival; invariant: a page named by its cursor shows the same rows however many jobs arrive meanwhile."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, String, cast, func, or_, select
from sqlalchemy.orm import Session, lazyload, load_only

from app.models import IncomingEmail, Inquiry, ProcessingStatus, Review
from app.services import job_pages, review

MAX_QUERY = 200
# What a line shows (routers/dashboard_jobs.py `row_of` and `describe`): never the bodies or the history.
LINE_COLUMNS = (IncomingEmail.id, IncomingEmail.processing_status, IncomingEmail.from_email, IncomingEmail.subject,
                IncomingEmail.created_at, IncomingEmail.received_at, IncomingEmail.started_at,
                IncomingEmail.completed_at, IncomingEmail.processing_error, IncomingEmail.extracted_data,
                IncomingEmail.match_status)


@dataclass(frozen=True)
class JobFilter:
    """What the operator asked for: a state tab, a search text, only jobs waiting for a review.
    Arrival order is the row id (ids are handed out as the webhook stores each job)."""

    status: ProcessingStatus | None = None
    text: str = ""
    needs_review: bool = False
    firm_id: int | None = None  # one firm's jobs (a firm's login), or every firm's


@dataclass(frozen=True)
class JobLine:
    """One job as the list shows it: the row plus what the pipeline read and decided."""

    email: IncomingEmail
    intent: str | None
    amount: str | None
    outcome: str | None
    inquiry: str | None
    client: str | None
    needs_review: bool


@dataclass
class JobPage:
    lines: list[JobLine]
    total: int
    position: int  # how many matching jobs arrived after this page's first row
    newer_than_page: int
    before: int | None  # cursor for the next (older) page
    after: int | None  # cursor for the previous (newer) page
    counts: dict[str, int] = field(default_factory=dict)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _json_text(*path: str) -> ColumnElement[str]:
    return IncomingEmail.extracted_data[path].as_string()


def _search(text: str) -> ColumnElement[bool]:
    """Sender (address or name), subject, ticket, client (read from the email or of the matched inquiry)
    and any reference (firm, creditor, inquiry id, the address the reply went to); case-insensitive."""
    text = text.strip()[:MAX_QUERY]
    pattern = _like(text)
    inquiries = select(Inquiry.external_id).where(or_(
        Inquiry.client_name.ilike(pattern, escape="\\"), Inquiry.firm_reference.ilike(pattern, escape="\\"),
        Inquiry.creditor_reference.ilike(pattern, escape="\\"), Inquiry.external_id.ilike(pattern, escape="\\")))
    ticket = text.removeprefix("#")
    conditions: list[ColumnElement[bool]] = [
        IncomingEmail.from_email.ilike(pattern, escape="\\"),
        IncomingEmail.from_name.ilike(pattern, escape="\\"),
        IncomingEmail.subject.ilike(pattern, escape="\\"),
        IncomingEmail.zendesk_ticket_id == ticket,
        cast(IncomingEmail.to_addresses, String).ilike(pattern, escape="\\"),
        _json_text("extraction", "client_name").ilike(pattern, escape="\\"),
        _json_text("extraction", "firm_reference").ilike(pattern, escape="\\"),
        _json_text("extraction", "creditor_reference").ilike(pattern, escape="\\"),
        _json_text("match", "inquiry_id").in_(inquiries),
    ]
    if ticket.isdigit() and len(ticket) < 10:
        conditions.append(IncomingEmail.id == int(ticket))
    return or_(*conditions)


def _open_review_ids() -> Any:
    return select(Review.email_id).where(Review.status == review.OPEN)


def _conditions(wanted: JobFilter, *, with_status: bool = True) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if with_status and wanted.status is not None:
        conditions.append(IncomingEmail.processing_status == wanted.status.value)
    if wanted.text.strip():
        conditions.append(_search(wanted.text))
    if wanted.needs_review:
        conditions.append(IncomingEmail.id.in_(_open_review_ids()))
    if wanted.firm_id is not None:
        conditions.append(IncomingEmail.firm_id == wanted.firm_id)
    return conditions


def _unfiltered(wanted: JobFilter) -> bool:
    return not wanted.text.strip() and not wanted.needs_review and wanted.firm_id is None


def counts(session: Session, wanted: JobFilter) -> dict[str, int]:
    """Jobs per state for the tabs, under the same search (the state tab itself aside). Without a search
    they come from the counters; a search or the review filter still counts the matching rows."""
    if _unfiltered(wanted):
        result = job_pages.counts_by_status(session)
        return {**result, "all": sum(result.values())}
    rows = session.execute(select(IncomingEmail.processing_status, func.count())
                           .where(*_conditions(wanted, with_status=False))
                           .group_by(IncomingEmail.processing_status)).all()
    result = {status.value: 0 for status in ProcessingStatus}
    result.update({status: count for status, count in rows})
    result["all"] = sum(count for _status, count in rows)
    return result


def _count(session: Session, conditions: list[ColumnElement[bool]]) -> int:
    return session.scalar(select(func.count()).select_from(IncomingEmail).where(*conditions)) or 0


def _total(session: Session, wanted: JobFilter, conditions: list[ColumnElement[bool]]) -> int:
    if _unfiltered(wanted):
        return job_pages.total(session, wanted.status.value if wanted.status else None)
    return _count(session, conditions)


def _exists(session: Session, conditions: list[ColumnElement[bool]]) -> bool:
    return session.scalar(select(IncomingEmail.id).where(*conditions).limit(1)) is not None


def page(session: Session, wanted: JobFilter, limit: int, *, before: int | None = None,
         after: int | None = None) -> JobPage:
    """Newest arrival first. `before=id` is the page of older jobs below that id; `after=id` the page of
    newer ones above it; neither is the newest page (the one that grows while jobs arrive)."""
    conditions = _conditions(wanted)
    query = select(IncomingEmail).options(load_only(*LINE_COLUMNS), lazyload(IncomingEmail.events)).where(*conditions)
    if after is not None:
        rows = list(session.scalars(query.where(IncomingEmail.id > after).order_by(IncomingEmail.id.asc())
                                    .limit(limit)))[::-1]
        if len(rows) < limit:  # reached the newest jobs: show the full newest page instead
            return page(session, wanted, limit)
    else:
        bounded = query.where(IncomingEmail.id < before) if before is not None else query
        rows = list(session.scalars(bounded.order_by(IncomingEmail.id.desc()).limit(limit)))
    total = _total(session, wanted, conditions)
    newer = _count(session, [*conditions, IncomingEmail.id > rows[0].id]) if rows else 0
    older = bool(rows) and _exists(session, [*conditions, IncomingEmail.id < rows[-1].id])
    return JobPage(
        lines=describe(session, rows), total=total, position=newer,
        newer_than_page=newer if (before is not None or after is not None) else 0,
        before=rows[-1].id if older else None, after=rows[0].id if rows and newer else None,
        counts=counts(session, wanted))


def describe(session: Session, rows: list[IncomingEmail]) -> list[JobLine]:
    """What each job's pipeline read (intent, amount), how it ended and whether a human must look."""
    ids = [row.id for row in rows]
    waiting = set(session.scalars(select(Review.email_id).where(Review.email_id.in_(ids or [0]),
                                                                Review.status == review.OPEN)))
    external = {str(((row.extracted_data or {}).get("match") or {}).get("inquiry_id") or "") for row in rows}
    clients = dict(session.execute(select(Inquiry.external_id, Inquiry.client_name)
                                   .where(Inquiry.external_id.in_(external - {""} or {""}))).all())
    lines = []
    for row in rows:
        data = row.extracted_data or {}
        extraction, match = data.get("extraction") or {}, data.get("match") or {}
        inquiry = match.get("inquiry_id")
        lines.append(JobLine(
            email=row, intent=extraction.get("intent"), amount=extraction.get("total_amount"),
            outcome=match.get("action") or row.match_status, inquiry=inquiry,
            client=clients.get(inquiry) if inquiry else extraction.get("client_name"),
            needs_review=row.id in waiting))
    return lines


def failed_ids(session: Session, wanted: JobFilter, limit: int = 1000) -> list[int]:
    """Every failed job the filter shows (a bulk retry of "all failed"), oldest arrival first."""
    failed = JobFilter(status=ProcessingStatus.FAILED, text=wanted.text, needs_review=wanted.needs_review,
                       firm_id=wanted.firm_id)
    return list(session.scalars(select(IncomingEmail.id).where(*_conditions(failed))
                                .order_by(IncomingEmail.id).limit(limit)))


def arrived(email: IncomingEmail) -> datetime:
    """When the job reached us (not the date the creditor's mail claims)."""
    return email.created_at

