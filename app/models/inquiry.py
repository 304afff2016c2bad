"""models/inquiry.py — what the firm sent to a creditor, with normalised search keys kept in indexed columns."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, Integer, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, JSONType, UTCDateTime, utcnow


class Inquiry(Base):
    """One inquiry per (client, creditor). `external_id` is the portal's id ("INQ-0001"); the
    `*_key` columns are derived by `services/inquiries.py` and are what the matcher queries."""

    __tablename__ = "inquiries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    external_id: Mapped[str] = mapped_column(String(64))
    firm_id: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    client_name: Mapped[str] = mapped_column(String(200))
    client_birth_date: Mapped[date | None] = mapped_column(Date)
    firm_reference: Mapped[str] = mapped_column(String(64))
    creditor_name: Mapped[str] = mapped_column(String(200))
    creditor_email: Mapped[str | None] = mapped_column(String(320))
    creditor_reference: Mapped[str | None] = mapped_column(String(100))
    known_amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    routing_id: Mapped[str | None] = mapped_column(String(64))
    handler_email: Mapped[str | None] = mapped_column(String(320))
    # "first" asks for the current claim; "plan" sends the settlement plan and `plan_offer` holds
    # what it offers this creditor (type, quota_percent, offer_amount, monthly_rate, months, reply_by).
    letter_type: Mapped[str] = mapped_column(String(8), default="first", server_default="first")
    plan_offer: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    # Set when the mail provider reported the letter to this creditor as bounced or complained about.
    undeliverable_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    undeliverable_reason: Mapped[str | None] = mapped_column(String(200))

    # Search keys: lower-case, no spaces or punctuation, umlauts folded (matching/normalize.py).
    firm_reference_key: Mapped[str] = mapped_column(String(64), index=True)
    routing_key: Mapped[str] = mapped_column(String(64), index=True)
    # The routing id's groups of digits, sorted ("QA/M-731/27" → "27-731"): a routing tag written in another form
    # ("+27-m731") finds the inquiry by them (normalize.digit_groups; None under MIN_ROUTING_DIGITS digits).
    routing_digits: Mapped[str | None] = mapped_column(String(64), index=True)
    creditor_reference_key: Mapped[str | None] = mapped_column(String(100), index=True)
    creditor_email_key: Mapped[str | None] = mapped_column(String(320))
    creditor_domain: Mapped[str | None] = mapped_column(String(255))
    client_name_key: Mapped[str] = mapped_column(String(200), index=True)

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    # Covering: the matcher lists a sender's inquiry ids of one firm (thousands at a big creditor) from the
    # index alone. The portal's id is unique within a firm; two firms may both have an "INQ-0001".
    __table_args__ = (Index("ix_inquiries_creditor_email_key_id", "creditor_email_key", "firm_id", "id"),
                      Index("ix_inquiries_creditor_domain_id", "creditor_domain", "firm_id", "id"),
                      UniqueConstraint("firm_id", "external_id", name="uq_inquiries_firm_external_id"))

    name_keys = relationship(
        "InquiryNameKey", back_populates="inquiry", cascade="all, delete-orphan", lazy="select"
    )


class InquiryNameKey(Base):
    """One searchable form of one client-name token: kind "token" (folded spelling) or
    "sound" (Kölner Phonetik code), so Lorenzen/Lorentzen meet in an index lookup."""

    __tablename__ = "inquiry_name_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    inquiry_id: Mapped[int] = mapped_column(ForeignKey("inquiries.id", ondelete="CASCADE"), index=True)
    # Always its inquiry's firm: set by a database trigger on insert (alembic 0011).
    firm_id: Mapped[int] = mapped_column(Integer, server_default="1")
    kind: Mapped[str] = mapped_column(String(8))
    value: Mapped[str] = mapped_column(String(64))

    inquiry = relationship("Inquiry", back_populates="name_keys")

    # Covering: the matcher's lookups by (kind, value) within one firm read the inquiry id from the index alone.
    __table_args__ = (Index("ix_inquiry_name_keys_kind_value_firm_inquiry", "kind", "value", "firm_id", "inquiry_id"),)
