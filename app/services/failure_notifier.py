"""failure_notifier.py — alert stage: tell the admin a job failed for good; never raise."""

from __future__ import annotations

import ssl
from collections.abc import Callable
from datetime import UTC, datetime

import structlog

from app.config import Settings, get_settings
from app.database import session_scope
from app.models import IncomingEmail
from app.services import breakers
from app.services.notifiers.smtp import (
    SmtpConfig,
    SmtpDeliveryError,
    build_message,
    send_message,
)

ALERT_SUBJECT = "[ALERT] Email Processing Failed - ID {email_id}"
UNKNOWN = "(unknown)"


def utc_now() -> datetime:
    return datetime.now(UTC)


def _logger() -> structlog.stdlib.BoundLogger:
    # Fetched per call rather than once at import: a logger proxy cached by an earlier
    # structlog configuration would otherwise ignore a later one (and test log captures).
    logger: structlog.stdlib.BoundLogger = structlog.get_logger(__name__)
    return logger


def _field(value: object | None) -> str:
    """A value for one body line: whitespace folded, empty or missing shown as (unknown)."""
    text = " ".join(str(value).split()) if value is not None else ""
    return text or UNKNOWN


def describe_error(error: BaseException | str | None) -> str:
    """The error as the admin reads it: an exception as `TypeName: message`."""
    if error is None:
        return UNKNOWN
    if isinstance(error, BaseException):
        text = str(error).strip()
        return f"{type(error).__name__}: {text}" if text else type(error).__name__
    return error.strip() or UNKNOWN


def alert_subject(email_id: int | str) -> str:
    return ALERT_SUBJECT.format(email_id=_field(email_id))


def alert_body(
    *,
    email_id: int | str,
    error: BaseException | str | None,
    from_email: str | None,
    subject: str | None,
    failed_at: datetime,
) -> str:
    """The plain-text alert: what failed, when (UTC), why, and how to look and retry."""
    job_id = _field(email_id)
    stamp = failed_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return "\n".join(
        [
            "An incoming email could not be processed and will not be retried automatically.",
            "",
            f"Email ID:   {job_id}",
            f"From:       {_field(from_email)}",
            f"Subject:    {_field(subject)}",
            f"Failed at:  {stamp}",
            "",
            "Error:",
            describe_error(error),
            "",
            "Next steps:",
            f"  Inspect the job:  GET /api/v1/jobs/{job_id}",
            f"  Retry the job:    POST /api/v1/jobs/{job_id}/retry (Content-Type: application/json)",
            "",
        ]
    )


class FailureNotifier:
    """Sends the permanent-failure alert to `admin_email` over SMTP.

    `settings` defaults to `get_settings()` looked up at each call, so a changed environment
    (after `get_settings.cache_clear()`) is honoured. `ssl_context` verifies the server during
    STARTTLS; None means the system's default trust store."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        ssl_context: ssl.SSLContext | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._settings = settings
        self._ssl_context = ssl_context
        self._clock = clock

    @property
    def settings(self) -> Settings:
        return self._settings if self._settings is not None else get_settings()

    def send_failure_notification(
        self,
        email_id: int | str,
        error: BaseException | str | None,
        from_email: str | None,
        subject: str | None,
        *,
        breaker: str | None = None,
    ) -> bool:
        """Mail the alert for `email_id`; True once the server accepted it, False when SMTP
        is not configured or delivery failed (both logged). Never raises. With `breaker`
        (breakers.SMTP) nothing is tried while the SMTP breaker is open."""
        log = _logger().bind(email_id=str(email_id))
        try:
            settings = self.settings
            config = SmtpConfig.from_settings(settings)
            recipient = (settings.admin_email or "").strip()
            if config is None or not recipient:
                missing = "SMTP_HOST" if config is None else "ADMIN_EMAIL"
                log.warning("failure_notification_skipped", reason=f"{missing} is not set")
                return False
            log = log.bind(smtp_host=config.host, smtp_port=config.port, recipient=recipient)
            message = build_message(
                sender=config.sender,
                recipients=recipient,
                subject=alert_subject(email_id),
                body=alert_body(
                    email_id=email_id,
                    error=error,
                    from_email=from_email,
                    subject=subject,
                    failed_at=self._clock(),
                ),
            )
            refused = send_message(config, message, ssl_context=self._ssl_context, breaker=breaker)
        except SmtpDeliveryError as failure:
            log.error("failure_notification_failed", stage=failure.stage, error=failure.detail)
            return False
        except breakers.BreakerOpen as open_:
            log.error("failure_notification_failed", stage="connect", error=str(open_))
            return False
        except Exception as unexpected:  # the alert path must never raise
            log.error(
                "failure_notification_failed",
                stage="unexpected",
                error=f"{type(unexpected).__name__}: {unexpected}",
            )
            return False
        if refused:
            log.error("failure_notification_failed", stage="send", refused=sorted(refused))
            return False
        log.info("failure_notification_sent")
        return True


failure_notifier = FailureNotifier()


def notify_permanent_failure(email_id: int) -> bool:
    """Load the failed job and send its alert; True when the mail was accepted. Never raises."""
    try:
        with session_scope() as session:
            email = session.get(IncomingEmail, email_id)
            if email is None:
                _logger().error("failure_notification_failed", email_id=email_id,
                                stage="load", error="job not found")
                return False
            error, sender, subject = email.processing_error, email.from_email, email.subject
    except Exception as unexpected:
        _logger().error("failure_notification_failed", email_id=email_id, stage="load",
                        error=f"{type(unexpected).__name__}: {unexpected}")
        return False
    return failure_notifier.send_failure_notification(email_id, error, sender, subject, breaker=breakers.SMTP)
