"""models/firm.py — the law firms one deployment serves (tenants) and their API tokens.

Firm 1 is the default firm every installation has: its empty fields mean "as the settings say"
(ZENDESK_WEBHOOK_SECRET, FIRM_REFERENCE_PATTERN, DEBT_UPDATE_EMAIL, PORTAL_WEBHOOK_URL…), so a single-firm
setup runs unchanged. Webhook secrets are kept as given (they are needed to check signatures); API tokens
only as their SHA-256 (they are random, 32 bytes: a slow hash adds nothing)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, JSONType, UTCDateTime, utcnow

DEFAULT_FIRM_ID = 1


class Firm(Base):
    __tablename__ = "firms"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    slug: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # Addresses the firm's mail arrives at; "glaeubiger@kanzlei.example" also takes "glaeubiger+X@…",
    # "@kanzlei.example" takes the whole domain.
    inbound_addresses: Mapped[list[str]] = mapped_column(JSONType, default=list)
    firm_reference_pattern: Mapped[str | None] = mapped_column(String(200))
    zendesk_webhook_secret: Mapped[str | None] = mapped_column(String(200))
    resend_webhook_secret: Mapped[str | None] = mapped_column(String(200))
    debt_update_email: Mapped[str | None] = mapped_column(String(320))
    portal_webhook_url: Mapped[str | None] = mapped_column(String(2000))
    portal_webhook_secret: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class FirmApiToken(Base):
    __tablename__ = "firm_api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    firm_id: Mapped[int] = mapped_column(ForeignKey("firms.id", ondelete="CASCADE"), index=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
