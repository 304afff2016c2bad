"""services/retries.py — an operator's retry of a failed job: committed as queued, then enqueued."""

from __future__ import annotations

from app import queue
from app.database import session_scope
from app.models import IncomingEmail
from app.services import jobs


def retry_failed(email_id: int, operator: str | None = None) -> tuple[IncomingEmail, bool]:
    """Returns the job as now stored and whether the broker took the wake-up call
    (if not, the sweeper sends it later: the row is already `queued`). `operator` goes into the history."""
    with session_scope() as session:
        email = jobs.retry(session, email_id, operator)
    return email, queue.send(queue.PROCESS_EMAIL, email_id)
