"""services/job_list.py — the operators' jobs list: search, per-state counts and cursor pages in order of
arrival; invariant: a page named by its cursor shows the same rows however many jobs arrive meanwhile."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, lazyload, load_only

from app.models import IncomingEmail, Inquiry, ProcessingStatus, Review
from app.services import job_pages, job_search, review

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


def _open_review_ids() -> Any:
    return select(Review.email_id).where(Review.status == review.OPEN)


def _conditions(session: Session, wanted: JobFilter, *, with_status: bool = True) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if with_status:
        conditions.extend(_of_status(wanted))
    if wanted.text.strip():
        conditions.append(job_search.condition(session, wanted.text))
    if wanted.needs_review:
        conditions.append(IncomingEmail.id.in_(_open_review_ids()))
    if wanted.firm_id is not None:
        conditions.append(IncomingEmail.firm_id == wanted.firm_id)
    return conditions


def _of_status(wanted: JobFilter) -> list[ColumnElement[bool]]:
    return [IncomingEmail.processing_status == wanted.status.value] if wanted.status is not None else []


def _unfiltered(wanted: JobFilter) -> bool:
    return not wanted.text.strip() and not wanted.needs_review and wanted.firm_id is None


def counts(session: Session, wanted: JobFilter) -> dict[str, int]:
    """Jobs per state for the tabs, under the same search (the state tab itself aside). Without a search
    they come from the counters; a search or the review filter still counts the matching rows."""
    return _tab_counts(session, wanted, _conditions(session, wanted, with_status=False))


def _tab_counts(session: Session, wanted: JobFilter, filters: list[ColumnElement[bool]]) -> dict[str, int]:
    """`counts`, with the filter's conditions (all but the state tab) already built."""
    if _unfiltered(wanted):
        result = job_pages.counts_by_status(session)
        return {**result, "all": sum(result.values())}
    rows = session.execute(select(IncomingEmail.processing_status, func.count())
                           .where(*filters)
                           .group_by(IncomingEmail.processing_status)).all()
    result = {status.value: 0 for status in ProcessingStatus}
    result.update({status: count for status, count in rows})
    result["all"] = sum(count for _status, count in rows)
    return result


def _count(session: Session, conditions: list[ColumnElement[bool]]) -> int:
    return session.scalar(select(func.count()).select_from(IncomingEmail).where(*conditions)) or 0


def _total(session: Session, wanted: JobFilter, tabs: dict[str, int]) -> int:
    """The jobs the filter shows: from the counters without a search, else the tab's count (the matching rows are
    counted once, for the tabs)."""
    if _unfiltered(wanted):
        return job_pages.total(session, wanted.status.value if wanted.status else None)
    return tabs["all" if wanted.status is None else wanted.status.value]


def _exists(session: Session, conditions: list[ColumnElement[bool]]) -> bool:
    return session.scalar(select(IncomingEmail.id).where(*conditions).limit(1)) is not None


def page(session: Session, wanted: JobFilter, limit: int, *, before: int | None = None,
         after: int | None = None) -> JobPage:
    """Newest arrival first. `before=id` is the page of older jobs below that id; `after=id` the page of
    newer ones above it; neither is the newest page (the one that grows while jobs arrive)."""
    filters = _conditions(session, wanted, with_status=False)  # built once: a search reads its inquiries here
    conditions = [*_of_status(wanted), *filters]
    query = select(IncomingEmail).options(load_only(*LINE_COLUMNS), lazyload(IncomingEmail.events)).where(*conditions)
    if after is not None:
        rows = list(session.scalars(query.where(IncomingEmail.id > after).order_by(IncomingEmail.id.asc())
                                    .limit(limit)))[::-1]
        if len(rows) < limit:  # reached the newest jobs: show the full newest page instead
            return page(session, wanted, limit)
    else:
        bounded = query.where(IncomingEmail.id < before) if before is not None else query
        rows = list(session.scalars(bounded.order_by(IncomingEmail.id.desc()).limit(limit)))
    tabs = _tab_counts(session, wanted, filters)
    total = _total(session, wanted, tabs)
    newer = _count(session, [*conditions, IncomingEmail.id > rows[0].id]) if rows else 0
    older = bool(rows) and _exists(session, [*conditions, IncomingEmail.id < rows[-1].id])
    return JobPage(
        lines=describe(session, rows), total=total, position=newer,
        newer_than_page=newer if (before is not None or after is not None) else 0,
        before=rows[-1].id if older else None, after=rows[0].id if rows and newer else None,
        counts=tabs)


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
    return list(session.scalars(select(IncomingEmail.id).where(*_conditions(session, failed))
                                .order_by(IncomingEmail.id).limit(limit)))


def arrived(email: IncomingEmail) -> datetime:
    """When the job reached us (not the date the creditor's mail claims)."""
    return email.created_at

