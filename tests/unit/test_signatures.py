"""Zendesk webhook signatures: HMAC over timestamp + body, a freshness window, clear reasons."""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import UTC, datetime, timedelta

import pytest

from app.services.signatures import SignatureRejected, sign, verify

SECRET = "whsec-test"
NOW = datetime(2026, 11, 23, 10, 0, 0, tzinfo=UTC)
STAMP = "2026-11-23T10:00:00Z"
BODY = b'{"ticket_id": 1}'


def test_signature_is_base64_hmac_sha256_of_timestamp_and_body() -> None:
    expected = base64.b64encode(
        hmac.new(SECRET.encode(), (STAMP + BODY.decode()).encode(), hashlib.sha256).digest()
    ).decode()
    assert sign(SECRET, STAMP, BODY) == expected


def test_correct_signature_within_window_passes() -> None:
    verify(SECRET, signature=sign(SECRET, STAMP, BODY), timestamp=STAMP, body=BODY,
           now=NOW + timedelta(minutes=4), tolerance_seconds=300)


@pytest.mark.parametrize(
    ("signature", "timestamp", "now", "reason"),
    [
        (None, STAMP, NOW, "missing"),
        (sign(SECRET, STAMP, BODY), None, NOW, "missing"),
        (sign("other", STAMP, BODY), STAMP, NOW, "does not match"),
        (sign(SECRET, STAMP, BODY + b" "), STAMP, NOW, "does not match"),
        (sign(SECRET, STAMP, BODY), STAMP, NOW + timedelta(minutes=6), "outside"),
        (sign(SECRET, STAMP, BODY), STAMP, NOW - timedelta(minutes=6), "outside"),
        (sign(SECRET, "yesterday", BODY), "yesterday", NOW, "ISO 8601"),
    ],
)
def test_bad_or_stale_signatures_are_rejected_with_a_reason(
    signature: str | None, timestamp: str | None, now: datetime, reason: str
) -> None:
    with pytest.raises(SignatureRejected, match=reason) as caught:
        verify(SECRET, signature=signature, timestamp=timestamp, body=BODY, now=now,
               tolerance_seconds=300)
    assert caught.value.status_code == 401
