"""test_smtp_delivery.py — SMTP send stage: real server; TLS before login; failures name stage."""

from __future__ import annotations

import ssl
import time
from typing import Any

import pytest
from pydantic import SecretStr

from app.services.notifiers import (
    SmtpConfig,
    SmtpDeliveryError,
    build_message,
    send_message,
)
from tests.support.smtp_server import (
    SmtpServer,
    refusing_port,
    running_smtp_server,
    silent_listener,
)


def config_for(server: SmtpServer, **overrides: object) -> SmtpConfig:
    values: dict[str, Any] = {
        "host": server.host,
        "port": server.port,
        "starttls": server.ca is not None,
        "timeout_seconds": 5.0,
        "sender": "matcher@firm.test",
    }
    if server.credentials is not None:
        values["username"], password = server.credentials
        values["password"] = SecretStr(password)
    values.update(overrides)
    return SmtpConfig(**values)


def test_a_message_reaches_a_plain_server_with_its_envelope_and_content(
    plain_smtp_server: SmtpServer,
) -> None:
    message = build_message(
        sender="matcher@firm.test",
        recipients="admin@firm.test",
        subject="Grüße",
        body="Betrag: 120,00 €\n",
    )

    refused = send_message(config_for(plain_smtp_server), message)

    _host, _port, messages = plain_smtp_server
    assert refused == {}
    assert len(messages) == 1
    received = messages[0]
    assert received.mail_from == "matcher@firm.test"
    assert received.rcpt_tos == ("admin@firm.test",)
    assert received.message["Subject"] == "Grüße"
    assert received.message.get_content() == "Betrag: 120,00 €\n"
    assert received.over_tls is False


def test_starttls_completes_before_login_and_the_message_arrives_encrypted(
    secure_smtp_server: SmtpServer,
) -> None:
    send_message(
        config_for(secure_smtp_server),
        build_message(
            sender="matcher@firm.test",
            recipients="admin@firm.test",
            subject="s",
            body="b",
        ),
        ssl_context=secure_smtp_server.client_ssl_context(),
    )

    assert secure_smtp_server.credentials is not None
    login = secure_smtp_server.credentials[0]
    attempts = secure_smtp_server.auth_attempts
    assert [(a.login, a.success, a.over_tls) for a in attempts] == [(login, True, True)]
    assert len(secure_smtp_server.messages) == 1
    assert secure_smtp_server.messages[0].over_tls is True
    assert secure_smtp_server.messages[0].authenticated is True


def test_a_server_without_starttls_is_not_used_in_clear_when_starttls_is_configured(
    plain_smtp_server: SmtpServer,
) -> None:
    with pytest.raises(SmtpDeliveryError) as failure:
        send_message(
            config_for(plain_smtp_server, starttls=True),
            build_message(
                sender="matcher@firm.test",
                recipients="admin@firm.test",
                subject="s",
                body="b",
            ),
        )

    assert failure.value.stage == "starttls"
    assert plain_smtp_server.messages == []


def test_an_untrusted_certificate_stops_at_starttls_before_any_credentials_are_sent(
    secure_smtp_server: SmtpServer,
) -> None:
    trusts_nothing = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)

    with pytest.raises(SmtpDeliveryError) as failure:
        send_message(
            config_for(secure_smtp_server),
            build_message(
                sender="matcher@firm.test",
                recipients="admin@firm.test",
                subject="s",
                body="b",
            ),
            ssl_context=trusts_nothing,
        )

    assert failure.value.stage == "starttls"
    assert isinstance(failure.value.__cause__, ssl.SSLCertVerificationError)
    assert secure_smtp_server.auth_attempts == []
    assert secure_smtp_server.messages == []


def test_a_wrong_password_fails_at_login_and_the_error_does_not_contain_it(
    secure_smtp_server: SmtpServer,
) -> None:
    wrong = "not-the-password-9c1f"

    with pytest.raises(SmtpDeliveryError) as failure:
        send_message(
            config_for(secure_smtp_server, password=SecretStr(wrong)),
            build_message(
                sender="matcher@firm.test",
                recipients="admin@firm.test",
                subject="s",
                body="b",
            ),
            ssl_context=secure_smtp_server.client_ssl_context(),
        )

    assert failure.value.stage == "login"
    assert "535" in str(failure.value)
    assert wrong not in str(failure.value)
    # smtplib tries each mechanism the server offers; none may succeed.
    attempts = secure_smtp_server.auth_attempts
    assert attempts
    assert not any(attempt.success for attempt in attempts)
    assert secure_smtp_server.messages == []


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_credentials_are_never_offered_over_a_connection_without_starttls() -> None:
    with running_smtp_server(credentials=("alerts", "pw"), auth_require_tls=False) as server:
        with pytest.raises(SmtpDeliveryError) as failure:
            send_message(
                config_for(server, starttls=False),
                build_message(
                    sender="matcher@firm.test",
                    recipients="admin@firm.test",
                    subject="s",
                    body="b",
                ),
            )

        assert failure.value.stage == "login"
        assert server.auth_attempts == []
        assert server.messages == []


def test_a_refused_connection_fails_at_the_connect_stage() -> None:
    with refusing_port() as port, pytest.raises(SmtpDeliveryError) as failure:
        send_message(
            SmtpConfig(host="127.0.0.1", port=port, starttls=False, timeout_seconds=5),
            build_message(
                sender="matcher@firm.test",
                recipients="admin@firm.test",
                subject="s",
                body="b",
            ),
        )

    assert failure.value.stage == "connect"
    assert isinstance(failure.value.__cause__, ConnectionRefusedError)


def test_a_server_that_never_greets_times_out_within_the_configured_timeout() -> None:
    with silent_listener() as port:
        started = time.monotonic()
        with pytest.raises(SmtpDeliveryError) as failure:
            send_message(
                SmtpConfig(host="127.0.0.1", port=port, starttls=False, timeout_seconds=0.3),
                build_message(
                    sender="matcher@firm.test",
                    recipients="admin@firm.test",
                    subject="s",
                    body="b",
                ),
            )
        elapsed = time.monotonic() - started

    assert failure.value.stage == "connect"
    assert "timed out" in str(failure.value)
    assert elapsed < 3
