"""actors/sync.py — `outbox.deliver`: options, then one service call; a failed delivery is retried, never lost."""

from __future__ import annotations

import dramatiq

from app import queue
from app.config import get_settings
from app.services import outbox

_settings = get_settings()


@dramatiq.actor(
    actor_name=outbox.DELIVER_ACTOR,
    queue_name=queue.QUEUE_NAME,
    broker=queue.get_broker(),
    # The entry's row counts attempts; Dramatiq only carries the delayed wake-up calls.
    max_retries=_settings.outbox_max_attempts,
    time_limit=int(_settings.outbox_timeout_seconds * 3 * 1000) + 30_000,
)
def deliver(outbox_id: int) -> None:
    result = outbox.deliver(outbox_id, get_settings())
    if result.retry_in is not None:
        raise dramatiq.Retry(result.error or "delivery failed", delay=int(result.retry_in * 1000))
