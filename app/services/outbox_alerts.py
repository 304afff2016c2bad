"""services/outbox_alerts.py — tell the admin about outbox deliveries that keep failing; invariant: an entry is
named in at most one alert mail that the server accepted, because only the conditional UPDATE that sets its
`alerted_at` (WHERE alerted_at IS NULL) lets it into a mail, and a mail that did not go out gives the mark back.

Run by the scheduler's outbox-retry tick. Overdue: still undelivered after OUTBOX_ALERT_AFTER_ATTEMPTS attempts
or OUTBOX_ALERT_AFTER_SECONDS since it was written; the entries that become overdue together share one mail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import structlog
from sqlalchemy import ColumnElement, func, or_, select, update
from sqlalchemy.orm import Session

from app.config import Settings
from app.database import session_scope
from app.models import OutboxMessage, utcnow
from app.services import breakers, metrics_store
from app.services.notifiers import SmtpConfig, SmtpDeliveryError, build_message, send_message

log = structlog.get_logger(__name__)

UNDELIVERED = ("pending", "sending", "failed")
BATCH = 50
SUBJECT = "[ALERT] Outbox delivery failing - {count} entr{plural}"


@dataclass(frozen=True)
class Failing:
    """One undelivered entry as the alert mail and the dashboard show it."""

    id: int
    channel: str
    target: str
    status: str
    attempts: int
    created_at: datetime
    last_error: str | None
    alerted_at: datetime | None
    email_id: int | None


def _shown_target(entry: OutboxMessage) -> str:
    """A webhook URL without its query (which may carry a token); a mail address as it is."""
    if entry.channel != "webhook":
        return entry.target
    parts = urlsplit(entry.target)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def _failing(entry: OutboxMessage) -> Failing:
    return Failing(entry.id, entry.channel, _shown_target(entry), entry.status, entry.attempts, entry.created_at,
                   entry.last_error, entry.alerted_at, entry.email_id)


def _overdue(settings: Settings, now: datetime) -> ColumnElement[bool]:
    return (OutboxMessage.status.in_(UNDELIVERED)
            & or_(OutboxMessage.attempts >= settings.outbox_alert_after_attempts,
                  OutboxMessage.created_at <= now - timedelta(seconds=settings.outbox_alert_after_seconds)))


def failing(session: Session, settings: Settings, limit: int = 20) -> tuple[int, list[Failing]]:
    """The number of undelivered entries past the alert threshold, and the oldest `limit` of them (the
    dashboard's banner): the undelivered rows are few, and (status, created_at) is indexed."""
    now = utcnow()
    total = session.scalar(select(func.count()).select_from(OutboxMessage).where(_overdue(settings, now))) or 0
    rows = session.scalars(select(OutboxMessage).where(_overdue(settings, now))
                           .order_by(OutboxMessage.created_at, OutboxMessage.id).limit(limit))
    return total, [_failing(row) for row in rows]


def _claim(settings: Settings, now: datetime) -> list[Failing]:
    """Mark the entries that have just become overdue; each conditional UPDATE that changed its row makes
    that entry ours to report."""
    with session_scope() as session:
        candidates = session.scalars(
            select(OutboxMessage).where(_overdue(settings, now), OutboxMessage.alerted_at.is_(None))
            .order_by(OutboxMessage.id).limit(BATCH)).all()
        claimed = []
        for entry in candidates:
            taken = session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == entry.id, OutboxMessage.alerted_at.is_(None),
                       OutboxMessage.status.in_(UNDELIVERED))
                .values(alerted_at=now).execution_options(synchronize_session=False)).rowcount == 1  # type: ignore[attr-defined]
            if taken:
                claimed.append(_failing(entry))
        return claimed


def _release(ids: list[int], stamp: datetime) -> None:
    with session_scope() as session:
        session.execute(update(OutboxMessage)
                        .where(OutboxMessage.id.in_(ids), OutboxMessage.alerted_at == stamp)
                        .values(alerted_at=None).execution_options(synchronize_session=False))


def alert_body(entries: list[Failing], settings: Settings) -> str:
    lines = [
        "These deliveries of applied claim changes keep failing and are still being retried.",
        f"(Threshold: {settings.outbox_alert_after_attempts} attempts or "
        f"{settings.outbox_alert_after_seconds:g} s undelivered; each entry is reported once.)",
        "",
    ]
    for entry in entries:
        lines += [
            f"Outbox entry {entry.id} ({entry.channel} to {entry.target}), job {entry.email_id or '-'}:",
            f"  status {entry.status}, {entry.attempts} attempt(s), written {entry.created_at:%Y-%m-%d %H:%M:%S} UTC",
            f"  last error: {' '.join((entry.last_error or '(none yet)').split())[:300]}",
        ]
    lines += ["", "See the dashboard's Workers & queue page; the portal or the mail server may be down."]
    return "\n".join(lines) + "\n"


def alert_overdue(settings: Settings) -> list[int]:
    """Send one mail naming every entry that has become overdue since the last tick; returns their ids
    (empty when none, or when the mail could not be sent: then they are tried again at the next tick)."""
    config = SmtpConfig.from_settings(settings)
    recipient = (settings.admin_email or "").strip()
    if config is None or not recipient:
        return []
    now = utcnow()
    entries = _claim(settings, now)
    if not entries:
        return []
    ids = [entry.id for entry in entries]
    message = build_message(sender=config.sender, recipients=recipient,
                            subject=SUBJECT.format(count=len(entries), plural="y" if len(entries) == 1 else "ies"),
                            body=alert_body(entries, settings))
    try:
        refused = send_message(config, message, breaker=breakers.SMTP)
    except (SmtpDeliveryError, breakers.BreakerOpen) as error:
        log.error("outbox_alert_failed", outbox_ids=ids, error=str(error))
        _release(ids, now)
        return []
    if refused:
        log.error("outbox_alert_failed", outbox_ids=ids, error="recipient refused")
        _release(ids, now)
        return []
    with session_scope() as session:
        for entry_id in ids:
            metrics_store.count(session, metrics_store.OUTBOX_ALERTS, entry_id)
    log.warning("outbox_alert_sent", outbox_ids=ids, recipient=recipient)
    return ids
