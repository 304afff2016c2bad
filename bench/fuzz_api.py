"""bench/fuzz_api.py — does any request the API schema allows (or almost allows) get a 5xx?

Schemathesis generates valid and invalid requests for every operation of /openapi.json and sends them to the
app in process (no network, no scheduler, no worker); each worker process has its own scratch SQLite database
unless --database-url names one. Prints the machine, counts by status and by operation, and the first 5xx
cases as curl commands; exits 1 when there was any.

    .venv/bin/python bench/fuzz_api.py --requests 100000 [--workers 2] [--database-url URL]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BATCH = 100  # examples per (operation, mode, seed) run of Hypothesis
CHUNK = 2_000  # requests per task; a running total is printed after each
JSON = {"content-type": "application/json"}


@dataclass
class Tally:
    statuses: Counter[int] = field(default_factory=Counter)
    by_operation: Counter[str] = field(default_factory=Counter)
    server_errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.statuses.update(other.statuses)
        self.by_operation.update(other.by_operation)
        self.server_errors.extend(other.server_errors[: max(0, 20 - len(self.server_errors))])


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines() if Path("/proc/cpuinfo").exists() else []:
        if line.startswith("model name"):
            return line.partition(":")[2].strip()
    return platform.processor() or "unknown cpu"


def run_plan(operation: Any, mode: Any, examples: int, seed_value: int, tally: Tally) -> None:
    """One Hypothesis run of `examples` cases for one operation in one generation mode."""
    from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: PLC0415

    label = f"{operation.label} [{mode.value}]"

    @seed(seed_value)
    @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode))
    def one(case: Any) -> None:
        try:
            status = case.call(headers=JSON if case.media_type is None else None).status_code
        except Exception:
            status = 599
        tally.statuses[status] += 1
        tally.by_operation[label] += 1
        if status >= 500 and len(tally.server_errors) < 20:
            tally.server_errors.append(f"{status}: {case.as_curl_command()}")

    try:
        one()
    except Exception as error:  # Unsatisfiable and friends: this plan has no more to give this round
        tally.by_operation[f"{label} gave up: {type(error).__name__}"] += 1


def worker(index: int, quota: int, database_url: str | None) -> Tally:
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{tempfile.mkdtemp(prefix='cm-fuzz-')}/fuzz.db"
    os.environ["LOG_LEVEL"] = "ERROR"
    for name in ("REDIS_URL", "RABBITMQ_URL", "SMTP_HOST", "JOBS_API_TOKEN", "ZENDESK_WEBHOOK_SECRET"):
        os.environ.pop(name, None)
    # Imported after the environment is set: settings and the broker are read once.
    import schemathesis  # noqa: PLC0415
    from schemathesis.generation import GenerationMode  # noqa: PLC0415

    from app import migrations, queue  # noqa: PLC0415
    from app.config import get_settings  # noqa: PLC0415
    from app.logging import configure_logging  # noqa: PLC0415
    from app.main import create_app  # noqa: PLC0415

    configure_logging("ERROR")
    migrations.upgrade(get_settings().database_url)
    queue.declare_queue()
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(run_scheduler=False, run_embedded_worker=False))
    operations = [result.ok() for result in schema.get_all_operations()]
    plans = [(op, GenerationMode.POSITIVE) for op in operations] + [
        (op, GenerationMode.NEGATIVE) for op in operations
        if op.path_parameters or op.query or op.body or op.headers]
    tally = Tally()
    round_number = 0
    plans = plans[index % len(plans):] + plans[: index % len(plans)]  # each task starts elsewhere
    while sum(tally.statuses.values()) < quota:
        for operation, mode in plans:
            left = quota - sum(tally.statuses.values())
            if left <= 0:
                break

            run_plan(operation, mode, min(BATCH, left), index * 1_000_003 + round_number, tally)
            queue.get_broker().flush_all()  # accepted webhooks pile up in the stub queue otherwise
        round_number += 1
    return tally


def run_task(task: tuple[int, int, str | None]) -> Tally:
    return worker(*task)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--database-url", help="one shared database instead of a scratch SQLite file per worker")
    args = parser.parse_args()

    print(f"machine: {platform.platform()}, {cpu_model()}, {os.cpu_count()} cpus, "
          f"load {os.getloadavg()[0]:.1f}, Python {sys.version.split()[0]}", flush=True)
    print(f"database: {(args.database_url or 'sqlite (scratch, one per worker)').split(':')[0]}, "
          f"workers: {args.workers}", flush=True)
    started = time.perf_counter()
    chunks = [CHUNK] * (args.requests // CHUNK) + ([args.requests % CHUNK] if args.requests % CHUNK else [])
    total = Tally()
    with multiprocessing.get_context("spawn").Pool(args.workers, maxtasksperchild=1) as pool:
        tasks = [(i, quota, args.database_url) for i, quota in enumerate(chunks)]
        for part in pool.imap_unordered(run_task, tasks):
            total.add(part)
            sent = sum(total.statuses.values())
            print(f"  {sent:>7} sent, {time.perf_counter() - started:6.0f} s, "
                  f"5xx so far: {sum(n for status, n in total.statuses.items() if status >= 500)}", flush=True)
    elapsed = time.perf_counter() - started
    sent = sum(total.statuses.values())
    print(f"requests: {sent} in {elapsed:.0f} s ({sent / elapsed:.0f}/s), load now {os.getloadavg()[0]:.1f}")
    print("by status: " + ", ".join(f"{status}: {n}" for status, n in sorted(total.statuses.items())))
    print("by operation:")
    for label, n in sorted(total.by_operation.items()):
        print(f"  {n:>7}  {label}")
    five_xx = sum(n for status, n in total.statuses.items() if status >= 500)
    print(f"5xx: {five_xx}")
    for line in total.server_errors:
        print("  " + line)
    return 1 if five_xx else 0


if __name__ == "__main__":
    sys.exit(main())
