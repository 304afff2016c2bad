"""actors/heartbeat.py — Dramatiq middleware that makes a worker visible: it beats every few seconds while
the worker runs and is forgotten on a clean shutdown; invariant: `workers.live` lists the running workers."""

from __future__ import annotations

import threading
from typing import Any

import dramatiq
import structlog
from dramatiq.broker import MessageProxy
from dramatiq.middleware import Middleware

from app import queue
from app.database import session_scope
from app.services import workers

log = structlog.get_logger(__name__)


class Heartbeat(Middleware):
    """Beats from a daemon thread started when the worker boots (the `dramatiq` command's processes and the
    embedded worker alike: both emit worker_boot/worker_shutdown), counting the jobs it has processed."""

    def __init__(self, kind: str, interval_seconds: float) -> None:
        self.kind = kind
        self.interval_seconds = interval_seconds
        self.threads = 1
        self.jobs_done = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def after_worker_boot(self, broker: dramatiq.Broker, worker: dramatiq.Worker) -> None:
        self.threads = worker.worker_threads
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="worker-heartbeat", daemon=True)
        self._thread.start()

    def after_process_message(self, broker: dramatiq.Broker, message: MessageProxy, *,
                              result: Any = None, exception: BaseException | None = None) -> None:
        if message.actor_name == queue.PROCESS_EMAIL:
            with self._lock:
                self.jobs_done += 1

    def before_worker_shutdown(self, broker: dramatiq.Broker, worker: dramatiq.Worker) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        try:
            with session_scope() as session:
                workers.forget(session)
        except Exception as error:  # the row ages out of `live` by itself
            log.warning("heartbeat_forget_failed", error=str(error))

    def beat_once(self) -> None:
        try:
            with session_scope() as session:
                workers.beat(session, self.kind, threads=self.threads, jobs_done=self.jobs_done)
        except Exception as error:  # a missed beat is survivable; the next one retries
            log.warning("heartbeat_failed", kind=self.kind, error=str(error))

    def _run(self) -> None:
        self.beat_once()
        while not self._stop.wait(self.interval_seconds):
            self.beat_once()


def install(broker: dramatiq.Broker, kind: str, interval_seconds: float) -> Heartbeat:
    """The broker's Heartbeat middleware, added once (a broker keeps its middleware for good)."""
    for middleware in broker.middleware:
        if isinstance(middleware, Heartbeat):
            middleware.kind, middleware.interval_seconds = kind, interval_seconds
            return middleware
    heartbeat = Heartbeat(kind, interval_seconds)
    broker.add_middleware(heartbeat)
    return heartbeat
