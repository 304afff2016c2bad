"""`serve` as an operator runs it, in real processes: it says where the dashboard is, refuses a taken port
before touching the database, picks up jobs queued from elsewhere, hands running jobs back to the queue on
Ctrl-C (and quits at once on a second one), and workers show up in the heartbeat table while they run."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import sqlite3
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from app import migrations
from app.database import session_scope
from app.services import workers
from tests.conftest import SetEnv
from tests.e2e.test_processes import BIN, base_env, free_port, healthy, post_reply, process, wait_for
from tests.support.factories import insert_email, payload
from tests.support.servers import scratch_database

pytestmark = pytest.mark.e2e


class AttachmentSite:
    """A local file host whose one file arrives a byte at a time while `slow` is set (a job that runs as
    long as the test wants), and at once otherwise."""

    def __init__(self) -> None:
        self.slow = threading.Event()
        self.slow.set()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    site.answer(self)

            def log_message(self, format: str, *args: object) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        body = b"Offener Saldo laut Kontoauszug: 120,00 EUR\n"
        handler.send_response(200)
        handler.send_header("Content-Type", "text/plain")
        handler.send_header("Content-Length", str(100_000 if self.slow.is_set() else len(body)))
        handler.end_headers()
        while self.slow.is_set():
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(0.1)
        handler.wfile.write(body)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/kontoauszug.txt"

    def close(self) -> None:
        self.slow.clear()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site() -> Iterator[AttachmentSite]:
    served = AttachmentSite()
    yield served
    served.close()


def serve_env(database: Path, **values: str) -> dict[str, str]:
    return base_env(DATABASE_URL=f"sqlite:///{database}", ZENDESK_SUBDOMAIN="127.0.0.1",
                    ATTACHMENT_ALLOW_PRIVATE_ADDRESSES="true", ATTACHMENT_ALLOW_PLAIN_HTTP="true",
                    ATTACHMENT_TIMEOUT_SECONDS="60", WORKER_HEARTBEAT_SECONDS="1", **values)


def serve_argv(port: int) -> list[str]:
    return [str(BIN / "creditor-matcher"), "serve", "--port", str(port)]


@dataclass(frozen=True)
class Stored:
    status: str
    attempts: int
    retries: int
    events: list[tuple[str, str | None]]


def row(database: Path, email_id: int) -> Stored:
    with contextlib.closing(sqlite3.connect(database)) as connection:
        status, attempts, retries = connection.execute(
            "SELECT processing_status, attempt_count, retry_count FROM incoming_emails WHERE id = ?", (email_id,)
        ).fetchone()
        events = connection.execute("SELECT kind, message FROM job_events WHERE email_id = ? ORDER BY id",
                                    (email_id,)).fetchall()
    return Stored(status, attempts, retries, [(kind, message) for kind, message in events])


def heartbeats(database: Path) -> list[tuple[str, int]]:
    with contextlib.closing(sqlite3.connect(database)) as connection:
        return [(kind, pid) for kind, pid in connection.execute("SELECT kind, pid FROM worker_heartbeats")]


def status(base_url: str, email_id: int) -> str:
    return str(httpx.get(f"{base_url}/api/v1/jobs/{email_id}", timeout=5).json()["processing_status"])


def completed(base_url: str, email_id: int) -> Callable[[], bool]:
    return lambda: status(base_url, email_id) == "completed"


def exited(proc: subprocess.Popen[bytes], timeout: float) -> int:
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"serve still running {timeout} s after the signal") from None


def test_serve_names_the_dashboard_and_the_root_address_leads_there(tmp_path: Path) -> None:
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    with process(serve_argv(port), serve_env(tmp_path / "cm.db"), log):
        wait_for(lambda: healthy(base_url), 60, "serve to answer")
        assert f"dashboard: {base_url}/dashboard" in log.read_text()
        root = httpx.get(f"{base_url}/", timeout=5)
        assert root.status_code == 307 and root.headers["location"] == "/dashboard"
        assert httpx.head(f"{base_url}/", timeout=5).status_code == 307


def test_serve_on_a_taken_port_says_how_to_choose_another_and_migrates_nothing(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(serve_argv(port), env=serve_env(tmp_path / "cm.db"), capture_output=True,
                                timeout=60, text=True)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"port {port}" in lines[0] and "PORT=" in lines[0] and "make run" in lines[0]
    assert not (tmp_path / "cm.db").exists(), "nothing may be migrated when the port is taken"


def test_ctrl_c_hands_a_running_job_back_to_the_queue_without_counting_the_attempt(
    tmp_path: Path, site: AttachmentSite
) -> None:
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    database, log = tmp_path / "cm.db", tmp_path / "serve.log"
    with process(serve_argv(port), serve_env(database, SHUTDOWN_GRACE_SECONDS="1"), log) as server:
        wait_for(lambda: healthy(base_url), 60, "serve to answer")
        wait_for(lambda: ("embedded", server.pid) in heartbeats(database), 10, "the embedded worker's heartbeat")
        email_id = post_reply(base_url, attachments=[{"url": site.url, "filename": "kontoauszug.txt"}])
        wait_for(lambda: status(base_url, email_id) == "processing", 30, "the job to start")
        os.kill(server.pid, signal.SIGINT)
        assert exited(server, 30) == 0
    output = log.read_text()
    assert "stopping" in output
    assert f"stopped: 1 job(s) returned to the queue (job {email_id})" in output
    stored = row(database, email_id)
    assert (stored.status, stored.attempts, stored.retries) == ("queued", 0, 0)
    assert stored.events[-1] == ("requeued", "shutdown")
    assert not any(kind == "attempt_failed" for kind, _ in stored.events)
    assert heartbeats(database) == [], "a clean stop forgets the worker"


def test_a_second_ctrl_c_quits_at_once_and_the_next_start_finishes_the_job(
    tmp_path: Path, site: AttachmentSite
) -> None:
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    database = tmp_path / "cm.db"
    env = serve_env(database, SHUTDOWN_GRACE_SECONDS="300")
    with process(serve_argv(port), env, tmp_path / "first.log") as server:
        wait_for(lambda: healthy(base_url), 60, "serve to answer")
        email_id = post_reply(base_url, attachments=[{"url": site.url, "filename": "kontoauszug.txt"}])
        wait_for(lambda: status(base_url, email_id) == "processing", 30, "the job to start")
        os.kill(server.pid, signal.SIGINT)
        wait_for(lambda: "waiting up to 300 s" in (tmp_path / "first.log").read_text(), 30, "the grace period")
        os.kill(server.pid, signal.SIGINT)
        assert exited(server, 10) != 0
    assert "forced exit" in (tmp_path / "first.log").read_text()
    assert row(database, email_id).status == "processing"

    site.slow.clear()  # the file now arrives at once
    with process(serve_argv(port), env, tmp_path / "second.log"):
        wait_for(lambda: healthy(base_url), 60, "serve to answer again")
        wait_for(lambda: status(base_url, email_id) == "completed", 20, "the restarted service to finish the job")
    assert any(kind == "requeued" and "gone" in (message or "") for kind, message in row(database, email_id).events)


def test_jobs_queued_from_elsewhere_are_picked_up_by_the_running_service(
    tmp_path: Path, set_env: SetEnv
) -> None:
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    database = tmp_path / "cm.db"
    env = serve_env(database)
    reply = tmp_path / "reply.json"
    reply.write_text(json.dumps(payload()))
    with process(serve_argv(port), env, tmp_path / "serve.log"):
        wait_for(lambda: healthy(base_url), 60, "serve to answer")
        wait_for(lambda: bool(heartbeats(database)), 10, "the embedded worker's heartbeat")
        ingest = subprocess.run([str(BIN / "creditor-matcher"), "ingest", str(reply)], env=env,
                                capture_output=True, text=True, timeout=60, cwd=tmp_path)
        assert ingest.returncode == 0, ingest.stderr
        from_cli = int(json.loads(ingest.stdout)["email_id"])
        assert f"queued job {from_cli}; the running service picks it up within" in ingest.stderr
        set_env(database_url=f"sqlite:///{database}")
        written_directly = insert_email(status="queued")
        for email_id in (from_cli, written_directly):
            wait_for(completed(base_url, email_id), 10, f"job {email_id} to complete")


def test_the_cli_says_how_to_process_a_job_when_no_service_runs(tmp_path: Path) -> None:
    env = serve_env(tmp_path / "cm.db")
    reply = tmp_path / "reply.json"
    reply.write_text(json.dumps(payload()))
    migrate = subprocess.run([str(BIN / "creditor-matcher"), "migrate"], env=env, capture_output=True, text=True,
                             timeout=60, cwd=tmp_path)
    assert migrate.returncode == 0, migrate.stderr
    ingest = subprocess.run([str(BIN / "creditor-matcher"), "ingest", str(reply)], env=env,
                            capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert ingest.returncode == 0, ingest.stderr
    assert "no service is running" in ingest.stderr and "make run" in ingest.stderr
    assert "enqueue_failed" not in ingest.stderr


@pytest.fixture
def postgres_redis_env(postgres_admin: str, redis_server_url: str) -> Iterator[dict[str, str]]:
    with scratch_database(postgres_admin) as database_url:
        migrations.upgrade(database_url)
        yield base_env(DATABASE_URL=database_url, REDIS_URL=redis_server_url,
                       BROKER_NAMESPACE=f"cm_hb_{uuid.uuid4().hex[:8]}", WORKER_HEARTBEAT_SECONDS="1")


def test_a_dramatiq_worker_process_is_live_while_it_runs_and_forgotten_when_it_stops(
    postgres_redis_env: dict[str, str], tmp_path: Path, set_env: SetEnv
) -> None:
    set_env(database_url=postgres_redis_env["DATABASE_URL"])

    def live_kinds() -> list[str]:
        with session_scope() as session:
            return [worker.kind for worker in workers.live(session, 30)]

    argv = [str(BIN / "dramatiq"), "app.worker", "--processes", "1", "--threads", "2"]
    with process(argv, postgres_redis_env, tmp_path / "worker.log") as worker:
        wait_for(lambda: live_kinds() == ["dramatiq"], 60, "the worker's heartbeat")
        os.kill(worker.pid, signal.SIGTERM)  # as `kill PID` does; it passes the signal on to its processes
        worker.wait(timeout=60)
    assert live_kinds() == []
