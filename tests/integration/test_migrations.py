"""The migrations build exactly the schema the models declare, and step down and up again."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from alembic import command
from app import migrations
from app.models import Base


@pytest.mark.parametrize("backend", ["sqlite_url", "postgres_url"])
def test_migrated_schema_matches_the_models(backend: str, request: pytest.FixtureRequest) -> None:
    url = request.getfixturevalue(backend)
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_the_settlement_plan_migration_steps_down_and_up(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/steps.db"
    migrations.upgrade(url)
    command.downgrade(migrations.alembic_config(url), "0002")
    engine = create_engine(url)
    try:
        assert "plan_decisions" not in inspect(engine).get_table_names()
        assert "letter_type" not in {column["name"] for column in inspect(engine).get_columns("inquiries")}
        migrations.upgrade(url)
        assert "plan_decisions" in inspect(engine).get_table_names()
        with engine.connect() as connection:
            head = ScriptDirectory.from_config(migrations.alembic_config(url)).get_current_head()
            assert MigrationContext.configure(connection).get_current_revision() == head
    finally:
        engine.dispose()


def test_every_migration_steps_down_to_the_first_and_up_again(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/cycle.db"
    migrations.upgrade(url)
    command.downgrade(migrations.alembic_config(url), "base")
    engine = create_engine(url)
    try:
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        migrations.upgrade(url)
        assert {"worker_heartbeats", "service_flags", "plan_decisions"} <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
