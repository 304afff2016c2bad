"""services/jobs.py — the only writer of a job's processing_status, and of the JobEvent history.

Every change is a conditional UPDATE (`WHERE status IN (...)`) whose row count tells the
caller whether *this* call made the change; that is how two workers never both claim a
job and how exactly one caller learns that a job has failed for good. Ingest's batches of the same
writes (new jobs as `received`, received → queued) live in services/job_batches.py, by the same rules."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    CursorResult,
    Select,
    String,
    Table,
    Text,
    TextClause,
    Update,
    bindparam,
    func,
    insert,
    literal,
    literal_column,
    null,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import insert as postgres_insert
from sqlalchemy.orm import Session, defer, lazyload

from app.errors import InvalidTransition, NotFound, TransientError
from app.models import IncomingEmail, JobEvent, JobSearchText, ProcessingStatus, utcnow
from app.services import job_pages, workers
from app.services.job_search import JOB_TEXT_SQL

S = ProcessingStatus
SHUTDOWN_REASON = "shutdown"
ATTEMPT_STARTED = "attempt_started"

# The state machine: which states each state may move to.
TRANSITIONS: dict[S, frozenset[S]] = {
    S.RECEIVED: frozenset({S.QUEUED, S.PROCESSING, S.CANCELLED}),
    S.QUEUED: frozenset({S.PROCESSING, S.QUEUED, S.CANCELLED}),
    S.PROCESSING: frozenset({S.COMPLETED, S.FAILED, S.QUEUED}),
    S.COMPLETED: frozenset(),
    S.FAILED: frozenset({S.QUEUED}),
    S.CANCELLED: frozenset(),  # final: no claim, sweep or retry ever takes it up again
}
WAITING = (S.RECEIVED.value, S.QUEUED.value)
# The worker's writes go to the tables directly (Core), not through ORM-enabled DML: same SQL, a
# fraction of the CPU per statement.
_JOBS = cast(Table, IncomingEmail.__table__)
_EVENTS = cast(Table, JobEvent.__table__)
_SEARCH_TEXTS = cast(Table, JobSearchText.__table__)
_BATCH = "jobs.batched_events"
_EVENT_COLUMNS = ("email_id", "at", "kind", "from_status", "to_status", "attempt", "message", "details")


def sources_for(target: S) -> tuple[S, ...]:
    """The states from which `target` may be entered."""
    return tuple(source for source, targets in TRANSITIONS.items() if target in targets)


class RowBusy(TransientError):
    """The job is claimable but another transaction holds its row lock right now (PostgreSQL
    SKIP LOCKED skipped it); the caller should try again in a moment rather than drop it."""


@dataclass(frozen=True)
class Claim:
    email_id: int
    owner: str
    attempt: int


def record_event(
    session: Session,
    email_id: int,
    kind: str,
    *,
    from_status: str | None = None,
    to_status: str | None = None,
    attempt: int | None = None,
    message: str | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    """Append a history row: in the session's next flush, or inside `batched_events` with the others."""
    row = {"email_id": email_id, "at": utcnow(), "kind": kind, "from_status": from_status,
           "to_status": to_status, "attempt": attempt, "message": message, "details": details}
    batch: list[dict[str, Any]] | None = session.info.get(_BATCH)
    if batch is None:
        session.add(JobEvent(**row))
    else:
        batch.append(row)


@contextmanager
def batched_events(session: Session) -> Iterator[None]:
    """History rows recorded inside the block are written in one INSERT when it ends without an error
    (nothing inside may read them back; the worker's transactions do not)."""
    batch: list[dict[str, Any]] = []
    session.info[_BATCH] = batch
    try:
        yield
    finally:
        del session.info[_BATCH]
    if batch:
        values = {f"{column}_{index}": row[column] for index, row in enumerate(batch) for column in _EVENT_COLUMNS}
        session.execute(_insert_events(len(batch)), values)


@lru_cache(maxsize=32)
def _insert_events(rows: int) -> TextClause:
    """One INSERT of `rows` events in one VALUES list, in their order, built once per row count: psycopg runs an
    executemany of the same rows in pipeline mode, which cost more CPU (and a round trip more) than the insert."""
    values = ", ".join("(" + ", ".join(f":{column}_{index}" for column in _EVENT_COLUMNS) + ")"
                       for index in range(rows))
    return text(f"INSERT INTO {_EVENTS.name} ({', '.join(_EVENT_COLUMNS)}) VALUES {values}").bindparams(
        *(bindparam(f"{column}_{index}", type_=_EVENTS.c[column].type)
          for index in range(rows) for column in _EVENT_COLUMNS))


def _move(
    session: Session, email_id: int, target: S, extra_where: Iterable[Any] = (), **values: Any
) -> bool:
    """Conditional status change; True when this call changed the row."""
    _autoflush(session)
    statement: Update = (
        update(_JOBS)
        .where(_JOBS.c.id == email_id)
        .where(_JOBS.c.processing_status.in_([s.value for s in sources_for(target)]))
        .where(*extra_where)
        .values(processing_status=target.value, status_changed_at=utcnow(), **values)
    )
    result: CursorResult[Any] = session.execute(statement)  # type: ignore[assignment]
    return result.rowcount == 1


def _autoflush(session: Session) -> None:
    """What an ORM statement would do first: Core statements leave pending objects (a new job row) unflushed."""
    if session.autoflush:
        session.flush()


def _status_of(session: Session, email_id: int) -> str | None:
    return session.scalar(select(IncomingEmail.processing_status).where(IncomingEmail.id == email_id))


def mark_queued(session: Session, email_id: int, reason: str = "enqueued") -> bool:
    """received → queued once the broker has the message (no-op if a worker was faster)."""
    changed = _move(session, email_id, S.QUEUED, (IncomingEmail.processing_status == S.RECEIVED.value,))
    if changed:
        record_event(session, email_id, "status", from_status="received", to_status="queued",
                     message=reason)
    return changed


def _claimable_row() -> ColumnElement[bool]:
    """Row `:email_id`, waiting or with a lease that expired before `:now`."""
    now = bindparam("now", type_=_JOBS.c.lease_expires_at.type)
    return (_JOBS.c.id == bindparam("email_id")) & or_(
        _JOBS.c.processing_status.in_([S.RECEIVED.value, S.QUEUED.value]),
        (_JOBS.c.processing_status == S.PROCESSING.value) & (_JOBS.c.lease_expires_at < now),
    )


# Built once: a claim runs per email, and building these costs more CPU than executing them.
# SQLite: one read for the pause switch and the row's status, then the conditional UPDATE.
_CLAIM_READ = select(_JOBS.c.processing_status, workers.paused_clause()).where(_claimable_row())
_CLAIMABLE_ID = select(_JOBS.c.id).where(_claimable_row())
_CLAIM_VALUES = {
    "processing_status": S.PROCESSING.value,
    "status_changed_at": bindparam("now"),
    "started_at": bindparam("now"),
    "completed_at": None,
    "lease_owner": bindparam("owner"),
    "lease_expires_at": bindparam("lease_until"),
    "attempt_count": _JOBS.c.attempt_count + 1,
}
_CLAIM = update(_JOBS).where(_claimable_row()).values(_CLAIM_VALUES).returning(_JOBS.c.attempt_count)
# PostgreSQL: one statement, the history row included. The subquery locks the row with SKIP LOCKED (a row
# another transaction holds is skipped, not waited for) only while processing is not paused, and carries the
# status it had; the UPDATE keeps the same WHERE as SQLite's and returns the new attempt count with that previous
# status, from which the "attempt_started" row is inserted (none when nothing was claimed).
_LOCKED_TARGET = (
    select(_JOBS.c.id, _JOBS.c.processing_status.label("previous"))
    .where(_claimable_row(), ~workers.paused_clause())
    .with_for_update(of=_JOBS, skip_locked=True)
    .subquery("target")
)
_CLAIMED = (
    update(_JOBS)
    .where(_JOBS.c.id == _LOCKED_TARGET.c.id, _claimable_row())
    .values(_CLAIM_VALUES)
    .returning(_JOBS.c.id, _JOBS.c.attempt_count, _LOCKED_TARGET.c.previous)
    .cte("claimed")
)
_ATTEMPT_STARTED = insert(_EVENTS).from_select(
    ["email_id", "at", "kind", "from_status", "to_status", "attempt", "message", "details"],
    select(_CLAIMED.c.id, bindparam("event_at", type_=_EVENTS.c.at.type), literal(ATTEMPT_STARTED, String),
           _CLAIMED.c.previous, literal(S.PROCESSING.value, String), _CLAIMED.c.attempt_count, null(),
           bindparam("event_details", type_=_EVENTS.c.details.type)),
)
_CLAIM_LOCKED = (select(_CLAIMED.c.attempt_count, _CLAIMED.c.previous)
                 .add_cte(_ATTEMPT_STARTED.cte("started")))


def _claim_postgres(session: Session, values: dict[str, Any]) -> tuple[str, int] | None:
    """(previous status, attempt) when the one-statement claim took the row and wrote its history row; None when
    it is not claimable or processing is paused; RowBusy when it is claimable but another transaction holds its
    lock."""
    row = session.execute(_CLAIM_LOCKED, {**values, "event_at": utcnow(),
                                          "event_details": {"worker": values["owner"]}}).first()
    if row is not None:
        return row.previous, row.attempt_count
    if not workers.is_paused(session) and session.scalar(_CLAIMABLE_ID, values) is not None:
        raise RowBusy(f"job {values['email_id']} is locked by another transaction")
    return None


def _claim_sqlite(session: Session, values: dict[str, Any]) -> tuple[str, int] | None:
    row = session.execute(_CLAIM_READ, values).first()
    if row is None or row[1]:  # not claimable, or processing paused
        return None
    attempt = session.scalar(_CLAIM, values)
    return None if attempt is None else (row[0], attempt)


def claim(session: Session, email_id: int, owner: str, lease_seconds: float) -> Claim | None:
    """Take the job for `owner` if it is waiting (or its previous lease has expired).

    On PostgreSQL one UPDATE whose subquery locks the row with SKIP LOCKED, so a concurrent claimer moves
    on instead of waiting (RowBusy if the row is claimable but locked by someone else); everywhere the
    UPDATE's WHERE clause is what makes it exclusive. While an operator has paused processing nothing is
    claimed (the job stays waiting; resuming sends it again)."""
    _autoflush(session)
    now = utcnow()
    values = {"email_id": email_id, "now": now, "owner": owner, "lease_until": now + timedelta(seconds=lease_seconds)}
    if session.get_bind().dialect.name == "postgresql":
        taken = _claim_postgres(session, values)
        if taken is None:
            return None
        return Claim(email_id=email_id, owner=owner, attempt=taken[1])
    taken = _claim_sqlite(session, values)
    if taken is None:
        return None
    previous, attempt = taken
    record_event(session, email_id, ATTEMPT_STARTED, from_status=previous,
                 to_status="processing", attempt=attempt, details={"worker": owner})
    return Claim(email_id=email_id, owner=owner, attempt=attempt)


def extend_lease(session: Session, job: Claim, lease_seconds: float) -> bool:
    """Heartbeat: push the lease forward while `job.owner` still holds it."""
    statement = (
        update(IncomingEmail)
        .where(
            IncomingEmail.id == job.email_id,
            IncomingEmail.processing_status == S.PROCESSING.value,
            IncomingEmail.lease_owner == job.owner,
        )
        .values(lease_expires_at=utcnow() + timedelta(seconds=lease_seconds))
        .execution_options(synchronize_session=False)
    )
    return session.execute(statement).rowcount == 1  # type: ignore[attr-defined]


def _held_by(job: Claim) -> tuple[Any, ...]:
    return (IncomingEmail.lease_owner == job.owner,)


# complete's UPDATE, built once; the columns it sets are the execution's other parameters.
_COMPLETE = update(_JOBS).where(
    _JOBS.c.id == bindparam("job_id"),
    _JOBS.c.processing_status.in_([s.value for s in sources_for(S.COMPLETED)]),
    _JOBS.c.lease_owner == bindparam("job_owner"),
)


def _complete_with_text(columns: frozenset[str]) -> Select[int]:
    """PostgreSQL: complete's UPDATE setting `columns`, and the job's searched text written beside it in the same
    statement when it changed (extraction brings the client and references; migration 0013 leaves this column to
    this statement rather than a trigger, which cost twice as much per completion). Counts the jobs it moved."""
    statement = _COMPLETED_WITH_TEXT.get(columns)
    if statement is None:
        done = (_COMPLETE.values({name: bindparam(f"set_{name}", type_=_JOBS.c[name].type) for name in columns})
                .returning(_JOBS.c.id, literal_column(f"({JOB_TEXT_SQL})", Text).label("search_text"))
                .cte("done"))
        written = postgres_insert(_SEARCH_TEXTS).from_select(["email_id", "search_text"],
                                                             select(done.c.id, done.c.search_text))
        written = written.on_conflict_do_update(
            index_elements=[_SEARCH_TEXTS.c.email_id], set_={"search_text": written.excluded.search_text},
            where=_SEARCH_TEXTS.c.search_text.is_distinct_from(written.excluded.search_text))
        statement = _COMPLETED_WITH_TEXT[columns] = (select(func.count()).select_from(done)
                                                     .add_cte(written.cte("texts")))
    return statement


_COMPLETED_WITH_TEXT: dict[frozenset[str], Select[int]] = {}


def complete(session: Session, job: Claim, **results: Any) -> bool:
    """processing → completed with the pipeline's results, only while `job.owner` holds the lease."""
    _autoflush(session)
    now = utcnow()
    values = {"processing_status": S.COMPLETED.value, "status_changed_at": now, "completed_at": now,
              "processing_error": None, "error_traceback": None, "lease_owner": None, "lease_expires_at": None,
              **results}
    if "extracted_data" in results and session.get_bind().dialect.name == "postgresql":
        changed = session.scalar(_complete_with_text(frozenset(values)), {
            "job_id": job.email_id, "job_owner": job.owner, **{f"set_{name}": value for name, value in values.items()}
        }) == 1
    else:
        result: CursorResult[Any] = session.execute(  # type: ignore[assignment]
            _COMPLETE, {"job_id": job.email_id, "job_owner": job.owner, **values})
        changed = result.rowcount == 1
    if changed:
        record_event(session, job.email_id, "status", from_status="processing",
                     to_status="completed", attempt=job.attempt)
    return changed


def release_for_retry(session: Session, job: Claim, error: str, retry_in_seconds: float, *,
                      traceback: str | None = None, where: dict[str, Any] | None = None) -> bool:
    """processing → queued after a transient error; the retry is due in `retry_in_seconds`.
    `traceback` is kept on the row; `where` (step, attachment, host) goes into the event's details."""
    changed = _move(
        session, job.email_id, S.QUEUED, _held_by(job),
        processing_error=error, error_traceback=traceback, lease_owner=None, lease_expires_at=None,
        retry_count=IncomingEmail.retry_count + 1,
        available_at=utcnow() + timedelta(seconds=retry_in_seconds),
    )
    if changed:
        record_event(session, job.email_id, "attempt_failed", from_status="processing",
                     to_status="queued", attempt=job.attempt, message=error,
                     details={"retry_in_seconds": retry_in_seconds, **(where or {})})
    return changed


def release_on_shutdown(session: Session, job: Claim) -> bool:
    """processing → queued because the worker is stopping: not a failure, so the attempt is given back
    (attempt_count - 1), retry_count and the last error stay as they were, and the job is due at once."""
    changed = _move(session, job.email_id, S.QUEUED, _held_by(job), lease_owner=None,
                    lease_expires_at=None, available_at=None,
                    attempt_count=IncomingEmail.attempt_count - 1)
    if changed:
        record_event(session, job.email_id, "requeued", from_status="processing", to_status="queued",
                     attempt=job.attempt, message=SHUTDOWN_REASON)
    return changed


def release_while_open(session: Session, job: Claim, breaker: str, until: datetime) -> bool:
    """processing → queued because a dependency's circuit breaker is open: like a shutdown, the attempt is
    given back and retry_count stays; the job is due when the breaker lets a trial call go."""
    changed = _move(session, job.email_id, S.QUEUED, _held_by(job), lease_owner=None,
                    lease_expires_at=None, available_at=until,
                    attempt_count=IncomingEmail.attempt_count - 1)
    if changed:
        record_event(session, job.email_id, "requeued", from_status="processing", to_status="queued",
                     attempt=job.attempt, message=f"waiting: circuit breaker {breaker} is open",
                     details={"breaker": breaker, "until": until.isoformat()})
    return changed


def release_all_on_shutdown(session: Session, owner_prefix: str) -> list[int]:
    """Every job still held by a worker whose identity starts with `owner_prefix` (one process) goes back
    to `queued` as in release_on_shutdown; returns their ids."""
    held = session.execute(
        select(IncomingEmail.id, IncomingEmail.lease_owner, IncomingEmail.attempt_count)
        .where(IncomingEmail.processing_status == S.PROCESSING.value,
               IncomingEmail.lease_owner.startswith(owner_prefix, autoescape=True))
    ).all()
    return [row[0] for row in held
            if release_on_shutdown(session, Claim(email_id=row[0], owner=row[1] or "", attempt=row[2]))]


def fail(session: Session, email_id: int, error: str, *, attempt: int | None = None,
         owner: str | None = None, extra_where: Iterable[Any] = (), traceback: str | None = None,
         where: dict[str, Any] | None = None) -> bool:
    """processing → failed for good. True only for the one call that made the change. The retry
    time is cleared: a failed job has no next attempt until an operator retries it."""
    guard = (*((IncomingEmail.lease_owner == owner,) if owner else ()), *extra_where)
    changed = _move(session, email_id, S.FAILED, guard, processing_error=error, error_traceback=traceback,
                    completed_at=utcnow(), lease_owner=None, lease_expires_at=None, available_at=None)
    if changed:
        record_event(session, email_id, "status", from_status="processing", to_status="failed",
                     attempt=attempt, message=error, details=where or None)
    return changed


def retry(session: Session, email_id: int, operator: str | None = None) -> IncomingEmail:
    """An operator's retry: failed → queued, error cleared, retry_count + 1. Send after commit.
    `operator` (who asked) goes into the job's history.

    Only `WHERE status = 'failed'`: of concurrent retries one changes the row, the others (and any
    retry of a job that is not failed, a running one above all) get InvalidTransition (409)."""
    changed = _move(session, email_id, S.QUEUED, (IncomingEmail.processing_status == S.FAILED.value,),
                    processing_error=None, error_traceback=None, completed_at=None, available_at=None,
                    retry_count=IncomingEmail.retry_count + 1)
    if not changed:
        status = _status_of(session, email_id)
        if status is None:
            raise NotFound(f"job {email_id} not found")
        raise InvalidTransition(f"only failed jobs can be retried; job {email_id} is {status}")
    record_event(session, email_id, "status", from_status="failed", to_status="queued",
                 message=f"manual retry by {operator}" if operator else "manual retry",
                 details={"operator": operator} if operator else None)
    email = get(session, email_id)
    session.refresh(email)
    return email


def cancel(session: Session, email_id: int, operator: str) -> IncomingEmail:
    """An operator's cancel of a job that has not started: received/queued → cancelled, for good.

    Conditional like every move: a worker that claimed the job a moment earlier wins and the
    cancel gets InvalidTransition (409)."""
    previous = _status_of(session, email_id)
    changed = _move(session, email_id, S.CANCELLED, (IncomingEmail.processing_status.in_(WAITING),),
                    available_at=None, lease_owner=None, lease_expires_at=None)
    if not changed:
        if previous is None:
            raise NotFound(f"job {email_id} not found")
        status = _status_of(session, email_id)
        raise InvalidTransition(f"only received or queued jobs can be cancelled; job {email_id} is {status}")
    record_event(session, email_id, "status", from_status=previous, to_status="cancelled",
                 message=f"cancelled by {operator}", details={"operator": operator})
    email = get(session, email_id)
    session.refresh(email)
    return email


def requeue(session: Session, email_id: int, from_status: str, reason: str,
            extra_where: Iterable[Any] = ()) -> bool:
    """Sweeper: put a stuck job back in the queue (received/queued/expired processing → queued)."""
    changed = _move(session, email_id, S.QUEUED,
                    (IncomingEmail.processing_status == from_status, *extra_where),
                    lease_owner=None, lease_expires_at=None, available_at=None)
    if changed:
        record_event(session, email_id, "requeued", from_status=from_status, to_status="queued",
                     message=reason)
    return changed


# The worker's load of one job, built once (building the statement and its lazyload option cost more
# CPU than running it): its history loads only if touched, and so do the columns processing never reads
# and that are large on a job processed before (its previous result, the last failure's traceback).
_WITHOUT_EVENTS = (select(IncomingEmail).where(IncomingEmail.id == bindparam("email_id"))
                   .options(lazyload(IncomingEmail.events),
                            defer(IncomingEmail.extracted_data), defer(IncomingEmail.error_traceback),
                            defer(IncomingEmail.processing_error)))


def get(session: Session, email_id: int, *, with_events: bool = True) -> IncomingEmail:
    """The job row; `with_events=False` (the worker) leaves its history to load only if touched."""
    email = session.get(IncomingEmail, email_id) if with_events else \
        session.scalars(_WITHOUT_EVENTS, {"email_id": email_id}).first()
    if email is None:
        raise NotFound(f"job {email_id} not found")
    return email


def counts_by_status(session: Session) -> dict[str, int]:
    return job_pages.counts_by_status(session)


def list_jobs(session: Session, status: S | None, limit: int, offset: int
              ) -> tuple[int, list[IncomingEmail]]:
    """Newest first; returns the total matching `status` and one page (see job_pages.newest)."""
    found = job_pages.newest(session, status, limit, offset)
    return found.total, found.rows


def processing_seconds(email: IncomingEmail) -> float | None:
    if email.started_at is None or email.completed_at is None:
        return None
    return round((email.completed_at - email.started_at).total_seconds(), 3)


def abandoned(now: datetime, stale_seconds: float, time_limit_seconds: float) -> Any:
    """A processing job whose worker is gone (lease expired) or hung past its time limit."""
    overdue_before = now - timedelta(seconds=time_limit_seconds + stale_seconds)
    return (IncomingEmail.processing_status == S.PROCESSING.value) & or_(
        IncomingEmail.lease_expires_at < now, IncomingEmail.started_at < overdue_before
    )


def stuck_jobs(session: Session, now: datetime, stale_seconds: float, time_limit_seconds: float
               ) -> list[tuple[int, str]]:
    """(id, status) of jobs the sweeper should act on: waiting too long, or a dead worker's."""
    stale_before = now - timedelta(seconds=stale_seconds)
    waiting = IncomingEmail.processing_status.in_([S.RECEIVED.value, S.QUEUED.value]) & (
        func.coalesce(IncomingEmail.available_at, IncomingEmail.status_changed_at) < stale_before
    )
    rows = session.execute(
        select(IncomingEmail.id, IncomingEmail.processing_status)
        .where(or_(waiting, abandoned(now, stale_seconds, time_limit_seconds)))
        .order_by(IncomingEmail.received_at)
        .limit(500)
    ).all()
    return [(row[0], row[1]) for row in rows]


def of_firm(session: Session, ids: list[int], firm_id: int) -> list[int]:
    """Those of `ids` that are jobs of the firm, in the given order."""
    if not ids:
        return []
    owned = set(session.scalars(select(IncomingEmail.id).where(IncomingEmail.id.in_(ids),
                                                              IncomingEmail.firm_id == firm_id)))
    return [i for i in ids if i in owned]
