"""What the logs tell an operator: a refused webhook says why (never a secret, a header value or the body),
scheduler ticks speak at debug only, and uvicorn's own lines come out in the service's one format."""

from __future__ import annotations

import logging
import logging.config
from typing import Any

import pytest
import structlog
import uvicorn.config
from fastapi.testclient import TestClient
from structlog.testing import CapturingLogger

from app import scheduler
from app.config import get_settings
from app.logging import configure_logging
from app.routers import webhooks
from app.scheduler import TICKS, run_tick
from tests.conftest import SetEnv
from tests.support.factories import encode, payload, signed_headers

SECRET = "hook-secret-5521"
MARKER = "Kontoauszug-Geheimtext"


@pytest.fixture
def webhook_logs(monkeypatch: pytest.MonkeyPatch) -> CapturingLogger:
    logs = CapturingLogger()
    monkeypatch.setattr(webhooks, "log", logs)
    return logs


def rejections(logs: CapturingLogger) -> list[dict[str, Any]]:
    """Each `webhook_rejected` line as its fields, with the level it was logged at."""
    return [{**call.kwargs, "log_level": call.method_name} for call in logs.calls
            if call.args == ("webhook_rejected",)]


def test_a_webhook_with_a_wrong_signature_logs_why_without_the_secret_or_body(
    client: TestClient, set_env: SetEnv, webhook_logs: CapturingLogger
) -> None:
    set_env(zendesk_webhook_secret=SECRET)
    body = encode(payload(body_text=f"Saldo laut {MARKER}"))
    answer = client.post("/api/v1/zendesk/webhook", content=body, headers=signed_headers("other-secret", body))
    assert answer.status_code == 401
    [line] = rejections(webhook_logs)
    assert (line["status"], line["error"], line["log_level"]) == (401, "signature does not match", "warning")
    assert SECRET not in repr(line) and MARKER not in repr(line)


def test_a_webhook_with_bad_fields_logs_which_fields_not_their_values(
    client: TestClient, webhook_logs: CapturingLogger
) -> None:
    answer = client.post("/api/v1/zendesk/webhook", json=payload(from_email=f"{MARKER} no address"))
    assert answer.status_code == 422
    [line] = rejections(webhook_logs)
    assert (line["status"], line["error"], line["fields"]) == (422, "invalid fields: from_email", ["from_email"])
    assert MARKER not in repr(line)


def test_a_webhook_without_json_content_type_logs_the_415(client: TestClient, webhook_logs: CapturingLogger) -> None:
    answer = client.post("/api/v1/zendesk/webhook", content=b"{}", headers={"content-type": "text/plain"})
    assert answer.status_code == 415
    assert rejections(webhook_logs)[0]["error"] == "send Content-Type: application/json"


def test_a_scheduler_tick_that_finds_nothing_logs_at_debug_only(
    sqlite_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    logs = CapturingLogger()
    monkeypatch.setattr(scheduler, "log", logs)
    run_tick("stale-job-sweep", TICKS["stale-job-sweep"], get_settings())
    run_tick("outbox-retry", TICKS["outbox-retry"], get_settings())
    assert [(call.method_name, call.args, call.kwargs["tick"]) for call in logs.calls] == [
        ("debug", ("scheduler_tick",), "stale-job-sweep"), ("debug", ("scheduler_tick",), "outbox-retry")]
    assert logs.calls[0].kwargs["outcome"] == {"requeued": 0, "failed": 0} and logs.calls[1].kwargs["outcome"] == 0


def test_uvicorn_lines_come_out_in_the_service_format(capfd: pytest.CaptureFixture[str]) -> None:
    root = logging.getLogger()
    saved, structlog_config = (root.handlers[:], root.level), structlog.get_config()
    logging.config.dictConfig(uvicorn.config.LOGGING_CONFIG)  # what `uvicorn --factory …` installs first
    configure_logging("INFO")
    try:
        capfd.readouterr()
        logging.getLogger("uvicorn.error").info("Started server process [%d]", 4242)
        logging.getLogger("uvicorn.access").info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:5", "GET", "/health", "1.1",
                                                 200)
        logging.getLogger("apscheduler.executors.default").info("Job executed successfully")
        err = capfd.readouterr().err.splitlines()
    finally:
        root.handlers[:], root.level = saved
        structlog.configure(**structlog_config)
    assert len(err) == 2, err
    assert "[info     ] Started server process [4242]" in err[0] and "[uvicorn.error]" in err[0]
    assert '"GET /health HTTP/1.1" 200' in err[1] and "[uvicorn.access]" in err[1]
    assert all(line[:4].isdigit() and "T" in line.split()[0] for line in err)  # the ISO timestamp first


def test_a_line_below_the_level_is_dropped_before_it_is_stamped(monkeypatch: pytest.MonkeyPatch) -> None:
    # Ingest and the pipeline log at debug per email; at INFO those calls must not format timestamps.
    stamped: list[str] = []
    original = structlog.processors.TimeStamper.__call__

    def stamp(self: structlog.processors.TimeStamper, logger: Any, name: str, event: Any) -> Any:
        stamped.append(event["event"])
        return original(self, logger, name, event)

    monkeypatch.setattr(structlog.processors.TimeStamper, "__call__", stamp)
    configure_logging("INFO")
    try:
        log = structlog.get_logger("tests.level")
        log.debug("quiet_line")
        log.info("spoken_line")
    finally:
        configure_logging(get_settings().log_level)
    assert stamped == ["spoken_line"]


def test_log_records_skip_thread_and_process_lookups() -> None:
    configure_logging("INFO")
    try:
        record = logging.getLogger("tests.records").makeRecord("tests.records", logging.INFO, __file__, 1, "line",
                                                               (), None)
    finally:
        configure_logging(get_settings().log_level)
    assert (record.threadName, record.processName) == (None, None)


def test_a_line_never_looks_up_where_it_was_logged_from(monkeypatch: pytest.MonkeyPatch,
                                                        capfd: pytest.CaptureFixture[str]) -> None:
    # No format shows the caller's file or line, and finding them walks the stack for every record
    # (uvicorn's access line is one per request at ingest).
    def no_walk(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("a record looked up its caller")

    monkeypatch.setattr(logging.Logger, "findCaller", no_walk)
    monkeypatch.setattr(structlog.stdlib._FixedFindCallerLogger, "findCaller", no_walk)
    configure_logging("INFO")
    try:
        logging.getLogger("uvicorn.access").info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:1", "POST", "/x", "1.1", 200)
        structlog.get_logger("tests.callers").info("spoken_line")
    finally:
        configure_logging(get_settings().log_level)
    err = capfd.readouterr().err
    assert '"POST /x HTTP/1.1" 200' in err and "spoken_line" in err
