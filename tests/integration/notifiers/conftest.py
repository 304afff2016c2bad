"""notifiers/conftest.py — SMTP fixture stage: a real server on 127.0.0.1 per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.smtp_server import SmtpServer, running_smtp_server

SMTP_CREDENTIALS = ("alerts@firm.test", "correct horse battery staple")


@pytest.fixture
def plain_smtp_server() -> Iterator[SmtpServer]:
    """No TLS, no AUTH."""
    with running_smtp_server() as server:
        yield server


@pytest.fixture
def secure_smtp_server() -> Iterator[SmtpServer]:
    """STARTTLS required before anything else; AUTH with `.credentials` required before
    MAIL. Use `.client_ssl_context()` to trust its certificate."""
    with running_smtp_server(starttls=True, credentials=SMTP_CREDENTIALS) as server:
        yield server
