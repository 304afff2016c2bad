"""services/signatures.py — Zendesk webhook signature check: HMAC-SHA256, constant-time, fresh timestamp."""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import UTC, datetime

from app.errors import RejectedInput


class SignatureRejected(RejectedInput):
    status_code = 401


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """base64(HMAC-SHA256(secret, timestamp + body)), as Zendesk computes it."""
    digest = hmac.new(secret.encode(), timestamp.encode() + body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def parse_timestamp(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise SignatureRejected("signature timestamp is not ISO 8601") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def verify(
    secret: str,
    *,
    signature: str | None,
    timestamp: str | None,
    body: bytes,
    now: datetime,
    tolerance_seconds: float,
) -> None:
    """Raise SignatureRejected (401) with a reason unless the request is signed and fresh."""
    if not signature or not timestamp:
        raise SignatureRejected("missing X-Zendesk-Webhook-Signature or -Timestamp header")
    skew = abs((now - parse_timestamp(timestamp)).total_seconds())
    if skew > tolerance_seconds:
        raise SignatureRejected(f"signature timestamp outside the {int(tolerance_seconds)} s window")
    expected = sign(secret, timestamp, body)
    if not hmac.compare_digest(expected.encode(), signature.strip().encode()):
        raise SignatureRejected("signature does not match")
