"""services/metrics_store.py — counters and histograms for /metrics kept in the database (`metric_counters`);
invariant: what a worker counts is written in the transaction that commits the work it counts, so the web
process's scrape sees exactly the committed work of every process, and a rolled-back attempt counts nothing.

One statement per write (an upsert of every touched row, in key order so two writers never wait on each other
in opposite orders); rows of one job go to shard `email_id % SHARDS`."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from sqlalchemy import TextClause, text
from sqlalchemy.orm import Session

from app.models import MetricCounter
from app.models.metric_counter import SHARDS

# Seconds; a stage is a few milliseconds (body) to minutes (a slow download or OCR).
STAGE_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)
INFINITY = "+Inf"

STAGE_SECONDS = "creditor_matcher_stage_seconds"
OUTCOMES = "creditor_matcher_job_outcomes_total"
ATTACHMENT_FAILURES = "creditor_matcher_attachment_failures_total"
ATTEMPT_FAILURES = "creditor_matcher_attempt_failures_total"
OUTBOX_DELIVERIES = "creditor_matcher_outbox_deliveries_total"
OUTBOX_FAILURES = "creditor_matcher_outbox_delivery_failures_total"
OUTBOX_ALERTS = "creditor_matcher_outbox_alerts_total"

# Reason text (lower case) → a short class for a label; the first word found wins.
_REASON_CLASSES = (
    ("malware", "malware"),
    ("no download url", "bad_url"), ("malformed url", "bad_url"), ("url ", "bad_url"), ("scheme", "bad_url"),
    ("allow-list", "host_refused"), ("non-public", "host_refused"), ("valid host", "host_refused"),
    ("redirect", "redirects"),
    ("http ", "http_status"),
    ("larger than", "too_large"), ("exceeds the limit", "too_large"), ("bytes (limit", "too_large"),
    ("too large", "too_large"),
    ("encrypted", "encrypted"),
    ("zip", "container"), ("dtd", "container"), ("nested", "container"),
    ("ocr", "ocr"),
    ("pages", "over_limit"), ("over ", "over_limit"), ("limit", "over_limit"),
    ("broken", "broken"), ("undecodable", "broken"),
    ("unsupported", "unsupported"),
)


def reason_class(reason: str | None) -> str:
    """A bounded label for an attachment's failure reason (the reason itself names files and hosts)."""
    text = (reason or "").lower()
    return next((label for word, label in _REASON_CLASSES if word in text), "other")


def labels_key(labels: Mapping[str, str]) -> str:
    """The labels as compact JSON, keys sorted: the `labels` column's value."""
    return _labels_key(tuple(sorted(labels.items())))


@lru_cache(maxsize=1024)
def _labels_key(items: tuple[tuple[str, str], ...]) -> str:
    """Remembered: label sets are few by design (stages, bucket bounds, outcomes, intents) and come back with
    every job, and encoding them was a JSON dump per counter per job."""
    return json.dumps(dict(items), separators=(",", ":"))


class Increments:
    """What one unit of work adds to the counters, written with one statement by `write`."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], float] = defaultdict(float)

    def count(self, name: str, amount: float = 1.0, **labels: str) -> None:
        self.values[(name, labels_key(labels))] += amount

    def observe(self, name: str, value: float, buckets: tuple[float, ...] = STAGE_BUCKETS, **labels: str) -> None:
        """A histogram observation: one count in the first bucket that holds it (cumulated at scrape, where the
        +Inf bucket is the count) and the value added to the sum."""
        bound = next((f"{b:g}" for b in buckets if value <= b), INFINITY)
        self.count(f"{name}_bucket", 1.0, **labels, le=bound)
        self.count(f"{name}_sum", value, **labels)

    def write(self, session: Session, shard_of: int) -> None:
        if not self.values:
            return
        parameters: dict[str, Any] = {"shard": shard_of % SHARDS}
        for index, ((name, labels), value) in enumerate(sorted(self.values.items())):
            parameters.update({f"n{index}": name, f"l{index}": labels, f"v{index}": value})
        session.execute(_upsert(len(self.values)), parameters)


@lru_cache(maxsize=64)
def _upsert(rows: int) -> TextClause:
    """One multi-row upsert for `rows` counters (the same SQL on PostgreSQL and SQLite), built once per row
    count: one round trip per job, and no statement compiled per job."""
    values = ", ".join(f"(:n{i}, :l{i}, :shard, :v{i})" for i in range(rows))
    return text(f"INSERT INTO {MetricCounter.__tablename__} (name, labels, shard, value) VALUES {values} "
                f"ON CONFLICT (name, labels, shard) DO UPDATE "
                f"SET value = {MetricCounter.__tablename__}.value + excluded.value")


def completion(outcome: str | None, extracted: Mapping[str, Any] | None,
               timings: Mapping[str, float]) -> Increments:
    """A completed job: its outcome by intent, its stages' durations, its attachments that failed."""
    increments = Increments()
    extraction = (extracted or {}).get("extraction") or {}
    increments.count(OUTCOMES, outcome=outcome or "unknown", intent=str(extraction.get("intent") or "unknown"))
    for stage, seconds in timings.items():
        increments.observe(STAGE_SECONDS, seconds, stage=stage)
    for attachment in extraction.get("attachments") or ():
        status = attachment.get("status")
        if status in ("failed", "skipped", "ocr_unavailable"):
            label = "ocr_unavailable" if status == "ocr_unavailable" else reason_class(attachment.get("reason"))
            increments.count(ATTACHMENT_FAILURES, status=status, reason=label)
    return increments


def record_completion(session: Session, email_id: int, outcome: str | None,
                      extracted: Mapping[str, Any] | None, timings: Mapping[str, float]) -> None:
    completion(outcome, extracted, timings).write(session, email_id)


def record_attempt_failure(session: Session, email_id: int, where: Mapping[str, Any] | None,
                           timings: Mapping[str, float]) -> None:
    """A failed attempt that will be retried, by the step it failed in (a download that timed out counts
    under "attachments"); the stages it got through are timed too."""
    increments = Increments()
    increments.count(ATTEMPT_FAILURES, step=str((where or {}).get("step") or "unknown"))
    for stage, seconds in timings.items():
        increments.observe(STAGE_SECONDS, seconds, stage=stage)
    increments.write(session, email_id)


def count(session: Session, name: str, shard_of: int, **labels: str) -> None:
    """One event (an outbox delivery, a failure, an alert), in the caller's transaction."""
    increments = Increments()
    increments.count(name, 1.0, **labels)
    increments.write(session, shard_of)
