"""bench/jobs_list.py — the jobs list at a million rows: first page, a status tab, a deep page, the dashboard's
search, one job.

Creates a scratch PostgreSQL database migrated to head, fills it in SQL (INSERT … SELECT over
generate_series: a realistic status mix, arrivals spread over years, a small extracted_data, two history
events per job), then times the real app in process (FastAPI TestClient) and prints p50/p95 per request
with the machine it ran on. The searched fields repeat a few thousand values, so their trigrams are far more
common than in real mail: a hard case for the search's trigram index. Not a test; the scratch database is
dropped afterwards.

    .venv/bin/python bench/jobs_list.py [--rows 1000000] [--repeat 40] \
        [--admin-url postgresql://postgres@127.0.0.1:5432/postgres]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the scratch database lives with the tests

from app import migrations
from app.config import get_settings
from app.database import reset_engine
from app.main import create_app
from app.services.job_search import JOB_TEXT_SQL
from tests.support import servers

PAGE = 50
DEEP_PAGE = 10_000
# The dashboard's search box (the API has none): what an operator types, and how many of the jobs it finds.
SEARCHES = (("creditor4711@example.org", "a sender: 200 jobs"), ("Client 8123", "a client read from replies: 111"),
            ("Creditor 42", "a prefix of 111 senders' names: 22 200"), ("#1000123", "a ticket: 1"),
            ("no such text", "nothing"))

# ~90 % completed, the rest spread over the other states (failed a few per cent).
FILL_JOBS = """
INSERT INTO incoming_emails (id, dedup_key, zendesk_ticket_id, from_email, from_name, to_addresses,
    cc_addresses, subject, body_text, attachment_urls, extra_fields, received_at, created_at, updated_at,
    started_at, completed_at, processing_status, processing_error, retry_count, attempt_count,
    status_changed_at, extracted_data, match_status, match_confidence)
SELECT i, 'bench:' || i, (100000 + i)::text, 'creditor' || (i %% 5000) || '@example.org', 'Creditor ' || (i %% 5000),
    '["replies@firm.example"]'::jsonb, '[]'::jsonb, 'Re: inquiry ' || i || ' about a client account',
    repeat('A reply body line with a few words in it. ', 40), '[]'::jsonb, '{}'::jsonb,
    at, at, at, at + interval '2 seconds', at + interval '3 seconds', status,
    CASE WHEN status = 'failed' THEN 'step failed: parser gave up' END, 0, 1, at,
    jsonb_build_object('extraction', jsonb_build_object('intent', 'claim', 'total_amount', '1234.56',
        'client_name', 'Client ' || (i %% 9000)), 'match', jsonb_build_object('action', 'matched')),
    'matched', 0.93
FROM (SELECT i,
        timestamptz '2022-01-01 00:00:00+00' + (i * interval '90 seconds')
            + ((i::bigint * 7919) %% 60) * interval '1 second' AS at,
        CASE WHEN i %% 100 < 90 THEN 'completed' WHEN i %% 100 < 94 THEN 'failed' WHEN i %% 100 < 96 THEN 'queued'
             WHEN i %% 100 < 97 THEN 'received' WHEN i %% 100 < 98 THEN 'processing' ELSE 'cancelled' END AS status
      FROM generate_series(1, %(rows)s) AS i) AS source
"""
FILL_EVENTS = """
INSERT INTO job_events (email_id, at, kind, from_status, to_status, attempt, message)
SELECT id, received_at, 'status', NULL, 'received', NULL, 'ticket ' || zendesk_ticket_id FROM incoming_emails
UNION ALL
SELECT id, completed_at, 'status', 'processing', processing_status, 1, NULL FROM incoming_emails
"""
BACKFILL_COUNTS = """
INSERT INTO job_status_counts (status, shard, count)
SELECT processing_status, id % 16, count(*) FROM incoming_emails GROUP BY 1, 2
"""
# What migration 0013's insert trigger writes for each job (the triggers are off while filling).
BACKFILL_SEARCH_TEXTS = (f"INSERT INTO job_search_texts (email_id, search_text) "
                         f"SELECT id, {JOB_TEXT_SQL} FROM incoming_emails")


@contextmanager
def scratch_database(admin_url: str, keep: bool = False) -> Iterator[str]:
    with servers.scratch_database(admin_url, "cm_bench_jobs", keep) as url:
        try:
            yield url
        finally:
            reset_engine()


def fill(url: str, rows: int) -> None:
    """Bulk rows with the row triggers off (as a restore would), then the counters and the searched texts rebuilt in
    one pass each."""
    plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain, autocommit=True) as connection:
        has_counts = connection.execute("SELECT to_regclass('job_status_counts') IS NOT NULL").fetchone()
        has_texts = connection.execute("SELECT to_regclass('job_search_texts') IS NOT NULL").fetchone()
        with connection.transaction():
            connection.execute("SET LOCAL session_replication_role = replica")
            connection.execute(FILL_JOBS, {"rows": rows})
            connection.execute(FILL_EVENTS)
            if has_counts and has_counts[0]:
                connection.execute("DELETE FROM job_status_counts")
                connection.execute(BACKFILL_COUNTS)
            if has_texts and has_texts[0]:
                connection.execute(BACKFILL_SEARCH_TEXTS)
        connection.execute(f"SELECT setval(pg_get_serial_sequence('incoming_emails', 'id'), {rows})")
        connection.execute("VACUUM ANALYZE incoming_emails")
        connection.execute("VACUUM ANALYZE job_events")
        if has_texts and has_texts[0]:
            connection.execute("VACUUM ANALYZE job_search_texts")


def timed(call: Callable[[], Any], repeat: int) -> tuple[float, float]:
    call()  # warm
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def deep_cursor(client: TestClient) -> str | None:
    """Walk to page DEEP_PAGE by following next_cursor from a page whose cursor the offset API names."""
    first = client.get("/api/v1/jobs", params={"limit": PAGE}).json()
    if "next_cursor" not in first:
        return None
    before_deep = client.get("/api/v1/jobs", params={"limit": PAGE, "offset": PAGE * (DEEP_PAGE - 2)}).json()
    cursor: str | None = before_deep["next_cursor"]  # the offset page carries the cursor to the next one
    return cursor


def measure(client: TestClient, repeat: int) -> list[tuple[str, float, float]]:
    def get(**params: Any) -> Callable[[], Any]:
        def call() -> Any:
            response = client.get("/api/v1/jobs", params={"limit": PAGE, **params})
            assert response.status_code == 200, response.text
            return response
        return call

    def search(text: str) -> Callable[[], Any]:
        def call() -> Any:
            response = client.get("/dashboard/jobs/table", params={"q": text})
            assert response.status_code == 200, response.text
            return response
        return call

    one = client.get("/api/v1/jobs", params={"limit": 1}).json()["jobs"][0]["id"]
    figures = [("first page (total, by_status)", *timed(get(), repeat)),
               ("status=failed", *timed(get(status="failed"), repeat)),
               (f"page {DEEP_PAGE} by offset", *timed(get(offset=PAGE * (DEEP_PAGE - 1)), max(5, repeat // 4)))]
    cursor = deep_cursor(client)
    if cursor is not None:
        figures.append((f"page {DEEP_PAGE} by cursor", *timed(get(cursor=cursor), repeat)))
    figures += [(f"dashboard search {text!r} ({what})", *timed(search(text), max(5, repeat // 4)))
                for text, what in SEARCHES]
    figures.append(("GET /api/v1/jobs/{id}", *timed(lambda: client.get(f"/api/v1/jobs/{one}"), repeat)))
    return figures


def machine(url: str) -> str:
    plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain) as connection:
        version = connection.execute("SHOW server_version").fetchone()
    return (f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
            f"PostgreSQL {version[0] if version else '?'} on loopback")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--keep", action="store_true", help="leave the scratch database for EXPLAIN")
    parser.add_argument("--admin-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    with scratch_database(args.admin_url, args.keep) as url:
        os.environ["DATABASE_URL"] = url
        get_settings.cache_clear()
        reset_engine()
        migrations.upgrade(url)
        started = time.perf_counter()
        fill(url, args.rows)
        print(f"filled {args.rows:,} jobs (+{2 * args.rows:,} events) in {time.perf_counter() - started:.0f} s")
        print(machine(url))
        with TestClient(create_app(run_scheduler=False, run_embedded_worker=False)) as client:
            for name, p50, p95 in measure(client, args.repeat):
                print(f"{name:66s} p50 {p50:8.1f} ms   p95 {p95:8.1f} ms")


if __name__ == "__main__":
    main()
