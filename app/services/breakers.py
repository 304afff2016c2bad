"""services/breakers.py — circuit breakers around the portal, SMTP, the LLM and each attachment host; invariant:
after BREAKER_FAILURE_THRESHOLD consecutive failures a dependency is not called until BREAKER_COOLDOWN_SECONDS
have passed, then exactly one trial call goes (half-open), and its success closes the breaker again.

The state lives in the `circuit_breakers` table, so the web process and every worker see one breaker. Each
change is its own short transaction, never the caller's. A breaker is advisory: when its own database read or
write fails, the call goes ahead as if the breaker were closed (the caller's real call will say what is wrong).
Who raises what: `BreakerOpen` (a TransientError) when the breaker is open; a job whose attachment host is
open goes back to the queue until `until` without using an attempt (services/processing.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import structlog
from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.config import Settings, get_settings
from app.database import session_scope
from app.errors import TransientError
from app.models import CircuitBreaker, utcnow

log = structlog.get_logger(__name__)

CLOSED, OPEN, HALF_OPEN = "closed", "open", "half_open"
STATES = (CLOSED, HALF_OPEN, OPEN)  # the /metrics value of a state is its index
PORTAL, SMTP, LLM = "portal", "smtp", "llm"
ATTACHMENTS_PREFIX = "attachments:"
MAX_ERROR = 500


def attachments(host: str) -> str:
    """The breaker of one attachment host (the first hop: the Zendesk account, Resend's API)."""
    return f"{ATTACHMENTS_PREFIX}{host}"


class BreakerOpen(TransientError):
    """`name` is open: no call goes before `until` (when a trial call may go)."""

    def __init__(self, name: str, until: datetime, last_error: str | None = None) -> None:
        super().__init__(f"circuit breaker {name} is open until {until:%H:%M:%S} UTC"
                         + (f" (last error: {last_error})" if last_error else ""))
        self.name = name
        self.until = until

    def seconds_left(self, now: datetime | None = None) -> float:
        return max((self.until - (now or utcnow())).total_seconds(), 0.0)


@dataclass(frozen=True)
class Ticket:
    """What `allow` saw: `clean` (closed, no failure on record: a success needs no write)."""

    name: str
    clean: bool


def _settings(settings: Settings | None) -> Settings:
    return settings if settings is not None else get_settings()


def allow(name: str, settings: Settings | None = None) -> Ticket:
    """May a call to `name` go now? Raises BreakerOpen when not. Past the cool-down, the one caller whose
    conditional UPDATE moves the breaker to half-open makes the trial call; the others keep waiting."""
    now = utcnow()
    try:
        with session_scope() as session:
            row = session.get(CircuitBreaker, name)
            if row is None or row.state == CLOSED:
                return Ticket(name, clean=row is None or row.failures == 0)
            if row.retry_at is not None and row.retry_at > now:
                raise BreakerOpen(name, row.retry_at, row.last_error)
            trial_until = now + timedelta(seconds=_settings(settings).breaker_cooldown_seconds)
            taken = session.execute(
                update(CircuitBreaker)
                .where(CircuitBreaker.name == name, CircuitBreaker.state.in_([OPEN, HALF_OPEN]),
                       CircuitBreaker.retry_at <= now)
                .values(state=HALF_OPEN, retry_at=trial_until, changed_at=now)
                .execution_options(synchronize_session=False)
            ).rowcount == 1  # type: ignore[attr-defined]
            if not taken:
                raise BreakerOpen(name, trial_until, row.last_error)
    except SQLAlchemyError as error:
        log.warning("breaker_unreadable", breaker=name, error=type(error).__name__)
        return Ticket(name, clean=True)
    log.info("breaker_half_open", breaker=name)
    return Ticket(name, clean=False)


def _ensure_row(session: Session, name: str) -> None:
    values = {"name": name, "state": CLOSED, "failures": 0, "opened_count": 0, "changed_at": utcnow()}
    dialect = session.get_bind().dialect.name
    insert: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(insert(CircuitBreaker).values(**values).on_conflict_do_nothing(index_elements=["name"]))


def failed(name: str, error: str, settings: Settings | None = None) -> bool:
    """Count a failure; True when this one opened the breaker (a failed trial call always reopens it)."""
    config = _settings(settings)
    now = utcnow()
    try:
        with session_scope() as session:
            _ensure_row(session, name)
            row = session.scalars(select(CircuitBreaker).where(CircuitBreaker.name == name)
                                  .with_for_update()).one()
            row.failures += 1
            row.last_error = error[:MAX_ERROR]
            row.changed_at = now
            opens = row.state == HALF_OPEN or (row.state == CLOSED and row.failures >= config.breaker_failure_threshold)
            if opens:
                row.state, row.opened_at = OPEN, now
                row.retry_at = now + timedelta(seconds=config.breaker_cooldown_seconds)
                row.opened_count += 1
            failures = row.failures
    except SQLAlchemyError as problem:
        log.warning("breaker_unwritable", breaker=name, error=type(problem).__name__)
        return False
    if opens:
        log.warning("breaker_opened", breaker=name, failures=failures, error=error[:MAX_ERROR],
                    retry_in_seconds=config.breaker_cooldown_seconds)
    return opens


def succeeded(ticket: Ticket) -> None:
    """A call answered: the breaker closes and its failure count starts again."""
    if ticket.clean:
        return
    try:
        with session_scope() as session:
            row = session.scalars(select(CircuitBreaker).where(CircuitBreaker.name == ticket.name)
                                  .with_for_update()).one_or_none()
            if row is None or (row.state == CLOSED and row.failures == 0):
                return
            was = row.state
            row.state, row.failures, row.retry_at, row.changed_at = CLOSED, 0, None, utcnow()
    except SQLAlchemyError as problem:
        log.warning("breaker_unwritable", breaker=ticket.name, error=type(problem).__name__)
        return
    if was != CLOSED:
        log.info("breaker_closed", breaker=ticket.name)


@contextmanager
def around(name: str | None, counts: Callable[[Exception], bool],
           settings: Settings | None = None) -> Iterator[None]:
    """Guard the block: BreakerOpen instead of running it while `name` is open; an exception for which
    `counts` is true is a failure, any other end of the block (the dependency answered) a success. An
    interrupt (a BaseException: time limit, shutdown) is neither. `name` None: no breaker."""
    if name is None:
        yield
        return
    ticket = allow(name, settings)
    try:
        yield
    except Exception as error:
        if counts(error):
            failed(name, f"{type(error).__name__}: {error}", settings)
        else:
            succeeded(ticket)
        raise
    succeeded(ticket)


@dataclass(frozen=True)
class State:
    """One breaker as /health and /metrics show it."""

    name: str
    state: str
    failures: int
    retry_at: datetime | None
    opened_count: int
    last_error: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "state": self.state, "failures": self.failures,
                "retry_at": self.retry_at.isoformat() if self.retry_at else None,
                "opened_count": self.opened_count, "last_error": self.last_error}


def states(session: Session) -> list[State]:
    """Every breaker that has ever failed (one row each; a handful), by name."""
    return [State(row.name, row.state, row.failures, row.retry_at, row.opened_count, row.last_error)
            for row in session.scalars(select(CircuitBreaker).order_by(CircuitBreaker.name).limit(200))]
