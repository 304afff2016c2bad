"""services/health.py — readiness of one web process; invariant: the answer is 503 exactly when the database
or the broker does not answer, and every check says why it failed, without secrets.

Workers that have not been seen and jobs waiting for them are warnings, not a 503: the web process still
stores every webhook, which a worker processes once one is back; a load balancer that took this process out
of rotation would lose exactly those webhooks. Monitors that want a status code for it ask `?strict=true`.
An open (or half-open) circuit breaker is such a warning too: the service waits for that dependency."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import structlog
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from app.config import Settings
from app.database import describe_unreachable, session_scope
from app.models import IncomingEmail, ProcessingStatus
from app.queue import broker_problem
from app.services import breakers, workers

log = structlog.get_logger(__name__)

WAITING = (ProcessingStatus.RECEIVED.value, ProcessingStatus.QUEUED.value)
Status = Literal["ok", "degraded", "unavailable"]


@dataclass
class Check:
    """One dependency: whether it answered, and if not, why (one line)."""

    ok: bool
    reason: str | None = None
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "reason": self.reason, **self.details}


@dataclass
class Report:
    checks: dict[str, Check]
    warnings: list[str]
    queued: int | None

    @property
    def status(self) -> Status:
        if not (self.checks["database"].ok and self.checks["broker"].ok):
            return "unavailable"
        return "degraded" if self.warnings else "ok"

    def http_status(self, *, strict: bool = False) -> int:
        return 503 if self.status == "unavailable" or (strict and self.status == "degraded") else 200

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "checks": {name: check.as_dict() for name, check in self.checks.items()},
                "queued": self.queued, "warnings": self.warnings}


def _scrub(reason: str, settings: Settings) -> str:
    for secret in sorted(settings.secret_values(), key=len, reverse=True):
        reason = reason.replace(secret, "[redacted]")
    return reason


@dataclass
class Snapshot:
    """What the database says: jobs waiting, workers seen recently, whether processing is paused."""

    queued: int
    alive: int
    paused: bool
    breakers: list[breakers.State] = field(default_factory=list)


def _read_database(settings: Settings) -> tuple[Check, Snapshot | None]:
    try:
        with session_scope() as session:
            session.execute(text("SELECT 1"))
            queued = session.scalar(select(func.count()).select_from(IncomingEmail)
                                    .where(IncomingEmail.processing_status.in_(WAITING))) or 0
            alive = len(workers.live(session, settings.worker_seen_within_seconds))
            return Check(True), Snapshot(queued, alive, workers.is_paused(session), breakers.states(session))
    except OperationalError as error:
        reason = describe_unreachable(error)
        log.error("database_unavailable", error=reason)
        return Check(False, _scrub(reason, settings)), None


def _workers(settings: Settings, snapshot: Snapshot | None) -> Check:
    within = settings.worker_seen_within_seconds
    if snapshot is None:
        return Check(False, "unknown: the database does not answer")
    details = {"alive": snapshot.alive, "within_seconds": within}
    if settings.broker_kind == "embedded":
        return Check(True, None, {**details, "note": "embedded mode: the worker runs inside this web process"})
    if snapshot.alive == 0:
        return Check(False, f"no worker seen in the last {within} s", details)
    return Check(True, None, details)


def _breakers(snapshot: Snapshot | None) -> tuple[Check, list[str]]:
    """Every breaker on record; each one not closed is a warning naming when calls go again."""
    if snapshot is None:
        return Check(False, "unknown: the database does not answer"), []
    warnings = []
    for breaker in snapshot.breakers:
        if breaker.state == breakers.CLOSED:
            continue
        when = f"{breaker.retry_at:%H:%M:%S} UTC" if breaker.retry_at else "now"
        doing = "is open: calls wait until" if breaker.state == breakers.OPEN else "is half-open: one trial call until"
        warnings.append(f"circuit breaker {breaker.name} {doing} {when} (last error: {breaker.last_error})")
    listed = {"breakers": [breaker.as_dict() for breaker in snapshot.breakers]}
    return Check(not warnings, f"{len(warnings)} circuit breaker(s) not closed" if warnings else None, listed), warnings


def check(settings: Settings) -> Report:
    """Ask the database and the broker, and read the heartbeats and the queue."""
    database, snapshot = _read_database(settings)
    problem = broker_problem(settings)
    if problem is not None:
        log.warning("broker_unavailable", broker=settings.broker_kind, error=_scrub(problem, settings))
    broker = Check(problem is None, _scrub(problem, settings) if problem else None, {"kind": settings.broker_kind})
    seen = _workers(settings, snapshot)
    warnings: list[str] = []
    if snapshot is not None and not seen.ok:
        warnings.append(f"{snapshot.queued} jobs queued with no worker alive" if snapshot.queued
                        else seen.reason or "no worker alive")
    if snapshot is not None and snapshot.paused:
        warnings.append(f"processing is paused by an operator; {snapshot.queued} jobs waiting")
    tripped, breaker_warnings = _breakers(snapshot)
    warnings += breaker_warnings
    return Report({"database": database, "broker": broker, "workers": seen, "breakers": tripped}, warnings,
                  snapshot.queued if snapshot else None)
