"""services/queue_status.py — what the operator sees of the queue: depth, the oldest waiting job, live
workers and the processing switch; invariant: "no worker alive" is said whenever jobs wait and no beat is
recent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.config import get_settings
from app.models import IncomingEmail, ProcessingStatus, ServiceFlag, WorkerHeartbeat, utcnow
from app.services import jobs, workers


@dataclass(frozen=True)
class QueueStatus:
    waiting: int  # received + queued
    queued: int
    received: int
    processing: int
    oldest_waiting_id: int | None
    oldest_waiting_since: datetime | None  # when it entered its waiting state
    oldest_waiting_seconds: float | None
    workers: list[WorkerHeartbeat]
    paused: bool
    switched_by: str | None
    switched_at: datetime | None

    @property
    def stranded(self) -> bool:
        """Jobs wait and nobody is there to take them."""
        return self.waiting > 0 and not self.workers


def seen_within() -> float:
    """How recent a worker's last beat must be for it to count as alive (WORKER_SEEN_WITHIN_SECONDS)."""
    return float(get_settings().worker_seen_within_seconds)


def status(session: Session, now: datetime | None = None,
           alive_within: float | None = None) -> QueueStatus:
    now = now or utcnow()
    per_state = dict(session.execute(
        select(IncomingEmail.processing_status, func.count())
        .where(IncomingEmail.processing_status.in_([*jobs.WAITING, ProcessingStatus.PROCESSING.value]))
        .group_by(IncomingEmail.processing_status)).all())
    oldest = session.execute(
        select(IncomingEmail.id, IncomingEmail.status_changed_at)
        .where(IncomingEmail.processing_status.in_(jobs.WAITING))
        .order_by(IncomingEmail.status_changed_at, IncomingEmail.id).limit(1)).first()
    flag = session.get(ServiceFlag, workers.PROCESSING)
    queued, received = per_state.get("queued", 0), per_state.get("received", 0)
    return QueueStatus(
        waiting=queued + received, queued=queued, received=received,
        processing=per_state.get("processing", 0),
        oldest_waiting_id=oldest[0] if oldest else None, oldest_waiting_since=oldest[1] if oldest else None,
        oldest_waiting_seconds=max((now - oldest[1]).total_seconds(), 0.0) if oldest else None,
        workers=workers.live(session, seen_within() if alive_within is None else alive_within, now),
        paused=workers.is_paused(session),
        switched_by=flag.changed_by if flag else None, switched_at=flag.changed_at if flag else None)
