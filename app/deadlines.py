"""deadlines.py — a total time budget for every network call, capped by the running job's own limit.

Per-read socket timeouts alone let a peer that trickles one byte at a time (headers included)
hold a thread for ever; a watchdog shuts the call's sockets down when its budget is spent, which
unblocks any read in progress, and the call fails as a TransientError."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from typing import Any

from app.errors import TransientError

_job_deadline: ContextVar[float | None] = ContextVar("job_deadline", default=None)

# httpcore trace events whose return value is a connected stream (plain, then TLS).
_STREAM_EVENTS = frozenset({"connection.connect_tcp.complete", "connection.start_tls.complete"})


class DeadlineExceeded(TransientError):
    """A network call or a job ran out of its time budget."""


@contextmanager
def job_deadline(seconds: float) -> Iterator[None]:
    """Every network call inside the block ends within `seconds` of its start."""
    token = _job_deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _job_deadline.reset(token)


def budget(seconds: float) -> float:
    """`seconds`, or less when the running job has less left; raises once the job's time is up."""
    deadline = _job_deadline.get()
    if deadline is None:
        return seconds
    left = deadline - time.monotonic()
    if left <= 0:
        raise DeadlineExceeded("the job's time limit (JOB_TIME_LIMIT_SECONDS) is spent")
    return min(seconds, left)


class Watchdog:
    """Shuts down every socket given to `watch` once its time is up."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._expired = threading.Event()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    @property
    def expired(self) -> bool:
        return self._expired.is_set()

    def watch(self, sock: socket.socket) -> None:
        # A duplicate descriptor still reaches the connection after TLS wrapping detaches `sock`.
        try:
            duplicate = sock.dup()
        except OSError:
            return
        with self._lock:
            self._sockets.append(duplicate)
        if self.expired:
            _shutdown(duplicate)

    def httpx_trace(self, event_name: str, info: Mapping[str, Any]) -> None:
        """An httpx `trace` request extension that watches each connection it opens."""
        if event_name in _STREAM_EVENTS:
            stream = info.get("return_value")
            sock = stream.get_extra_info("socket") if stream is not None else None
            if isinstance(sock, socket.socket):
                self.watch(sock)

    def _expire(self) -> None:
        self._expired.set()
        with self._lock:
            for sock in self._sockets:
                _shutdown(sock)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.cancel()
        with self._lock:
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()


def _shutdown(sock: socket.socket) -> None:
    with suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


@contextmanager
def network_deadline(seconds: float, what: str) -> Iterator[Watchdog]:
    """A watchdog for one network call of at most `seconds` (less if the job has less left);
    any error raised after it fired becomes DeadlineExceeded naming `what`."""
    allowed = budget(seconds)
    watchdog = Watchdog(allowed)
    watchdog.start()
    try:
        yield watchdog
    except Exception:
        if watchdog.expired:
            raise DeadlineExceeded(f"{what} took over {allowed:.3g} s") from None
        raise
    finally:
        watchdog.stop()
