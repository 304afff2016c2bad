"""test_smtp_config_and_message.py — SMTP stage: config from settings; one-line subjects."""

from __future__ import annotations

from datetime import timedelta
from email.utils import parsedate_to_datetime
from typing import Any

import pytest
from pydantic import SecretStr

from app.config import Settings
from app.services.notifiers import SmtpConfig, build_message


def make_settings(**overrides: object) -> Settings:
    values: dict[str, Any] = {
        "smtp_host": "mail.firm.test",
        "smtp_port": 2525,
        "smtp_username": "alerts",
        "smtp_password": "hunter2-secret",
        "smtp_starttls": True,
        "smtp_timeout_seconds": 3.5,
        "smtp_from": "matcher@firm.test",
        "admin_email": "admin@firm.test",
    }
    values.update(overrides)
    return Settings(**values)


@pytest.mark.parametrize("host", [None, "", "   "])
def test_no_config_is_built_when_the_smtp_host_is_unset(host: str | None) -> None:
    assert SmtpConfig.from_settings(make_settings(smtp_host=host)) is None


def test_the_config_carries_every_smtp_setting() -> None:
    config = SmtpConfig.from_settings(make_settings(smtp_starttls=False))

    assert config == SmtpConfig(
        host="mail.firm.test",
        port=2525,
        username="alerts",
        password=SecretStr("hunter2-secret"),
        starttls=False,
        timeout_seconds=3.5,
        sender="matcher@firm.test",
    )


def test_the_config_is_frozen() -> None:
    config = SmtpConfig(host="mail.firm.test")

    with pytest.raises(AttributeError):
        config.host = "elsewhere.test"  # type: ignore[misc]


def test_the_password_never_appears_in_the_config_repr() -> None:
    config = SmtpConfig.from_settings(make_settings())

    assert "hunter2-secret" not in repr(config)
    assert "hunter2-secret" not in str(config)


@pytest.mark.parametrize(
    ("username", "password", "expected"),
    [
        ("alerts", "pw", ("alerts", "pw")),
        ("alerts", None, None),
        ("alerts", "", None),
        (None, "pw", None),
        ("", "pw", None),
    ],
)
def test_credentials_are_offered_only_when_both_username_and_password_are_set(
    username: str | None, password: str | None, expected: tuple[str, str] | None
) -> None:
    config = SmtpConfig.from_settings(make_settings(smtp_username=username, smtp_password=password))

    assert config is not None
    assert config.credentials() == expected


def test_the_message_is_plain_text_from_the_sender_to_the_recipients() -> None:
    message = build_message(
        sender="matcher@firm.test",
        recipients=["admin@firm.test", "ops@firm.test"],
        subject="Hello",
        body="Zahlung über 12,50 € erhalten\n",
    )

    assert message["From"] == "matcher@firm.test"
    assert message["To"] == "admin@firm.test, ops@firm.test"
    assert message["Subject"] == "Hello"
    assert message.get_content_type() == "text/plain"
    assert message.get_content() == "Zahlung über 12,50 € erhalten\n"


def test_a_subject_with_line_breaks_is_folded_onto_one_line() -> None:
    message = build_message(
        sender="matcher@firm.test",
        recipients="admin@firm.test",
        subject="first\r\nBcc: victim@evil.test\n  second",
        body="x",
    )

    assert message["Subject"] == "first Bcc: victim@evil.test second"
    assert message["Bcc"] is None


def test_a_message_without_recipients_is_rejected() -> None:
    with pytest.raises(ValueError, match="recipient"):
        build_message(sender="matcher@firm.test", recipients=[], subject="s", body="b")


def test_the_message_has_a_utc_date_and_a_message_id_in_the_senders_domain() -> None:
    message = build_message(
        sender="matcher@firm.test", recipients="admin@firm.test", subject="s", body="b"
    )

    sent_at = parsedate_to_datetime(message["Date"])
    assert sent_at.utcoffset() == timedelta(0)
    assert message["Message-ID"].endswith("@firm.test>")
