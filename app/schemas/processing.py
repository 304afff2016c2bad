"""schemas/processing.py — request and response models of the processing switch and queue API."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel


class WorkerOut(BaseModel):
    id: str
    kind: str
    hostname: str
    pid: int
    threads: int
    started_at: datetime
    last_seen_at: datetime
    jobs_done: int


class ProcessingState(BaseModel):
    paused: bool
    changed_by: str | None
    changed_at: datetime | None
    waiting: int
    processing: int
    oldest_waiting_id: int | None
    oldest_waiting_seconds: float | None
    workers: list[WorkerOut]
    no_worker_alive: bool
    resent: int | None = None
