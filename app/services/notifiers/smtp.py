"""notifiers/smtp.py — SMTP send stage: STARTTLS precedes login; no credentials in clear."""

from __future__ import annotations

import smtplib
import socket
import ssl
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from pydantic import SecretStr

from app.config import Settings
from app.deadlines import DeadlineExceeded, Watchdog, budget
from app.errors import CreditorMatcherError
from app.services import breakers

# A whole conversation (connect, EHLO, STARTTLS, login, send) may take this many timeouts.
CONVERSATION_TIMEOUTS = 3


class SmtpDeliveryError(CreditorMatcherError):
    """Sending failed at `stage` ("connect", "starttls", "login" or "send"); `__cause__` holds
    the smtplib/socket/ssl error. The message never contains the password."""

    def __init__(self, stage: str, detail: str) -> None:
        super().__init__(f"SMTP {stage} failed: {detail}")
        self.stage = stage
        self.detail = detail


@dataclass(frozen=True)
class SmtpConfig:
    """How to reach the outgoing mail server; the password stays a SecretStr so a repr or a
    log line of the config can never show it."""

    host: str
    port: int = 587
    username: str | None = None
    password: SecretStr | None = field(default=None, repr=False)
    starttls: bool = True
    timeout_seconds: float = 10.0
    sender: str = "creditor-matcher@localhost"

    @classmethod
    def from_settings(cls, settings: Settings) -> SmtpConfig | None:
        """The config the settings describe, or None when no SMTP host is set."""
        host = (settings.smtp_host or "").strip()
        if not host:
            return None
        return cls(
            host=host,
            port=settings.smtp_port,
            username=settings.smtp_username or None,
            password=settings.smtp_password,
            starttls=settings.smtp_starttls,
            timeout_seconds=settings.smtp_timeout_seconds,
            sender=settings.smtp_from,
        )

    def credentials(self) -> tuple[str, str] | None:
        """(username, password) when both are set and non-empty: only then do we log in."""
        if not self.username or self.password is None:
            return None
        secret = self.password.get_secret_value()
        return (self.username, secret) if secret else None


def _one_line(text: str) -> str:
    """Collapse every run of whitespace (CR and LF included) to one space, so a value can
    never start a new header."""
    return " ".join(text.split())


def build_message(
    *, sender: str, recipients: str | Sequence[str], subject: str, body: str
) -> EmailMessage:
    """A plain-text message with From, To, Subject, Date (UTC) and Message-ID set.

    The subject is folded onto one line; an address holding CR or LF raises ValueError."""
    to = [recipients] if isinstance(recipients, str) else list(recipients)
    if not to:
        raise ValueError("a message needs at least one recipient")
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(to)
    message["Subject"] = _one_line(subject)
    message["Date"] = formatdate(usegmt=True)
    domain = sender.rpartition("@")[2] or "localhost"
    message["Message-ID"] = make_msgid(domain=_one_line(domain))
    message.set_content(body)
    return message


def send_message(
    config: SmtpConfig,
    message: EmailMessage,
    *,
    ssl_context: ssl.SSLContext | None = None,
    breaker: str | None = None,
) -> dict[str, tuple[int, bytes]]:
    """Deliver `message` through the server in `config`; return the recipients the server
    refused (empty when all were accepted).

    Order: connect (with `config.timeout_seconds`), EHLO, STARTTLS when `config.starttls`
    (verified with `ssl_context`, or the system's default trust store), EHLO again, login when
    credentials are set, send. Credentials without STARTTLS are refused before any AUTH is
    attempted. The whole conversation ends within CONVERSATION_TIMEOUTS × the timeout (less when
    the running job has less left). Every failure is raised as SmtpDeliveryError naming its stage.

    With `breaker` (breakers.SMTP) the server is not contacted while that breaker is open (BreakerOpen);
    a server that cannot be reached counts against it, one that answers (even with a refusal) for it."""
    credentials = config.credentials()
    if credentials is not None and not config.starttls:
        raise SmtpDeliveryError("login", "refusing to send credentials without STARTTLS")
    with breakers.around(breaker, server_unreachable):
        return _send_within_budget(config, message, credentials, ssl_context)


def server_unreachable(error: Exception) -> bool:
    """A failure that says the server is down or unreachable, not that it refused what we sent."""
    if not isinstance(error, SmtpDeliveryError):
        return False
    cause = error.__cause__
    network = isinstance(cause, OSError) and not isinstance(cause, smtplib.SMTPResponseException)
    return error.stage in ("connect", "starttls") or network or "took over" in error.detail


def _send_within_budget(config: SmtpConfig, message: EmailMessage, credentials: tuple[str, str] | None,
                        ssl_context: ssl.SSLContext | None) -> dict[str, tuple[int, bytes]]:
    try:
        watchdog = Watchdog(budget(config.timeout_seconds * CONVERSATION_TIMEOUTS))
    except DeadlineExceeded as spent:
        raise SmtpDeliveryError("connect", str(spent)) from None
    watchdog.start()
    try:
        return _converse(config, message, credentials, ssl_context, watchdog)
    finally:
        watchdog.stop()


class _WatchedSMTP(smtplib.SMTP):
    """An SMTP client whose connection the watchdog can cut (a server trickling its replies)."""

    def __init__(self, config: SmtpConfig, watchdog: Watchdog) -> None:
        self._watchdog = watchdog
        super().__init__(config.host, config.port,
                         timeout=min(config.timeout_seconds, watchdog.seconds))

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        sock = super()._get_socket(host, port, timeout)  # type: ignore[misc]
        self._watchdog.watch(sock)
        return sock


def _converse(config: SmtpConfig, message: EmailMessage, credentials: tuple[str, str] | None,
              ssl_context: ssl.SSLContext | None, watchdog: Watchdog) -> dict[str, tuple[int, bytes]]:
    try:
        client = _WatchedSMTP(config, watchdog)
    except (smtplib.SMTPException, OSError) as error:
        raise SmtpDeliveryError("connect", _over_time(watchdog) or _describe(error)) from error
    stage = "connect"
    try:
        client.ehlo()
        if config.starttls:
            stage = "starttls"
            client.starttls(context=ssl_context or ssl.create_default_context())
            client.ehlo()
        if credentials is not None:
            stage = "login"
            client.login(*credentials)
        stage = "send"
        refused = client.send_message(message)
    except (smtplib.SMTPException, OSError) as error:
        raise SmtpDeliveryError(stage, _over_time(watchdog) or _describe(error)) from error
    finally:
        _close_quietly(client)
    return refused


def _over_time(watchdog: Watchdog) -> str | None:
    return f"took over {watchdog.seconds:.3g} s" if watchdog.expired else None


def _close_quietly(client: smtplib.SMTP) -> None:
    """Say QUIT when the connection still allows it, then close; a message already accepted
    stays accepted whatever the goodbye does."""
    try:
        if client.sock is not None:
            client.quit()
    except (smtplib.SMTPException, OSError):
        pass
    finally:
        client.close()


def _describe(error: BaseException) -> str:
    """`TypeName: message` for a log line; server replies arrive as bytes and are decoded."""
    if isinstance(error, smtplib.SMTPResponseException):
        reply = error.smtp_error
        text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
        return f"{type(error).__name__}: {error.smtp_code} {_one_line(text)}"
    detail = _one_line(str(error)) or "no detail"
    return f"{type(error).__name__}: {detail}"
