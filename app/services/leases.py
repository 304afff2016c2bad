"""services/leases.py — the lease heartbeat: one side thread per process keeps every running attempt's lease alive.

Invariant: while an attempt is registered its lease is pushed forward every third of its length, and once
`release` returns no heartbeat for it is in flight or will start (a thread per attempt cost more CPU than
a short job's whole pipeline)."""

from __future__ import annotations

import itertools
import os
import threading
import time
from dataclasses import dataclass

import structlog

from app.database import session_scope
from app.services import jobs

log = structlog.get_logger(__name__)


@dataclass
class _Held:
    job: jobs.Claim
    seconds: float
    due: float


class LeaseHeartbeat:
    """The process's heartbeat thread and the leases it keeps; started on first use (and again in a
    forked child, which inherits the registry but not the thread)."""

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self._changed = threading.Condition(threading.Lock())
        self._held: dict[int, _Held] = {}
        self._busy: set[int] = set()
        self._keys = itertools.count(1)
        self._thread: threading.Thread | None = None
        self._pid = os.getpid()

    def hold(self, job: jobs.Claim, seconds: float) -> int:
        """Keep `job`'s lease alive until `release(key)`; returns the key."""
        if self._pid != os.getpid():
            self._reset()
        with self._changed:
            key = next(self._keys)
            due = time.monotonic() + seconds / 3
            # The thread sleeps until the earliest lease it saw is due; every lease added since without a
            # wake-up is due no sooner. Only an earlier one needs it woken (a wake-up per email cost more CPU
            # than the rest of the heartbeat).
            earlier = all(due < held.due for held in self._held.values())
            self._held[key] = _Held(job, seconds, due)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="lease-heartbeat", daemon=True)
                self._thread.start()
            elif earlier:
                self._changed.notify_all()
        return key

    def release(self, key: int) -> None:
        """Stop the heartbeat for `key`, waiting for one already running (so none follows the attempt's end)."""
        with self._changed:
            self._held.pop(key, None)
            while key in self._busy:
                self._changed.wait(5)

    def held(self) -> int:
        with self._changed:
            return len(self._held)

    def _due(self) -> list[tuple[int, _Held]]:
        """Block until some lease needs extending, then mark those busy and return them."""
        with self._changed:
            while True:
                now = time.monotonic()
                due = [(key, held) for key, held in self._held.items() if held.due <= now]
                if due:
                    self._busy.update(key for key, _ in due)
                    return due
                next_due = min((held.due for held in self._held.values()), default=None)
                self._changed.wait(None if next_due is None else next_due - now)

    def _run(self) -> None:
        while True:
            for key, held in self._due():
                keep = self._extend(held)
                with self._changed:
                    self._busy.discard(key)
                    if key in self._held:
                        if keep:
                            held.due = time.monotonic() + held.seconds / 3
                        else:
                            del self._held[key]
                    self._changed.notify_all()

    @staticmethod
    def _extend(held: _Held) -> bool:
        """False once the lease is no longer ours (nothing more to keep)."""
        try:
            with session_scope() as session:
                return jobs.extend_lease(session, held.job, held.seconds)
        except Exception as error:  # a missed heartbeat is survivable; the next one retries
            log.warning("lease_extend_failed", email_id=held.job.email_id, error=str(error))
            return True


heartbeat = LeaseHeartbeat()
