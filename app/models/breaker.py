"""models/breaker.py — circuit breakers shared by every process: one row per guarded dependency (the portal,
SMTP, the LLM, each attachment host), its state and consecutive failures; invariant: the row, not a process's
memory, says whether calls may go, so the web process and every worker see the same breaker."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow


class CircuitBreaker(Base):
    """`state` is "closed" (calls go), "open" (calls wait until `retry_at`) or "half_open" (one trial call
    is out since `retry_at` was reached; the next trial may go at the new `retry_at` if it never reports).
    A missing row is a closed breaker that has never failed."""

    __tablename__ = "circuit_breakers"

    name: Mapped[str] = mapped_column(String(128), primary_key=True)
    state: Mapped[str] = mapped_column(String(16), default="closed")
    failures: Mapped[int] = mapped_column(Integer, default=0)
    retry_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    opened_count: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
