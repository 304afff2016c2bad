"""attachments/local_sites.py — test helpers: real HTTP servers on 127.0.0.1 and what they answer."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from app.services.attachments import FetchPolicy

EMAIL = "agent@kanzlei.example"
TOKEN = "zendesk-api-token-123"
CAP = 64 * 1024

Route = Callable[[BaseHTTPRequestHandler], None]
PolicyFactory = Callable[..., FetchPolicy]


@dataclass(frozen=True)
class SeenRequest:
    path: str
    headers: dict[str, str]


class LocalSite:
    """A threaded HTTP server on 127.0.0.1 that clients reach as `host_name`; it answers the
    paths in `routes` (404 otherwise) and records every request it gets."""

    def __init__(self, host_name: str) -> None:
        self.host_name = host_name
        self.routes: dict[str, Route] = {}
        self.seen: list[SeenRequest] = []
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site._handle(self)

            def log_message(self, format: str, *args: object) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def url(self, path: str) -> str:
        return f"http://{self.host_name}:{self.port}{path}"

    def requests_to(self, path: str) -> list[SeenRequest]:
        with self._lock:
            return [request for request in self.seen if request.path == path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        headers = {name.lower(): value for name, value in handler.headers.items()}
        with self._lock:
            self.seen.append(SeenRequest(handler.path, headers))
        route = self.routes.get(handler.path, status(404))
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            route(handler)


# --- routes -------------------------------------------------------------------------------


def file(body: bytes, content_type: str = "application/octet-stream") -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return respond


def redirect(location: str, *, cookie: str | None = None) -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        if cookie:
            handler.send_header("Set-Cookie", f"{cookie}; Path=/")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return respond


def status(code: int) -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(code)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return respond


def endless(total: int) -> Route:
    """`total` bytes with no Content-Length: the body simply runs until the connection closes."""

    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.end_headers()
        chunk = b"A" * 8192
        for _ in range(total // len(chunk)):
            handler.wfile.write(chunk)

    return respond


def claims_length(declared: int, hold_seconds: float) -> Route:
    """Declares `declared` bytes, sends a few, then holds the connection open."""

    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(declared))
        handler.end_headers()
        handler.wfile.write(b"A" * min(declared, 100))
        handler.wfile.flush()
        time.sleep(hold_seconds)

    return respond


def overflowing(declared: int, actual: int) -> Route:
    """Declares `declared` bytes in Content-Length but writes `actual` bytes."""

    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(declared))
        handler.end_headers()
        handler.wfile.write(b"A" * actual)

    return respond


def slow(delay: float, body: bytes = b"late\n") -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(delay)
        file(body)(handler)

    return respond


def trickle(count: int, pause: float) -> Route:
    """One byte at a time, each well within a read timeout, never finishing soon."""

    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(count))
        handler.end_headers()
        for _ in range(count):
            handler.wfile.write(b"A")
            handler.wfile.flush()
            time.sleep(pause)

    return respond
