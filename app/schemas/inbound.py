"""schemas/inbound.py — what the inbound provider webhooks answer."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class ProviderWebhookAnswer(BaseModel):
    """`queued`/`received`/`duplicate` with the job for a received email; `recorded`/`duplicate` with the
    inquiries marked for a bounce or complaint; `ignored` for an event type this service does not use."""

    status: Literal["queued", "received", "duplicate", "recorded", "ignored"]
    event: str
    email_id: int | None = None
    inquiry_ids: list[int] = Field(default_factory=list)
