"""models/metric_counter.py — counters for /metrics written by whichever process did the work; invariant: a
counter only grows, and its value is the sum over its shards (concurrent writers mostly touch different rows)."""

from __future__ import annotations

from sqlalchemy import Float, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base

# A job's increments go to shard `id % SHARDS`, like the job status counters.
SHARDS = 8


class MetricCounter(Base):
    """`labels` is the label set as compact JSON with sorted keys (`{"outcome":"applied"}`); histogram buckets
    are counters too (name `…_bucket`, label `le`, counted per bucket, summed into cumulative ones at scrape)."""

    __tablename__ = "metric_counters"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    labels: Mapped[str] = mapped_column(String(255), primary_key=True)
    shard: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[float] = mapped_column(Float, default=0.0)
