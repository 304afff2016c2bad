"""bench/search_side_sql.py — PostgreSQL's own CPU per job for the statements a job's life sends, with the jobs'
searched text indexed on the jobs themselves (migration 0012) and in the side table (0013), in turn.

The HTTP benchmark (bench/ingest.py) measures the same thing through the web process and the broker, whose noise on
a shared 2-core box is larger than the difference. Here one connection sends exactly what ingest and a worker send
to PostgreSQL for each job (the ingest batch statement, the batched queued mark, then per job the worker's claim and
its completion with the extraction's client and references), and the backend's CPU time is read from
/proc/PID/schedstat (nanoseconds on the CPU) before and after. Two scratch databases, one at 0012 and one at head,
filled alike; `--pairs N` alternates them N times. Not a test.

    .venv/bin/python bench/search_side_sql.py [--jobs 4000] [--batch 50] [--pairs 5] [--prefill 50000]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the scratch database lives with the tests

from app import migrations
from app.services import job_batches
from app.services.job_search import JOB_TEXT_SQL
from tests.support.servers import scratch_database

ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
BODY = ("Guten Tag, zu Ihrem Schreiben teilen wir mit, dass die Forderung aus dem Vertrag noch offen ist. "
        "Den aktuellen Stand senden wir Ihnen gesondert zu. Mit freundlichen Gruessen, die Buchhaltung. ") * 3
CLAIM = ("UPDATE incoming_emails SET processing_status = 'processing', status_changed_at = now(), started_at = now(), "
         "completed_at = NULL, lease_owner = 'bench', lease_expires_at = now() + interval '60 s', "
         "attempt_count = attempt_count + 1 WHERE id = %s AND processing_status IN ('received', 'queued') "
         "RETURNING attempt_count")
COMPLETE = ("UPDATE incoming_emails SET processing_status = 'completed', status_changed_at = now(), "
            "completed_at = now(), processing_error = NULL, error_traceback = NULL, lease_owner = NULL, "
            "lease_expires_at = NULL, extracted_data = %s, match_status = 'none', match_confidence = 0, "
            "sync_status = NULL WHERE id = %s AND processing_status = 'processing' AND lease_owner = 'bench'")
# Head's completion (services/jobs.py `complete` on PostgreSQL): the same UPDATE, and the job's text beside it.
COMPLETE_WITH_TEXT = (f"WITH done AS ({COMPLETE} RETURNING id, ({JOB_TEXT_SQL}) AS search_text), "
                      "texts AS (INSERT INTO job_search_texts (email_id, search_text) SELECT id, search_text FROM done "
                      "ON CONFLICT (email_id) DO UPDATE SET search_text = excluded.search_text "
                      "WHERE job_search_texts.search_text IS DISTINCT FROM excluded.search_text) "
                      "SELECT count(*) FROM done")
EVENT = ("INSERT INTO job_events (email_id, at, kind, from_status, to_status) "
         "VALUES (%s, now(), 'status', %s, %s)")


def rows(prefix: str, count: int) -> list[tuple[dict[str, object], str]]:
    now = datetime.now(UTC)
    return [({"dedup_key": f"{prefix}-{n}", "zendesk_ticket_id": f"{prefix}-{n}", "zendesk_webhook_id": None,
              "message_id": None, "in_reply_to": None, "from_email": f"buchhaltung{n % 997}@glaeubiger.example",
              "from_name": "Buchhaltung", "subject": f"Ihr Zeichen {prefix}-{n}", "body_text": BODY,
              "body_html": None, "to_addresses": ["kanzlei@anwalt.example"], "cc_addresses": [],
              "attachment_urls": [], "extra_fields": {}, "received_at": now}, f"ticket {prefix}-{n}")
            for n in range(count)]


def on_cpu_ns(pid: int) -> int:
    return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0])


def life(connection: psycopg.Connection[tuple[object, ...]], prefix: str, jobs: int, batch: int, complete: str
         ) -> tuple[float, float]:
    """(ingest, worker) PostgreSQL CPU µs per job for `jobs` new jobs. The worker's statements of a batch go in one
    transaction (the commits' WAL flushes cost the same either way, and vary more than the rest on a busy box)."""
    pid = connection.info.backend_pid
    ingest = worker = 0
    for start in range(0, jobs, batch):
        given = rows(f"{prefix}-{start}", min(batch, jobs - start))
        before = on_cpu_ns(pid)
        stored = connection.execute(job_batches.INSERT_RECEIVED_SQL,
                                    job_batches.received_parameters(given, given[0][0]["received_at"]))  # type: ignore[arg-type]
        ids = [row[0] for row in stored.fetchall()]
        connection.execute(job_batches.MARK_QUEUED_SQL, job_batches.queued_parameters(ids))
        middle = on_cpu_ns(pid)
        transaction = connection.transaction()
        transaction.__enter__()
        for n, email_id in enumerate(ids):
            connection.execute(CLAIM, (email_id,), prepare=True)
            connection.execute(EVENT, (email_id, "queued", "processing"), prepare=True)
            extracted = {"pipeline_version": 9, "body": {"reply_text": BODY[:300]},
                         "extraction": {"client_name": f"Client {n % 911}", "firm_reference": f"BS-2026-{n:04d}",
                                        "creditor_reference": None, "intent": "debt_statement"},
                         "match": {"inquiry_id": None}}
            connection.execute(complete, (json.dumps(extracted), email_id), prepare=True)
            connection.execute(EVENT, (email_id, "processing", "completed"), prepare=True)
        transaction.__exit__(None, None, None)
        ingest += middle - before
        worker += on_cpu_ns(pid) - middle
    return ingest / jobs / 1000, worker / jobs / 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=4000, help="jobs per measured run")
    parser.add_argument("--batch", type=int, default=50, help="jobs per ingest statement")
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--prefill", type=int, default=50_000, help="jobs stored (and completed) before measuring")
    args = parser.parse_args()
    with (scratch_database(ADMIN, "cm_bench_side_old") as old_url,
          scratch_database(ADMIN, "cm_bench_side_new") as new_url):
        migrations.upgrade(old_url, "0012")
        migrations.upgrade(new_url)
        links = {}
        completes = {"0012": COMPLETE, "0013": COMPLETE_WITH_TEXT}
        for name, url in (("0012", old_url), ("0013", new_url)):
            links[name] = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)
            life(links[name], "prefill", args.prefill, 200, completes[name])
            links[name].execute("VACUUM ANALYZE")
        print(f"{args.jobs} jobs per run in batches of {args.batch}, after {args.prefill} prefilled; "
              "PostgreSQL CPU µs per job (ingest: batch insert + queued mark; worker: claim + complete + events)")
        figures: dict[str, list[tuple[float, float]]] = {"0012": [], "0013": []}
        for pair in range(args.pairs):
            for name in (("0012", "0013") if pair % 2 == 0 else ("0013", "0012")):
                figures[name].append(life(links[name], f"p{pair}", args.jobs, args.batch, completes[name]))
                ingest, worker = figures[name][-1]
                print(f"pair {pair + 1} {name}: ingest {ingest:7.1f}   worker {worker:7.1f}", flush=True)
            time.sleep(0.1)
        for kind, index in (("ingest", 0), ("worker", 1)):
            ratios = [new[index] / old[index] for old, new in zip(figures["0012"], figures["0013"], strict=True)]
            print(f"{kind}: 0013 / 0012 per pair {', '.join(f'{r:.2f}' for r in ratios)}; "
                  f"median {statistics.median(ratios):.2f}")
        for link in links.values():
            link.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
