"""services/dispatch.py — the embedded worker's poll of the job table; invariant: a waiting row whose time
has come is found within one poll, whoever queued it (the CLI, an operator, a restart)."""

from __future__ import annotations

import math
from collections.abc import Collection
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.config import Settings
from app.database import session_scope
from app.models import IncomingEmail, ProcessingStatus
from app.services import workers

S = ProcessingStatus


def due(session: Session, now: datetime, settle_seconds: float, limit: int,
        skip: Collection[int] = ()) -> list[int]:
    """Ids of `received`/`queued` jobs that are due (retry time reached) and have waited at least
    `settle_seconds` (so a row whose own wake-up call is on its way is left to it), oldest arrival first."""
    settled_before = now - timedelta(seconds=settle_seconds)
    query = (
        select(IncomingEmail.id)
        .where(IncomingEmail.processing_status.in_([S.RECEIVED.value, S.QUEUED.value]))
        .where(func.coalesce(IncomingEmail.available_at, IncomingEmail.status_changed_at) <= settled_before)
        .order_by(IncomingEmail.received_at, IncomingEmail.id)
        .limit(limit + len(skip))
    )
    return [email_id for email_id in session.scalars(query) if email_id not in skip][:limit]


def held_on_host(session: Session, hostname: str) -> list[tuple[int, str]]:
    """(id, lease_owner) of `processing` jobs leased by a worker on `hostname` ("host:pid:thread")."""
    rows = session.execute(
        select(IncomingEmail.id, IncomingEmail.lease_owner)
        .where(IncomingEmail.processing_status == S.PROCESSING.value,
               IncomingEmail.lease_owner.startswith(f"{hostname}:", autoescape=True))
    ).all()
    return [(row[0], row[1] or "") for row in rows]


def pickup_note(email_id: int | str, enqueued: bool, settings: Settings) -> str:
    """What the CLI tells the operator after it queued a job (or "3 jobs"): who will run it, and when."""
    within = 3 * settings.worker_heartbeat_seconds
    with session_scope() as session:
        kinds = {worker.kind for worker in workers.live(session, within)}
    if settings.broker_kind == "embedded":
        if "embedded" in kinds:
            seconds = max(2, math.ceil(2 * settings.embedded_poll_seconds))
            return f"queued job {email_id}; the running service picks it up within ~{seconds} s"
        return (f"queued job {email_id}; no service is running: start it with `make run` (or "
                "`creditor-matcher serve`) and it picks up every queued job as it starts")
    if not enqueued:
        return (f"queued job {email_id} in the database, but the broker did not take the wake-up call; "
                f"the service re-sends it within {settings.stale_job_seconds + settings.reconcile_interval_seconds} s")
    if "dramatiq" in kinds:
        return f"queued job {email_id}; a worker picks it up now"
    return (f"queued job {email_id}; no worker is running: start one with `creditor-matcher worker` "
            "(or `dramatiq app.worker`)")
