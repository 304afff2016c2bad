"""models/outbox.py — deliveries of applied claim changes (webhook, handler mail): one row per change and channel."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, JSONType, UTCDateTime, utcnow


class OutboxMessage(Base):
    """Written in the same transaction as the claim change; delivered after the commit by the
    `outbox.deliver` actor. `delivery_id` is stable across retries so receivers can de-duplicate."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # Always its parent row's firm: set by a database trigger on insert (alembic 0009).
    firm_id: Mapped[int] = mapped_column(Integer, server_default="1")
    claim_history_id: Mapped[int] = mapped_column(ForeignKey("claim_history.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(16))  # "webhook" | "email"
    email_id: Mapped[int | None] = mapped_column(
        ForeignKey("incoming_emails.id", ondelete="SET NULL"), index=True
    )
    delivery_id: Mapped[str] = mapped_column(String(64), unique=True)
    target: Mapped[str] = mapped_column(String(500))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending|sending|delivered|failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Set once, by the one conditional UPDATE that decided this entry had failed long enough to tell the admin.
    alerted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        UniqueConstraint("claim_history_id", "channel", name="uq_outbox_claim_history_id_channel"),
        Index("ix_outbox_status_next_attempt", "status", "next_attempt_at"),
        Index("ix_outbox_status_created", "status", "created_at"),
    )
