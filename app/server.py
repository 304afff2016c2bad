"""server.py — `creditor-matcher serve`: take the port, migrate, run uvicorn, stop in the operator's sight;
invariant: nothing is migrated unless the port is ours, and a second Ctrl-C always ends the process."""

from __future__ import annotations

import errno
import os
import socket
import sys
from types import FrameType

import uvicorn

from app import migrations
from app.config import Settings
from app.main import app_factory

FORCED_EXIT_STATUS = 130


def say(message: str) -> None:
    """A line for the person at the terminal (logs may be filtered; this is not)."""
    print(message, file=sys.stderr, flush=True)


def browsable(host: str) -> str:
    """The host to put in a URL someone can click: a wildcard address is reachable as localhost."""
    if host in ("", "0.0.0.0"):
        return "127.0.0.1"
    if host == "::":
        return "[::1]"
    return f"[{host}]" if ":" in host else host


def port_in_use(host: str, port: int) -> str:
    other = port + 1 if port < 65535 else 8001
    return (f"error: port {port} on {host} is already in use; stop the other server or choose another port: "
            f"PORT={other} make run  (or: creditor-matcher serve --port {other})")


def take_port(host: str, port: int) -> socket.socket:
    """Bind the listening socket before anything else happens; uvicorn then serves on it."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


class OperatorServer(uvicorn.Server):
    """uvicorn's server with a voice: the first Ctrl-C says that it is stopping, the second one ends the
    process at once (jobs still running are taken back by the next start)."""

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if self.should_exit:
            say("forced exit: jobs still running are taken back when the service starts again")
            os._exit(FORCED_EXIT_STATUS)
        say("stopping… (Ctrl-C again to quit at once)")
        super().handle_exit(sig, frame)


def serve(host: str, port: int, settings: Settings) -> int:
    """Returns the exit status: 1 with one line when the port is taken (before any migration)."""
    try:
        sock = take_port(host, port)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            say(port_in_use(host, port))
        else:
            say(f"error: cannot listen on {host}:{port}: {error.strerror or error}")
        return 1
    migrations.upgrade()
    url = f"http://{host}:{port}"
    print(f"creditor-matcher listening on {url} "
          f"(database {settings.database_url.split('@')[-1]}, broker {settings.broker_kind})", flush=True)
    print(f"dashboard: http://{browsable(host)}:{port}/dashboard", flush=True)
    config = uvicorn.Config(app_factory(say=say), log_config=None,
                            timeout_graceful_shutdown=max(1, round(settings.shutdown_grace_seconds)))
    try:
        OperatorServer(config).run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn re-raises the Ctrl-C it handled once it has stopped
        return 0
    return 0
