"""services/workers.py — worker heartbeats and the processing switch; invariant: a worker is alive while its
last beat is recent, and processing is paused only by an operator's recorded switch."""

from __future__ import annotations

import os
import socket
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session

from app.models import ServiceFlag, WorkerHeartbeat, utcnow

PROCESSING = "processing"


def identity() -> str:
    """This process as a worker: "host:pid"."""
    return f"{socket.gethostname()}:{os.getpid()}"


def beat(session: Session, kind: str, *, threads: int = 1, jobs_done: int | None = None,
         worker_id: str | None = None) -> WorkerHeartbeat:
    """Record that this worker process is alive now (created on its first beat). Flushes, never commits."""
    key = worker_id or identity()
    row = session.get(WorkerHeartbeat, key)
    now = utcnow()
    if row is None:
        host, _, pid = key.rpartition(":")
        row = WorkerHeartbeat(id=key, kind=kind, hostname=host or socket.gethostname(),
                              pid=int(pid) if pid.isdigit() else os.getpid(), threads=threads, started_at=now,
                              last_seen_at=now, jobs_done=jobs_done or 0)
        session.add(row)
    else:
        row.last_seen_at = now
        row.kind, row.threads = kind, threads
        if jobs_done is not None:
            row.jobs_done = jobs_done
    session.flush()
    return row


def live(session: Session, within_seconds: float, now: datetime | None = None) -> list[WorkerHeartbeat]:
    """Workers whose last beat is at most `within_seconds` old, most recent first."""
    since = (now or utcnow()) - timedelta(seconds=within_seconds)
    return list(session.scalars(select(WorkerHeartbeat).where(WorkerHeartbeat.last_seen_at >= since)
                                .order_by(WorkerHeartbeat.last_seen_at.desc())))


def forget(session: Session, worker_id: str | None = None) -> None:
    """Remove a worker's heartbeat (a clean shutdown), so it stops counting as alive at once."""
    row = session.get(WorkerHeartbeat, worker_id or identity())
    if row is not None:
        session.delete(row)
        session.flush()


def set_paused(session: Session, paused: bool, operator: str) -> ServiceFlag:
    """Pause or resume processing, recording who did it. Flushes, never commits."""
    row = session.get(ServiceFlag, PROCESSING)
    value = "paused" if paused else "running"
    if row is None:
        row = ServiceFlag(name=PROCESSING, value=value, changed_by=operator, changed_at=utcnow())
        session.add(row)
    else:
        row.value, row.changed_by, row.changed_at = value, operator, utcnow()
    session.flush()
    return row


def is_paused(session: Session) -> bool:
    row = session.get(ServiceFlag, PROCESSING)
    return row is not None and row.value == "paused"


def paused_clause() -> ColumnElement[bool]:
    """is_paused as an SQL expression, for a query that reads it alongside other columns."""
    return exists().where(ServiceFlag.name == PROCESSING, ServiceFlag.value == "paused")
