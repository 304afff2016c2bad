"""schemas/jobs.py — response models of the jobs API."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel


class JobSummary(BaseModel):
    id: int
    processing_status: str
    from_email: str
    subject: str
    received_at: datetime
    started_at: datetime | None
    completed_at: datetime | None
    processing_error: str | None


class JobList(BaseModel):
    total: int
    by_status: dict[str, int]
    limit: int
    offset: int
    jobs: list[JobSummary]


class JobEventOut(BaseModel):
    at: datetime
    kind: str
    from_status: str | None
    to_status: str | None
    attempt: int | None
    message: str | None
    details: dict[str, Any] | None


class JobDetail(BaseModel):
    id: int
    processing_status: str
    from_email: str
    from_name: str | None
    subject: str
    received_at: datetime
    started_at: datetime | None
    completed_at: datetime | None
    processing_time_seconds: float | None
    processing_error: str | None
    retry_count: int
    attempt_count: int
    extracted_data: dict[str, Any] | None
    match_status: str | None
    match_confidence: float | None
    attachment_urls: list[dict[str, Any]]
    sync_status: str | None
    events: list[JobEventOut]


class RetryAccepted(BaseModel):
    id: int
    processing_status: str
    retry_count: int
    enqueued: bool


class WebhookAccepted(BaseModel):
    status: str
    email_id: int
