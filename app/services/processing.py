"""services/processing.py — one attempt at one job: claim, keep the lease, run the pipeline, settle.

Decides from the row, not from the broker, whether a failure is final: the attempt counter
lives in the database, and only the call whose conditional UPDATE moved the job to `failed`
sends the alert, after its commit."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import TypeVar

import structlog
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app import queue
from app.config import Settings
from app.database import session_scope
from app.deadlines import job_deadline
from app.errors import PermanentError
from app.logging import correlation_id
from app.models import IncomingEmail
from app.services import breakers, jobs, leases, metrics_store, pipeline, steps
from app.services.failure_notifier import notify_permanent_failure

log = structlog.get_logger(__name__)

MAX_ERROR_LENGTH = steps.MAX_ERROR_LENGTH
ROW_BUSY_RETRY_SECONDS = 1.0
ROW_BUSY_PAUSES = (0.05, 0.25)
T = TypeVar("T")


# (not frozen: Python sets `__traceback__` on an exception that leaves a `with` block of a generator-based context
# manager, and a frozen dataclass turned that into a FrozenInstanceError that hid the retry)
@dataclass(eq=False)
class RetryLater(Exception):
    """The attempt failed transiently; the job is queued again and due in `delay_seconds`."""

    email_id: int
    delay_seconds: float
    error: str


class WorkerStopping(BaseException):
    """Raised into a worker thread when its process stops past the grace period: the attempt is
    handed back to the queue (reason "shutdown"), not counted as a failure."""


def worker_identity() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


def backoff_seconds(attempt: int, settings: Settings) -> float:
    """Exponential: min, 2·min, 4·min … capped at max (defaults 15 s → 5 min)."""
    delay = settings.retry_min_backoff_seconds * (2 ** max(attempt - 1, 0))
    return float(min(delay, settings.retry_max_backoff_seconds))


def lease_seconds(settings: Settings) -> float:
    return float(min(settings.stale_job_seconds, settings.job_time_limit_seconds))


def describe(error: BaseException) -> str:
    """Where it failed (step, attachment and host) and what; see services/steps.py."""
    return steps.describe(error)


@dataclass(frozen=True)
class Failure:
    """A failed attempt as the row keeps it: the one-line error, the traceback, where it happened."""

    message: str
    traceback: str | None = None
    where: dict[str, object] | None = None

    @classmethod
    def of(cls, error: BaseException, settings: Settings) -> Failure:
        place = steps.where(error)
        return cls(describe(error), steps.format_traceback(error, settings.secret_values()),
                   place.as_dict() if place else None)


class LeaseKeeper:
    """Keeps the job's lease alive while the attempt runs, through the process's one heartbeat thread
    (services/leases.py)."""

    def __init__(self, job: jobs.Claim, seconds: float) -> None:
        self._job = job
        self._seconds = seconds
        self._key: int | None = None

    def __enter__(self) -> LeaseKeeper:
        self._key = leases.heartbeat.hold(self._job, self._seconds)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._key is not None:
            leases.heartbeat.release(self._key)


def _fail_for_good(job: jobs.Claim, failure: Failure,
                   notify: Callable[[int], object]) -> None:
    with session_scope() as session:
        changed = jobs.fail(session, job.email_id, failure.message, attempt=job.attempt, owner=job.owner,
                            traceback=failure.traceback, where=failure.where)
    if changed:
        log.error("job_failed", email_id=job.email_id, attempt=job.attempt, error=failure.message)
        notify(job.email_id)


def _claim(email_id: int, owner: str, settings: Settings) -> jobs.Claim | None:
    """jobs.claim; a row locked by someone else is looked at again after each of ROW_BUSY_PAUSES before the
    job goes back to the queue (RetryLater): the usual holder is a transaction of a few milliseconds, such
    as intake's received → queued mark, which lands right when the worker hears of the job."""
    for pause in (*ROW_BUSY_PAUSES, None):
        try:
            return _on_live_connection(lambda: _claim_once(email_id, owner, settings))
        except jobs.RowBusy as busy:
            if pause is None:
                raise RetryLater(email_id, ROW_BUSY_RETRY_SECONDS, str(busy)) from None
            time.sleep(pause)
    return None  # pragma: no cover (the last pass returns or raises)


def _claim_once(email_id: int, owner: str, settings: Settings) -> jobs.Claim | None:
    with session_scope() as session, jobs.batched_events(session):
        return jobs.claim(session, email_id, owner, lease_seconds(settings))


def _on_live_connection(work: Callable[[], T], start_again: Callable[[], object] = lambda: None) -> T:
    """`work` once more, after `start_again`, when its connection turned out dead (the database restarted
    since the pool last used it; SQLAlchemy has then discarded every pooled connection, so the second run gets
    a fresh one). The pool pings only connections idle a while (app/database.py). For the claim, a second run
    is what the broker's retry of the message would do a backoff later: the claim is conditional on the row,
    so a first run whose commit did go through leaves the second nothing to claim."""
    try:
        return work()
    except DBAPIError as error:
        if not error.connection_invalidated:
            raise
    start_again()
    return work()


def _load(session: Session, email_id: int) -> IncomingEmail:
    """The job row, as the first statement of the attempt's transaction; on a connection that turned out dead
    the transaction, in which nothing has happened yet, starts again on a fresh one."""
    return _on_live_connection(lambda: jobs.get(session, email_id, with_events=False), session.rollback)


def run_attempt(email_id: int, settings: Settings, *, owner: str | None = None,
                notify: Callable[[int], object] = notify_permanent_failure,
                interrupts: tuple[type[BaseException], ...] = ()) -> str:
    """Process one job once. Returns what happened: "completed", "failed", "skipped" or "interrupted"
    (WorkerStopping: the job is back in the queue).

    Raises RetryLater when a transient error leaves attempts to spare. `interrupts` are
    BaseException types (a worker's time limit) that count as transient failures too."""
    owner = owner or worker_identity()
    token = correlation_id.set(f"email-{email_id}")
    try:
        job = _claim(email_id, owner, settings)
        if job is None:
            log.info("job_not_claimed", email_id=email_id)
            return "skipped"
        transient: tuple[type[BaseException], ...] = (Exception, *interrupts)
        timings: dict[str, float] = {}
        try:
            with steps.timed(timings), LeaseKeeper(job, lease_seconds(settings)), \
                    job_deadline(settings.job_time_limit_seconds), session_scope() as session, \
                    jobs.batched_events(session):
                result = pipeline.run(session, _load(session, email_id), settings)
                if not jobs.complete(session, job, **result.columns):
                    raise PermanentError("lease lost before completion")  # pragma: no cover
                metrics_store.record_completion(session, email_id, result.outcome,
                                                result.columns.get("extracted_data"), timings)
            log.info("job_completed", email_id=email_id, attempt=job.attempt, outcome=result.outcome,
                     **({"review_id": result.review_id} if result.review_id is not None else {}))
            result.after_commit()
            return "completed"
        except PermanentError as error:
            _fail_for_good(job, Failure.of(error, settings), notify)
            return "failed"
        except WorkerStopping:
            with session_scope() as session:
                jobs.release_on_shutdown(session, job)
            log.warning("attempt_interrupted", email_id=email_id, attempt=job.attempt, reason="shutdown")
            return "interrupted"
        except breakers.BreakerOpen as open_:
            return _wait_for_breaker(job, open_)
        except transient as error:  # DB, network, timeouts, bugs: worth another attempt
            return _after_transient(job, error, settings, notify, timings)
    finally:
        correlation_id.reset(token)


def _wait_for_breaker(job: jobs.Claim, open_: breakers.BreakerOpen) -> str:
    """A dependency's breaker is open: the job waits in the queue until a trial call may go, and the
    attempt is given back (services/breakers.py)."""
    with session_scope() as session:
        waiting = jobs.release_while_open(session, job, open_.name, open_.until)
    log.info("attempt_waits_for_breaker", email_id=job.email_id, breaker=open_.name,
             retry_in_seconds=round(open_.seconds_left(), 1))
    if waiting:
        queue.send(queue.PROCESS_EMAIL, job.email_id, delay_seconds=max(open_.seconds_left(), 0.5))
    return "waiting"


def _after_transient(job: jobs.Claim, error: BaseException, settings: Settings,
                     notify: Callable[[int], object], timings: dict[str, float] | None = None) -> str:
    failure = Failure.of(error, settings)
    message = failure.message
    if job.attempt >= settings.max_retries + 1:
        _fail_for_good(job, failure, notify)
        return "failed"
    delay = backoff_seconds(job.attempt, settings)
    with session_scope() as session:
        released = jobs.release_for_retry(session, job, message, delay, traceback=failure.traceback,
                                          where=failure.where)
        if released:
            metrics_store.record_attempt_failure(session, job.email_id, failure.where, timings or {})
    log.warning("attempt_failed", email_id=job.email_id, attempt=job.attempt, error=message,
                retry_in_seconds=delay)
    if not released:
        return "skipped"
    raise RetryLater(job.email_id, delay, message)
