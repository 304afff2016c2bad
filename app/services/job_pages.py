"""services/job_pages.py — the jobs API's list at any size: per-state counts from the trigger-kept counters,
newest-first pages by offset or keyset cursor; invariant: `total`/`by_status` equal COUNT(*) exactly and a
page never loads a job's bodies, extracted data or history."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Subquery, func, select, text, tuple_, union_all
from sqlalchemy.orm import Session, lazyload, load_only

from app.errors import RejectedInput
from app.models import IncomingEmail, JobStatusCount, JobStatusDelta, ProcessingStatus

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)
MAX_ROW_ID = 2_147_483_647
CURSOR = re.compile(r"^(-?\d{1,19})\.(\d{1,10})$")

# What a list row shows (routers/jobs.py `summary`); nothing else is read from the table.
SUMMARY_COLUMNS = (IncomingEmail.id, IncomingEmail.processing_status, IncomingEmail.from_email,
                   IncomingEmail.subject, IncomingEmail.received_at, IncomingEmail.started_at,
                   IncomingEmail.completed_at, IncomingEmail.processing_error)


@dataclass(frozen=True)
class NewestPage:
    total: int
    rows: list[IncomingEmail]
    next_cursor: str | None  # the page after this one (older jobs); None on the last page


def counts_by_status(session: Session, firm_id: int | None = None) -> dict[str, int]:
    """Jobs per state (every state present, 0 when none): of every firm from the counters, not the table;
    of one firm by counting its rows (index on firm_id; the counters are not kept per firm)."""
    if firm_id is not None:
        rows = session.execute(select(IncomingEmail.processing_status, func.count()).where(
            IncomingEmail.firm_id == firm_id).group_by(IncomingEmail.processing_status)).all()
    else:
        counted = _counted()
        rows = session.execute(select(counted.c.status, func.sum(counted.c.n)).group_by(counted.c.status)).all()
    counts = {status.value: 0 for status in ProcessingStatus}
    counts.update({status: int(count or 0) for status, count in rows})
    return counts


def total(session: Session, status: str | None = None) -> int:
    """All jobs, or the jobs in one state, from the counters."""
    counted = _counted()
    query = select(func.coalesce(func.sum(counted.c.n), 0))
    if status is not None:
        query = query.where(counted.c.status == status)
    return int(session.scalar(query) or 0)


def _counted() -> Subquery:
    """The counters and the deltas not folded into them yet (PostgreSQL), as (status, n) rows."""
    return union_all(select(JobStatusCount.status, JobStatusCount.count.label("n")),
                     select(JobStatusDelta.status, JobStatusDelta.delta.label("n"))).subquery("counted")


_FOLD = text("""
WITH folded AS (
    DELETE FROM job_status_deltas RETURNING status, delta
)
INSERT INTO job_status_counts AS c (status, shard, count)
SELECT status, 0, sum(delta) FROM folded GROUP BY status ORDER BY status
ON CONFLICT (status, shard) DO UPDATE SET count = c.count + EXCLUDED.count
""")


def fold_deltas(session: Session) -> int:
    """Move the pending deltas into the counters (PostgreSQL; nothing to do on SQLite) in one statement; the
    counter rows are taken in status order, so two folds at once never deadlock. Returns how many statuses
    changed."""
    if session.get_bind().dialect.name != "postgresql":
        return 0
    return int(session.execute(_FOLD).rowcount or 0)  # type: ignore[attr-defined]


def encode_cursor(email: IncomingEmail) -> str:
    """`<received_at in µs since 1970>.<id>`: the position after `email` in newest-first order."""
    return f"{(email.received_at - EPOCH) // MICROSECOND}.{email.id}"


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    found = CURSOR.match(cursor)
    if found is None or int(found.group(2)) > MAX_ROW_ID:
        raise RejectedInput("cursor is not one this API handed out", status_code=422)
    try:
        received_at = EPOCH + int(found.group(1)) * MICROSECOND
    except OverflowError as error:
        raise RejectedInput("cursor is not one this API handed out", status_code=422) from error
    return received_at, int(found.group(2))


def newest(session: Session, status: ProcessingStatus | None, limit: int, offset: int = 0,
           cursor: str | None = None, firm_id: int | None = None) -> NewestPage:
    """Newest email date first (ties by id); after `cursor` when given (offset then counts from there); of one
    firm when `firm_id` is given. One row more than asked tells whether an older page exists."""
    query = (select(IncomingEmail).options(load_only(*SUMMARY_COLUMNS), lazyload(IncomingEmail.events))
             .order_by(IncomingEmail.received_at.desc(), IncomingEmail.id.desc()))
    if status is not None:
        query = query.where(IncomingEmail.processing_status == status.value)
    if firm_id is not None:
        query = query.where(IncomingEmail.firm_id == firm_id)
    if cursor is not None:
        query = query.where(tuple_(IncomingEmail.received_at, IncomingEmail.id) < decode_cursor(cursor))
    rows = list(session.scalars(query.limit(limit + 1).offset(offset)))
    more = len(rows) > limit
    rows = rows[:limit]
    if firm_id is None:
        found = total(session, status.value if status else None)
    else:
        counts = counts_by_status(session, firm_id)
        found = counts.get(status.value, 0) if status else sum(counts.values())
    return NewestPage(total=found, rows=rows,
                      next_cursor=encode_cursor(rows[-1]) if more and rows else None)
