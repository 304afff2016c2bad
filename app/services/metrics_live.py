"""services/metrics_live.py — counters kept in this process's memory, for what happens in the web process that
serves /metrics itself; invariant: a refused webhook costs no database write (a flood of refusals must not turn
into a flood of writes), and its labels come from a short fixed list, never from the request.

Each web process counts its own refusals; Prometheus scrapes each process (instance) and sums them."""

from __future__ import annotations

import threading
from collections import Counter

_lock = threading.Lock()
_rejections: Counter[tuple[str, str, str]] = Counter()

_BY_STATUS = {400: "malformed_body", 403: "forbidden", 404: "not_configured", 409: "replay", 413: "too_large",
              415: "content_type", 422: "invalid_fields"}


def rejection_class(status: int, reason: str) -> str:
    """A short class for a refusal: the status says most, the reason tells the signature problems apart."""
    if status == 401:
        text = reason.lower()
        if "missing" in text:
            return "signature_missing"
        return "timestamp" if "timestamp" in text else "bad_signature"
    return _BY_STATUS.get(status, "other")


def webhook_rejected(provider: str, status: int, reason: str) -> None:
    """Count one refused inbound webhook (`provider`: "zendesk", "resend")."""
    with _lock:
        _rejections[(provider, str(status), rejection_class(status, reason))] += 1


def rejections() -> dict[tuple[str, str, str], int]:
    """(provider, status, reason class) → refusals this process has counted since it started."""
    with _lock:
        return dict(_rejections)
