"""bench/worker_cpu.py — worker CPU per body-only email, end to end (webhook intake → completed).

Loads the dev corpus's inquiries through `inquiries.load_corpus` into a scratch database (SQLite
by default, `--postgres` for a scratch PostgreSQL database that is dropped afterwards), accepts N
body-only emails through `services/intake` as the webhook does (cycling over the corpus emails
without attachments, each with its own webhook id so none is a duplicate), then processes them
with `processing.run_attempt` in this one process and prints the CPU time (time.process_time) and
wall time per email, intake and processing separately (processing also as the median of 50-email
chunks, steadier on a shared box), the SQL statements processing ran per email and the connection pool's
pings (PostgreSQL), with the machine.
Log lines are rendered as the worker renders them, then discarded. Not a test.

    .venv/bin/python bench/worker_cpu.py [--emails 500] [--postgres] [--profile] [--profile-out FILE]
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import os
import platform
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the scratch database lives with the tests

from sqlalchemy import event

from app import heap, migrations, queue
from app.config import Settings
from app.database import get_engine, session_scope, use_database
from app.logging import configure_from
from app.services import inquiries, intake, processing
from tests.support.servers import scratch_database

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev" / "corpus.json"
CHUNK = 50
ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


@contextlib.contextmanager
def scratch_url(postgres: bool) -> Iterator[str]:
    if not postgres:
        with tempfile.TemporaryDirectory(prefix="cm-cpu-") as folder:
            yield f"sqlite:///{folder}/bench.db"
        return
    with scratch_database(ADMIN_URL, "cm_cpu") as url:
        try:
            yield url
        finally:
            use_database(None)


def payloads(corpus: dict[str, Any], count: int) -> list[intake.InboundEmail]:
    bodies = [e for e in corpus["emails"] if not e.get("attachments")]
    made = []
    for n in range(count):
        email = bodies[n % len(bodies)]
        made.append(intake.InboundEmail.model_validate({
            "ticket_id": f"{email['id']}-{n}", "webhook_id": f"bench:{n}", "from_email": email["from_email"],
            "from_name": email.get("from_name"), "to_addresses": [email["to"]] if email.get("to") else [],
            "subject": email.get("subject") or "", "body_text": email.get("body_text"),
            "body_html": email.get("body_html"), "received_at": email.get("received_at"),
        }))
    return made


@contextlib.contextmanager
def logs_discarded() -> Iterator[None]:
    """Log lines are formatted exactly as in the worker, then written to /dev/null."""
    saved = sys.stderr
    with open(os.devnull, "w") as sink:
        sys.stderr = sink
        try:
            yield
        finally:
            sys.stderr = saved


def timed(label: str, count: int, work: Any) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    work()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(f"{label:<11} {count} emails: CPU {cpu * 1000 / count:6.2f} ms/email, "
          f"wall {wall * 1000 / count:6.2f} ms/email")
    return cpu, wall


def run(url: str, count: int, profile: bool, profile_out: str | None = None) -> None:
    settings = Settings(database_url=url, redis_url=None, rabbitmq_url=None, smtp_host=None,
                        portal_webhook_url=None, llm_api_key=None)
    configure_from(settings)
    migrations.upgrade(url)
    use_database(url)
    corpus = json.loads(CORPUS.read_text(encoding="utf-8"))
    with session_scope() as session:
        inquiries.load_corpus(session, corpus)
    emails = payloads(corpus, count)
    heap.freeze_startup_objects()  # as `dramatiq app.worker` does once it has started
    ids: list[int] = []
    outcomes: dict[str, int] = {}

    def accept_all() -> None:
        ids.extend(intake.accept(email).email_id for email in emails)

    chunks: list[float] = []  # CPU ms per email, per CHUNK emails: the median shrugs off a shared box's bursts

    def process_all() -> None:
        for start in range(0, len(ids), CHUNK):
            cpu = time.process_time()
            for email_id in ids[start:start + CHUNK]:
                outcome = processing.run_attempt(email_id, settings, notify=lambda _id: None)
                outcomes[outcome] = outcomes.get(outcome, 0) + 1
            chunks.append((time.process_time() - cpu) * 1000 / len(ids[start:start + CHUNK]))

    print(f"machine: {platform.platform()} · {platform.processor() or platform.machine()} · "
          f"{os.cpu_count()} CPUs · Python {platform.python_version()}")
    print(f"database: {url.split(':')[0]} · {len(corpus['inquiries'])} inquiries · "
          f"log level {settings.log_level} ({settings.log_format}) rendered to /dev/null")
    profiler = cProfile.Profile(time.process_time) if profile else None  # CPU, as the figures above
    statements = [0]

    def counted(*_args: Any) -> None:
        statements[0] += 1

    dialect = get_engine().dialect  # the pool's pings are driver calls that statement events do not see
    pings, ping = [0], dialect.do_ping

    def counted_ping(dbapi_connection: Any) -> bool:
        pings[0] += 1
        return bool(ping(dbapi_connection))

    with queue.isolated_broker(), logs_discarded():
        intake_cpu, intake_wall = timed("intake", count, accept_all)
        if profiler:
            profiler.enable()
        event.listen(get_engine(), "before_cursor_execute", counted)
        dialect.do_ping = counted_ping  # type: ignore[method-assign]
        work_cpu, work_wall = timed("processing", count, process_all)
        del dialect.do_ping
        event.remove(get_engine(), "before_cursor_execute", counted)
        if profiler:
            profiler.disable()
    use_database(None)
    print(f"{'processing':<11} SQL statements per email: {statements[0] / count:.2f} "
          f"(the lease heartbeat's included, if any fell due), pool pings per email: {pings[0] / count:.2f}")
    print(f"{'processing':<11} per {CHUNK} emails: CPU median {statistics.median(chunks):6.2f} ms/email, "
          f"min {min(chunks):6.2f}, max {max(chunks):6.2f}")
    print(f"{'end to end':<11} {count} emails: CPU {(intake_cpu + work_cpu) * 1000 / count:6.2f} ms/email "
          f"(≈ {count / (intake_cpu + work_cpu):.0f} emails/s per core), "
          f"wall {(intake_wall + work_wall) * 1000 / count:6.2f} ms/email · outcomes {outcomes}")
    if profiler and profile_out:
        profiler.dump_stats(profile_out)
    if profiler:
        text = io.StringIO()
        order, top = os.environ.get("BENCH_SORT", "cumulative"), int(os.environ.get("BENCH_TOP", "25"))
        pstats.Stats(profiler, stream=text).sort_stats(order).print_stats(top)
        print(f"processing profile (cProfile on CPU time, top {top} by {order}; times inflated by profiling):")
        print(text.getvalue())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--emails", type=int, default=500)
    parser.add_argument("--postgres", action="store_true", help="scratch PostgreSQL DB instead of SQLite")
    parser.add_argument("--profile", action="store_true", help="cProfile the processing phase")
    parser.add_argument("--profile-out", metavar="FILE", help="also write the profile to FILE (pstats format)")
    args = parser.parse_args()
    with scratch_url(args.postgres) as url:
        run(url, args.emails, args.profile or bool(args.profile_out), args.profile_out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
