"""scheduler.py — APScheduler ticks in the web process: stale-job sweep now, more reconciliation later.

Add a tick by appending to TICKS; each runs every RECONCILE_INTERVAL_SECONDS, never overlapping
itself, and a failing tick is logged without stopping the others."""

from __future__ import annotations

import time
from collections.abc import Callable, Sized
from dataclasses import fields, is_dataclass
from datetime import UTC, datetime

import structlog
from apscheduler.schedulers.background import BackgroundScheduler

from app.config import Settings
from app.database import session_scope
from app.services import job_pages, outbox, recovery

log = structlog.get_logger(__name__)

Tick = Callable[[Settings], object]

TICKS: dict[str, Tick] = {
    "stale-job-sweep": lambda settings: recovery.sweep(settings),
    "outbox-retry": lambda settings: outbox.retry_due(settings),
}
# Ticks that must run more often than the reconcile interval: (tick, at most every this many seconds).
FREQUENT_TICKS: dict[str, tuple[Tick, float]] = {
    "status-count-fold": (lambda settings: fold_status_deltas(), 5.0),
}


def fold_status_deltas() -> int:
    with session_scope() as session:
        return job_pages.fold_deltas(session)


def run_tick(name: str, tick: Tick, settings: Settings) -> None:
    """One tick, logged at debug (a tick that did something logs that itself, at info or above)."""
    started = time.monotonic()
    try:
        outcome = tick(settings)
    except Exception:
        log.exception("scheduler_tick_failed", tick=name)
        return
    log.debug("scheduler_tick", tick=name, seconds=round(time.monotonic() - started, 3),
              outcome=_summary(outcome))


def _summary(outcome: object) -> object:
    """A tick's return value as a log field: numbers and strings as they are, a collection by its size,
    a report by its fields."""
    if outcome is None or isinstance(outcome, int | float | str):
        return outcome
    if isinstance(outcome, Sized):
        return len(outcome)
    if is_dataclass(outcome):
        return {item.name: _summary(getattr(outcome, item.name)) for item in fields(outcome)}
    return type(outcome).__name__


def build_scheduler(settings: Settings) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(timezone=UTC)
    every = {name: float(settings.reconcile_interval_seconds) for name in TICKS}
    every |= {name: min(seconds, settings.reconcile_interval_seconds) for name, (_, seconds) in FREQUENT_TICKS.items()}
    ticks = TICKS | {name: tick for name, (tick, _) in FREQUENT_TICKS.items()}
    for name, tick in ticks.items():
        scheduler.add_job(
            run_tick,
            "interval",
            args=(name, tick, settings),
            seconds=every[name],
            id=name,
            max_instances=1,
            coalesce=True,
            next_run_time=datetime.now(UTC),
        )
    return scheduler
