"""models/worker.py — who is processing: one row per worker process (its heartbeat), and the operator's
switches for the service (pause/resume processing), each with who changed it and when."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow


class WorkerHeartbeat(Base):
    """`id` is the worker's identity ("host:pid"); `last_seen_at` moves with every beat, so a worker is
    alive while it is recent. `kind` is "embedded" (in the web process) or "dramatiq"."""

    __tablename__ = "worker_heartbeats"

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    hostname: Mapped[str] = mapped_column(String(255))
    pid: Mapped[int] = mapped_column(Integer)
    threads: Mapped[int] = mapped_column(Integer, default=1)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    jobs_done: Mapped[int] = mapped_column(Integer, default=0)


class ServiceFlag(Base):
    """An operator's switch, e.g. name "processing" with value "paused" or "running"."""

    __tablename__ = "service_flags"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(64))
    changed_by: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
