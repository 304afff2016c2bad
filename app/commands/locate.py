"""commands/locate.py — which database a command works on; invariant: a command that reads or feeds the
operator's database never creates one by accident, it says where it looked instead."""

from __future__ import annotations

from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from app import migrations
from app.config import Settings, database_url_source
from app.database import get_engine

FIX = "run `creditor-matcher migrate` or set DATABASE_URL"


class NoDatabase(Exception):
    """The configured database is missing or not migrated; the message is one line for the operator."""


def sqlite_file(settings: Settings) -> Path | None:
    """The SQLite file of DATABASE_URL (absolute), or None for PostgreSQL and in-memory databases."""
    url = make_url(settings.database_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def where(settings: Settings) -> str:
    """The database named for people: a file path, or the server and database name without password."""
    path = sqlite_file(settings)
    if path is not None:
        return str(path)
    return make_url(settings.database_url).render_as_string(hide_password=True)


def current_revision() -> str | None:
    """The revision the database stands at (None: no tables yet); read quietly, without Alembic's log lines."""
    with get_engine().connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.scalar(text("SELECT version_num FROM alembic_version"))


def head_revision() -> str | None:
    return ScriptDirectory.from_config(migrations.alembic_config()).get_current_head()


def require_database(settings: Settings, *, upgrade: bool = False) -> None:
    """Raise NoDatabase unless the configured database exists and is migrated to this code's head;
    with `upgrade`, an existing database is brought to head instead (commands that write rows)."""
    path = sqlite_file(settings)
    if path is not None and not path.is_file():
        raise NoDatabase(f"no database at {path} ({database_url_source()}); {FIX}")
    if upgrade:
        migrations.upgrade()
        return
    current, head = current_revision(), head_revision()
    if current is None:
        raise NoDatabase(f"the database at {where(settings)} has no tables yet ({database_url_source()}); {FIX}")
    if current != head:
        raise NoDatabase(f"the database at {where(settings)} is at revision {current}, this version needs "
                         f"{head}; run `creditor-matcher migrate`")
