"""bench/metrics_scrape.py — GET /metrics at a million jobs: what one scrape costs, and that no query scans.

Fills a scratch PostgreSQL database like bench/jobs_list.py (a million jobs, their events), adds open and
decided reviews, delivered and undelivered outbox entries, worker heartbeats and a full set of metric counter
rows (every outcome × intent, every stage's buckets, every attachment reason, in every shard), then times the
real endpoint in process and prints p50/p95 with the machine, and the plan of each scrape query that touches a
large table. Not a test; the scratch database is dropped afterwards.

    .venv/bin/python -m bench.metrics_scrape [--rows 1000000] [--reviews 100000] [--repeat 40]
"""

from __future__ import annotations

import argparse
import os
import time

import psycopg
from fastapi.testclient import TestClient

from app import migrations
from app.config import get_settings
from app.database import reset_engine
from app.main import create_app
from bench.jobs_list import fill, machine, scratch_database, timed

# Foreign keys are triggers in PostgreSQL: with session_replication_role = replica the outbox rows need no
# claim history behind them, as in a restore.
FILL_REVIEWS = """
INSERT INTO reviews (email_id, status, reasons, match_status, match_confidence, explanation, proposed_components,
    created_at)
SELECT i, CASE WHEN i %% 2 = 0 THEN 'open' ELSE 'approved' END, '["amount_jump"]'::jsonb, 'uncertain', 0.6,
    '[]'::jsonb, '{}'::jsonb, timestamptz '2026-01-01 00:00:00+00' + i * interval '1 minute'
FROM generate_series(1, %(reviews)s) AS i
"""
FILL_OUTBOX = """
INSERT INTO outbox (claim_history_id, channel, email_id, delivery_id, target, payload, status, attempts,
    next_attempt_at, created_at, delivered_at)
SELECT i, 'webhook', i, 'bench-' || i, 'https://portal.example/claims', '{}'::jsonb,
    CASE WHEN i %% 100 = 0 THEN 'pending' WHEN i %% 100 = 1 THEN 'failed' ELSE 'delivered' END, 1,
    now(), timestamptz '2026-01-01 00:00:00+00' + i * interval '1 minute', now()
FROM generate_series(1, %(outbox)s) AS i
"""
FILL_HEARTBEATS = """
INSERT INTO worker_heartbeats (id, kind, hostname, pid, threads, started_at, last_seen_at, jobs_done)
SELECT 'box' || i || ':1', CASE WHEN i = 1 THEN 'embedded' ELSE 'dramatiq' END, 'box' || i, 1, 4, now(), now(), 0
FROM generate_series(1, 8) AS i
"""
OUTCOMES = ("applied", "already_applied", "superseded", "review", "no_match", "ignored", "plan_recorded")
INTENTS = ("debt_statement", "payment_plan", "plan_response", "settled", "rejection", "inquiry", "auto_reply",
           "spam", "other", "unknown")
STAGES = ("body", "attachments", "extraction", "matching")
BUCKETS = ("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "30", "60", "120", "+Inf")
REASONS = ("bad_url", "host_refused", "redirects", "http_status", "too_large", "encrypted", "container", "ocr",
           "over_limit", "broken", "unsupported", "malware", "other")


def counter_rows() -> list[tuple[str, str, int, float]]:
    rows: list[tuple[str, str, int, float]] = []
    for shard in range(8):
        rows += [("creditor_matcher_job_outcomes_total", f'{{"intent":"{i}","outcome":"{o}"}}', shard, 10.0)
                 for o in OUTCOMES for i in INTENTS]
        for stage in STAGES:
            rows += [("creditor_matcher_stage_seconds_bucket", f'{{"le":"{b}","stage":"{stage}"}}', shard, 5.0)
                     for b in BUCKETS]
            rows.append(("creditor_matcher_stage_seconds_sum", f'{{"stage":"{stage}"}}', shard, 75.0))
        rows += [("creditor_matcher_attachment_failures_total", f'{{"reason":"{r}","status":"failed"}}', shard, 3.0)
                 for r in REASONS]
    return rows


def fill_rest(url: str, reviews: int, outbox: int) -> None:
    plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain, autocommit=True) as connection:
        with connection.transaction():
            connection.execute("SET LOCAL session_replication_role = replica")
            connection.execute(FILL_REVIEWS, {"reviews": reviews})
            connection.execute(FILL_OUTBOX, {"outbox": outbox})
            connection.execute(FILL_HEARTBEATS)
            with connection.cursor() as cursor:
                cursor.executemany("INSERT INTO metric_counters (name, labels, shard, value) VALUES (%s, %s, %s, %s)",
                                   counter_rows())
        for table in ("reviews", "outbox", "metric_counters", "worker_heartbeats"):
            connection.execute(f"VACUUM ANALYZE {table}")


PLANS = {
    "open reviews (capped count)": "SELECT count(*) FROM (SELECT id FROM reviews WHERE status = 'open' LIMIT 100000) s",
    "oldest open review": "SELECT min(created_at) FROM reviews WHERE status = 'open'",
    "oldest pending outbox entry": "SELECT min(created_at) FROM outbox WHERE status = 'pending'",
    "jobs by status": "SELECT status, sum(count) FROM job_status_counts GROUP BY status",
}


def plans(url: str) -> None:
    plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain) as connection:
        for name, query in PLANS.items():
            lines = [row[0] for row in connection.execute("EXPLAIN " + query).fetchall()]  # type: ignore[arg-type]
            print(f"{name}: " + " / ".join(line.strip() for line in lines if "Scan" in line))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--outbox", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--admin-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    with scratch_database(args.admin_url) as url:
        os.environ["DATABASE_URL"] = url
        get_settings.cache_clear()
        reset_engine()
        migrations.upgrade(url)
        started = time.perf_counter()
        fill(url, args.rows)
        fill_rest(url, args.reviews, args.outbox)
        print(f"filled {args.rows:,} jobs, {args.reviews:,} reviews (half open), {args.outbox:,} outbox entries "
              f"(2 % undelivered), {len(counter_rows()):,} counter rows in {time.perf_counter() - started:.0f} s")
        print(machine(url))
        plans(url)
        with TestClient(create_app(run_scheduler=False, run_embedded_worker=False)) as client:
            size = len(client.get("/metrics").content)
            p50, p95 = timed(lambda: client.get("/metrics"), args.repeat)
        print(f"GET /metrics ({size:,} bytes)  p50 {p50:8.1f} ms   p95 {p95:8.1f} ms")


if __name__ == "__main__":
    main()
