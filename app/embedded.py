"""embedded.py — the in-process Dramatiq worker that `serve` runs when no Redis/RabbitMQ is set; it enforces
the actors' time limits just as the `dramatiq` command does, polls the job table so that rows queued
elsewhere (the CLI, a restart) start within a poll or two, and on stop hands unfinished jobs back to the queue."""

from __future__ import annotations

import os
import socket
import threading
import time
import weakref
from collections.abc import Callable, Sequence

import dramatiq
import structlog
from dramatiq import Worker
from dramatiq.brokers.stub import StubBroker
from dramatiq.middleware import TimeLimit
from dramatiq.middleware.threading import raise_thread_exception

from app import actors, queue  # noqa: F401  (importing actors declares them on the broker)
from app.actors import heartbeat
from app.config import Settings
from app.database import session_scope
from app.models import utcnow
from app.services import dispatch, jobs, processing, recovery, workers

log = structlog.get_logger(__name__)

_started: weakref.WeakSet[TimeLimit] = weakref.WeakSet()  # a watcher thread starts only once
RECENTLY_SENT_SECONDS = 30.0
INTERRUPT_WAIT_SECONDS = 3.0

Say = Callable[[str], None]


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


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class EmbeddedWorker:
    """The worker thread pool, its heartbeat (kind "embedded") and the poller, started and stopped together."""

    def __init__(self, settings: Settings, say: Say) -> None:
        self.settings = settings
        self.say = say
        self.broker = queue.get_broker()
        self.worker: Worker | None = None
        self._stop = threading.Event()
        self._poller = threading.Thread(target=self._poll, name="embedded-poller", daemon=True)
        self._recent: dict[int, float] = {}

    def start(self) -> None:
        heartbeat.install(self.broker, "embedded", self.settings.worker_heartbeat_seconds)
        self.worker = start_worker(self.settings.embedded_worker_threads, self.broker)
        self._poller.start()

    # --- the poll -------------------------------------------------------------------------
    def _poll(self) -> None:
        while not self._stop.wait(self.settings.embedded_poll_seconds):
            try:
                self.poll_once()
            except Exception as error:  # the next poll tries again
                log.warning("embedded_poll_failed", error=str(error))

    def _backlog(self) -> int:
        waiting = self.worker.work_queue.qsize() if self.worker is not None else 0
        if isinstance(self.broker, StubBroker) and queue.QUEUE_NAME in self.broker.queues:
            waiting += self.broker.queues[queue.QUEUE_NAME].qsize()
        return waiting

    def poll_once(self) -> list[int]:
        """Send a wake-up call for every due waiting row the worker has not got in hand; returns their ids."""
        recovery.reclaim_orphans(self.settings, socket.gethostname(), os.getpid(), process_alive)
        if self._backlog():
            return []  # the worker is busy; due rows are found once it has room
        now = time.monotonic()
        self._recent = {i: at for i, at in self._recent.items() if now - at < RECENTLY_SENT_SECONDS}
        with session_scope() as session:
            if workers.is_paused(session):
                return []
            due = dispatch.due(session, utcnow(), self.settings.embedded_poll_seconds,
                               self.settings.embedded_worker_threads * 2, skip=self._recent.keys())
        for email_id in due:
            if queue.send(queue.PROCESS_EMAIL, email_id):
                self._recent[email_id] = now
        if due:
            log.info("embedded_poll_dispatched", count=len(due))
        return due

    # --- stopping -------------------------------------------------------------------------
    def stop(self) -> list[int]:
        """Let running jobs finish for SHUTDOWN_GRACE_SECONDS, then hand the rest back to `queued`
        (reason "shutdown", attempt not counted). Returns the ids handed back."""
        self._stop.set()
        self._poller.join(timeout=5)
        if self.worker is None:
            return []
        threads = list(self.worker.workers)
        for thread in threads:
            thread.stop()  # finish the current message, take no new one
        self._wait(threads, 0.3)
        busy = [thread for thread in threads if thread.is_alive()]
        grace = self.settings.shutdown_grace_seconds
        if busy:
            self.say(f"stopping: waiting up to {grace:g} s for {len(busy)} running job(s) "
                     "(Ctrl-C again to quit at once)")
            self._wait(busy, grace)
        returned = self._hand_back([thread for thread in busy if thread.is_alive()])
        self.worker.stop(timeout=1000)  # closes the consumers; the heartbeat forgets this worker
        self.worker = None
        return returned

    @staticmethod
    def _wait(threads: Sequence[threading.Thread], seconds: float) -> None:
        deadline = time.monotonic() + seconds
        for thread in threads:
            thread.join(timeout=max(0.0, deadline - time.monotonic()))

    def _hand_back(self, still_running: Sequence[threading.Thread]) -> list[int]:
        prefix = f"{workers.identity()}:"
        with session_scope() as session:
            held = [email_id for email_id, owner in dispatch.held_on_host(session, socket.gethostname())
                    if owner.startswith(prefix)]
        for thread in still_running:
            if thread.ident is not None:
                raise_thread_exception(thread.ident, processing.WorkerStopping)
        self._wait(still_running, INTERRUPT_WAIT_SECONDS)
        with session_scope() as session:
            jobs.release_all_on_shutdown(session, prefix)  # a thread stuck in a system call
            returned = [email_id for email_id in held
                        if jobs.get(session, email_id).processing_status == jobs.S.QUEUED.value]
        if returned:
            log.warning("jobs_returned_to_queue", count=len(returned), ids=returned, reason="shutdown")
        return returned
