"""services/outbox.py — delivery of applied changes after commit; one stable delivery id, retried until delivered.

States: pending → sending (leased) → delivered | pending (retry due later) | failed (attempts
used up; the reconciliation tick still retries it at the longest backoff). For a webhook entry
the source job's `sync_status` follows: pending → synced | failed. While the portal's or SMTP's circuit
breaker is open an entry is not tried: it waits until the breaker lets a trial call go, the attempt given
back. An entry still undelivered past OUTBOX_ALERT_AFTER_ATTEMPTS or OUTBOX_ALERT_AFTER_SECONDS is named in
one alert mail to the admin (services/outbox_alerts.py)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import structlog
from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app import queue
from app.config import Settings
from app.database import session_scope
from app.deadlines import DeadlineExceeded, network_deadline
from app.models import ClaimHistory, IncomingEmail, Inquiry, OutboxMessage, utcnow
from app.services import breakers, firms, jobs, metrics_store, outbox_alerts
from app.services.notifiers import SmtpConfig, SmtpDeliveryError, debt_update, send_message

log = structlog.get_logger(__name__)

DELIVER_ACTOR = "outbox.deliver"
WEBHOOK = "webhook"
EMAIL = "email"
SIGNATURE_HEADER = "X-Creditor-Matcher-Signature"
DELIVERY_HEADER = "X-Creditor-Matcher-Delivery"
EVENT_HEADER = "X-Creditor-Matcher-Event"
EVENT = "claim.updated"
EARLY_TOLERANCE = timedelta(seconds=2)
STUCK_AFTER = timedelta(seconds=60)
MAX_ERROR = 1000
CALL_TIMEOUTS = 3  # a whole POST (connect, headers, body) may take this many OUTBOX_TIMEOUT_SECONDS
# Recording a delivery that went out stops retrying this long before the lease runs out.
LEASE_MARGIN = timedelta(seconds=5)


@dataclass(frozen=True)
class DeliveryOutcome:
    """What one delivery attempt did; `retry_in` (seconds) is set when another attempt is due."""

    outbox_id: int
    status: str
    retry_in: float | None = None
    error: str | None = None


def change_payload(history: ClaimHistory, inquiry: Inquiry, email: IncomingEmail | None) -> dict[str, Any]:
    """The JSON the portal receives: which inquiry, the claim after the change, what it was before."""
    def text(value: Any) -> str | None:
        return None if value is None else str(value)

    return {
        "event": EVENT,
        "inquiry": {
            "id": inquiry.external_id, "firm_reference": inquiry.firm_reference,
            "client_name": inquiry.client_name, "creditor_name": inquiry.creditor_name,
            "creditor_reference": inquiry.creditor_reference,
        },
        "claim": {"amount": text(history.new_amount), "currency": inquiry.currency,
                  "components": history.new_components, "status": history.new_status, "version": history.version},
        "previous": {"amount": text(history.old_amount), "components": history.old_components,
                     "status": history.old_status},
        "change_id": history.id, "actor_kind": history.actor_kind, "changed_by": history.changed_by,
        "reason": history.reason, "note": history.note, "changed_at": history.at.isoformat(),
        "source_email_id": history.source_email_id,
        "source_received_at": email.received_at.isoformat() if email is not None else None,
    }


_OF_CHANGE = select(OutboxMessage.channel, OutboxMessage.id).where(
    OutboxMessage.claim_history_id == bindparam("history_id"))  # built once: the worker asks per applied reply


def enqueue_change(session: Session, history: ClaimHistory, inquiry: Inquiry, email: IncomingEmail | None,
                   settings: Settings, *, new: bool = False) -> list[int]:
    """Outbox entries for one applied change (webhook if a portal URL is set, mail if SMTP and a
    handler address are configured); existing entries for the change are reused (idempotent).
    `new`: the caller wrote `history` in this transaction, so no entry can exist for it yet and none is
    looked up; with no target configured either, nothing is read or written at all."""
    recipient = inquiry.handler_email or settings.debt_update_email
    targets = {WEBHOOK: settings.portal_webhook_url, EMAIL: recipient if settings.smtp_host else None}
    if new and not any(targets.values()):
        return []
    existing: dict[str, int] = {} if new else {
        channel: row_id for channel, row_id in session.execute(_OF_CHANGE, {"history_id": history.id})}
    payload = change_payload(history, inquiry, email)
    ids: list[int] = []
    for channel, target in targets.items():
        if channel in existing:
            ids.append(existing[channel])
            continue
        if not target:
            continue
        row = OutboxMessage(claim_history_id=history.id, channel=channel, email_id=email.id if email else None,
                            delivery_id=str(uuid.uuid4()), target=target, payload=payload, status="pending",
                            attempts=0, next_attempt_at=utcnow(), created_at=utcnow())
        session.add(row)
        session.flush()
        ids.append(row.id)
    return ids


def sync_status_of(session: Session, outbox_ids: list[int] | tuple[int, ...]) -> str | None:
    """The job's sync status from its webhook entries: synced, failed, pending (None: no webhook)."""
    if not outbox_ids:
        return None
    statuses = set(session.scalars(select(OutboxMessage.status).where(
        OutboxMessage.id.in_(list(outbox_ids)), OutboxMessage.channel == WEBHOOK)))
    if not statuses:
        return None
    if statuses == {"delivered"}:
        return "synced"
    return "failed" if "failed" in statuses else "pending"


def send_after_commit(outbox_ids: list[int] | tuple[int, ...]) -> int:
    """Wake the delivery actor for each entry; call only after the entries are committed."""
    return sum(queue.send(DELIVER_ACTOR, outbox_id) for outbox_id in outbox_ids)


def sign(secret: str, body: bytes) -> str:
    """`sha256=<hex HMAC-SHA256 of the exact body>`."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def encode(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def backoff(attempts: int, settings: Settings) -> float:
    delay = settings.outbox_min_backoff_seconds * (2 ** max(attempts - 1, 0))
    return float(min(delay, settings.outbox_max_backoff_seconds))


def _claimable(now: datetime) -> Any:
    return or_(
        OutboxMessage.status.in_(["pending", "failed"]) & (OutboxMessage.next_attempt_at <= now + EARLY_TOLERANCE),
        (OutboxMessage.status == "sending") & (OutboxMessage.lease_expires_at < now),
    )


def claim_entry(session: Session, outbox_id: int, settings: Settings) -> OutboxMessage | None:
    """Lease a due entry for one attempt (None when delivered, leased elsewhere or not due)."""
    now = utcnow()
    lease = timedelta(seconds=settings.outbox_timeout_seconds * CALL_TIMEOUTS + 30)
    statement = (update(OutboxMessage)
                 .where(OutboxMessage.id == outbox_id, _claimable(now))
                 .values(status="sending", lease_expires_at=now + lease, attempts=OutboxMessage.attempts + 1)
                 .execution_options(synchronize_session=False))
    if session.execute(statement).rowcount != 1:  # type: ignore[attr-defined]
        return None
    return session.scalars(select(OutboxMessage).where(OutboxMessage.id == outbox_id)
                           .execution_options(populate_existing=True)).one()


def post_webhook(entry: OutboxMessage, settings: Settings) -> None:
    """POST the signed payload; any non-2xx answer or network error raises."""
    import httpx  # noqa: PLC0415 -- delivery only: the web process enqueues but never delivers (≈ 5 MiB)

    settings = firms.settings_for(settings, entry.firm_id)  # the firm's own portal secret, if it has one
    body = encode(entry.payload)
    headers = {"Content-Type": "application/json", DELIVERY_HEADER: entry.delivery_id, EVENT_HEADER: EVENT}
    if settings.portal_webhook_secret is not None:
        headers[SIGNATURE_HEADER] = sign(settings.portal_webhook_secret.get_secret_value(), body)
    with breakers.around(breakers.PORTAL, portal_unreachable), \
            network_deadline(settings.outbox_timeout_seconds * CALL_TIMEOUTS, "portal webhook") as dog, \
            httpx.Client(timeout=min(settings.outbox_timeout_seconds, dog.seconds)) as client:
        response = client.post(entry.target, content=body, headers=headers,
                               extensions={"trace": dog.httpx_trace})
        response.raise_for_status()


def portal_unreachable(error: Exception) -> bool:
    """The portal is down or overloaded (network, timeout, 5xx, 429), not refusing this one delivery."""
    import httpx  # noqa: PLC0415

    if isinstance(error, httpx.HTTPStatusError):
        return error.response.status_code >= 500 or error.response.status_code == 429
    return isinstance(error, httpx.TransportError | DeadlineExceeded)


def send_mail(entry: OutboxMessage, settings: Settings) -> None:
    config = SmtpConfig.from_settings(settings)
    if config is None:
        raise SmtpDeliveryError("connect", "SMTP_HOST is not set")
    message = debt_update.build(entry.payload, sender=config.sender, recipient=entry.target)
    # Stable across attempts, like the webhook's delivery id: a mail re-sent after a crash between
    # the server's OK and our commit is the same message, which mail systems fold into one.
    del message["Message-ID"]
    message["Message-ID"] = f"<{entry.delivery_id}@{config.sender.rpartition('@')[2] or 'localhost'}>"
    refused = send_message(config, message, breaker=breakers.SMTP)
    if refused:
        raise SmtpDeliveryError("send", f"recipient refused: {', '.join(refused)}")


def deliver(outbox_id: int, settings: Settings) -> DeliveryOutcome:
    """One attempt: lease the entry (own transaction), send it, record the result (own
    transaction). A failure never raises; it schedules the next attempt or marks it failed."""
    import httpx  # noqa: PLC0415

    with session_scope() as session:
        entry = claim_entry(session, outbox_id, settings)
        if entry is not None:
            session.expunge(entry)
    if entry is None:
        return DeliveryOutcome(outbox_id, "skipped")
    try:
        (post_webhook if entry.channel == WEBHOOK else send_mail)(entry, settings)
    except breakers.BreakerOpen as open_:
        return _defer(entry, open_, settings)
    except (httpx.HTTPError, SmtpDeliveryError, DeadlineExceeded, OSError) as error:
        message = describe_failure(error)[:MAX_ERROR]
        with session_scope() as session:
            return record_failure(session, entry, message, settings)
    return _record_sent(entry)


def describe_failure(error: BaseException) -> str:
    """One line for the entry, the logs, the alert and the dashboard; an HTTP answer names the URL without its
    query, which may carry the portal's token."""
    import httpx  # noqa: PLC0415

    if isinstance(error, httpx.HTTPStatusError):
        url = error.request.url
        return f"HTTPStatusError: HTTP {error.response.status_code} from {url.scheme}://{url.netloc.decode()}{url.path}"
    return f"{type(error).__name__}: {error}"


def _defer(entry: OutboxMessage, open_: breakers.BreakerOpen, settings: Settings) -> DeliveryOutcome:
    """Not tried: the breaker is open. Back to where it was, the attempt given back, due when a trial may go;
    the wake-up call is sent for then (the retry tick finds it too if that call is lost)."""
    attempts = entry.attempts - 1
    status = "failed" if attempts >= settings.outbox_max_attempts else "pending"
    with session_scope() as session:
        session.execute(update(OutboxMessage).where(OutboxMessage.id == entry.id, OutboxMessage.status == "sending")
                        .values(status=status, attempts=attempts, lease_expires_at=None, next_attempt_at=open_.until)
                        .execution_options(synchronize_session=False))
    log.info("outbox_delivery_deferred", outbox_id=entry.id, channel=entry.channel, breaker=open_.name,
             retry_in_seconds=round(open_.seconds_left(), 1))
    queue.send(DELIVER_ACTOR, entry.id, delay_seconds=max(open_.seconds_left(), 0.5))
    return DeliveryOutcome(entry.id, "deferred")


def _record_sent(entry: OutboxMessage) -> DeliveryOutcome:
    """Record a delivery that has happened. If the database is briefly gone, keep trying while our
    lease holds: giving up would leave the entry `sending`, and once the lease expired it would be
    sent a second time (a second mail to the case handler)."""
    assert entry.lease_expires_at is not None
    deadline = entry.lease_expires_at - LEASE_MARGIN
    pause = 0.2
    while True:
        try:
            with session_scope() as session:
                return record_success(session, entry)
        except OperationalError as error:
            if utcnow() + timedelta(seconds=pause) > deadline:
                raise
            log.warning("outbox_record_retry", outbox_id=entry.id, error=str(error).splitlines()[0][:200])
            time.sleep(pause)
            pause = min(pause * 2, 2.0)


def record_success(session: Session, entry: OutboxMessage) -> DeliveryOutcome:
    now = utcnow()
    session.execute(update(OutboxMessage).where(OutboxMessage.id == entry.id)
                    .values(status="delivered", delivered_at=now, lease_expires_at=None, last_error=None)
                    .execution_options(synchronize_session=False))
    if entry.email_id is not None:
        if entry.channel == WEBHOOK:
            _set_sync_status(session, entry.email_id, "synced")
        jobs.record_event(session, entry.email_id, f"{entry.channel}_delivered",
                          message=f"change {entry.claim_history_id} delivered ({entry.channel})",
                          details={"outbox_id": entry.id, "delivery_id": entry.delivery_id,
                                   "attempt": entry.attempts})
    metrics_store.count(session, metrics_store.OUTBOX_DELIVERIES, entry.id, channel=entry.channel)
    log.info("outbox_delivered", outbox_id=entry.id, channel=entry.channel, attempt=entry.attempts)
    return DeliveryOutcome(entry.id, "delivered")


def record_failure(session: Session, entry: OutboxMessage, error: str, settings: Settings) -> DeliveryOutcome:
    exhausted = entry.attempts >= settings.outbox_max_attempts
    delay = settings.outbox_max_backoff_seconds if exhausted else backoff(entry.attempts, settings)
    status = "failed" if exhausted else "pending"
    session.execute(update(OutboxMessage).where(OutboxMessage.id == entry.id)
                    .values(status=status, last_error=error, lease_expires_at=None,
                            next_attempt_at=utcnow() + timedelta(seconds=delay))
                    .execution_options(synchronize_session=False))
    if entry.email_id is not None:
        if entry.channel == WEBHOOK and exhausted:
            _set_sync_status(session, entry.email_id, "failed")
        jobs.record_event(session, entry.email_id, f"{entry.channel}_failed", message=error,
                          details={"outbox_id": entry.id, "attempt": entry.attempts, "final": exhausted})
    metrics_store.count(session, metrics_store.OUTBOX_FAILURES, entry.id, channel=entry.channel)
    log.warning("outbox_delivery_failed", outbox_id=entry.id, channel=entry.channel, attempt=entry.attempts,
                error=error, retry_in_seconds=None if exhausted else delay)
    return DeliveryOutcome(entry.id, status, retry_in=None if exhausted else delay, error=error)


def _set_sync_status(session: Session, email_id: int, status: str) -> None:
    session.execute(update(IncomingEmail).where(IncomingEmail.id == email_id).values(sync_status=status)
                    .execution_options(synchronize_session=False))


def due_for_retry(session: Session, stuck_after: timedelta = STUCK_AFTER) -> list[int]:
    """Entries the reconciliation tick re-sends: failed ones now due, pending ones whose wake-up
    call seems lost, and leases that expired mid-attempt."""
    now = utcnow()
    statement = select(OutboxMessage.id).where(or_(
        (OutboxMessage.status == "failed") & (OutboxMessage.next_attempt_at <= now),
        (OutboxMessage.status == "pending") & (OutboxMessage.next_attempt_at <= now - stuck_after),
        (OutboxMessage.status == "sending") & (OutboxMessage.lease_expires_at < now),
    )).order_by(OutboxMessage.id).limit(500)
    return list(session.scalars(statement))


def retry_due(settings: Settings) -> list[int]:
    """The scheduler tick: wake the delivery actor for every entry `due_for_retry`."""
    with session_scope() as session:
        # A deployment that sweeps stale jobs sooner (STALE_JOB_SECONDS) re-sends lost wake-ups sooner too.
        ids = due_for_retry(session, min(STUCK_AFTER, timedelta(seconds=settings.stale_job_seconds)))
    send_after_commit(ids)
    if ids:
        log.info("outbox_retries_sent", count=len(ids))
    outbox_alerts.alert_overdue(settings)
    return ids
