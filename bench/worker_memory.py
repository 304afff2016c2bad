"""bench/worker_memory.py — does a worker's memory stay flat over thousands of jobs?

Runs the real intake → Dramatiq worker → pipeline path in one process (embedded stub broker,
2 worker threads) on a scratch database and prints the resident set size after every batch.

    .venv/bin/python bench/worker_memory.py --jobs 3000 --batch 500 [--database-url URL]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=3000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--database-url")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="cm-bench-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{folder}/bench.db"
    os.environ["LOG_LEVEL"] = "WARNING"
    for name in ("REDIS_URL", "RABBITMQ_URL", "SMTP_HOST"):
        os.environ.pop(name, None)

    # Imported after the environment is set: settings and the broker are read once.
    from dramatiq import Worker  # noqa: PLC0415

    from app import actors, migrations, queue  # noqa: PLC0415, F401
    from app.config import get_settings  # noqa: PLC0415
    from app.logging import configure_logging  # noqa: PLC0415
    from app.services import intake  # noqa: PLC0415
    from tests.support.factories import REPLY_TEXT  # noqa: PLC0415

    configure_logging("WARNING")
    migrations.upgrade(get_settings().database_url)
    broker = queue.get_broker()
    queue.declare_queue()
    worker = Worker(broker, worker_threads=2)
    worker.start()

    print(f"machine: {platform.platform()}, {os.cpu_count()} cpus, Python {sys.version.split()[0]}")
    print(f"database: {get_settings().database_url.split(':')[0]}")
    print(f"{'jobs done':>10} {'RSS MiB':>9} {'jobs/s':>8}")
    print(f"{0:>10} {rss_mib():>9.1f} {'':>8}")
    done = 0
    samples: list[float] = []
    while done < args.jobs:
        started = time.perf_counter()
        for n in range(args.batch):
            intake.accept(intake.InboundEmail(
                ticket_id=str(done + n), from_email="forderung@bank.example",
                subject=f"Forderung {done + n}", body_text=f"{REPLY_TEXT}\nZeichen {done + n}",
            ))
        broker.join(queue.QUEUE_NAME)
        worker.join()
        done += args.batch
        rate = args.batch / (time.perf_counter() - started)
        samples.append(rss_mib())
        print(f"{done:>10} {samples[-1]:>9.1f} {rate:>8.0f}")
    worker.stop()
    growth = samples[-1] - samples[0]
    print(f"RSS growth from the first to the last batch: {growth:+.1f} MiB "
          f"({growth / samples[0]:+.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
