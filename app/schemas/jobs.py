"""schemas/jobs.py — response models of the jobs API."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, Field


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
    next_cursor: str | None = None  # pass as `?cursor=` for the next (older) page; None on the last one


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


class OperatorAction(BaseModel):
    """Optional body of an operator's action; the `X-Operator` header works too (the field wins)."""

    operator: str | None = Field(default=None, max_length=200)


JobId = Annotated[int, Field(ge=1, le=2_147_483_647)]  # a 32-bit row id, like every id in a URL


class BulkRetry(OperatorAction):
    """Either the ids to retry, or `all_failed` for every failed job (at most 1000 at once)."""

    ids: list[JobId] = Field(default_factory=list, max_length=1000)
    all_failed: bool = False


class BulkRetryAccepted(BaseModel):
    retried: list[int]
    skipped: dict[int, str]
    enqueued: int
    operator: str


class Cancelled(BaseModel):
    id: int
    processing_status: str
    operator: str
