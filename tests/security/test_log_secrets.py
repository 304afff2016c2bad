"""No configured secret and no email text in any log line at any level: a run that provokes
errors (wrong token, a database error on an email, a failed attachment, an unreachable mail
server, an exception raised where a token is a local) with every secret set, logged at DEBUG."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import structlog
from fastapi.testclient import TestClient

from app.config import get_settings
from app.database import get_engine
from app.logging import configure_from
from app.main import create_app
from app.services import processing
from tests.conftest import SetEnv
from tests.support.factories import encode, payload, signed_headers

BODY_MARKER = "Quittengelee Ostwind Zahlenschloss 4711"
SECRETS = {
    "jobs_api_token": "tok-operator-5b1e0c9d7a",
    "zendesk_webhook_secret": "whsec-3f8a61c2e9",
    "smtp_password": "smtp-pass-77c0e41b",
    "zendesk_api_token": "zd-api-9a2d4e6f10",
    "llm_api_key": "sk-llm-c4b3a2918f",
    "portal_webhook_secret": "portal-sig-0e9d8c7b",
}


class EchoingFailure(BaseHTTPRequestHandler):
    """Answers every download with a 500 whose body and headers repeat the credentials sent."""

    def do_GET(self) -> None:
        echoed = (self.headers.get("Authorization") or "").encode()
        self.send_response(500)
        self.send_header("X-Echo", echoed.decode())
        self.send_header("Content-Length", str(len(echoed)))
        self.end_headers()
        self.wfile.write(echoed)

    def log_message(self, *_args: Any) -> None:
        pass


@pytest.fixture
def attachment_host() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), EchoingFailure)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture
def debug_logging(sqlite_database: str, set_env: SetEnv, attachment_host: int) -> Iterator[None]:
    set_env(**SECRETS, zendesk_subdomain="127.0.0.1", zendesk_email="ops@firm.example",
            attachment_allow_private_addresses="true", attachment_allow_plain_http="true",
            attachment_timeout_seconds=2, smtp_host="127.0.0.1", smtp_port=9, smtp_username="ops",
            smtp_timeout_seconds=1, admin_email="admin@firm.example", max_retries=0,
            portal_webhook_url="http://127.0.0.1:9/portal", log_repeat_window_seconds=0)
    root = logging.getLogger()
    saved = (root.handlers[:], root.level, structlog.get_config())
    quiet = {name: logging.getLogger(name).level for name in ("sqlalchemy", "httpx", "httpcore", "hpack")}
    configure_from(get_settings(), "DEBUG")
    yield
    root.handlers[:], root.level = saved[0], saved[1]
    structlog.configure(**saved[2])
    for name, level in quiet.items():
        logging.getLogger(name).setLevel(level)


@pytest.fixture
def refusing_trigger(debug_logging: None) -> Iterator[None]:
    """The database refuses to complete any job, as a violated constraint would."""
    with get_engine().begin() as connection:
        connection.exec_driver_sql(
            "CREATE TRIGGER refuse_marked BEFORE UPDATE ON incoming_emails "
            "WHEN NEW.processing_status = 'completed' "
            "BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END")
    yield
    with get_engine().begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER refuse_marked")


def post_webhook(client: TestClient, data: dict[str, Any]) -> int:
    body = encode(data)
    headers = signed_headers(SECRETS["zendesk_webhook_secret"], body)
    return client.post("/api/v1/zendesk/webhook", content=body, headers=headers).status_code


def an_authorised_call_that_breaks(token: str, body_text: str) -> None:
    authorization = f"Bearer {token}"
    raise RuntimeError(f"unexpected failure after checking a header of {len(authorization)} chars "
                       f"for a body of {len(body_text)} chars")


def provoke_errors(client: TestClient, attachment_port: int) -> None:
    token = SECRETS["jobs_api_token"]
    assert client.get("/api/v1/jobs", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/api/v1/jobs", headers={"Authorization": f"Bearer {token}"}).status_code == 200

    amount_line = f"Die Forderung beträgt 1.234,56 EUR ({BODY_MARKER})."
    assert post_webhook(client, payload(body_text=f"Sehr geehrte Damen und Herren,\n{amount_line}")) == 200
    with_attachment = payload(body_text=f"Anbei die Aufstellung.\n{amount_line}", attachments=[
        {"url": f"http://127.0.0.1:{attachment_port}/attachments/token/abc/?name=a.pdf",
         "file_name": "a.pdf", "content_type": "application/pdf"}])
    assert post_webhook(client, with_attachment) == 200
    jobs = client.get("/api/v1/jobs", headers={"Authorization": f"Bearer {token}"}).json()["jobs"]
    for job in jobs:  # one fails on the database, one on its attachment; each alerts by SMTP
        assert processing.run_attempt(job["id"], get_settings()) == "failed"

    try:
        an_authorised_call_that_breaks(token, BODY_MARKER)
    except RuntimeError:
        structlog.get_logger("test").exception("request_crashed")


def test_no_secret_and_no_email_text_reaches_the_logs(
    refusing_trigger: None, attachment_host: int, capfd: pytest.CaptureFixture[str]
) -> None:
    with TestClient(create_app(run_scheduler=False, run_embedded_worker=False)) as client:
        provoke_errors(client, attachment_host)
    captured = capfd.readouterr()
    logs = captured.out + captured.err

    # The run did log its errors, tracebacks included, at every level down to DEBUG.
    for expected in ("Traceback", "refused by a test trigger", "SQL parameters hidden",
                     "HTTP 500 from 127.0.0.1", "failure_notification_failed", "request_crashed",
                     "[debug"):
        assert expected in logs, expected
    for name, secret in SECRETS.items():
        assert secret not in logs, f"{name} appears in the logs"
    assert BODY_MARKER.lower() not in logs.lower()
    assert "Sehr geehrte" not in logs
    assert "/attachments/token/" not in logs  # a download URL carries its own access token


def test_passwords_inside_database_and_broker_urls_count_as_secrets(set_env: SetEnv) -> None:
    set_env(database_url="postgresql+psycopg://app:pg%40Secret1@db.internal/cm",
            redis_url="redis://:redisSecret2@cache.internal:6379/0")
    values = get_settings().secret_values()
    assert {"pg@Secret1", "pg%40Secret1", "redisSecret2"} <= set(values)
