"""support/smtp_server.py — test SMTP stage: real aiosmtpd on 127.0.0.1, records all mail."""

from __future__ import annotations

import email
import email.policy
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

LOCALHOST = "127.0.0.1"


@dataclass(frozen=True)
class ReceivedMessage:
    """One message the server accepted, with the envelope and how the session was secured."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    message: EmailMessage
    over_tls: bool
    authenticated: bool


@dataclass(frozen=True)
class AuthAttempt:
    """One AUTH command: who tried, whether it succeeded, and whether TLS was already up."""

    mechanism: str
    login: str
    success: bool
    over_tls: bool


@dataclass
class SmtpServer:
    """A running test server. Unpacks as `host, port, messages`:

    with running_smtp_server() as server:
        host, port, messages = server
    with running_smtp_server(starttls=True, credentials=("alerts", "s3cret")) as server:
        context = server.client_ssl_context()   # trusts the throwaway CA only
        ...                                     # then check server.auth_attempts
    """

    host: str
    port: int
    messages: list[ReceivedMessage] = field(default_factory=list)
    auth_attempts: list[AuthAttempt] = field(default_factory=list)
    ca: trustme.CA | None = None
    credentials: tuple[str, str] | None = None

    def __iter__(self) -> Iterator[Any]:
        return iter((self.host, self.port, self.messages))

    def client_ssl_context(self) -> ssl.SSLContext:
        """A client context that trusts this server's certificate (and nothing else)."""
        if self.ca is None:
            raise RuntimeError("this server was started without STARTTLS")
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        self.ca.configure_trust(context)
        return context


class _RecordingHandler:
    def __init__(self, server: SmtpServer) -> None:
        self._server = server

    async def handle_DATA(self, smtp: SMTP, session: Session, envelope: Envelope) -> str:
        # Lines arrive with CRLF endings; store them as a local mailbox would, with LF.
        raw = (envelope.original_content or b"").replace(b"\r\n", b"\n")
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        self._server.messages.append(
            ReceivedMessage(
                mail_from=envelope.mail_from or "",
                rcpt_tos=tuple(envelope.rcpt_tos),
                message=parsed,
                over_tls=session.ssl is not None,
                authenticated=bool(session.authenticated),
            )
        )
        return "250 Message accepted for delivery"


def _make_authenticator(server: SmtpServer, login: str, password: str) -> Any:
    expected = LoginPassword(login.encode(), password.encode())

    def authenticate(
        smtp: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        given = data if isinstance(data, LoginPassword) else None
        success = given == expected
        server.auth_attempts.append(
            AuthAttempt(
                mechanism=mechanism,
                login=given.login.decode("utf-8", "replace") if given else "",
                success=success,
                over_tls=session.ssl is not None,
            )
        )
        return AuthResult(success=success, handled=False, auth_data=given)

    return authenticate


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOCALHOST, 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def refusing_port() -> Iterator[int]:
    """A port held bound but not listening, so every connection to it is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as holder:
        holder.bind((LOCALHOST, 0))
        yield holder.getsockname()[1]


@contextmanager
def silent_listener() -> Iterator[int]:
    """A port that accepts TCP connections but never sends an SMTP greeting."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind((LOCALHOST, 0))
        listener.listen(8)
        yield listener.getsockname()[1]


@contextmanager
def running_smtp_server(
    *,
    starttls: bool = False,
    credentials: tuple[str, str] | None = None,
    auth_require_tls: bool = True,
) -> Iterator[SmtpServer]:
    """Start an aiosmtpd server on 127.0.0.1 and a free port; stop it on exit.

    starttls: offer STARTTLS and require it before any other command.
    credentials: accept AUTH with exactly this (login, password) and require it before MAIL.
    auth_require_tls: when False, AUTH is offered on a plain connection too (to prove a
    client does not send credentials in clear)."""
    server = SmtpServer(host=LOCALHOST, port=0, credentials=credentials)
    options: dict[str, Any] = {"server_hostname": "localhost"}
    if starttls:
        server.ca = trustme.CA()
        tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        server.ca.issue_cert(LOCALHOST, "localhost").configure_cert(tls_context)
        options.update(tls_context=tls_context, require_starttls=True)
    if credentials is not None:
        options.update(
            authenticator=_make_authenticator(server, *credentials),
            auth_required=True,
            auth_require_tls=auth_require_tls,
        )
    controller = _start(server, options)
    try:
        yield server
    finally:
        controller.stop()


def _start(server: SmtpServer, options: dict[str, Any]) -> Controller:
    last_error: OSError | None = None
    for _ in range(5):  # another process may take the probed port before we bind it
        server.port = free_port()
        controller = Controller(
            _RecordingHandler(server), hostname=LOCALHOST, port=server.port, **options
        )
        try:
            controller.start()
        except OSError as error:
            last_error = error
            with suppress(Exception):
                controller.stop(no_assert=True)
            continue
        return controller
    raise RuntimeError(f"could not start the test SMTP server: {last_error}")
