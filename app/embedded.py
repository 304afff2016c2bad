"""embedded.py — the in-process Dramatiq worker that `serve` runs when no Redis/RabbitMQ is set;
it enforces the actors' time limits just as the `dramatiq` command does."""

from __future__ import annotations

import weakref

import dramatiq
from dramatiq import Worker
from dramatiq.middleware import TimeLimit

from app import actors, queue  # noqa: F401  (importing actors declares them on the broker)

_started: weakref.WeakSet[TimeLimit] = weakref.WeakSet()  # a watcher thread starts only once


def start_time_limits(broker: dramatiq.Broker) -> None:
    """Start the TimeLimit middleware's watcher thread. The `dramatiq` command does this when a
    worker process boots; an in-process worker never boots a process, so without this call no
    time limit would ever fire."""
    for middleware in broker.middleware:
        if isinstance(middleware, TimeLimit) and middleware not in _started:
            middleware.after_process_boot(broker)
            _started.add(middleware)


def start_worker(threads: int, broker: dramatiq.Broker | None = None) -> Worker:
    broker = broker if broker is not None else queue.get_broker()
    broker.declare_queue(queue.QUEUE_NAME)
    start_time_limits(broker)
    worker = Worker(broker, worker_threads=threads, worker_timeout=100)
    worker.start()
    return worker
