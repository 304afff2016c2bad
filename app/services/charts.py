"""services/charts.py — the numbers behind the dashboard's charts: jobs received / completed / failed per
minute or hour, processing-time percentiles, review queue depth over time; invariant: every figure is
counted from stored rows and history (arrival time, JobEvent status changes), never estimated."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.models import IncomingEmail, JobEvent, ProcessingStatus, Review, utcnow

MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)
QUANTILES = (0.5, 0.9, 0.99)


@dataclass(frozen=True)
class Bucket:
    start: datetime
    received: int
    completed: int
    failed: int


@dataclass(frozen=True)
class Percentiles:
    count: int
    p50: float | None
    p90: float | None
    p99: float | None


@dataclass(frozen=True)
class DepthPoint:
    at: datetime
    depth: int


def floor_to(moment: datetime, step: timedelta) -> datetime:
    """The start of the step-long bucket holding `moment` (minute or hour boundaries)."""
    epoch = datetime(1970, 1, 1, tzinfo=moment.tzinfo)
    return moment - (moment - epoch) % step


def bucket_starts(now: datetime, step: timedelta, count: int) -> list[datetime]:
    """`count` consecutive buckets, the last one holding `now` (still filling)."""
    last = floor_to(now, step)
    return [last - step * (count - 1 - index) for index in range(count)]


def _index(moment: datetime, first: datetime, step: timedelta, count: int) -> int | None:
    position = int((moment - first) // step)
    return position if 0 <= position < count else None


def throughput(session: Session, step: timedelta, count: int, now: datetime | None = None) -> list[Bucket]:
    """Per bucket: jobs that arrived (created_at), and status changes to completed / failed from the
    history, so a job that failed and then completed after a retry counts once in each."""
    starts = bucket_starts(now or utcnow(), step, count)
    first, end = starts[0], starts[-1] + step
    tallies = {kind: [0] * count for kind in ("received", "completed", "failed")}
    arrivals = session.scalars(select(IncomingEmail.created_at).where(
        IncomingEmail.created_at >= first, IncomingEmail.created_at < end))
    for moment in arrivals:
        if (slot := _index(moment, first, step, count)) is not None:
            tallies["received"][slot] += 1
    endings = session.execute(select(JobEvent.at, JobEvent.to_status).where(
        JobEvent.kind == "status", JobEvent.at >= first, JobEvent.at < end,
        JobEvent.to_status.in_([ProcessingStatus.COMPLETED.value, ProcessingStatus.FAILED.value]))).all()
    for moment, to_status in endings:
        if (slot := _index(moment, first, step, count)) is not None and to_status is not None:
            tallies[to_status][slot] += 1
    return [Bucket(start, tallies["received"][i], tallies["completed"][i], tallies["failed"][i])
            for i, start in enumerate(starts)]


def percentile(ordered: list[float], quantile: float) -> float | None:
    """Nearest rank: the smallest value with at least `quantile` of all values at or below it."""
    if not ordered:
        return None
    rank = max(math.ceil(quantile * len(ordered)), 1)
    return ordered[rank - 1]


def percentiles_of(durations: list[float]) -> Percentiles:
    ordered = sorted(durations)
    p50, p90, p99 = (percentile(ordered, quantile) for quantile in QUANTILES)
    return Percentiles(count=len(ordered), p50=p50, p90=p90, p99=p99)


def durations(session: Session, since: datetime, until: datetime) -> list[tuple[datetime, float]]:
    """(completed_at, seconds from started_at) of the jobs completed in [since, until)."""
    rows = session.execute(select(IncomingEmail.completed_at, IncomingEmail.started_at).where(
        IncomingEmail.processing_status == ProcessingStatus.COMPLETED.value,
        IncomingEmail.completed_at >= since, IncomingEmail.completed_at < until,
        IncomingEmail.started_at.is_not(None))).all()
    return [(done, (done - started).total_seconds()) for done, started in rows
            if done is not None and started is not None]


def processing_time(session: Session, window: timedelta, now: datetime | None = None) -> Percentiles:
    """p50 / p90 / p99 of started_at → completed_at for jobs completed in the last `window`."""
    now = now or utcnow()
    return percentiles_of([seconds for _done, seconds in durations(session, now - window, now)])


def processing_time_per_bucket(session: Session, step: timedelta, count: int,
                               now: datetime | None = None) -> list[tuple[datetime, Percentiles]]:
    starts = bucket_starts(now or utcnow(), step, count)
    grouped: list[list[float]] = [[] for _ in starts]
    for done, seconds in durations(session, starts[0], starts[-1] + step):
        if (slot := _index(done, starts[0], step, count)) is not None:
            grouped[slot].append(seconds)
    return [(start, percentiles_of(values)) for start, values in zip(starts, grouped, strict=True)]


def review_depth(session: Session, step: timedelta, count: int, now: datetime | None = None) -> list[DepthPoint]:
    """Open reviews at the end of each bucket (the last point is now): opened at or before that moment
    and not yet decided then."""
    now = now or utcnow()
    starts = bucket_starts(now, step, count)
    moments = [min(start + step, now) for start in starts]
    spans = session.execute(select(Review.created_at, Review.decided_at).where(
        Review.created_at <= now, or_(Review.decided_at.is_(None), Review.decided_at > starts[0]))).all()
    return [DepthPoint(at=moment, depth=sum(1 for opened, decided in spans
                                            if opened <= moment and (decided is None or decided > moment)))
            for moment in moments]
