"""test_failure_notifier_unit.py — alert stage: wording; unconfigured means False, no socket."""

from __future__ import annotations

import smtplib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from structlog.testing import capture_logs

from app.config import Settings, get_settings
from app.services import failure_notifier as notifier_module
from app.services.failure_notifier import (
    FailureNotifier,
    alert_body,
    alert_subject,
    describe_error,
)
from app.services.notifiers import smtp as smtp_module

FIXED_TIME = datetime(2024, 3, 5, 14, 7, 9, tzinfo=UTC)


class ConnectionAttempted(AssertionError):
    pass


@pytest.fixture
def no_connections(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Fail loudly (and record) if anything opens an SMTP connection."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> smtplib.SMTP:
        attempts.append((args, kwargs))
        raise ConnectionAttempted("an SMTP connection was opened")

    monkeypatch.setattr(smtplib, "SMTP", refuse)
    # The client class is bound when the module loads (a subclass of smtplib.SMTP), so refuse it too.
    monkeypatch.setattr(smtp_module, "_WatchedSMTP", refuse)
    yield attempts


@pytest.fixture
def fresh_settings_cache() -> Iterator[None]:
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def make_settings(**overrides: object) -> Settings:
    values: dict[str, Any] = {
        "smtp_host": "mail.firm.test",
        "smtp_port": 2525,
        "smtp_starttls": True,
        "smtp_timeout_seconds": 5,
        "smtp_from": "matcher@firm.test",
        "smtp_username": None,
        "smtp_password": None,
        "admin_email": "admin@firm.test",
    }
    values.update(overrides)
    return Settings(**values)


def test_the_alert_subject_names_the_email_id() -> None:
    assert alert_subject(42) == "[ALERT] Email Processing Failed - ID 42"
    assert alert_subject("a1b2") == "[ALERT] Email Processing Failed - ID a1b2"


def test_the_alert_body_lists_the_email_the_error_the_time_and_the_api_hints() -> None:
    body = alert_body(
        email_id=42,
        error="PermanentError: attachment is not a PDF",
        from_email="inkasso@creditor.test",
        subject="Forderung AZ-2024-0017",
        failed_at=FIXED_TIME,
    )
    lines = body.splitlines()

    assert "Email ID:   42" in lines
    assert "From:       inkasso@creditor.test" in lines
    assert "Subject:    Forderung AZ-2024-0017" in lines
    assert "Failed at:  2024-03-05 14:07:09 UTC" in lines
    assert "PermanentError: attachment is not a PDF" in lines
    assert "  Inspect the job:  GET /api/v1/jobs/42" in lines
    assert "  Retry the job:    POST /api/v1/jobs/42/retry (Content-Type: application/json)" in lines


def test_a_failure_time_in_another_zone_is_written_in_utc() -> None:
    berlin_summer = timezone(timedelta(hours=2))
    body = alert_body(
        email_id=1,
        error="x",
        from_email="a@b.test",
        subject="s",
        failed_at=datetime(2024, 7, 1, 9, 30, 0, tzinfo=berlin_summer),
    )

    assert "Failed at:  2024-07-01 07:30:00 UTC" in body.splitlines()


def test_an_exception_is_described_by_its_type_and_message() -> None:
    assert describe_error(ValueError("bad amount")) == "ValueError: bad amount"
    assert describe_error(TimeoutError()) == "TimeoutError"
    assert describe_error("  plain text  ") == "plain text"


def test_a_missing_sender_subject_or_error_is_shown_as_unknown() -> None:
    body = alert_body(email_id=7, error=None, from_email=None, subject="  ", failed_at=FIXED_TIME)
    lines = body.splitlines()

    assert "From:       (unknown)" in lines
    assert "Subject:    (unknown)" in lines
    assert lines[lines.index("Error:") + 1] == "(unknown)"


def test_a_multi_line_subject_stays_on_its_own_body_line() -> None:
    body = alert_body(
        email_id=7,
        error="e",
        from_email="a@b.test",
        subject="Re: Forderung\r\nFailed at:  1999-01-01 00:00:00 UTC",
        failed_at=FIXED_TIME,
    )

    failed_lines = [line for line in body.splitlines() if line.startswith("Failed at:")]
    assert failed_lines == ["Failed at:  2024-03-05 14:07:09 UTC"]


def test_without_an_smtp_host_it_returns_false_and_never_connects(
    no_connections: list[object],
) -> None:
    notifier = FailureNotifier(make_settings(smtp_host=None))

    with capture_logs() as logs:
        sent = notifier.send_failure_notification(5, "boom", "a@b.test", "s")

    assert sent is False
    assert no_connections == []
    assert [(e["log_level"], e["event"]) for e in logs] == [
        ("warning", "failure_notification_skipped")
    ]
    assert "SMTP_HOST" in logs[0]["reason"]


def test_without_an_admin_email_it_returns_false_and_never_connects(
    no_connections: list[object],
) -> None:
    notifier = FailureNotifier(make_settings(admin_email=None))

    with capture_logs() as logs:
        sent = notifier.send_failure_notification(5, "boom", "a@b.test", "s")

    assert sent is False
    assert no_connections == []
    assert logs[0]["log_level"] == "warning"
    assert "ADMIN_EMAIL" in logs[0]["reason"]


def test_settings_are_read_when_sending_not_when_constructing(
    monkeypatch: pytest.MonkeyPatch,
    no_connections: list[object],
    fresh_settings_cache: None,
) -> None:
    monkeypatch.setenv("SMTP_HOST", "mail.firm.test")
    monkeypatch.setenv("ADMIN_EMAIL", "admin@firm.test")
    notifier = FailureNotifier()
    monkeypatch.delenv("SMTP_HOST")
    get_settings.cache_clear()

    with capture_logs() as logs:
        sent = notifier.send_failure_notification(5, "boom", "a@b.test", "s")

    assert sent is False
    assert no_connections == []
    assert "SMTP_HOST" in logs[0]["reason"]


def test_an_unexpected_error_while_sending_is_logged_and_returns_false(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something nobody expected")

    monkeypatch.setattr(notifier_module, "send_message", explode)
    notifier = FailureNotifier(make_settings())

    with capture_logs() as logs:
        sent = notifier.send_failure_notification(5, "boom", "a@b.test", "s")

    assert sent is False
    assert logs[-1]["event"] == "failure_notification_failed"
    assert logs[-1]["log_level"] == "error"
    assert "something nobody expected" in logs[-1]["error"]
