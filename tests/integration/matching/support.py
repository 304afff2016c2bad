"""matching test support — inquiries, reply rows and stand-in extraction results, and a real local webhook receiver."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from sqlalchemy.orm import Session

from app.models import IncomingEmail, Inquiry, utcnow
from app.services import inquiries
from app.services.extraction.result import ExtractionResult

_numbers = itertools.count(1)

NORDBANK = {"creditor_name": "Nordbank Hanse AG", "creditor_email": "forderung@nordbank.example"}


def add_inquiry(session: Session, ident: str, client: str, firm_reference: str, **fields: Any) -> Inquiry:
    values: dict[str, Any] = {**NORDBANK, "id": ident, "client_name": client, "firm_reference": firm_reference}
    values.update(fields)
    inquiry, _ = inquiries.upsert(session, inquiries.InquiryFields.model_validate(values))
    return inquiry


def add_reply(session: Session, *, body: str, subject: str = "AW: Forderungsanfrage",
              from_email: str = "forderung@nordbank.example", to: str = "glaeubiger@kanzlei.example",
              received_at: datetime | None = None) -> IncomingEmail:
    number = next(_numbers)
    row = IncomingEmail(
        dedup_key=f"matching-test:{number}", zendesk_ticket_id=str(number), from_email=from_email,
        subject=subject, body_text=body, to_addresses=[to], cc_addresses=[], attachment_urls=[], extra_fields={},
        received_at=received_at or utcnow() - timedelta(minutes=100 - number % 100), processing_status="processing",
    )
    session.add(row)
    session.flush()
    return row


def stated(total: str | None, intent: str = "debt_statement", **fields: Any) -> ExtractionResult:
    """A stand-in extraction result (the extractor is tested elsewhere): a debt statement with a total
    stands for a safe, corroborated one unless `fields` say otherwise."""
    amount = Decimal(total) if total is not None else None
    clean = intent == "debt_statement" and amount is not None
    values: dict[str, Any] = {"amount_is_safe": clean, "total_corroborated": clean, **fields}
    return ExtractionResult(
        intent=intent, intent_reasons=["stand-in"], intent_confidence=1.0,  # type: ignore[arg-type]
        total_amount=amount, **values,
    )


@dataclass
class ReceivedPost:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """A real HTTP server on 127.0.0.1: answers each POST with the next status in `statuses`
    (the last one repeats) and records every request."""

    url: str
    statuses: list[int]
    posts: list[ReceivedPost] = field(default_factory=list)


@contextmanager
def webhook_receiver(*statuses: int) -> Iterator[Receiver]:
    receiver = Receiver(url="", statuses=list(statuses) or [200])

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            receiver.posts.append(ReceivedPost(self.path, {k.lower(): v for k, v in self.headers.items()},
                                               self.rfile.read(length)))
            index = min(len(receiver.posts) - 1, len(receiver.statuses) - 1)
            self.send_response(receiver.statuses[index])
            self.send_header("content-length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/portal/claims"
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
