"""bench/ingest.py — signed webhooks accepted per second, as a share of a bare FastAPI endpoint in the same run.

Starts the service with the Procfile's own `web:` command line on a scratch PostgreSQL database and a spare
Redis db (both removed afterwards), and the same command line serving bench/bare_app.py; drives each with
the same keep-alive HTTP/1.1 load generator (asyncio, N connections, each request signed, unique ticket ids);
prints req/s, p50/p99, the ratio, the log lines written per request, the CPU time per request of the web
process and of its PostgreSQL backends (steadier than req/s on a shared box), and checks every 200 is a row.
`--baseline DIR` (repeatable) also serves another checkout's code (e.g. `git archive main | tar -x -C DIR`) under the
same command in the same run, for before/after, each on a database of its own migrated by its own code (a change of
schema, an index or a trigger, is measured too); `--rounds N` repeats bare/baseline/ingest N times in turn, the
order of baseline and ingest alternating (the box may be shared: the medians of the ratios are printed too).

    .venv/bin/python bench/ingest.py [--seconds 10] [--connections 32] [--port 8731] [--baseline DIR] [--rounds 1]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import hmac
import json
import os
import platform
import re
import shlex
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import redis

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SECRET = "bench-ingest-signing-key"
PATH = "/api/v1/zendesk/webhook"
PG = "postgresql://postgres@127.0.0.1:5432"
BODY_TEXT = ("Guten Tag, zu Ihrem Schreiben teilen wir mit, dass die Forderung aus dem Vertrag noch offen ist. "
             "Den aktuellen Stand senden wir Ihnen gesondert zu. Mit freundlichen Gruessen, die Buchhaltung. ") * 3


@dataclass
class Run:
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    accepted_ids: list[int] = field(default_factory=list)
    elapsed: float = 0.0
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds spent during the run, per process kind


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of the processes so far (a process gone meanwhile counts nothing)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / CLOCK_TICKS


def migrate(root: Path, env: dict[str, str]) -> None:
    """The checkout's own migrations, run with its own code (its working directory comes first on the import path)."""
    subprocess.run([sys.executable, "-c", "from app.cli import main; raise SystemExit(main(['migrate']))"], cwd=root,
                   env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def database_backends(database: str) -> list[int]:
    with psycopg.connect(f"{PG}/postgres") as db:
        return [row[0] for row in db.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", (database,))]


def web_command(port: int, factory: str) -> list[str]:
    """The Procfile's `web:` line with the port filled in and, for the yardstick, another factory."""
    line = next(row for row in (ROOT / "Procfile").read_text().splitlines() if row.startswith("web:"))
    line = line.removeprefix("web:").strip().replace("${PORT:-8000}", str(port))
    words = shlex.split(line.replace("app.main:app_factory", factory))
    return [str(BIN / words[0]), *words[1:]]


def wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"port {port} never opened")


def signed_request(port: int, ticket: str) -> bytes:
    body = json.dumps({"ticket_id": ticket, "from_email": "buchhaltung@glaeubiger.example",
                       "from_name": "Buchhaltung", "subject": f"Ihr Zeichen {ticket}",
                       "body_text": BODY_TEXT, "to_addresses": ["kanzlei@anwalt.example"]}).encode()
    stamp = datetime.now(UTC).isoformat()
    signature = base64.b64encode(hmac.new(SECRET.encode(), stamp.encode() + body, hashlib.sha256).digest())
    head = (f"POST {PATH} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nX-Zendesk-Webhook-Signature: {signature.decode()}\r\n"
            f"X-Zendesk-Webhook-Signature-Timestamp: {stamp}\r\n\r\n")
    return head.encode() + body


async def connection(port: int, prefix: str, stop: float, run: Run, counter: list[int]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    while time.perf_counter() < stop:
        counter[0] += 1
        request = signed_request(port, f"{prefix}-{counter[0]}")
        started = time.perf_counter()
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        length = int(re.search(rb"(?i)content-length: *(\d+)", head).group(1))  # type: ignore[union-attr]
        body = await reader.readexactly(length)
        run.latencies.append(time.perf_counter() - started)
        status = int(head.split(b" ", 2)[1])
        run.statuses[status] = run.statuses.get(status, 0) + 1
        if status == 200:
            answer = json.loads(body)
            if "email_id" in answer:
                run.accepted_ids.append(int(answer["email_id"]))
    writer.close()


async def drive(port: int, prefix: str, seconds: float, connections: int) -> Run:
    run, counter = Run(), [0]
    started = time.perf_counter()
    await asyncio.gather(*(connection(port, prefix, started + seconds, run, counter) for _ in range(connections)))
    run.elapsed = time.perf_counter() - started
    return run


def measure(name: str, command: list[str], env: dict[str, str], log: Path, args: argparse.Namespace,
            port: int, root: Path = ROOT) -> tuple[Run, Run, int]:
    """Warm up, then the measured run; returns both runs and the lines the server logged. uvicorn imports
    the app from `root` (its working directory comes first on the import path)."""
    with log.open("wb") as sink:
        process = subprocess.Popen(command, cwd=root, env=env, stdout=sink, stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, process)
        warm = asyncio.run(drive(port, f"{name}-warm", args.warmup, args.connections))
        lines_before = len(log.read_bytes().splitlines())
        backends = database_backends(args.database)
        before = {"web": cpu_seconds([process.pid]), "postgres": cpu_seconds(backends)}
        run = asyncio.run(drive(port, name, args.seconds, args.connections))
        run.cpu = {"web": cpu_seconds([process.pid]) - before["web"],
                   "postgres": cpu_seconds(backends) - before["postgres"]}
        time.sleep(0.3)
        lines = len(log.read_bytes().splitlines()) - lines_before
    finally:
        process.terminate()
        process.wait(timeout=20)
    return warm, run, lines


def report(name: str, run: Run, lines: int) -> float:
    rate = len(run.latencies) / run.elapsed
    ordered = sorted(run.latencies)
    p50 = statistics.median(ordered) * 1000
    p99 = ordered[int(len(ordered) * 0.99) - 1] * 1000
    count = max(len(run.latencies), 1)
    cpu = "  ".join(f"{kind} {seconds * 1000 / count:.2f}" for kind, seconds in run.cpu.items())
    print(f"{name:<8} {rate:>9.0f} req/s   p50 {p50:>7.1f} ms   p99 {p99:>7.1f} ms   "
          f"statuses {dict(sorted(run.statuses.items()))}   log lines/request {lines / count:.2f}   "
          f"CPU ms/request: {cpu}")
    return rate


def spare_redis_db() -> int:
    for number in range(15, 7, -1):
        if redis.Redis(host="127.0.0.1", port=6379, db=number).dbsize() == 0:
            return number
    raise SystemExit("no empty Redis db between 8 and 15")


def check_rows(database: str, runs: list[Run]) -> None:
    ids = sorted({email_id for run in runs for email_id in run.accepted_ids})
    accepted = sum(run.statuses.get(200, 0) for run in runs)
    with psycopg.connect(f"{PG}/{database}") as db:
        rows = db.execute("SELECT count(*) FROM incoming_emails WHERE id = ANY(%s)", (ids,)).fetchone()
        first = db.execute("SELECT count(DISTINCT email_id) FROM job_events WHERE email_id = ANY(%s) "
                           "AND to_status = 'received'", (ids,)).fetchone()
    rows_found, with_history = (rows[0] if rows else 0), (first[0] if first else 0)
    verdict = "OK" if rows_found == len(ids) == accepted == with_history else "MISSING ROWS"
    print(f"rows:    {accepted} answered 200, {len(ids)} distinct ids, {rows_found} rows, "
          f"{with_history} with their `received` event: {verdict}")


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    with psycopg.connect(f"{PG}/postgres") as db:
        row = db.execute("SHOW server_version").fetchone()
    return (f"{platform.platform()}, {cpu}, {os.cpu_count()} cpus, {int(memory) // 1024 // 1024} GiB, "
            f"Python {sys.version.split()[0]}, PostgreSQL {row[0] if row else '?'}, load generator on the same box")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--port", type=int, default=8731)
    parser.add_argument("--baseline", type=Path, action="append", default=[],
                        help="another checkout whose app is measured too (before/after); repeatable")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()

    database = f"cm_bench_ingest_{os.getpid()}"
    redis_db = spare_redis_db()
    folder = Path(tempfile.mkdtemp(prefix="cm-bench-ingest-"))
    env = {key: value for key, value in os.environ.items() if key not in ("RABBITMQ_URL", "SMTP_HOST", "PORT")}
    env.update(REDIS_URL=f"redis://127.0.0.1:6379/{redis_db}", ZENDESK_WEBHOOK_SECRET=SECRET)
    print(f"machine: {machine()}")
    print(f"command: {shlex.join(web_command(args.port, 'app.main:app_factory'))}")
    print(f"load:    {args.connections} keep-alive connections, {args.warmup:g} s warm-up, {args.seconds:g} s measured")
    served = [(f"{root.name}", root) for root in args.baseline] + [("ingest", ROOT)]
    # each checkout on its own database, migrated by its own code; the bare endpoint touches none
    databases = {name: f"{database}_{number}" for number, (name, _) in enumerate(served)}
    envs = {name: {**env, "DATABASE_URL": f"postgresql+psycopg://postgres@127.0.0.1:5432/{databases[name]}"}
            for name, _ in served}
    try:
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as admin:
            for name in databases.values():
                admin.execute(f'CREATE DATABASE "{name}"')
        for name, root in served:
            migrate(root, envs[name])
        runs: dict[str, list[Run]] = {name: [] for name, _ in served}
        ratios: dict[str, list[float]] = {name: [] for name, _ in served}
        for number in range(1, args.rounds + 1):
            if args.rounds > 1:
                print(f"round {number}")
            args.database = databases["ingest"]
            _, bare, bare_lines = measure(f"bare{number}", web_command(args.port, "bench.bare_app:app_factory"),
                                          envs["ingest"], folder / "bare.log", args, args.port)
            bare_rate = report("bare", bare, bare_lines)
            # The order alternates round by round: an A/A run (a tree against a copy of itself) showed the later
            # slot of a round 1-8 % slower, so a fixed order would favour whichever tree runs first.
            for name, root in served if number % 2 else list(reversed(served)):
                args.database = databases[name]
                warm, run, lines = measure(f"{name}{number}", web_command(args.port, "app.main:app_factory"),
                                           envs[name], folder / f"{name}.log", args, args.port, root)
                ratios[name].append(report(name, run, lines) / bare_rate)
                print(f"ratio:   {name} / bare = {ratios[name][-1]:.0%}")
                runs[name] += [warm, run]
        if args.rounds > 1:
            print("median ratios: " + ", ".join(f"{name} {statistics.median(values):.0%}"
                                                for name, values in ratios.items() if values))
        for name, _ in served:
            check_rows(databases[name], runs[name])
    finally:
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as admin:
            for name in databases.values():
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        redis.Redis(host="127.0.0.1", port=6379, db=redis_db).flushdb()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
