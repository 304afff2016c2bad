"""Operator mistakes end a process with one line under every entry point; the API description is
behind the token; a boolean is no ticket id; an outage costs one log line per window, not one
per failed call."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import dramatiq
import pytest
import structlog
from dramatiq.brokers.stub import StubBroker
from sqlalchemy.exc import OperationalError

from app import embedded, queue
from app.config import ConfigurationError, Settings, get_settings
from app.logging import configure_logging
from app.scheduler import TICKS, run_tick
from tests.conftest import SetEnv
from tests.support.app_client import app_client
from tests.support.factories import payload

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
UNREACHABLE_DB = "postgresql+psycopg://cm:pw@127.0.0.1:1/cm"
BAD_PATTERN = "(unclosed"


def run(argv: list[str], cwd: Path, **env: str) -> tuple[int, list[str]]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "REDIS_URL": "", **env}
    done = subprocess.run(argv, cwd=cwd, env=environment, capture_output=True, text=True,
                          timeout=60, check=False)
    # Dramatiq's supervisor prints its own boot/shutdown lines; ours are the rest.
    lines = [line for line in (done.stdout + done.stderr).splitlines()
             if line.strip() and "[dramatiq.MainProcess]" not in line]
    return done.returncode, lines


ENTRY_POINTS = {
    "serve": [str(BIN / "creditor-matcher"), "serve", "--port", "1"],
    "uvicorn": [str(BIN / "uvicorn"), "--app-dir", str(ROOT), "--factory", "app.main:app_factory",
                "--port", "1"],
    "dramatiq": [str(BIN / "dramatiq"), "app.worker", "--processes", "1", "--threads", "1",
                 "--path", str(ROOT)],
}


@pytest.mark.parametrize("entry", ENTRY_POINTS)
@pytest.mark.parametrize(("setting", "value", "expected"), [
    ("FIRM_REFERENCE_PATTERN", BAD_PATTERN, "invalid configuration: FIRM_REFERENCE_PATTERN: not a "
                                            "regular expression"),
    ("DATABASE_URL", UNREACHABLE_DB, "database unreachable: "),
])
def test_a_start_up_error_is_one_line(entry: str, setting: str, value: str, expected: str,
                                      tmp_path: Path) -> None:
    broker = {"REDIS_URL": "redis://127.0.0.1:1/0"} if entry == "dramatiq" else {}
    code, lines = run(ENTRY_POINTS[entry], tmp_path, **{setting: value}, **broker)
    assert code != 0
    assert len(lines) == 1, lines
    assert lines[0].removeprefix("error: ").startswith(expected), lines
    assert ":pw@" not in lines[0]


def test_a_firm_reference_pattern_that_does_not_compile_is_refused(set_env: SetEnv) -> None:
    set_env(firm_reference_pattern="[A-Z")
    with pytest.raises(ConfigurationError, match="FIRM_REFERENCE_PATTERN"):
        get_settings()


@pytest.mark.parametrize("path", ["/openapi.json", "/docs", "/redoc"])
def test_the_api_description_is_behind_the_token_when_one_is_set(
    path: str, sqlite_database: str, set_env: SetEnv
) -> None:
    set_env(jobs_api_token="docs-token-1f2e3d")
    with app_client() as client:
        assert client.get(path).status_code == 401
        assert client.get(path, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert client.get(path, headers={"Authorization": "Bearer docs-token-1f2e3d"}).status_code == 200
        assert client.get(path, auth=("operator", "docs-token-1f2e3d")).status_code == 200


def test_the_api_description_is_open_without_a_token(sqlite_database: str) -> None:
    with app_client() as client:
        assert "/api/v1/jobs" in client.get("/openapi.json").json()["paths"]
        assert client.get("/docs").status_code == 200


@pytest.mark.parametrize("ticket", [True, False])
def test_a_boolean_ticket_id_is_a_422(ticket: bool, sqlite_database: str) -> None:
    with app_client() as client:
        response = client.post("/api/v1/zendesk/webhook", json=payload(ticket_id=ticket))
    assert response.status_code == 422
    assert "ticket_id" in response.text


# --- an outage: one line per window ----------------------------------------------------------


def records(logs: str) -> list[str]:
    """The first lines of the warning and error records (a traceback belongs to its record)."""
    return re.findall(r"^\d{4}-\d\d-\d\dT\S+ \[(?:warning|error).*$", logs, flags=re.MULTILINE)


@pytest.fixture
def logs_once_a_minute(capfd: pytest.CaptureFixture[str]) -> Iterator[pytest.CaptureFixture[str]]:
    root = logging.getLogger()
    saved = (root.handlers[:], root.level, structlog.get_config())
    configure_logging("INFO", repeat_window_seconds=60)
    capfd.readouterr()
    yield capfd
    root.handlers[:], root.level = saved[0], saved[1]
    structlog.configure(**saved[2])


def test_a_database_outage_logs_one_line_per_window_in_the_reconciler(
    set_env: SetEnv, logs_once_a_minute: pytest.CaptureFixture[str]
) -> None:
    set_env(database_url=UNREACHABLE_DB)
    for _ in range(50):
        run_tick("stale-job-sweep", TICKS["stale-job-sweep"], get_settings())
    logs = logs_once_a_minute.readouterr().err
    assert logs.count("scheduler_tick_failed") == 1
    assert len(records(logs)) == 1


def test_a_database_outage_logs_one_line_per_window_on_the_web(
    sqlite_database: str, set_env: SetEnv, logs_once_a_minute: pytest.CaptureFixture[str]
) -> None:
    reachable = get_settings().database_url
    with app_client() as client:
        set_env(database_url=UNREACHABLE_DB)
        statuses = {client.get("/healthz").status_code for _ in range(50)}
        set_env(database_url=reachable)
    assert statuses == {503}
    assert logs_once_a_minute.readouterr().err.count("database_unavailable") == 1


def test_identical_failures_in_the_worker_loop_log_once(
    logs_once_a_minute: pytest.CaptureFixture[str]
) -> None:
    broker = queue.build_broker(Settings())
    assert isinstance(broker, StubBroker)
    broker.declare_queue(queue.QUEUE_NAME)

    @dramatiq.actor(broker=broker, queue_name=queue.QUEUE_NAME, max_retries=0)
    def touch_database(n: int) -> None:
        raise OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))

    worker = embedded.start_worker(2, broker)
    try:
        for n in range(40):
            touch_database.send(n)
        broker.join(queue.QUEUE_NAME, timeout=20_000, fail_fast=False)
        worker.join()
    finally:
        worker.stop()
    logs = logs_once_a_minute.readouterr().err
    assert logs.count("Failed to process message") == 1
    assert logs.count("Retries exceeded") == 1
    assert len(records(logs)) == 2  # forty messages, two kinds of line


def test_the_next_line_after_the_window_says_how_many_were_dropped(
    logs_once_a_minute: pytest.CaptureFixture[str]
) -> None:
    configure_logging("INFO", repeat_window_seconds=0.3)
    log = structlog.get_logger("outage")
    for email_id in range(20):
        log.error("attempt_failed", email_id=email_id, error="OperationalError: refused")
    time.sleep(0.35)
    log.error("attempt_failed", email_id=99, error="OperationalError: refused")
    log.error("attempt_failed", email_id=100, error="another error")
    lines = records(logs_once_a_minute.readouterr().err)
    assert len(lines) == 3
    assert "repeats_suppressed=19" in lines[1]
    assert "another error" in lines[2]
