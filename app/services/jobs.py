"""services/jobs.py — the only writer of a job's processing_status, and of the JobEvent history.

Every change is a conditional UPDATE (`WHERE status IN (...)`) whose row count tells the
caller whether *this* call made the change; that is how two workers never both claim a
job and how exactly one caller learns that a job has failed for good. Ingest's batches of the same
writes (new jobs as `received`, received → queued) live in services/job_batches.py, by the same rules."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import CursorResult, Update, func, or_, select, update
from sqlalchemy.orm import Session, lazyload

from app.errors import InvalidTransition, NotFound, TransientError
from app.models import IncomingEmail, JobEvent, ProcessingStatus, utcnow
from app.services import job_pages, workers

S = ProcessingStatus
SHUTDOWN_REASON = "shutdown"

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
    session.add(
        JobEvent(
            email_id=email_id,
            at=utcnow(),
            kind=kind,
            from_status=from_status,
            to_status=to_status,
            attempt=attempt,
            message=message,
            details=details,
        )
    )


def _move(
    session: Session, email_id: int, target: S, extra_where: Iterable[Any] = (), **values: Any
) -> bool:
    """Conditional status change; True when this call changed the row."""
    statement: Update = (
        update(IncomingEmail)
        .where(IncomingEmail.id == email_id)
        .where(IncomingEmail.processing_status.in_([s.value for s in sources_for(target)]))
        .where(*extra_where)
        .values(processing_status=target.value, status_changed_at=utcnow(), **values)
        .execution_options(synchronize_session=False)
    )
    result: CursorResult[Any] = session.execute(statement)  # type: ignore[assignment]
    return result.rowcount == 1


def _status_of(session: Session, email_id: int) -> str | None:
    return session.scalar(select(IncomingEmail.processing_status).where(IncomingEmail.id == email_id))


def mark_queued(session: Session, email_id: int, reason: str = "enqueued") -> bool:
    """received → queued once the broker has the message (no-op if a worker was faster)."""
    changed = _move(session, email_id, S.QUEUED, (IncomingEmail.processing_status == S.RECEIVED.value,))
    if changed:
        record_event(session, email_id, "status", from_status="received", to_status="queued",
                     message=reason)
    return changed


def claim(session: Session, email_id: int, owner: str, lease_seconds: float) -> Claim | None:
    """Take the job for `owner` if it is waiting (or its previous lease has expired).

    On PostgreSQL the row is first locked with SKIP LOCKED so a concurrent claimer moves on
    instead of waiting (RowBusy if the row is claimable but locked by someone else);
    everywhere the UPDATE's WHERE clause is what makes it exclusive. While an operator has paused
    processing nothing is claimed (the job stays waiting; resuming sends it again)."""
    if workers.is_paused(session):
        return None
    now = utcnow()
    claimable = or_(
        IncomingEmail.processing_status.in_([S.RECEIVED.value, S.QUEUED.value]),
        (IncomingEmail.processing_status == S.PROCESSING.value)
        & (IncomingEmail.lease_expires_at < now),
    )
    if session.get_bind().dialect.name == "postgresql":
        locked = session.scalar(
            select(IncomingEmail.id)
            .where(IncomingEmail.id == email_id, claimable)
            .with_for_update(skip_locked=True)
        )
        if locked is None:
            still_waiting = session.scalar(
                select(IncomingEmail.id).where(IncomingEmail.id == email_id, claimable)
            )
            if still_waiting is not None:
                raise RowBusy(f"job {email_id} is locked by another transaction")
            return None
    previous = _status_of(session, email_id)
    statement = (
        update(IncomingEmail)
        .where(IncomingEmail.id == email_id, claimable)
        .values(
            processing_status=S.PROCESSING.value,
            status_changed_at=now,
            started_at=now,
            completed_at=None,
            lease_owner=owner,
            lease_expires_at=now + timedelta(seconds=lease_seconds),
            attempt_count=IncomingEmail.attempt_count + 1,
        )
        .returning(IncomingEmail.attempt_count)
        .execution_options(synchronize_session=False)
    )
    attempt = session.scalar(statement)
    if attempt is None:
        return None
    record_event(session, email_id, "attempt_started", from_status=previous,
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


def complete(session: Session, job: Claim, **results: Any) -> bool:
    """processing → completed with the pipeline's results, only while `job.owner` holds the lease."""
    changed = _move(session, job.email_id, S.COMPLETED, _held_by(job), completed_at=utcnow(),
                    processing_error=None, error_traceback=None, lease_owner=None, lease_expires_at=None,
                    **results)
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


def get(session: Session, email_id: int, *, with_events: bool = True) -> IncomingEmail:
    """The job row; `with_events=False` (the worker) leaves its history to load only if touched."""
    options = () if with_events else (lazyload(IncomingEmail.events),)
    email = session.get(IncomingEmail, email_id, options=options)
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
