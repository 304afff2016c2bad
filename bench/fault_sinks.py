"""bench/fault_sinks.py — what the service talks to during a fault run: a portal that records every
claim-change POST and an SMTP server that records every mail (alerts and debt-update mails)."""

from __future__ import annotations

import email
import email.policy
import json
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

ALERT_ID = re.compile(r"\[ALERT\] Email Processing Failed - ID (\d+)")
UPDATE_ID = re.compile(r"Vorgang (\S+?)\)")
UPDATE_VERSION = re.compile(r"Version (\d+)")


@dataclass
class Portal:
    """Every POST: (delivery id, change id). Answers 200 to all."""

    url: str = ""
    posts: list[tuple[str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, delivery_id: str, body: bytes) -> None:
        change_id = int(json.loads(body)["change_id"])
        with self.lock:
            self.posts.append((delivery_id, change_id))

    def summary(self) -> dict[str, int]:
        with self.lock:
            posts = list(self.posts)
        by_delivery = Counter(delivery for delivery, _ in posts)
        deliveries_per_change = Counter(change for _, change in set(posts))
        return {
            "posts": len(posts),
            "distinct_deliveries": len(by_delivery),
            "redelivered_same_id": sum(n - 1 for n in by_delivery.values()),
            "changes_with_two_delivery_ids": sum(1 for n in deliveries_per_change.values() if n > 1),
        }


class _PortalServer:
    def __init__(self, portal: Portal) -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                portal.record(self.headers.get("X-Creditor-Matcher-Delivery", ""), self.rfile.read(length))
                self.send_response(200)
                self.send_header("content-length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, format: str, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        portal.url = f"http://127.0.0.1:{self.server.server_address[1]}/portal/claims"

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@dataclass
class Mailbox:
    """Alerts by job id, debt-update mails by (inquiry, claim version) with their Message-ID."""

    alerts: list[int] = field(default_factory=list)
    updates: list[tuple[str, int, str]] = field(default_factory=list)
    other: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        message = email.message_from_bytes(envelope.original_content or b"", policy=email.policy.default)
        part = message.get_body(("plain",))
        text = f"{message['subject']}\n{part.get_content() if part is not None else ''}"
        alert, inquiry, version = ALERT_ID.search(text), UPDATE_ID.search(text), UPDATE_VERSION.search(text)
        with self.lock:
            if alert:
                self.alerts.append(int(alert.group(1)))
            elif inquiry and version:
                self.updates.append((inquiry.group(1), int(version.group(1)), str(message["Message-ID"])))
            else:
                self.other += 1
        return "250 OK"

    def summary(self) -> dict[str, int]:
        with self.lock:
            alerts, updates, other = Counter(self.alerts), list(self.updates), self.other
        by_message = Counter(updates)
        ids_per_change = Counter((inquiry, version) for inquiry, version, _ in set(updates))
        return {
            "alerts": sum(alerts.values()), "alerts_doubled": sum(1 for n in alerts.values() if n > 1),
            "update_mails": len(updates),
            "update_mails_resent_same_id": sum(n - 1 for n in by_message.values()),
            "update_changes_with_two_message_ids": sum(1 for n in ids_per_change.values() if n > 1),
            "unrecognised_mails": other,
        }


class Sinks:
    """The portal and the mailbox, started and stopped together."""

    def __init__(self, smtp_port: int) -> None:
        self.portal = Portal()
        self.mailbox = Mailbox()
        self._http = _PortalServer(self.portal)
        self._smtp = Controller(self.mailbox, hostname="127.0.0.1", port=smtp_port)
        self.smtp_port = smtp_port

    def __enter__(self) -> Sinks:
        self._http.start()
        self._smtp.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._smtp.stop()
        self._http.stop()
