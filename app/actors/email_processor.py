"""actors/email_processor.py — `process_email`: Dramatiq options, then one service call."""

from __future__ import annotations

import dramatiq
from dramatiq.middleware.time_limit import TimeLimitExceeded

from app import queue
from app.config import get_settings
from app.errors import PermanentError
from app.services import processing

_settings = get_settings()


@dramatiq.actor(
    actor_name=queue.PROCESS_EMAIL,
    queue_name=queue.QUEUE_NAME,
    broker=queue.get_broker(),
    max_retries=_settings.max_retries,
    min_backoff=int(_settings.retry_min_backoff_seconds * 1000),
    max_backoff=int(_settings.retry_max_backoff_seconds * 1000),
    time_limit=_settings.job_time_limit_seconds * 1000,
    throws=(PermanentError,),
)
def process_email(email_id: int) -> None:
    try:
        processing.run_attempt(email_id, get_settings(), interrupts=(TimeLimitExceeded,))
    except processing.RetryLater as later:
        # The row is already back in `queued`; Dramatiq only schedules the wake-up call.
        raise dramatiq.Retry(later.error, delay=int(later.delay_seconds * 1000)) from None
