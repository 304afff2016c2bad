"""bench/stack.py — the Procfile's processes on a scratch PostgreSQL database and a spare Redis db, for the
benchmarks that measure the running service from outside (worker_memory.py, scale_out.py).

`Stack` creates the database (removed afterwards), migrates it with `creditor-matcher migrate`, loads the
dev corpus's inquiries, and starts `web:` and `worker:` exactly as the Procfile writes them (a port, a
`--workers` or `--processes` count filled in). Signed webhooks are built from the dev corpus's
body-only emails, each with its own ticket and webhook id and a line of its own in the body (so no two
jobs share a text). Process-tree memory is read from /proc. The processes' logs are removed afterwards unless
BENCH_KEEP_LOGS is set or something failed. Not a test."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg
import redis

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench.ingest and tests.support

from bench.ingest import SECRET, machine, spare_redis_db, wait_for_port
from tests.support.factories import signed_headers
from tests.support.servers import scratch_database

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
CORPUS = ROOT.parent / "shared" / "corpus" / "dev" / "corpus.json"
WEBHOOK = "/api/v1/zendesk/webhook"
FINISHED = ("completed", "failed")
BENCH_APP = "cm-bench"

__all__ = ["SECRET", "Stack", "machine", "wait_for_port"]


def procfile_command(kind: str, **fill: str) -> list[str]:
    """The Procfile's `kind:` line as argv; `port` replaces ${PORT:-8000}, `workers` adds uvicorn's
    --workers, `processes` replaces dramatiq's --processes count."""
    line = next(row for row in (ROOT / "Procfile").read_text().splitlines() if row.startswith(f"{kind}:"))
    words = shlex.split(line.removeprefix(f"{kind}:").strip().replace("${PORT:-8000}", fill.get("port", "8000")))
    if "processes" in fill:
        words[words.index("--processes") + 1] = fill["processes"]
    if "workers" in fill:
        words += ["--workers", fill["workers"]]
    return [str(BIN / words[0]), *words[1:]]


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                stat = (entry / "stat").read_text()
                parent = int(stat.rsplit(")", 1)[1].split()[1])
                tree.setdefault(parent, []).append(int(entry.name))
    return tree


def tree_pids(root: int) -> list[int]:
    tree, found, todo = _children(), [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(tree.get(pid, []))
    return found


@dataclass(frozen=True)
class Memory:
    """A process tree's memory in MiB: RSS summed over its processes (counts pages a forked child shares
    with its parent twice) and PSS (each shared page split between its sharers), with the process count."""

    rss: float
    pss: float
    processes: int


def tree_memory(root: int) -> Memory:
    rss = pss = 0
    pids = tree_pids(root)
    for pid in pids:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
    return Memory(rss / 1024, pss / 1024, len(pids))


def tree_cpu_seconds(root: int) -> float:
    """User + system CPU of the tree's live processes (and of the children they have waited for)."""
    ticks = 0
    for pid in tree_pids(root):
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += sum(int(value) for value in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine has spent outside idle and iowait since boot (all users)."""
    fields = [int(value) for value in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def body_only_emails() -> list[dict[str, Any]]:
    corpus = json.loads(CORPUS.read_text(encoding="utf-8"))
    return [email for email in corpus["emails"] if not email.get("attachments")]


def payload(emails: list[dict[str, Any]], n: int, prefix: str) -> dict[str, Any]:
    email = emails[n % len(emails)]
    own_line = f"Vorgang {prefix}-{n}"
    data = {
        "ticket_id": f"{prefix}-{n}", "webhook_id": f"{prefix}:{n}", "from_email": email["from_email"],
        "from_name": email.get("from_name"), "to_addresses": [email["to"]] if email.get("to") else [],
        "subject": email.get("subject") or "",
        "body_text": f"{email['body_text']}\n\n{own_line}" if email.get("body_text") else None,
        "body_html": f"{email['body_html']}<p>{own_line}</p>" if email.get("body_html") else None,
        "received_at": email.get("received_at"),
    }
    return {key: value for key, value in data.items() if value is not None}


@dataclass
class Sent:
    statuses: dict[int, int] = field(default_factory=dict)
    email_ids: list[int] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)


async def post_webhooks(base_url: str, bodies: list[bytes], connections: int, sent: Sent) -> None:
    """POST every body, signed, over `connections` keep-alive connections."""
    queue: asyncio.Queue[bytes] = asyncio.Queue()
    for body in bodies:
        queue.put_nowait(body)
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=60) as client:

        async def one_connection() -> None:
            while not queue.empty():
                body = queue.get_nowait()
                started = time.perf_counter()
                answer = await client.post(WEBHOOK, content=body, headers=signed_headers(SECRET, body))
                sent.latencies.append(time.perf_counter() - started)
                sent.statuses[answer.status_code] = sent.statuses.get(answer.status_code, 0) + 1
                if answer.status_code == 200 and "email_id" in answer.json():
                    sent.email_ids.append(int(answer.json()["email_id"]))

        await asyncio.gather(*(one_connection() for _ in range(connections)))


class Stack:
    """One scratch database + Redis db and the processes started on them; `with Stack() as stack:`."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.processes: list[subprocess.Popen[bytes]] = []
        self.logs = Path(tempfile.mkdtemp(prefix=f"{prefix}-logs-"))
        self._exit = contextlib.ExitStack()
        self.url = self.env = self.database = ""
        self.redis_db = -1

    def __enter__(self) -> Stack:
        self.url = self._exit.enter_context(scratch_database(ADMIN_URL, self.prefix))
        self.database = self.url.rsplit("/", 1)[1]
        self.redis_db = spare_redis_db()
        self._exit.callback(lambda: redis.Redis(host="127.0.0.1", port=6379, db=self.redis_db).flushdb())
        # Taken (flushed on exit) at once, so a second bench looking for an empty db does not pick it too.
        redis.Redis(host="127.0.0.1", port=6379, db=self.redis_db).set("cm-bench-taken", self.prefix)
        self._exit.callback(self.stop_all)
        environment = {key: value for key, value in os.environ.items()
                       if key not in ("RABBITMQ_URL", "SMTP_HOST", "PORT", "JOBS_API_TOKEN", "LOG_LEVEL")}
        environment.update(DATABASE_URL=self.url, REDIS_URL=f"redis://127.0.0.1:6379/{self.redis_db}",
                           ZENDESK_WEBHOOK_SECRET=SECRET)
        self.environ = environment
        subprocess.run([str(BIN / "creditor-matcher"), "migrate"], cwd=ROOT, env=environment, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run([str(BIN / "creditor-matcher"), "inquiries", "import", str(CORPUS)], cwd=ROOT,
                       env=environment, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        return self

    def __exit__(self, kind: type[BaseException] | None, *_exc: object) -> None:
        self._exit.close()
        if kind is None and not os.environ.get("BENCH_KEEP_LOGS"):  # kept when something went wrong
            shutil.rmtree(self.logs, ignore_errors=True)
        else:
            print(f"logs kept in {self.logs}")

    def start(self, name: str, command: list[str]) -> subprocess.Popen[bytes]:
        with (self.logs / f"{name}.log").open("ab") as sink:
            process = subprocess.Popen(command, cwd=ROOT, env=self.environ, stdout=sink, stderr=subprocess.STDOUT)
        self.processes.append(process)
        return process

    def stop(self, process: subprocess.Popen[bytes]) -> None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        self.processes.remove(process)

    def stop_all(self) -> None:
        for process in list(self.processes):
            self.stop(process)

    def connect(self) -> psycopg.Connection[Any]:
        """A connection of the bench itself (application_name BENCH_APP, so the watchers can leave it out)."""
        return psycopg.connect(f"{ADMIN_URL.rsplit('/', 1)[0]}/{self.database}", autocommit=True,
                               application_name=BENCH_APP)

    def count_finished(self, db: psycopg.Connection[Any]) -> int:
        row = db.execute("SELECT count(*) FROM incoming_emails WHERE processing_status = ANY(%s)",
                         (list(FINISHED),)).fetchone()
        return int(row[0]) if row else 0

    def log_tail(self, name: str, lines: int = 20) -> str:
        path = self.logs / f"{name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""


@contextlib.contextmanager
def running(stack: Stack, name: str, command: list[str]) -> Iterator[subprocess.Popen[bytes]]:
    process = stack.start(name, command)
    try:
        yield process
    finally:
        if process in stack.processes:
            stack.stop(process)
