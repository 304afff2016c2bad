"""models/delivery_problem.py — a letter of the firm that did not arrive (bounce) or was reported as spam
(complaint), as the mail provider told us; one row per provider delivery, never updated. `inquiry_ids`
are the inquiries whose letter it concerns (empty when none matched: still shown, for a human)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, JSONType, UTCDateTime, utcnow


class DeliveryProblem(Base):
    __tablename__ = "delivery_problems"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    firm_id: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    delivery_id: Mapped[str] = mapped_column(String(160), unique=True)
    provider: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))  # bounced | complained
    provider_email_id: Mapped[str] = mapped_column(String(128))
    recipients: Mapped[list[str]] = mapped_column(JSONType, default=list)
    subject: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[str | None] = mapped_column(Text)
    inquiry_ids: Mapped[list[int]] = mapped_column(JSONType, default=list)
    occurred_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
