"""test_failure_notifier_delivery.py — alert stage: mail arrives; SMTP failures give False."""

from __future__ import annotations

import re
import ssl
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pydantic import SecretStr
from structlog.testing import capture_logs

from app.config import Settings, get_settings
from app.services.failure_notifier import FailureNotifier, failure_notifier
from tests.support.smtp_server import SmtpServer, refusing_port, silent_listener

ADMIN = "admin@firm.test"
SENDER = "creditor-matcher@firm.test"
FAILED_SUBJECT = "Re: Forderung AZ-2024-0017 / Ratenplan"
FAILED_FROM = "inkasso@creditor.test"
ERROR = "PermanentError: attachment 'Forderung.pdf' is not a readable PDF"


def settings_for(server: SmtpServer | None = None, **overrides: object) -> Settings:
    values: dict[str, Any] = {
        "smtp_host": server.host if server else "127.0.0.1",
        "smtp_port": server.port if server else 25,
        "smtp_starttls": bool(server and server.ca is not None),
        "smtp_timeout_seconds": 5,
        "smtp_from": SENDER,
        "admin_email": ADMIN,
        "smtp_username": None,
        "smtp_password": None,
    }
    if server is not None and server.credentials is not None:
        values["smtp_username"], password = server.credentials
        values["smtp_password"] = SecretStr(password)
    values.update(overrides)
    return Settings(**values)


def notifier_for(server: SmtpServer, **overrides: object) -> FailureNotifier:
    return FailureNotifier(
        settings_for(server, **overrides), ssl_context=server.client_ssl_context()
    )


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """The process environment, with the SMTP settings cleared and the settings cache
    forgotten before and after."""
    for name in ("SMTP_HOST", "SMTP_USERNAME", "SMTP_PASSWORD", "ADMIN_EMAIL"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    yield monkeypatch
    monkeypatch.undo()
    get_settings.cache_clear()


def test_the_admin_receives_the_alert_over_starttls_after_login(
    secure_smtp_server: SmtpServer,
) -> None:
    before = datetime.now(UTC).replace(microsecond=0)

    sent = notifier_for(secure_smtp_server).send_failure_notification(
        4711, ERROR, FAILED_FROM, FAILED_SUBJECT
    )

    after = datetime.now(UTC)
    assert sent is True
    assert len(secure_smtp_server.messages) == 1
    received = secure_smtp_server.messages[0]
    assert received.over_tls and received.authenticated
    assert received.mail_from == SENDER
    assert received.rcpt_tos == (ADMIN,)
    assert received.message["Subject"] == "[ALERT] Email Processing Failed - ID 4711"
    assert received.message["To"] == ADMIN
    assert received.message["From"] == SENDER
    body = received.message.get_content()
    for expected in (
        "4711",
        FAILED_FROM,
        FAILED_SUBJECT,
        ERROR,
        "GET /api/v1/jobs/4711",
        "POST /api/v1/jobs/4711/retry",
    ):
        assert expected in body
    stamp = re.search(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC", body)
    assert stamp is not None
    failed_at = datetime.strptime(stamp.group(1), "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    assert before <= failed_at <= after
    assert [(a.success, a.over_tls) for a in secure_smtp_server.auth_attempts] == [(True, True)]


def test_a_plain_server_receives_the_alert_without_login_when_no_credentials_are_set(
    plain_smtp_server: SmtpServer,
) -> None:
    notifier = FailureNotifier(settings_for(plain_smtp_server))

    sent = notifier.send_failure_notification("abc-1", ERROR, FAILED_FROM, FAILED_SUBJECT)

    assert sent is True
    _host, _port, messages = plain_smtp_server
    assert [m.message["Subject"] for m in messages] == [
        "[ALERT] Email Processing Failed - ID abc-1"
    ]
    assert "POST /api/v1/jobs/abc-1/retry" in messages[0].message.get_content()


def test_a_wrong_password_returns_false_and_logs_without_the_password(
    secure_smtp_server: SmtpServer,
) -> None:
    wrong = "wrong-password-5e8a"
    notifier = notifier_for(secure_smtp_server, smtp_password=SecretStr(wrong))

    with capture_logs() as logs:
        sent = notifier.send_failure_notification(9, ERROR, FAILED_FROM, FAILED_SUBJECT)

    assert sent is False
    assert secure_smtp_server.messages == []
    assert secure_smtp_server.auth_attempts
    assert all(a.over_tls for a in secure_smtp_server.auth_attempts)
    failures = [e for e in logs if e["event"] == "failure_notification_failed"]
    assert len(failures) == 1
    assert failures[0]["log_level"] == "error"
    assert failures[0]["stage"] == "login"
    assert failures[0]["email_id"] == "9"
    assert wrong not in repr(logs)


def test_an_untrusted_server_certificate_returns_false_before_any_login(
    secure_smtp_server: SmtpServer,
) -> None:
    notifier = FailureNotifier(
        settings_for(secure_smtp_server),
        ssl_context=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT),
    )

    with capture_logs() as logs:
        sent = notifier.send_failure_notification(9, ERROR, FAILED_FROM, FAILED_SUBJECT)

    assert sent is False
    assert secure_smtp_server.auth_attempts == []
    assert [e["stage"] for e in logs if e["event"] == "failure_notification_failed"] == ["starttls"]


def test_a_port_with_nothing_listening_returns_false_instead_of_raising() -> None:
    with refusing_port() as port, capture_logs() as logs:
        notifier = FailureNotifier(settings_for(smtp_port=port))
        sent = notifier.send_failure_notification(9, ERROR, FAILED_FROM, FAILED_SUBJECT)

    assert sent is False
    failures = [e for e in logs if e["event"] == "failure_notification_failed"]
    assert [(e["stage"], e["smtp_port"]) for e in failures] == [("connect", port)]
    assert "ConnectionRefusedError" in failures[0]["error"]


def test_a_server_that_never_answers_returns_false_once_the_timeout_passes() -> None:
    started = datetime.now(UTC)
    with silent_listener() as port, capture_logs() as logs:
        notifier = FailureNotifier(settings_for(smtp_port=port, smtp_timeout_seconds=0.3))
        sent = notifier.send_failure_notification(9, ERROR, FAILED_FROM, FAILED_SUBJECT)

    assert sent is False
    assert datetime.now(UTC) - started < timedelta(seconds=3)
    assert "timed out" in logs[-1]["error"]


def test_the_module_level_notifier_reads_the_environment_at_call_time(
    plain_smtp_server: SmtpServer, environment: pytest.MonkeyPatch
) -> None:
    environment.setenv("SMTP_HOST", plain_smtp_server.host)
    environment.setenv("SMTP_PORT", str(plain_smtp_server.port))
    environment.setenv("SMTP_STARTTLS", "false")
    environment.setenv("SMTP_FROM", SENDER)
    environment.setenv("ADMIN_EMAIL", "first-admin@firm.test")
    get_settings.cache_clear()
    assert failure_notifier.send_failure_notification(1, ERROR, FAILED_FROM, "s") is True

    environment.setenv("ADMIN_EMAIL", "second-admin@firm.test")
    get_settings.cache_clear()
    assert failure_notifier.send_failure_notification(2, ERROR, FAILED_FROM, "s") is True

    assert [m.rcpt_tos for m in plain_smtp_server.messages] == [
        ("first-admin@firm.test",),
        ("second-admin@firm.test",),
    ]
