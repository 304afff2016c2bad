"""models/job_status_count.py — jobs per state kept as counters; invariant: per status, the sum over the
counter shards plus the pending deltas equals COUNT(*) of incoming_emails in that status, because database
triggers record every insert, status change and delete in the same transaction as the row, whoever writes it.

On PostgreSQL the triggers only append deltas (no row is updated, so concurrent writers never wait on or
deadlock over a counter row); the web process folds them into the counters every few seconds. SQLite has
one writer at a time and updates the counters directly."""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer, String
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


class JobStatusDelta(Base):
    """+1 / -1 for a status, appended by the PostgreSQL triggers; folded into job_status_counts."""

    __tablename__ = "job_status_deltas"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                    autoincrement=True)
    status: Mapped[str] = mapped_column(String(16))
    delta: Mapped[int] = mapped_column(Integer)
