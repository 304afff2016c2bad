"""support/worker.py — wait until the stub broker's queue (delayed retries included) is empty and idle."""

from __future__ import annotations

from dramatiq import Worker

from app import queue


def drain(worker: Worker, timeout_ms: int = 20_000) -> None:
    queue.get_broker().join(queue.QUEUE_NAME, timeout=timeout_ms)  # type: ignore[attr-defined]
    worker.join()
