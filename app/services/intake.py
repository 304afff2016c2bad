"""services/intake.py — accept an inbound email: dedup, store as `received`, commit, then enqueue.

The commit always happens before the broker hears of the job, so an accepted email is in
the database even when the broker is down; the sweeper enqueues whatever is left behind."""

from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import structlog
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import queue
from app.database import get_engine, session_scope
from app.models import DEFAULT_FIRM_ID, IncomingEmail, utcnow
from app.services import instants, job_batches, jobs
from app.services.safetext import SafeTextModel

log = structlog.get_logger(__name__)

_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


class AttachmentRef(BaseModel):
    model_config = ConfigDict(extra="allow")

    url: str = Field(min_length=1, max_length=4096)
    filename: str | None = Field(default=None, max_length=512)
    content_type: str | None = Field(default=None, max_length=255)
    size: int | None = Field(default=None, ge=0)


class InboundEmail(SafeTextModel):
    """What a Zendesk trigger posts for one creditor reply. Unknown fields are kept; NUL and lone
    surrogates anywhere in it arrive as U+FFFD (see services/safetext.py)."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)

    ticket_id: str = Field(min_length=1, max_length=64)
    webhook_id: str | None = Field(default=None, max_length=128)
    from_email: str = Field(max_length=320)
    from_name: str | None = Field(default=None, max_length=320)
    to_addresses: list[str] = Field(default_factory=list, max_length=100)
    cc_addresses: list[str] = Field(default_factory=list, max_length=100)
    subject: str = Field(default="", max_length=2000)
    body_text: str | None = None
    body_html: str | None = None
    received_at: datetime | None = None
    message_id: str | None = Field(default=None, max_length=512)
    in_reply_to: str | None = Field(default=None, max_length=512)
    attachments: list[AttachmentRef] = Field(default_factory=list, max_length=50)
    # Which firm the email belongs to: set by the route it came through, never by the payload.
    _firm_id: int = PrivateAttr(default=DEFAULT_FIRM_ID)

    @property
    def firm_id(self) -> int:
        return self._firm_id

    def for_firm(self, firm_id: int) -> InboundEmail:
        self._firm_id = firm_id
        return self

    @field_validator("ticket_id", mode="before")
    @classmethod
    def _ticket_as_text(cls, value: Any) -> Any:
        # bool is an int to Python; `true` is no ticket number.
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("from_email")
    @classmethod
    def _looks_like_address(cls, value: str) -> str:
        if not _EMAIL.match(value):
            raise ValueError("not an email address")
        return value.lower()

    @field_validator("to_addresses", "cc_addresses", mode="before")
    @classmethod
    def _split_address_list(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("received_at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("must carry a timezone, e.g. 2026-11-23T10:00:00Z")
        if value is not None:
            instants.bounded_utc(value)
        return value

    @model_validator(mode="after")
    def _says_something(self) -> InboundEmail:
        # A reply may say all it says in its subject ("AW: … – einverstanden") or in an attachment ("siehe Anhang"
        # with an empty body): only a mail with none of these is no reply.
        if not (self.body_text or self.body_html or self.subject or self.attachments):
            raise ValueError("one of body_text or body_html is required (or a subject or an attachment)")
        return self


@dataclass(frozen=True)
class IntakeResult:
    email_id: int
    status: Literal["queued", "received", "duplicate"]


def dedup_key(email: InboundEmail) -> str:
    """The webhook's event id when Zendesk sends one, else a hash of what makes a reply unique.

    When text had to be replaced, the hash also covers the original bytes of what was replaced: a
    redelivery is still a duplicate, yet two replies differing only in such characters are not."""
    key = _unscoped_dedup_key(email)
    # Another firm's delivery is never this firm's duplicate; the default firm's keys stay as they were.
    return key if email.firm_id == DEFAULT_FIRM_ID else f"firm{email.firm_id}:{key}"


def _unscoped_dedup_key(email: InboundEmail) -> str:
    replaced = email.replaced_digest()
    if email.webhook_id and replaced is None:
        return f"webhook:{email.webhook_id}"
    digest = hashlib.sha256()
    for part in (email.ticket_id, email.from_email, email.subject, email.body_text or "",
                 email.body_html or "", *((replaced,) if replaced else ())):
        digest.update(part.encode())
        digest.update(b"\x00")
    return f"sha256:{digest.hexdigest()}"


def _row_values(email: InboundEmail, key: str) -> dict[str, Any]:
    return {
        "dedup_key": key,
        "firm_id": email.firm_id,
        "zendesk_ticket_id": email.ticket_id,
        "zendesk_webhook_id": email.webhook_id,
        "message_id": email.message_id,
        "in_reply_to": email.in_reply_to,
        "from_email": email.from_email,
        "from_name": email.from_name,
        "to_addresses": email.to_addresses,
        "cc_addresses": email.cc_addresses,
        "subject": email.subject,
        "body_text": email.body_text,
        "body_html": email.body_html,
        "received_at": email.received_at or utcnow(),
        "attachment_urls": [a.model_dump(exclude_none=True) for a in email.attachments],
        "extra_fields": dict(email.model_extra or {}),
    }


def _existing_ids(session: Session, keys: list[str]) -> dict[str, int]:
    if not keys:
        return {}
    rows = session.execute(select(IncomingEmail.id, IncomingEmail.dedup_key).where(IncomingEmail.dedup_key.in_(keys)))
    return {key: email_id for email_id, key in rows}


def store(email: InboundEmail, key: str) -> int | None:
    """Insert the row as `received` with its first event, without enqueueing: one statement and one
    commit. None when a delivery with the same dedup key is stored already (or won the race to it)."""
    with session_scope() as session:
        written = job_batches.insert_received_many(session, [(_row_values(email, key), f"ticket {email.ticket_id}")])
        return written.get(key)


def enqueue(email_id: int, reason: str = "enqueued") -> bool:
    """Send the wake-up call for a committed job and mark it queued."""
    if not queue.send(queue.PROCESS_EMAIL, email_id):
        return False
    with session_scope() as session:
        jobs.mark_queued(session, email_id, reason)
    return True


def accept(email: InboundEmail) -> IntakeResult:
    """Store (or find) one email, then, only after the commit, send the wake-up call."""
    return accept_many([email])[0]


def accept_many(emails: list[InboundEmail]) -> list[IntakeResult]:
    """Each email's answer as if they had come one after another: every new one is stored with its first
    event and committed, then the broker hears of each, then the sent ones are marked queued. The request's
    one log line is the server's access line; details are at DEBUG."""
    keys, rows = prepare(emails)
    if get_engine().dialect.name == "postgresql":
        written, known, sent = _settle_by_statements(rows)
    else:
        written, known, sent = _settle_by_transactions(rows)
    return answers(keys, emails, written, known, sent)


Row = tuple[dict[str, Any], str]


def prepare(emails: list[InboundEmail]) -> tuple[list[str], list[Row]]:
    """Each email's dedup key, and the rows to store: one per key (a key twice in one batch: the later one
    is its duplicate), with its first event's note."""
    keys = [dedup_key(email) for email in emails]
    firsts: dict[str, InboundEmail] = {}
    for key, email in zip(keys, emails, strict=True):
        firsts.setdefault(key, email)
    return keys, [(_row_values(email, key), f"ticket {email.ticket_id}") for key, email in firsts.items()]


def answers(keys: list[str], emails: list[InboundEmail], written: dict[str, int], known: dict[str, int],
            sent: set[int]) -> list[IntakeResult]:
    """What each request is told: its job and whether this delivery stored it (queued or, when the broker
    did not take it, received) or found it stored already (duplicate)."""
    written = dict(written)
    results: list[IntakeResult] = []
    for key, email in zip(keys, emails, strict=True):
        if key not in known:  # pragma: no cover - the row that stopped ours was deleted in between
            raise RuntimeError("dedup race left no row")
        email_id = known[key]
        status: Literal["queued", "received", "duplicate"] = (
            ("queued" if email_id in sent else "received") if written.pop(key, None) else "duplicate")
        log.debug("email_accepted", email_id=email_id, ticket_id=email.ticket_id, status=status)
        results.append(IntakeResult(email_id, status))
    return results


def unwritten_keys(rows: list[Row], written: dict[str, int]) -> list[str]:
    return [values["dedup_key"] for values, _ in rows if values["dedup_key"] not in written]


Settled = tuple[dict[str, int], dict[str, int], set[int]]
# The job counters' rows are taken in the order a statement meets its jobs, so two batch statements at once
# could wait on each other in opposite orders (a deadlock): in this process they take turns.
_one_statement_at_a_time = threading.Lock()


def _settle_by_statements(rows: list[Row]) -> Settled:
    """PostgreSQL: one pooled connection for the batch, each statement its own transaction (committed before
    it returns), so storing costs one round trip and one commit, and marking them queued one more."""
    with get_engine().connect() as connection, Session(
            bind=connection.execution_options(isolation_level="AUTOCOMMIT")) as session:
        with _one_statement_at_a_time:
            written = job_batches.insert_received_many(session, rows)
        known = dict(written) | _existing_ids(session, unwritten_keys(rows, written))
        sent = _send(written)
        if sent:
            with _one_statement_at_a_time:
                job_batches.mark_queued_many(session, sorted(sent))
    return written, known, sent


def _settle_by_transactions(rows: list[Row]) -> Settled:
    with session_scope() as session:
        written = job_batches.insert_received_many(session, rows)
        known = dict(written) | _existing_ids(session, unwritten_keys(rows, written))
    sent = _send(written)
    if sent:
        with session_scope() as session:
            job_batches.mark_queued_many(session, sorted(sent))
    return written, known, sent


def _send(written: dict[str, int]) -> set[int]:
    """The wake-up calls for committed jobs; the ids the broker took."""
    new_ids = list(written.values())
    taken = queue.send_many(queue.PROCESS_EMAIL, [(email_id,) for email_id in new_ids])
    return {email_id for email_id, ok in zip(new_ids, taken, strict=True) if ok}
