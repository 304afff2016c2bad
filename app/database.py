"""database.py — engine and sessions; `session_scope()` and the request dependency own the commit."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, Insert, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import InvalidatePoolError, OperationalError
from sqlalchemy.orm import Session, make_transient_to_detached, sessionmaker

from app.config import get_settings


def build_engine(url: str) -> Engine:
    """An engine tuned per backend: SQLite gets WAL and a busy timeout so the web process
    and the in-process worker can share one file; PostgreSQL gets a small pool. Statement
    parameters (email text) never appear in an error message or a log line."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                               hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    engine = create_engine(url, pool_size=5, max_overflow=5, hide_parameters=True)
    event.listen(engine, "checkin", _note_checkin)
    event.listen(engine, "checkout", partial(_ping_if_idle, engine.dialect))
    return engine


# A pooled PostgreSQL connection idle this long is pinged (one round trip) before it is handed out: a database
# restarted meanwhile has left it dead, and the ping swaps it for a fresh one. One reused sooner, as a busy
# worker reuses its connection between a claim and the next, is not: if the database restarted in that moment,
# its first statement fails, SQLAlchemy discards every connection the pool held, and the worker runs that
# transaction's first statement once more on a fresh one (services/processing.py). Before, every checkout pinged.
PING_AFTER_IDLE_SECONDS = 1.0
_CHECKED_IN = "checked_in_at"


def _note_checkin(_dbapi_connection: Any, record: Any) -> None:
    record.info[_CHECKED_IN] = time.monotonic()


def _ping_if_idle(dialect: Any, dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    """Pool checkout: a connection idle PING_AFTER_IDLE_SECONDS or longer must answer a ping, else the pool
    replaces it and every other connection it holds (InvalidatePoolError: one dead connection means the
    database went away); a connection new to the pool is not pinged."""
    checked_in = record.info.get(_CHECKED_IN)
    if checked_in is None or time.monotonic() - checked_in < PING_AFTER_IDLE_SECONDS:
        return
    try:
        alive = dialect.do_ping(dbapi_connection)
    except Exception as error:
        raise InvalidatePoolError(describe_driver_error(error)) from error
    if not alive:  # pragma: no cover (psycopg's ping raises rather than answering False)
        raise InvalidatePoolError("the connection did not answer its ping")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


_url_override: str | None = None


def use_database(url: str | None) -> None:
    """Point sessions at `url` instead of DATABASE_URL (the evaluator's scratch database);
    None goes back to the setting."""
    global _url_override
    reset_engine()
    _url_override = url


@lru_cache(maxsize=1)
def get_engine() -> Engine:
    return build_engine(_url_override or get_settings().database_url)


@lru_cache(maxsize=1)
def get_session_factory() -> sessionmaker[Session]:
    return sessionmaker(bind=get_engine(), expire_on_commit=False)


def reset_engine() -> None:
    """Forget the cached engine (tests and the CLI switch databases through settings)."""
    if get_engine.cache_info().currsize:
        get_engine().dispose()
    get_engine.cache_clear()
    get_session_factory.cache_clear()


def check_reachable() -> None:
    """Raise OperationalError unless the database answers."""
    with get_engine().connect() as connection:
        connection.execute(text("SELECT 1"))


def describe_driver_error(error: BaseException | None) -> str:
    """A database driver's error as its first line (psycopg adds one line per address tried), without SQL."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__


def describe_unreachable(error: OperationalError) -> str:
    return describe_driver_error(error.orig)


Row = TypeVar("Row")


def add_inserted(session: Session, statement: Insert, model: Callable[..., Row], values: dict[str, Any],
                 **known: Any) -> Row:
    """One row written by `statement` (a prebuilt Core INSERT … RETURNING the new id) with `values`, handed back
    as a persistent `model` object of the session, as if the ORM had flushed it: for a row written per email,
    the unit of work cost more CPU than the statement. Rows pending in the session are flushed first, so they
    are written before it as one flush would order them. `known`: attributes the object holds without loading
    them (columns the INSERT leaves at their default); a column the database sets (firm_id) loads if touched."""
    row = add_inserted_if_new(session, statement, model, values, **known)
    assert row is not None, "the INSERT returned no row"
    return row


def add_inserted_if_new(session: Session, statement: Insert, model: Callable[..., Row], values: dict[str, Any],
                        **known: Any) -> Row | None:
    """As `add_inserted`, for a statement that may write nothing (`ON CONFLICT DO NOTHING … RETURNING`): None when
    it returned no row."""
    if session.new or session.dirty:
        session.flush()
    new_id = session.execute(statement, values).scalar()
    if new_id is None:
        return None
    row = model(id=new_id, **values, **known)
    make_transient_to_detached(row)
    session.add(row)
    return row


@contextmanager
def session_scope() -> Iterator[Session]:
    """A unit of work: commit on success, roll back on any exception."""
    session = get_session_factory()()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def get_session() -> Iterator[Session]:
    """FastAPI dependency: one session per request, committed when the handler returns."""
    with session_scope() as session:
        yield session
