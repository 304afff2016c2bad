"""bench/fault_run.py — thousands of signed replies while the service and its servers are crashed
on purpose; afterwards every accepted email must be completed once and nothing written twice.

Starts its own PostgreSQL and Redis (fresh data directories, free ports; never the machine's shared
servers), the web (uvicorn, with the sweeper) and N worker groups (`dramatiq app.worker`), a portal
receiver and an SMTP server. While posting, a chaos loop SIGKILLs worker groups, the web, Redis and
PostgreSQL (each restarted); then it waits until every job is completed and every outbox entry
delivered, and checks the invariants in bench/fault_checks.py.

    .venv/bin/python -m bench.fault_run --emails 10000 --worker-kills 24 --web-kills 3 \\
        --redis-restarts 2 --postgres-restarts 2 --summary bench/results/fault_run.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from app.services.signatures import sign
from bench.fault_checks import check, progress
from bench.fault_servers import (
    Managed,
    free_port,
    postgres_bin_dir,
    private_postgres,
    private_redis,
    redis_server_binary,
)
from bench.fault_sinks import Sinks

SECRET = "fault-run-secret"
BIN = Path(sys.executable).parent
FIRST = ("Jürgen", "Anna", "Peter", "Sabine", "Karl", "Maria", "Thomas", "Elif", "Stefan", "Ingrid", "Lukas",
         "Birgit", "Mehmet", "Renate", "Dariusz", "Heike", "Florian", "Gül", "Wolfgang", "Svenja")
LAST = ("Weißbach", "Kowalczyk", "Müller", "Öztürk", "Brandt", "Dąbrowska", "Schäfer", "Yılmaz", "Groß",
        "Nørgaard", "Hoffmann", "Lindqvist", "Pavlović", "Eberhardt", "Krüger", "Wendland", "Tasdemir",
        "Rosenthal", "Fuchs", "Albrecht", "Sommerfeld", "Jankowski", "Vogt", "Heilmann", "Brückner")


@dataclass(frozen=True)
class Plan:
    emails: int = 200
    inquiries: int = 0  # 0: one inquiry per ten replies
    worker_groups: int = 2
    processes: int = 1
    threads: int = 4
    posters: int = 8
    worker_kills: int = 3
    web_kills: int = 1
    redis_restarts: int = 1
    postgres_restarts: int = 1
    min_gap_seconds: float = 1.0
    timeout_seconds: float = 900
    seed: int = 1

    @property
    def inquiry_count(self) -> int:
        return self.inquiries or max(1, self.emails // 10)


@dataclass
class Run:
    """What happened: accepted webhooks, chaos events with their time, timings."""

    accepted: dict[str, int] = field(default_factory=dict)
    post_retries: int = 0
    chaos_error: str | None = None
    events: list[tuple[float, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    started: float = field(default_factory=time.monotonic)

    def note(self, what: str) -> None:
        with self.lock:
            self.events.append((round(time.monotonic() - self.started, 2), what))


def app_env(database_url: str, redis_url: str, smtp_port: int, portal_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("REDIS", "DATABASE", "RABBITMQ", "SMTP", "PORTAL", "JOBS_API", "ZENDESK"))}
    env.update(
        DATABASE_URL=database_url, REDIS_URL=redis_url, BROKER_NAMESPACE="fault_run",
        ZENDESK_WEBHOOK_SECRET=SECRET, LOG_LEVEL="WARNING", LOG_FORMAT="json",
        # Short leases and sweeps so recovery from a crash takes seconds, not minutes.
        RECONCILE_INTERVAL_SECONDS="1", STALE_JOB_SECONDS="6", JOB_TIME_LIMIT_SECONDS="60",
        MAX_RETRIES="12", RETRY_MIN_BACKOFF_SECONDS="0.5", RETRY_MAX_BACKOFF_SECONDS="4",
        PORTAL_WEBHOOK_URL=portal_url, PORTAL_WEBHOOK_SECRET="portal-secret",
        OUTBOX_TIMEOUT_SECONDS="2", OUTBOX_MAX_ATTEMPTS="30", OUTBOX_MIN_BACKOFF_SECONDS="0.5",
        OUTBOX_MAX_BACKOFF_SECONDS="4",
        SMTP_HOST="127.0.0.1", SMTP_PORT=str(smtp_port), SMTP_STARTTLS="false", SMTP_TIMEOUT_SECONDS="3",
        ADMIN_EMAIL="admin@kanzlei.example", DEBT_UPDATE_EMAIL="sachbearbeitung@kanzlei.example",
        ATTACHMENT_STORE_DIR=str(Path(tempfile.gettempdir()) / "fault-run-attachments"),
    )
    return env


def inquiry(n: int) -> dict[str, Any]:
    # Every inquiry its own client (with a second given name past 500), so no reply is ambiguous.
    first, last = FIRST[n % len(FIRST)], LAST[(n // len(FIRST)) % len(LAST)]
    middle = f" {FIRST[(n // (len(FIRST) * len(LAST)) + 3) % len(FIRST)]}" if n >= len(FIRST) * len(LAST) else ""
    client = f"{first}{middle} {last}"
    return {"id": f"FR-{n:05d}", "client_name": client, "firm_reference": f"FR-2026-{n:05d}",
            "creditor_name": "Nordbank Hanse AG", "creditor_email": "forderung@nordbank.example",
            "creditor_reference": f"{4400 + n} {n:03d} 77", "known_amount": "1000.00"}


def reply(i: int, inquiries: int) -> dict[str, Any]:
    """Reply i answers inquiry i % inquiries; each later reply states a slightly higher total."""
    n = i % inquiries
    seq = i // inquiries
    facts = inquiry(n)
    amount = f"1.{seq + 10:03d},{i % 100:02d}"
    received = datetime(2026, 11, 1, 8, 0, tzinfo=UTC) + timedelta(minutes=seq, seconds=n % 60)
    body = (f"Sehr geehrte Damen und Herren,\n\nin der Sache Ihres Mandanten {facts['client_name']} "
            f"(Ihr Az. {facts['firm_reference']}, unser Konto {facts['creditor_reference']}) beträgt die "
            f"Gesamtforderung {amount} EUR.\n\nMit freundlichen Grüßen\nNordbank Hanse AG\n")
    return {"ticket_id": 500000 + i, "webhook_id": f"fault-{i}", "from_email": "forderung@nordbank.example",
            "from_name": "Nordbank Hanse AG", "to_addresses": ["glaeubiger@kanzlei.example"],
            "subject": f"AW: Forderungsanfrage {facts['firm_reference']}", "body_text": body,
            "received_at": received.strftime("%Y-%m-%dT%H:%M:%SZ")}


def post_until_accepted(base_url: str, data: dict[str, Any], run: Run, deadline: float) -> None:
    """Post like Zendesk: retry the same webhook (same id) until the service answers 200."""
    body = json.dumps(data).encode()
    while time.monotonic() < deadline:
        stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        headers = {"content-type": "application/json", "x-zendesk-webhook-signature-timestamp": stamp,
                   "x-zendesk-webhook-signature": sign(SECRET, stamp, body)}
        try:
            response = httpx.post(f"{base_url}/api/v1/zendesk/webhook", content=body, headers=headers, timeout=10)
            if response.status_code == 200:
                with run.lock:
                    run.accepted[data["webhook_id"]] = int(response.json()["email_id"])
                return
            if response.status_code < 500:
                raise RuntimeError(f"webhook refused with {response.status_code}: {response.text[:300]}")
        except httpx.HTTPError:
            pass
        with run.lock:
            run.post_retries += 1
        time.sleep(0.3)
    raise TimeoutError(f"webhook {data['webhook_id']} never accepted")


def healthy(base_url: str) -> bool:
    try:
        return httpx.get(f"{base_url}/healthz", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


@dataclass
class Service:
    postgres: Managed
    redis: Managed
    web: Managed
    workers: list[Managed]
    database_url: str
    base_url: str

    def stop(self) -> None:
        for proc in [self.web, *self.workers, self.redis, self.postgres]:
            proc.stop()


@contextmanager
def service(plan: Plan, folder: Path, sinks: Sinks) -> Iterator[Service]:
    logs = folder / "logs"
    logs.mkdir()
    pg_folder = Path(tempfile.mkdtemp(prefix="fault-pg-"))
    try:
        postgres, admin_url = private_postgres(pg_folder, logs)
        redis, redis_url = private_redis(folder, logs)
        postgres.start()
        redis.start()
        env = app_env(admin_url, redis_url, sinks.smtp_port, sinks.portal.url)
        subprocess.run([str(BIN / "creditor-matcher"), "migrate"], env=env, check=True, capture_output=True)
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        web = Managed("web", [str(BIN / "uvicorn"), "--factory", "app.main:app_factory", "--port", str(port)],
                      env, logs / "web.log", ready=lambda: healthy(base_url))
        workers = [Managed(f"worker-{g}", [str(BIN / "dramatiq"), "app.worker", "--processes", str(plan.processes),
                                           "--threads", str(plan.threads)], env, logs / f"worker-{g}.log")
                   for g in range(plan.worker_groups)]
        running = Service(postgres, redis, web, workers, admin_url, base_url)
        try:
            web.start()
            for worker in workers:
                worker.start()
            yield running
        finally:
            running.stop()
    finally:
        shutil.rmtree(pg_folder, ignore_errors=True)


def open_inquiries(base_url: str, count: int) -> None:
    with httpx.Client(base_url=base_url, timeout=10) as client:
        for n in range(count):
            response = client.post("/api/v1/inquiries", json=inquiry(n))
            response.raise_for_status()


def chaos_actions(plan: Plan, rng: random.Random) -> list[str]:
    actions = (["worker"] * plan.worker_kills + ["web"] * plan.web_kills + ["redis"] * plan.redis_restarts
               + ["postgres"] * plan.postgres_restarts)
    rng.shuffle(actions)
    return actions


def strike(action: str, svc: Service, rng: random.Random, run: Run) -> None:
    """One crash: SIGKILL the process group, leave it down briefly, start it again."""
    if action == "worker":
        target = rng.choice(svc.workers)
    else:
        target = {"web": svc.web, "redis": svc.redis, "postgres": svc.postgres}[action]
    target.kill()
    run.note(f"kill -9 {target.name}")
    time.sleep(rng.uniform(0.2, 2.0))
    target.start(timeout=120)
    run.note(f"{target.name} back")


def outstanding(svc: Service) -> dict[str, int] | None:
    try:
        return progress(svc.database_url)
    except Exception:  # PostgreSQL down right now
        return None


def chaos(plan: Plan, svc: Service, run: Run, posting_done: threading.Event, rng: random.Random) -> None:
    """Crash number k once k/(crashes+1) of the work is done (half posting, half completing), at
    least `min_gap_seconds` apart, so every crash lands while emails are still in flight."""
    actions = chaos_actions(plan, rng)
    total = len(actions)
    try:
        while actions:
            state = outstanding(svc)
            if state is not None and posting_done.is_set() and _finished(state, plan.emails):
                run.note(f"work finished with {len(actions)} crashes left")
                return
            done = (len(run.accepted) + (state or {}).get("completed", 0)) / (2 * plan.emails)
            if state is None or done < (total - len(actions) + 1) / (total + 1):
                time.sleep(0.2)
                continue
            strike(actions.pop(), svc, rng, run)
            time.sleep(plan.min_gap_seconds)
    except Exception as error:  # a server that does not come back ends the run as a failure
        run.chaos_error = f"{type(error).__name__}: {error}"
        run.note(f"chaos stopped: {run.chaos_error}")


def _finished(state: dict[str, int], emails: int) -> bool:
    return state.get("completed", 0) + state.get("failed", 0) >= emails and state.get("outbox_open", 0) == 0


def report_progress(svc: Service, run: Run, stop: threading.Event, every: float = 15) -> None:
    while not stop.wait(every):
        print(f"[{time.monotonic() - run.started:7.1f} s] accepted {len(run.accepted)}, "
              f"{outstanding(svc) or 'database down'}", file=sys.stderr, flush=True)


def wait_for_the_end(plan: Plan, svc: Service, run: Run) -> dict[str, int]:
    deadline = time.monotonic() + plan.timeout_seconds
    state: dict[str, int] = {}
    while time.monotonic() < deadline:
        state = outstanding(svc) or state
        if state and _finished(state, plan.emails):
            return state
        time.sleep(1)
    raise TimeoutError(f"not finished after {plan.timeout_seconds:.0f} s: {state}")


def machine() -> dict[str, Any]:
    return {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version(),
            "postgres": _version(["postgres", "--version"]), "redis": _version(["redis-server", "--version"])}


def _version(argv: list[str]) -> str:
    binary = str(postgres_bin_dir() / "postgres") if argv[0] == "postgres" else redis_server_binary()
    result = subprocess.run([binary, argv[1]], capture_output=True, text=True, check=False)
    return result.stdout.strip()[:80]


def fault_run(plan: Plan, folder: Path | None = None, *, progress_to_stderr: bool = False) -> dict[str, Any]:
    """The whole run; returns the summary (with `ok` and every violation count)."""
    rng = random.Random(plan.seed)
    run = Run()
    with ExitStack() as stack:
        work = folder or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="fault-run-")))
        sinks = stack.enter_context(Sinks(free_port()))
        svc = stack.enter_context(service(plan, work, sinks))
        open_inquiries(svc.base_url, plan.inquiry_count)
        run.started = time.monotonic()
        posting_done = threading.Event()
        chaos_thread = threading.Thread(target=chaos, args=(plan, svc, run, posting_done, rng), daemon=True)
        chaos_thread.start()
        stop_reports = threading.Event()
        stack.callback(stop_reports.set)
        if progress_to_stderr:
            threading.Thread(target=report_progress, args=(svc, run, stop_reports), daemon=True).start()
        deadline = time.monotonic() + plan.timeout_seconds
        with ThreadPoolExecutor(plan.posters) as pool:
            for future in [pool.submit(post_until_accepted, svc.base_url, reply(i, plan.inquiry_count), run, deadline)
                           for i in range(plan.emails)]:
                future.result()
        posting_done.set()
        run.note("all webhooks accepted")
        chaos_thread.join(timeout=plan.timeout_seconds)
        final = wait_for_the_end(plan, svc, run)
        run.note("every job settled, every outbox entry delivered")
        time.sleep(1)  # a last in-flight SMTP or portal request lands
        sinks_summary = {"portal": sinks.portal.summary(), "mailbox": sinks.mailbox.summary()}
        verdict = check(svc.database_url, run.accepted, sinks_summary)
        crashes = {"worker_group_kills": sum(w.kills for w in svc.workers), "web_kills": svc.web.kills,
                   "redis_restarts": svc.redis.kills, "postgres_restarts": svc.postgres.kills}
    return {
        "ok": verdict.ok and run.chaos_error is None, "chaos_error": run.chaos_error, "plan": asdict(plan),
        "machine": machine(), "seconds": round(time.monotonic() - run.started, 1),
        "accepted": len(run.accepted), "post_retries": run.post_retries, "crashes": crashes, "final_status": final,
        "violations": verdict.violations, "counts": verdict.counts, "sinks": sinks_summary, "events": run.events,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    defaults = Plan()
    for name, value in asdict(defaults).items():
        parser.add_argument(f"--{name.replace('_', '-')}", type=type(value), default=value)
    parser.add_argument("--summary", type=Path, help="write the summary JSON here")
    parser.add_argument("--keep", type=Path, help="keep logs in this (new) folder")
    args = vars(parser.parse_args())
    summary_path, keep = args.pop("summary"), args.pop("keep")
    if keep is not None:
        keep.mkdir(parents=True)
    summary = fault_run(Plan(**args), keep, progress_to_stderr=True)
    text = json.dumps(summary, indent=2, ensure_ascii=False)
    if summary_path is not None:
        summary_path.parent.mkdir(parents=True, exist_ok=True)
        summary_path.write_text(text + "\n")
    print(text)
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
