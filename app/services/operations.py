"""services/operations.py — an operator's actions on jobs and on the service (cancel, retry many, pause,
resume), each committed with the operator's name and only then sent to the broker."""

from __future__ import annotations

from dataclasses import dataclass, field

import structlog
from sqlalchemy import select

from app import queue
from app.database import session_scope
from app.errors import RejectedInput
from app.models import IncomingEmail, ServiceFlag
from app.services import jobs, workers

log = structlog.get_logger(__name__)
MAX_BULK = 1000
MAX_OPERATOR = 200  # same bound as the dashboard's operator field


def operator_name(*candidates: str | None) -> str:
    """The first name given (header, field, remembered, login); refuses none at all."""
    for candidate in candidates:
        name = (candidate or "").strip()[:MAX_OPERATOR]
        if name:
            return name
    raise RejectedInput("name the operator (X-Operator header or `operator` field)")


@dataclass
class BulkRetry:
    retried: list[int] = field(default_factory=list)
    skipped: dict[int, str] = field(default_factory=dict)  # id → why not (not failed, missing)
    enqueued: int = 0


def cancel(email_id: int, operator: str) -> IncomingEmail:
    """A waiting job cancelled for good; InvalidTransition (409) once it has started or ended."""
    with session_scope() as session:
        email = jobs.cancel(session, email_id, operator)
    log.info("job_cancelled", email_id=email_id, operator=operator)
    return email


def retry_many(email_ids: list[int], operator: str) -> BulkRetry:
    """Each failed job back to queued (one commit for all), then one wake-up call each."""
    if len(email_ids) > MAX_BULK:
        raise RejectedInput(f"at most {MAX_BULK} jobs at once", status_code=422)
    outcome = BulkRetry()
    with session_scope() as session:
        for email_id in dict.fromkeys(email_ids):
            try:
                jobs.retry(session, email_id, operator)
            except RejectedInput as refused:
                outcome.skipped[email_id] = refused.reason
            else:
                outcome.retried.append(email_id)
    outcome.enqueued = sum(1 for email_id in outcome.retried if queue.send(queue.PROCESS_EMAIL, email_id))
    log.info("jobs_retried", count=len(outcome.retried), skipped=len(outcome.skipped), operator=operator)
    return outcome


def waiting_ids(limit: int = MAX_BULK) -> list[int]:
    with session_scope() as session:
        return list(session.scalars(select(IncomingEmail.id).where(IncomingEmail.processing_status.in_(jobs.WAITING))
                                    .order_by(IncomingEmail.id).limit(limit)))


def set_processing(paused: bool, operator: str) -> tuple[ServiceFlag, int]:
    """Pause or resume, recorded with who and when. Resuming sends every waiting job again at once
    (claims refused while paused left them waiting); returns the flag and how many were sent."""
    with session_scope() as session:
        flag = workers.set_paused(session, paused, operator)
    sent = 0 if paused else sum(1 for email_id in waiting_ids() if queue.send(queue.PROCESS_EMAIL, email_id))
    log.warning("processing_paused" if paused else "processing_resumed", operator=operator, resent=sent)
    return flag, sent
