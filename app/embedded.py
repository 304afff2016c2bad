"""embedded.py — the in-process Dramatiq worker that `serve` runs when no Redis/RabbitMQ is set."""

from __future__ import annotations

from dramatiq import Worker

from app import actors, queue  # noqa: F401  (importing actors declares them on the broker)


def start_worker(threads: int) -> Worker:
    broker = queue.get_broker()
    queue.declare_queue()
    worker = Worker(broker, worker_threads=threads, worker_timeout=100)
    worker.start()
    return worker
