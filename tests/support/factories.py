"""support/factories.py — webhook payloads and job rows for tests."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime
from typing import Any

from dramatiq import Message

from app import queue
from app.database import session_scope
from app.models import IncomingEmail, utcnow
from app.services.signatures import sign

_counter = itertools.count(1)

REPLY_TEXT = (
    "Sehr geehrte Damen und Herren,\n\n"
    "die Forderung gegen Ihren Mandanten beträgt 1.234,56 EUR.\n\n"
    "Mit freundlichen Grüßen\nMusterbank AG\n\n"
    "-----Ursprüngliche Nachricht-----\n"
    "Von: Kanzlei <glaeubiger@kanzlei.example>\n"
    "Gesendet: Montag, 1. September 2026 10:30\n"
    "An: forderung@musterbank.example\n"
    "Betreff: Forderungsanfrage\n\n"
    "Nach unseren Unterlagen beläuft sich Ihre Forderung auf 999,00 EUR.\n"
)


def payload(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    data: dict[str, Any] = {
        "ticket_id": 1000 + n,
        "webhook_id": f"evt-{n}",
        "from_email": "forderung@musterbank.example",
        "from_name": "Musterbank AG",
        "to_addresses": ["glaeubiger+BS-2026-0001@kanzlei.example"],
        "subject": f"AW: Forderungsanfrage {n}",
        "body_text": REPLY_TEXT,
        "received_at": "2026-11-23T09:00:00Z",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def signed_headers(secret: str, body: bytes, timestamp: str | None = None) -> dict[str, str]:
    stamp = timestamp or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "content-type": "application/json",
        "x-zendesk-webhook-signature-timestamp": stamp,
        "x-zendesk-webhook-signature": sign(secret, stamp, body),
    }


def encode(data: dict[str, Any]) -> bytes:
    return json.dumps(data).encode()


def insert_email(status: str = "queued", **values: Any) -> int:
    n = next(_counter)
    row = IncomingEmail(
        dedup_key=f"test:{n}",
        zendesk_ticket_id=str(n),
        from_email="forderung@musterbank.example",
        subject=f"Forderung {n}",
        body_text=REPLY_TEXT,
        received_at=utcnow(),
        processing_status=status,
        status_changed_at=utcnow(),
        to_addresses=[],
        cc_addresses=[],
        attachment_urls=[],
        extra_fields={},
    )
    for key, value in values.items():
        setattr(row, key, value)
    with session_scope() as session:
        session.add(row)
        session.flush()
        return row.id


def queued_message_args() -> list[tuple[Any, ...]]:
    """The args of every message waiting in the stub broker's default queue."""
    pending = queue.get_broker().queues[queue.QUEUE_NAME].queue  # type: ignore[attr-defined]
    return [tuple(Message.decode(raw).args) for raw in list(pending)]
