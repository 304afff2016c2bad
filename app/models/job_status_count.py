"""models/job_status_count.py — jobs per state kept as counters; invariant: per status, the sum over shards
equals COUNT(*) of incoming_emails in that status, because database triggers move them in the same
transaction as the row (every insert, status change and delete, whoever writes it)."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base

# Counter rows per status: a job's row is counted in shard `id % SHARDS`, so concurrent status moves of
# different jobs mostly lock different counter rows instead of queueing on one hot row per status.
SHARDS = 16


class JobStatusCount(Base):
    __tablename__ = "job_status_counts"

    status: Mapped[str] = mapped_column(String(16), primary_key=True)
    shard: Mapped[int] = mapped_column(Integer, primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
