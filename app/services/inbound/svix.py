"""inbound/svix.py — Svix webhook signatures (used by Resend): HMAC-SHA256 over
`{svix-id}.{svix-timestamp}.{body}` with the secret's decoded bytes, several `v1,<base64>`
signatures per header (a secret being rotated signs twice), a timestamp window both ways."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass

from app.services.signatures import SignatureRejected

SECRET_PREFIX = "whsec_"
_MAX_ID_LENGTH = 128


@dataclass(frozen=True)
class SvixHeaders:
    message_id: str | None
    timestamp: str | None
    signature: str | None


def secret_key(secret: str) -> bytes:
    """The key bytes of a `whsec_<base64>` secret (the prefix is optional)."""
    encoded = secret.strip().removeprefix(SECRET_PREFIX)
    try:
        return base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("a Svix secret is whsec_ followed by base64") from None


def sign(secret: str, message_id: str, timestamp: str, body: bytes) -> str:
    """`v1,<base64 signature>` as Svix puts it in the svix-signature header."""
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def verify(secret: str, headers: SvixHeaders, body: bytes, *, now: float, tolerance_seconds: float) -> str:
    """The delivery's svix-id when one of its signatures matches and its timestamp is fresh;
    SignatureRejected (401) with the reason otherwise."""
    if not (headers.message_id and headers.timestamp and headers.signature):
        raise SignatureRejected("missing svix-id, svix-timestamp or svix-signature header")
    if len(headers.message_id) > _MAX_ID_LENGTH:
        raise SignatureRejected("svix-id is too long")
    try:
        sent_at = int(headers.timestamp.strip())
    except ValueError:
        raise SignatureRejected("svix-timestamp is not a whole number of seconds") from None
    if abs(now - sent_at) > tolerance_seconds:
        raise SignatureRejected(f"svix-timestamp outside the {int(tolerance_seconds)} s window")
    expected = sign(secret, headers.message_id, headers.timestamp.strip(), body).encode()
    offered = [part for part in headers.signature.split() if part.startswith("v1,")]
    # Every offered signature is compared, so the time taken does not tell which one matched.
    matched = False
    for candidate in offered:
        matched |= hmac.compare_digest(expected, candidate.encode())
    if not matched:
        raise SignatureRejected("no svix-signature matches" if offered else "svix-signature has no v1 signature")
    return headers.message_id
