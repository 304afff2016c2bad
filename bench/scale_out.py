"""bench/scale_out.py — does a second worker process, and a second web process, add throughput on the same
PostgreSQL and Redis? And what does PostgreSQL spend while they run?

Workers: N body-only emails (the dev corpus's, each with its own ticket and line of text) are accepted
through services/intake in bulk while no worker runs, then 1, and in a second round 2, copies of the
Procfile's `worker:` line (each `dramatiq app.worker --processes 1 --threads 4`, as a second machine
would run it) drain them. Emails/s is taken from the rows' own completion times (first to last). Every
job must be completed with exactly one attempt and one `processing` event: the row lease is what keeps
two processes off the same email.

Web: the Procfile's `web:` line, then the same line with `--workers 2`, each driven for `--seconds` by
bench/ingest.py's load generator (signed webhooks over keep-alive connections; no worker runs).

During every phase the PostgreSQL backends of the scratch database are watched: their CPU (from /proc),
commits and rows written (pg_stat_database), WAL written (cluster-wide, so other users of the server
count too), and every 0.1 s what each active backend is doing (statement and wait event), which names
the statements that hold the database busy longest (pg_stat_statements is not loaded on this server).

    .venv/bin/python bench/scale_out.py [--jobs 2000] [--seconds 15] [--connections 32] [--port 8751]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import os
import re
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.ingest import drive
from bench.stack import (
    BENCH_APP,
    Stack,
    body_only_emails,
    machine,
    machine_busy_seconds,
    payload,
    procfile_command,
    running,
    tree_cpu_seconds,
    wait_for_port,
)

SAMPLE_SECONDS = 0.1


@dataclass
class DatabaseWatch:
    """What the scratch database's backends did between start() and stop()."""

    backend_cpu: float = 0.0
    commits: int = 0
    rows_written: int = 0
    wal_bytes: int = 0
    seconds: float = 0.0
    samples: int = 0
    activity: collections.Counter[str] = field(default_factory=collections.Counter)
    statements: collections.Counter[str] = field(default_factory=collections.Counter)
    max_connections: int = 0
    machine_busy: float = 0.0
    bench_cpu: float = 0.0


def _cpu_of(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _shape(query: str) -> str:
    """A statement with its literals and parameter lists folded, cut to one short line."""
    text = re.sub(r"\s+", " ", query).strip()
    text = re.sub(r"'(?:[^']|'')*'", "?", text)
    text = re.sub(r"\$\d+|\b\d+\b", "?", text)
    text = re.sub(r"\((?:\?, )+\?\)", "(…)", text)
    return text[:110]


@contextlib.contextmanager
def watched(stack: Stack) -> Iterator[DatabaseWatch]:
    watch, stop = DatabaseWatch(), threading.Event()
    database = stack.database

    def counters(db: Any) -> tuple[int, int, int]:
        row = db.execute("SELECT xact_commit, tup_inserted + tup_updated + tup_deleted, "
                         "pg_current_wal_lsn() - '0/0'::pg_lsn FROM pg_stat_database WHERE datname = %s",
                         (database,)).fetchone()
        return int(row[0]), int(row[1]), int(row[2])

    def sample(db: Any, first_cpu: dict[int, float], last_cpu: dict[int, float]) -> None:
        rows = db.execute("SELECT pid, state, wait_event_type, wait_event, query FROM pg_stat_activity "
                          "WHERE datname = %s AND application_name <> %s", (database, BENCH_APP)).fetchall()
        watch.max_connections = max(watch.max_connections, len(rows))
        for pid, state, wait_type, wait_event, query in rows:
            cpu = _cpu_of(pid)
            if cpu is not None:
                first_cpu.setdefault(pid, cpu if pid in baseline else 0.0)
                last_cpu[pid] = cpu
            if state == "active":
                watch.activity[f"{wait_type}:{wait_event}" if wait_type else "on CPU"] += 1
                watch.statements[_shape(query or "")] += 1
        watch.samples += 1

    def loop() -> None:
        first_cpu: dict[int, float] = {}
        last_cpu: dict[int, float] = {}
        with stack.connect() as db:
            while not stop.is_set():
                sample(db, first_cpu, last_cpu)
                time.sleep(SAMPLE_SECONDS)
        watch.backend_cpu = sum(last_cpu[pid] - first_cpu[pid] for pid in last_cpu)

    with stack.connect() as db:
        baseline = {pid for (pid,) in db.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s",
                                                 (database,)).fetchall()}
        before, started = counters(db), time.perf_counter()
        busy, own = machine_busy_seconds(), time.process_time()
        thread = threading.Thread(target=loop, daemon=True)
        thread.start()
        try:
            yield watch
        finally:
            stop.set()
            thread.join()
            after = counters(db)
            watch.seconds = time.perf_counter() - started
            watch.machine_busy = machine_busy_seconds() - busy
            watch.bench_cpu = time.process_time() - own
            watch.commits, watch.rows_written, watch.wal_bytes = (b - a for a, b in zip(before, after, strict=True))


def describe(watch: DatabaseWatch, units: int, unit: str, service_cpu: float) -> None:
    ours = service_cpu + watch.backend_cpu + watch.bench_cpu
    print(f"    machine: {watch.machine_busy / watch.seconds:.2f} of {os.cpu_count()} CPUs busy; service processes "
          f"{service_cpu / watch.seconds:.2f}, their PostgreSQL backends {watch.backend_cpu / watch.seconds:.2f}, "
          f"this bench {watch.bench_cpu / watch.seconds:.2f}, everything else on the box "
          f"{max(watch.machine_busy - ours, 0) / watch.seconds:.2f}")
    per_unit = watch.backend_cpu * 1000 / units
    print(f"    PostgreSQL: backends' CPU {watch.backend_cpu:.1f} s = {per_unit:.2f} ms/{unit}, "
          f"{watch.backend_cpu / watch.seconds:.2f} of a core; {watch.commits / watch.seconds:.0f} commits/s "
          f"({watch.commits / units:.1f}/{unit}), {watch.rows_written / units:.1f} rows written/{unit}, "
          f"WAL {watch.wal_bytes / units / 1024:.1f} KiB/{unit} (cluster-wide); at most {watch.max_connections} "
          f"connections")
    active = sum(watch.activity.values())
    print(f"    active backends per sample {active / max(watch.samples, 1):.2f}; "
          f"of active samples: " + ", ".join(f"{name} {count / active:.0%}" for name, count
                                           in watch.activity.most_common(5)) if active else "    no active samples")
    for statement, count in watch.statements.most_common(5):
        print(f"      {count / active:>4.0%}  {statement}")


def queue_jobs(stack: Stack, count: int, prefix: str) -> list[int]:
    from app.services import intake  # noqa: PLC0415  (settings are read from the environment set below)

    emails = body_only_emails()
    ids: list[int] = []
    for start in range(0, count, 500):
        batch = [intake.InboundEmail.model_validate(payload(emails, n, prefix))
                 for n in range(start, min(start + 500, count))]
        ids.extend(result.email_id for result in intake.accept_many(batch))
    return ids


def drain(stack: Stack, processes: int, ids: list[int]) -> None:
    """Start `processes` copies of the worker line, wait until every id is finished, report."""
    commands = [procfile_command("worker") for _ in range(processes)]
    with contextlib.ExitStack() as started, stack.connect() as db, watched(stack) as watch:
        workers = [started.enter_context(running(stack, f"worker-{processes}-{n}", command))
                   for n, command in enumerate(commands)]
        deadline, cpu = time.monotonic() + 1800, {worker.pid: 0.0 for worker in workers}
        while time.monotonic() < deadline:
            for worker in workers:
                cpu[worker.pid] = max(cpu[worker.pid], tree_cpu_seconds(worker.pid))
            row = db.execute("SELECT count(*) FROM incoming_emails WHERE id = ANY(%s) AND "
                             "processing_status IN ('completed', 'failed')", (ids,)).fetchone()
            if row and row[0] == len(ids):
                break
            time.sleep(0.5)
        else:
            raise SystemExit(f"jobs not finished after 30 minutes:\n{stack.log_tail(f'worker-{processes}-0')}")
        first, last = db.execute("SELECT min(status_changed_at), max(status_changed_at) FROM incoming_emails "
                                 "WHERE id = ANY(%s)", (ids,)).fetchone()  # type: ignore[misc]
        checks = db.execute(
            "SELECT count(*) FILTER (WHERE e.processing_status = 'completed'), "
            "count(*) FILTER (WHERE e.attempt_count <> 1), "
            "count(*) FILTER (WHERE (SELECT count(*) FROM job_events j WHERE j.email_id = e.id "
            "AND j.to_status = 'processing') <> 1) FROM incoming_emails e WHERE e.id = ANY(%s)", (ids,)).fetchone()
    span = (last - first).total_seconds()
    rate = (len(ids) - 1) / span if span > 0 else float("nan")
    worker_cpu = sum(cpu.values())
    completed, extra_attempts, extra_claims = checks if checks else (0, -1, -1)
    verdict = "OK" if completed == len(ids) and extra_attempts == extra_claims == 0 else "NOT OK"
    print(f"  {processes} worker process(es): {len(ids)} jobs in {span:.1f} s = {rate:.1f} emails/s; "
          f"worker CPU {worker_cpu * 1000 / len(ids):.1f} ms/email")
    print(f"    jobs: {completed} completed; {extra_attempts} with attempt_count != 1, {extra_claims} with "
          f"other than one `processing` event: {verdict}")
    describe(watch, len(ids), "email", worker_cpu)
    RESULTS[f"workers-{processes}"] = rate


def accept_webhooks(stack: Stack, workers: int, args: argparse.Namespace) -> None:
    fill = {"port": str(args.port)} | ({"workers": str(workers)} if workers > 1 else {})
    command = procfile_command("web", **fill)
    with running(stack, f"web-{workers}", command) as web:
        wait_for_port(args.port, web, timeout=120)
        time.sleep(2.0 if workers == 1 else 4.0)  # every uvicorn worker imported and serving
        asyncio.run(drive(args.port, f"warm-{workers}", args.warmup, args.connections))
        with watched(stack) as watch:
            cpu = tree_cpu_seconds(web.pid)
            run = asyncio.run(drive(args.port, f"web-{workers}", args.seconds, args.connections))
            web_cpu = tree_cpu_seconds(web.pid) - cpu
    rate = len(run.latencies) / run.elapsed
    ordered = sorted(run.latencies)
    p99 = ordered[int(len(ordered) * 0.99) - 1] * 1000
    with stack.connect() as db:
        rows = db.execute("SELECT count(*) FROM incoming_emails WHERE id = ANY(%s)",
                          (sorted(set(run.accepted_ids)),)).fetchone()
    accepted = run.statuses.get(200, 0)
    print(f"  {workers} web process(es) ({' '.join(command[1:])}): {rate:.0f} webhooks/s, "
          f"p50 {statistics.median(ordered) * 1000:.1f} ms, p99 {p99:.1f} ms, statuses {dict(run.statuses)}, "
          f"{rows[0] if rows else 0} rows for {accepted} accepted")
    describe(watch, max(len(run.latencies), 1), "webhook", web_cpu)
    RESULTS[f"web-{workers}"] = rate


RESULTS: dict[str, float] = {}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2000, help="jobs drained per worker round")
    parser.add_argument("--seconds", type=float, default=15.0, help="measured seconds per web round")
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--port", type=int, default=8751)
    parser.add_argument("--only", choices=["workers", "web"])
    args = parser.parse_args()
    print(f"machine: {machine()}")
    with Stack("cm_scale") as stack:
        os.environ.update(stack.environ, LOG_LEVEL="WARNING")
        from app.config import get_settings  # noqa: PLC0415
        from app.logging import configure_from  # noqa: PLC0415

        configure_from(get_settings())
        if args.only != "web":
            print(f"workers: {args.jobs} body-only emails queued through services/intake, then drained")
            for processes in (1, 2):
                drain(stack, processes, queue_jobs(stack, args.jobs, f"round{processes}"))
            print(f"  ratio 2 / 1 worker processes: {RESULTS['workers-2'] / RESULTS['workers-1']:.2f}×")
        if args.only != "workers":
            print(f"web: signed webhooks, {args.connections} keep-alive connections, {args.seconds:g} s measured")
            for workers in (1, 2):
                accept_webhooks(stack, workers, args)
            print(f"  ratio 2 / 1 web processes: {RESULTS['web-2'] / RESULTS['web-1']:.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
