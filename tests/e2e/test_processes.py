"""The service as operators run it, in separate processes: `creditor-matcher serve` on embedded
defaults, and uvicorn + `dramatiq app.worker` on PostgreSQL and Redis, where a dead worker and
lost broker messages still lose no email."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis

from app import migrations
from tests.support.factories import encode, payload, signed_headers
from tests.support.servers import scratch_database

pytestmark = pytest.mark.e2e

SECRET = "e2e-secret"
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def base_env(**values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS", "DATABASE"))}
    env.update(ZENDESK_WEBHOOK_SECRET=SECRET, LOG_LEVEL="WARNING", **values)
    return env


@contextmanager
def process(argv: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as sink:
        proc = subprocess.Popen(argv, env=env, stdout=sink, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            yield proc
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()


def wait_for(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def healthy(base_url: str) -> bool:
    try:
        return httpx.get(f"{base_url}/healthz", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def post_reply(base_url: str, **overrides: Any) -> int:
    body = encode(payload(**overrides))
    response = httpx.post(f"{base_url}/api/v1/zendesk/webhook", content=body,
                          headers=signed_headers(SECRET, body), timeout=10)
    assert response.status_code == 200, response.text
    return int(response.json()["email_id"])


def statuses(base_url: str, ids: list[int]) -> dict[int, str]:
    return {i: httpx.get(f"{base_url}/api/v1/jobs/{i}", timeout=5).json()["processing_status"]
            for i in ids}


def all_completed(base_url: str, ids: list[int]) -> Callable[[], bool]:
    return lambda: set(statuses(base_url, ids).values()) == {"completed"}


def test_serve_on_embedded_defaults_processes_a_signed_reply(tmp_path: Path) -> None:
    port = free_port()
    env = base_env(DATABASE_URL=f"sqlite:///{tmp_path / 'cm.db'}")
    base_url = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    with process([str(BIN / "creditor-matcher"), "serve", "--port", str(port)], env, log):
        wait_for(lambda: healthy(base_url), 30, "serve to answer")
        assert f"listening on {base_url}" in log.read_text()
        email_id = post_reply(base_url)
        wait_for(all_completed(base_url, [email_id]), 30, "the embedded worker")
        job = httpx.get(f"{base_url}/api/v1/jobs/{email_id}").json()
        assert "999,00" not in job["extracted_data"]["body"]["reply_text"]


@pytest.fixture
def redis_postgres_env(postgres_admin: str, redis_server_url: str) -> Iterator[dict[str, str]]:
    namespace = f"cm_e2e_{uuid.uuid4().hex[:8]}"
    with scratch_database(postgres_admin) as database_url:
        migrations.upgrade(database_url)
        yield base_env(
            DATABASE_URL=database_url, REDIS_URL=redis_server_url, BROKER_NAMESPACE=namespace,
            RECONCILE_INTERVAL_SECONDS="1", STALE_JOB_SECONDS="3",
        )
        client = redis.Redis.from_url(redis_server_url)
        for key in client.scan_iter(f"{namespace}*"):
            client.delete(key)


def test_uvicorn_and_a_dramatiq_worker_on_postgres_and_redis_lose_no_email(
    redis_postgres_env: dict[str, str], tmp_path: Path
) -> None:
    env = redis_postgres_env
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    web = [str(BIN / "uvicorn"), "--factory", "app.main:app_factory", "--port", str(port)]
    worker = [str(BIN / "dramatiq"), "app.worker", "--processes", "1", "--threads", "2"]
    with process(web, env, tmp_path / "web.log"):
        wait_for(lambda: healthy(base_url), 30, "uvicorn to answer")
        with process(worker, env, tmp_path / "worker-1.log") as first_worker:
            first = [post_reply(base_url) for _ in range(10)]
            wait_for(all_completed(base_url, first), 60, "the worker to finish the first batch")
            os.killpg(first_worker.pid, signal.SIGKILL)
            first_worker.wait()

        # With no worker alive, replies pile up in Redis; then the broker loses them all.
        second = [post_reply(base_url) for _ in range(5)]
        assert set(statuses(base_url, second).values()) == {"queued"}
        client = redis.Redis.from_url(env["REDIS_URL"])
        lost = [key for key in client.scan_iter(f"{env['BROKER_NAMESPACE']}*")]
        assert lost, "expected the broker to hold the queued messages"
        client.delete(*lost)

        with process(worker, env, tmp_path / "worker-2.log"):
            wait_for(all_completed(base_url, second), 60, "the sweeper to re-send lost messages")
        requeued = [event for i in second
                    for event in httpx.get(f"{base_url}/api/v1/jobs/{i}").json()["events"]
                    if event["kind"] == "requeued"]
        assert len(requeued) >= len(second)


def rabbitmq_reachable(host: str = "127.0.0.1", port: int = 5672) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def test_uvicorn_and_a_dramatiq_worker_on_rabbitmq_process_replies(
    postgres_admin: str, tmp_path: Path
) -> None:
    # RabbitMQ is the optional broker and ships no PyPI wheel to start a throwaway one from,
    # so on a machine without it this one test says so instead of passing.
    if not rabbitmq_reachable():
        pytest.skip("RabbitMQ not running on 127.0.0.1:5672 (optional broker)")
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    with scratch_database(postgres_admin) as database_url:
        migrations.upgrade(database_url)
        env = base_env(DATABASE_URL=database_url,
                       RABBITMQ_URL="amqp://guest:guest@127.0.0.1:5672/%2F")
        web = [str(BIN / "uvicorn"), "--factory", "app.main:app_factory", "--port", str(port)]
        worker = [str(BIN / "dramatiq"), "app.worker", "--processes", "1", "--threads", "2"]
        with process(web, env, tmp_path / "web.log"), \
                process(worker, env, tmp_path / "worker.log"):
            wait_for(lambda: healthy(base_url), 30, "uvicorn to answer")
            ids = [post_reply(base_url) for _ in range(3)]
            wait_for(all_completed(base_url, ids), 60, "the RabbitMQ worker")
