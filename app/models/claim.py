"""models/claim.py — the debt record: one claim per inquiry and the append-only history of every change to it."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, JSONType, UTCDateTime, utcnow


class Claim(Base):
    """The current state of one creditor's claim against one client. Only `services/claims.py`
    writes it; `version` grows by one with every change, each mirrored in `claim_history`."""

    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # Always its parent row's firm: set by a database trigger on insert (alembic 0009).
    firm_id: Mapped[int] = mapped_column(Integer, server_default="1")
    inquiry_id: Mapped[int] = mapped_column(ForeignKey("inquiries.id", ondelete="CASCADE"), unique=True)
    amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    # Component name ("principal", "interest", "costs") → amount as a decimal string.
    components: Mapped[dict[str, str]] = mapped_column(JSONType, default=dict)
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    status: Mapped[str] = mapped_column(String(16), default="open")
    source_email_id: Mapped[int | None] = mapped_column(
        ForeignKey("incoming_emails.id", ondelete="SET NULL"), index=True
    )
    # received_at of the email the current figures come from: an older reply never overwrites them.
    source_received_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_by: Mapped[str] = mapped_column(String(200), default="import")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    history = relationship(
        "ClaimHistory", back_populates="claim", order_by="ClaimHistory.id", cascade="all, delete-orphan"
    )


class ClaimHistory(Base):
    """One change of one claim: before and after, who (system or a named reviewer), why, and
    the evidence it rests on."""

    __tablename__ = "claim_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # Always its parent row's firm: set by a database trigger on insert (alembic 0009).
    firm_id: Mapped[int] = mapped_column(Integer, server_default="1")
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    old_amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    new_amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    old_components: Mapped[dict[str, str]] = mapped_column(JSONType, default=dict)
    new_components: Mapped[dict[str, str]] = mapped_column(JSONType, default=dict)
    old_status: Mapped[str] = mapped_column(String(16))
    new_status: Mapped[str] = mapped_column(String(16))
    source_email_id: Mapped[int | None] = mapped_column(
        ForeignKey("incoming_emails.id", ondelete="SET NULL"), index=True
    )
    review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id", ondelete="SET NULL"))
    actor_kind: Mapped[str] = mapped_column(String(16))  # "system" | "reviewer" | "import"
    changed_by: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    claim = relationship("Claim", back_populates="history")
