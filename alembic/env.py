"""alembic/env.py — migrations run against DATABASE_URL (or an explicit `sqlalchemy.url`)."""

from __future__ import annotations

from sqlalchemy import Connection

from alembic import context
from app.config import get_settings
from app.database import build_engine
from app.migrations import include_object
from app.models import Base

config = context.config
target_metadata = Base.metadata


def database_url() -> str:
    return config.get_main_option("sqlalchemy.url") or get_settings().database_url


def migrate(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        migrate(connection)
        return
    engine = build_engine(database_url())
    try:
        with engine.connect() as fresh:
            migrate(fresh)
    finally:
        engine.dispose()


if context.is_offline_mode():
    context.configure(url=database_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_online()
