"""scheduler.py — APScheduler ticks in the web process: stale-job sweep now, more reconciliation later.

Add a tick by appending to TICKS; each runs every RECONCILE_INTERVAL_SECONDS, never overlapping
itself, and a failing tick is logged without stopping the others."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import structlog
from apscheduler.schedulers.background import BackgroundScheduler

from app.config import Settings
from app.services import outbox, recovery

log = structlog.get_logger(__name__)

Tick = Callable[[Settings], object]

TICKS: dict[str, Tick] = {
    "stale-job-sweep": lambda settings: recovery.sweep(settings),
    "outbox-retry": lambda settings: outbox.retry_due(settings),
}


def run_tick(name: str, tick: Tick, settings: Settings) -> None:
    try:
        tick(settings)
    except Exception:
        log.exception("scheduler_tick_failed", tick=name)


def build_scheduler(settings: Settings) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(timezone=UTC)
    for name, tick in TICKS.items():
        scheduler.add_job(
            run_tick,
            "interval",
            args=(name, tick, settings),
            seconds=settings.reconcile_interval_seconds,
            id=name,
            max_instances=1,
            coalesce=True,
            next_run_time=datetime.now(UTC),
        )
    return scheduler
