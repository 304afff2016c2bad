"""A job's time limit holds in embedded mode, and no peer that trickles bytes (headers included)
holds a thread past a network call's total budget: real local sockets, no mocks."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage

import dramatiq
import httpx
import pytest
from dramatiq.brokers.stub import StubBroker
from dramatiq.middleware import TimeLimitExceeded

from app import embedded, queue
from app.config import Settings
from app.deadlines import DeadlineExceeded, job_deadline
from app.errors import TransientError
from app.models import OutboxMessage
from app.services import outbox
from app.services.attachments.fetch import FetchPolicy, download
from app.services.notifiers import SmtpConfig, SmtpDeliveryError, send_message


@contextmanager
def trickling_server(opening: bytes, drip: bytes = b"x", every: float = 0.05) -> Iterator[int]:
    """A TCP server that sends `opening`, then one `drip` every `every` seconds, for ever."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        with conn:
            try:
                for byte in opening:
                    conn.sendall(bytes([byte]))
                    time.sleep(every)
                while not stop.wait(every):
                    conn.sendall(drip)
            except OSError:
                return

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=2)
        listener.close()


def local_policy(deadline_seconds: float) -> FetchPolicy:
    return FetchPolicy(first_hop_hosts=frozenset({"127.0.0.1"}), redirect_hosts=frozenset(),
                       timeout_seconds=5, deadline_seconds=deadline_seconds,
                       allow_private_addresses=True, allow_plain_http=True)


def timed(call: object) -> float:
    started = time.monotonic()
    with pytest.raises((TransientError, SmtpDeliveryError)):
        call()  # type: ignore[operator]
    return time.monotonic() - started


def fetch_from(port: int, policy: FetchPolicy) -> float:
    """Seconds until downloading from the local server failed (it must fail)."""
    with httpx.Client(timeout=5, trust_env=False) as client:
        return timed(lambda: download(f"http://127.0.0.1:{port}/f.pdf", policy, client))


def test_a_download_whose_headers_trickle_ends_at_its_total_deadline() -> None:
    with trickling_server(b"HTTP/1.1 200 OK\r\nX-Slow: ", every=0.05) as port:
        assert fetch_from(port, local_policy(1.0)) < 2.5


def test_a_download_whose_body_trickles_ends_at_its_total_deadline() -> None:
    opening = b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n"
    with trickling_server(opening, every=0.01) as port:
        assert fetch_from(port, local_policy(1.0)) < 2.5


def test_the_jobs_own_time_limit_caps_a_download_with_a_longer_budget() -> None:
    with trickling_server(b"HTTP/1.1 200 OK\r\nX-Slow: ") as port, job_deadline(1.0):
        assert fetch_from(port, local_policy(600)) < 2.5


def test_a_download_after_the_jobs_time_is_spent_is_not_started() -> None:
    with job_deadline(0.0), pytest.raises(DeadlineExceeded):
        download("http://127.0.0.1:9/f", local_policy(600), httpx.Client(trust_env=False))


def test_an_smtp_server_trickling_its_greeting_is_cut_off() -> None:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "a@b.test", "c@d.test", "x"
    with trickling_server(b"220 ", drip=b"-") as port:
        config = SmtpConfig(host="127.0.0.1", port=port, starttls=False, timeout_seconds=0.5)
        started = time.monotonic()
        with pytest.raises(SmtpDeliveryError, match="took over"):
            send_message(config, message)
    assert time.monotonic() - started < 2.5


def test_a_portal_trickling_its_answer_is_cut_off() -> None:
    settings = Settings(outbox_timeout_seconds=0.4)
    with trickling_server(b"HTTP/1.1 200 OK\r\nX-Slow: ") as port:
        entry = OutboxMessage(target=f"http://127.0.0.1:{port}/hook", payload={"claim": 1},
                              delivery_id="d-1", channel=outbox.WEBHOOK)
        started = time.monotonic()
        with pytest.raises(DeadlineExceeded):
            outbox.post_webhook(entry, settings)
    assert time.monotonic() - started < 2.5


def test_the_embedded_worker_enforces_an_actors_time_limit() -> None:
    broker = queue.build_broker(Settings())
    assert isinstance(broker, StubBroker)
    outcome: list[str] = []

    @dramatiq.actor(broker=broker, queue_name=queue.QUEUE_NAME, time_limit=300, max_retries=0)
    def busy() -> None:
        try:
            for _ in range(200):  # ten seconds of Python work, interruptible between sleeps
                time.sleep(0.05)
            outcome.append("ran to the end")
        except TimeLimitExceeded:
            outcome.append("interrupted")

    worker = embedded.start_worker(1, broker)
    try:
        started = time.monotonic()
        busy.send()
        while not outcome and time.monotonic() - started < 5:
            time.sleep(0.05)
    finally:
        worker.stop()
    assert outcome == ["interrupted"]
    assert time.monotonic() - started < 3
