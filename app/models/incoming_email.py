"""models/incoming_email.py — the job table: one row per accepted email, the source of truth for its state."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import Float, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, JSONType, UTCDateTime, utcnow


class ProcessingStatus(enum.StrEnum):
    RECEIVED = "received"
    QUEUED = "queued"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


class IncomingEmail(Base):
    __tablename__ = "incoming_emails"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dedup_key: Mapped[str] = mapped_column(String(128), unique=True)
    firm_id: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    zendesk_ticket_id: Mapped[str] = mapped_column(String(64), index=True)
    zendesk_webhook_id: Mapped[str | None] = mapped_column(String(128))
    message_id: Mapped[str | None] = mapped_column(String(512))
    in_reply_to: Mapped[str | None] = mapped_column(String(512))

    from_email: Mapped[str] = mapped_column(String(320), index=True)
    from_name: Mapped[str | None] = mapped_column(String(320))
    to_addresses: Mapped[list[str]] = mapped_column(JSONType, default=list)
    cc_addresses: Mapped[list[str]] = mapped_column(JSONType, default=list)
    subject: Mapped[str] = mapped_column(Text, default="")
    body_text: Mapped[str | None] = mapped_column(Text)
    body_html: Mapped[str | None] = mapped_column(Text)
    attachment_urls: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    extra_fields: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)

    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    processing_status: Mapped[str] = mapped_column(String(16), default=ProcessingStatus.RECEIVED)
    processing_error: Mapped[str | None] = mapped_column(Text)
    # The last failed attempt's traceback (operators see it collapsed under the error).
    error_traceback: Mapped[str | None] = mapped_column(Text)
    retry_count: Mapped[int] = mapped_column(Integer, default=0)
    attempt_count: Mapped[int] = mapped_column(Integer, default=0)
    # When the row last entered its current waiting state; the sweeper measures staleness from it.
    status_changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Earliest time a queued retry is due (Dramatiq backoff); the sweeper leaves it alone before.
    available_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    lease_owner: Mapped[str | None] = mapped_column(String(128))
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    extracted_data: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    match_status: Mapped[str | None] = mapped_column(String(32))
    match_confidence: Mapped[float | None] = mapped_column(Float)
    sync_status: Mapped[str | None] = mapped_column(String(16))

    events = relationship(
        "JobEvent",
        back_populates="email",
        order_by="JobEvent.id",
        cascade="all, delete-orphan",
        lazy="selectin",
    )

    __table_args__ = (
        # Newest first by the email's date (the API) and by arrival (the dashboard), each with and
        # without a state tab; the trailing id makes every order total, so a keyset cursor is exact.
        Index("ix_incoming_emails_received_id", "received_at", "id"),
        Index("ix_incoming_emails_status_received", "processing_status", "received_at", "id"),
        Index("ix_incoming_emails_status_id", "processing_status", "id"),
        Index("ix_incoming_emails_status_changed", "processing_status", "status_changed_at"),
        Index("ix_incoming_emails_firm_received", "firm_id", "received_at", "id"),
    )
