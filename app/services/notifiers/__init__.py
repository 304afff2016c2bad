"""notifiers — outbound alert stage: delivery failures reach the caller, never vanish."""

from __future__ import annotations

from app.services.notifiers.smtp import (
    SmtpConfig,
    SmtpDeliveryError,
    build_message,
    send_message,
)

__all__ = ["SmtpConfig", "SmtpDeliveryError", "build_message", "send_message"]
