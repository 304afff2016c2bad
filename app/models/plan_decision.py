"""models/plan_decision.py — the creditor's answer to a settlement plan: one row per recorded decision, never
updated, so the rows of one plan letter are its history and the latest effective one is its standing."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, JSONType, UTCDateTime, utcnow


class PlanDecision(Base):
    """`decision` is accepted | declined | counter_offer | needs_info | unclear. `effective_at` is when the
    creditor said it (the reply's received_at, or the moment a reviewer recorded a decision made
    elsewhere): the latest effective row wins, so an older reply processed late never hides a newer one."""

    __tablename__ = "plan_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # Always its parent row's firm: set by a database trigger on insert (alembic 0009).
    firm_id: Mapped[int] = mapped_column(Integer, server_default="1")
    inquiry_id: Mapped[int] = mapped_column(ForeignKey("inquiries.id", ondelete="CASCADE"))
    decision: Mapped[str] = mapped_column(String(16))
    # The creditor's own figures (offer_amount, quota_percent, monthly_rate, months) as decimal strings.
    counter_offer: Mapped[dict[str, str] | None] = mapped_column(JSONType)
    conditions: Mapped[list[str]] = mapped_column(JSONType, default=list)
    reasons: Mapped[list[str]] = mapped_column(JSONType, default=list)
    evidence: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    source_email_id: Mapped[int | None] = mapped_column(
        ForeignKey("incoming_emails.id", ondelete="SET NULL"), index=True
    )
    review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id", ondelete="SET NULL"))
    actor_kind: Mapped[str] = mapped_column(String(16))  # "system" | "reviewer"
    decided_by: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    effective_at: Mapped[datetime] = mapped_column(UTCDateTime)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_plan_decisions_inquiry_effective", "inquiry_id", "effective_at", "id"),)
