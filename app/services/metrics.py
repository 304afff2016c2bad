"""services/metrics.py — what GET /metrics says, read at scrape time; invariant: a scrape reads only small tables,
indexed ranges and capped counts, so it costs the same at a million jobs as at ten.

Shared state comes from the database (every process's work is visible whichever web process is scraped):
jobs by status from the trigger-kept `job_status_counts`, counters and stage histograms from `metric_counters`
(written by workers in the transaction of the work, services/metrics_store.py), reviews, outbox, heartbeats and
circuit breakers from their tables. Webhook refusals are counted in this process (services/metrics_live.py)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

import structlog
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.config import Settings, get_settings
from app.database import session_scope
from app.models import MetricCounter, OutboxMessage, ProcessingStatus, Review, WorkerHeartbeat, utcnow
from app.services import breakers, job_pages, metrics_live, metrics_store
from app.services.outbox_alerts import UNDELIVERED

log = structlog.get_logger(__name__)

PREFIX = "creditor_matcher_"
# Counts of open reviews and undelivered outbox entries stop here (an index range of at most this many rows).
COUNT_CAP = 100_000
HISTOGRAMS = {metrics_store.STAGE_SECONDS: ("Seconds one pipeline stage took (completed and retried attempts)",
                                            ("stage",))}
COUNTERS = {
    metrics_store.OUTCOMES: ("Completed jobs by outcome and intent", ("outcome", "intent")),
    metrics_store.ATTACHMENT_FAILURES: ("Attachments not read, by status and reason class", ("status", "reason")),
    metrics_store.ATTEMPT_FAILURES: ("Attempts that failed and were retried, by pipeline step", ("step",)),
    metrics_store.OUTBOX_DELIVERIES: ("Outbox entries delivered", ("channel",)),
    metrics_store.OUTBOX_FAILURES: ("Outbox delivery attempts that failed", ("channel",)),
    metrics_store.OUTBOX_ALERTS: ("Outbox entries named in an alert mail to the admin", ()),
}


def _capped_count(session: Session, query: Any) -> int:
    return session.scalar(select(func.count()).select_from(query.limit(COUNT_CAP).subquery())) or 0


def _age(now: datetime, then: datetime | None) -> float:
    return max((now - then).total_seconds(), 0.0) if then is not None else 0.0


def _jobs(session: Session) -> Iterator[Metric]:
    gauge = GaugeMetricFamily(f"{PREFIX}jobs", "Jobs by processing status", labels=["status"])
    counts = job_pages.counts_by_status(session)
    for status in ProcessingStatus:
        gauge.add_metric([status.value], counts.get(status.value, 0))
    yield gauge


def _counters(session: Session) -> Iterator[Metric]:
    rows = session.execute(select(MetricCounter.name, MetricCounter.labels, func.sum(MetricCounter.value))
                           .group_by(MetricCounter.name, MetricCounter.labels)).all()
    values: dict[str, dict[str, float]] = defaultdict(dict)
    for name, labels, value in rows:
        values[name][labels] = float(value or 0)
    for name, (documentation, label_names) in COUNTERS.items():
        family = CounterMetricFamily(name, documentation, labels=list(label_names))
        for labels, value in sorted(values.get(name, {}).items()):
            found = json.loads(labels)
            family.add_metric([str(found.get(label, "")) for label in label_names], value)
        yield family
    for name, (documentation, label_names) in HISTOGRAMS.items():
        yield _histogram(name, documentation, label_names, values)


def _histogram(name: str, documentation: str, label_names: tuple[str, ...],
               values: dict[str, dict[str, float]]) -> Metric:
    """Buckets are stored one count per bucket; Prometheus wants them cumulative, with +Inf."""
    family = HistogramMetricFamily(name, documentation, labels=list(label_names))
    per_series: dict[tuple[str, ...], dict[str, float]] = defaultdict(dict)
    for labels, value in values.get(f"{name}_bucket", {}).items():
        found = json.loads(labels)
        per_series[tuple(str(found.get(label, "")) for label in label_names)][found["le"]] = value
    sums = {tuple(str(json.loads(k).get(label, "")) for label in label_names): v
            for k, v in values.get(f"{name}_sum", {}).items()}
    for series, counts in sorted(per_series.items()):
        running, buckets = 0.0, []
        for bound in [*(f"{b:g}" for b in metrics_store.STAGE_BUCKETS), metrics_store.INFINITY]:
            running += counts.get(bound, 0.0)
            buckets.append((bound, running))
        family.add_metric(list(series), buckets, sums.get(series, 0.0))
    return family


def _reviews(session: Session, now: datetime) -> Iterator[Metric]:
    open_reviews = select(Review.id).where(Review.status == "open")
    yield GaugeMetricFamily(f"{PREFIX}reviews_open", f"Reviews waiting for a human (counted up to {COUNT_CAP})",
                            value=_capped_count(session, open_reviews))
    oldest = session.scalar(select(func.min(Review.created_at)).where(Review.status == "open"))
    yield GaugeMetricFamily(f"{PREFIX}review_oldest_open_age_seconds",
                            "Age of the oldest open review (0 when none is open)", value=_age(now, oldest))


def _outbox(session: Session, now: datetime) -> Iterator[Metric]:
    entries = GaugeMetricFamily(f"{PREFIX}outbox_undelivered", f"Undelivered outbox entries by status (counted up "
                                f"to {COUNT_CAP})", labels=["status"])
    oldest: datetime | None = None
    for status in UNDELIVERED:
        entries.add_metric([status], _capped_count(session, select(OutboxMessage.id)
                                                   .where(OutboxMessage.status == status)))
        first = session.scalar(select(func.min(OutboxMessage.created_at)).where(OutboxMessage.status == status))
        oldest = first if oldest is None or (first is not None and first < oldest) else oldest
    yield entries
    yield GaugeMetricFamily(f"{PREFIX}outbox_oldest_undelivered_age_seconds",
                            "Outbox lag: age of the oldest undelivered entry (0 when all are delivered)",
                            value=_age(now, oldest))
    alerted = select(OutboxMessage.id).where(OutboxMessage.status.in_(UNDELIVERED),
                                             OutboxMessage.alerted_at.is_not(None))
    yield GaugeMetricFamily(f"{PREFIX}outbox_alerted_undelivered", "Undelivered entries the admin has been "
                            "alerted about", value=_capped_count(session, alerted))


def _workers(session: Session, settings: Settings, now: datetime) -> Iterator[Metric]:
    alive = GaugeMetricFamily(f"{PREFIX}workers_alive", "Workers whose last heartbeat is at most "
                              "WORKER_SEEN_WITHIN_SECONDS old, by kind", labels=["kind"])
    age = GaugeMetricFamily(f"{PREFIX}worker_last_heartbeat_age_seconds",
                            "Seconds since the most recent heartbeat of any worker of this kind", labels=["kind"])
    rows = session.execute(select(WorkerHeartbeat.kind, WorkerHeartbeat.last_seen_at).limit(10_000)).all()
    latest: dict[str, datetime] = {}
    counts: dict[str, int] = defaultdict(int)
    for kind, seen in rows:
        latest[kind] = max(latest.get(kind, seen), seen)
        counts[kind] += _age(now, seen) <= settings.worker_seen_within_seconds
    for kind in sorted({"embedded", "dramatiq", *latest}):
        alive.add_metric([kind], counts.get(kind, 0))
        if kind in latest:
            age.add_metric([kind], _age(now, latest[kind]))
    yield alive
    yield age


def _breakers(session: Session) -> Iterator[Metric]:
    state = GaugeMetricFamily(f"{PREFIX}breaker_state", "Circuit breaker state: 0 closed, 1 half-open, 2 open",
                              labels=["breaker"])
    failures = GaugeMetricFamily(f"{PREFIX}breaker_consecutive_failures", "Failures in a row of a breaker",
                                 labels=["breaker"])
    opened = CounterMetricFamily(f"{PREFIX}breaker_opened_total", "Times a breaker opened", labels=["breaker"])
    known = {row.name: row for row in breakers.states(session)}
    for name in sorted({breakers.PORTAL, breakers.SMTP, breakers.LLM, *known}):
        row = known.get(name)
        state.add_metric([name], breakers.STATES.index(row.state) if row else 0)
        failures.add_metric([name], row.failures if row else 0)
        opened.add_metric([name], row.opened_count if row else 0)
    yield from (state, failures, opened)


def _rejections() -> Metric:
    family = CounterMetricFamily(f"{PREFIX}webhook_rejections_total",
                                 "Inbound webhooks refused by this web process, by provider, status and reason class",
                                 labels=["provider", "status", "reason"])
    for (provider, status, reason), value in sorted(metrics_live.rejections().items()):
        family.add_metric([provider, status, reason], value)
    return family


class DatabaseCollector(Collector):
    """Reads everything above in one short read-only transaction per scrape."""

    def collect(self) -> Iterable[Metric]:
        settings, now = get_settings(), utcnow()
        up = GaugeMetricFamily(f"{PREFIX}database_up", "1 when the scrape could read the database")
        try:
            with session_scope() as session:
                found = [*_jobs(session), *_counters(session), *_reviews(session, now),
                         *_outbox(session, now), *_workers(session, settings, now), *_breakers(session)]
        except SQLAlchemyError as error:
            log.error("metrics_database_unreadable", error=type(error).__name__)
            found = []
        up.add_metric([], 1 if found else 0)
        yield up
        yield from found
        yield _rejections()


def exposition() -> bytes:
    """The text exposition format of every metric (a fresh registry per scrape: nothing kept between)."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(DatabaseCollector())
    return generate_latest(registry)
