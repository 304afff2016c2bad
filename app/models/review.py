"""models/review.py — the review queue: one row per email a human must decide, with the decision's audit fields."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Float, ForeignKey, Index, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, JSONType, UTCDateTime, utcnow


class Review(Base):
    """What the system proposes (suggested inquiry, amount) and why it did not act alone;
    once decided, who decided what, when and with which note. Never reopened."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # Always its parent row's firm: set by a database trigger on insert (alembic 0009).
    firm_id: Mapped[int] = mapped_column(Integer, server_default="1")
    email_id: Mapped[int] = mapped_column(ForeignKey("incoming_emails.id", ondelete="CASCADE"), unique=True)
    inquiry_id: Mapped[int | None] = mapped_column(ForeignKey("inquiries.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="open")
    reasons: Mapped[list[str]] = mapped_column(JSONType, default=list)
    intent: Mapped[str | None] = mapped_column(String(32))
    proposed_amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    proposed_components: Mapped[dict[str, str]] = mapped_column(JSONType, default=dict)
    match_status: Mapped[str] = mapped_column(String(32))
    match_confidence: Mapped[float] = mapped_column(Float, default=0.0)
    explanation: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    # Replies to a settlement plan: the decision the system read and the creditor's own figures.
    proposed_plan_decision: Mapped[str | None] = mapped_column(String(16))
    proposed_counter_offer: Mapped[dict[str, str] | None] = mapped_column(JSONType)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Amount at stake as a tier (0 = least); age raises it at claim time (services/review_claims.py).
    priority: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # A reviewer working on it: others cannot decide it until `claimed_until` has passed.
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)

    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_note: Mapped[str | None] = mapped_column(Text)
    final_inquiry_id: Mapped[int | None] = mapped_column(ForeignKey("inquiries.id", ondelete="SET NULL"))
    final_amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    claim_history_id: Mapped[int | None] = mapped_column(Integer)
    final_plan_decision: Mapped[str | None] = mapped_column(String(16))
    final_counter_offer: Mapped[dict[str, str] | None] = mapped_column(JSONType)
    plan_decision_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (Index("ix_reviews_status_created", "status", "created_at"),
                      Index("ix_reviews_status_priority_created", "status", "priority", "created_at"))
