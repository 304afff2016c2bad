"""The migrations build exactly the schema the models declare, and step down and up again."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from alembic import command
from app import migrations
from app.models import Base
from tests.support.servers import scratch_database


@pytest.mark.parametrize("backend", ["sqlite_url", "postgres_url"])
def test_migrated_schema_matches_the_models(backend: str, request: pytest.FixtureRequest) -> None:
    url = request.getfixturevalue(backend)
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"include_object": migrations.include_object})
            differences = compare_metadata(context, Base.metadata)
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


@contextmanager
def _empty_database(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path}/empty.db"
        return
    with scratch_database(request.getfixturevalue("postgres_admin"), "cm_test_namekeys") as url:
        yield url


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_name_keys_take_their_inquirys_firm_on_the_way_up_and_lose_it_on_the_way_down(
        backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    with _empty_database(backend, tmp_path, request) as url:
        migrations.upgrade(url, "0010")
        engine = create_engine(url)
        try:
            with engine.begin() as connection:
                for firm_id, ident in ((1, "INQ-A"), (2, "INQ-B")):
                    connection.execute(text(
                        "INSERT INTO inquiries (external_id, firm_id, client_name, firm_reference, creditor_name, "
                        "currency, firm_reference_key, routing_key, client_name_key, created_at, updated_at) "
                        "VALUES (:ident, :firm, 'Vera Lorenzen', :ident, 'Nordbank', 'EUR', :ident, :ident, "
                        "'vera lorenzen', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"), {"ident": ident, "firm": firm_id})
                    connection.execute(text(
                        "INSERT INTO inquiry_name_keys (inquiry_id, kind, value) "
                        "SELECT id, 'token', 'lorenzen' FROM inquiries WHERE external_id = :ident"), {"ident": ident})
            migrations.upgrade(url)
            keyed = "SELECT i.external_id, k.firm_id FROM inquiry_name_keys k JOIN inquiries i ON i.id = k.inquiry_id"
            with engine.connect() as connection:
                assert sorted(connection.execute(text(keyed)).all()) == [("INQ-A", 1), ("INQ-B", 2)]
            indexes = {index["name"] for index in inspect(engine).get_indexes("inquiry_name_keys")}
            assert "ix_inquiry_name_keys_kind_value_firm_inquiry" in indexes
            command.downgrade(migrations.alembic_config(url), "0010")
            engine.dispose()
            assert "firm_id" not in {column["name"] for column in inspect(engine).get_columns("inquiry_name_keys")}
            indexes = {index["name"] for index in inspect(engine).get_indexes("inquiry_name_keys")}
            assert "ix_inquiry_name_keys_kind_value_inquiry" in indexes
            with engine.begin() as connection:  # the trigger went with the column: a key row inserts as before
                connection.execute(text("INSERT INTO inquiry_name_keys (inquiry_id, kind, value) "
                                        "SELECT id, 'sound', '5768' FROM inquiries WHERE external_id = 'INQ-B'"))
            migrations.upgrade(url)
            with engine.connect() as connection:
                assert sorted(connection.execute(text(keyed)).all()) == [("INQ-A", 1), ("INQ-B", 2), ("INQ-B", 2)]
        finally:
            engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_existing_inquiries_get_their_routing_digits_on_the_way_up(
        backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    with _empty_database(backend, tmp_path, request) as url:
        migrations.upgrade(url, "0013")
        engine = create_engine(url)
        try:
            with engine.begin() as connection:
                for ident, routing in (("KM-28/O-054", None), ("AZ 12", "AZ 12"), ("Q-7/27", "q7-27-m731")):
                    connection.execute(text(
                        "INSERT INTO inquiries (external_id, firm_id, client_name, firm_reference, routing_id, "
                        "creditor_name, currency, firm_reference_key, routing_key, client_name_key, created_at, "
                        "updated_at) VALUES (:ident, 1, 'Vera Lorenzen', :ident, :routing, 'Nordbank', 'EUR', :ident, "
                        ":ident, 'vera lorenzen', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"),
                        {"ident": ident, "routing": routing})
            migrations.upgrade(url)
            with engine.connect() as connection:
                digits = dict(connection.execute(text("SELECT external_id, routing_digits FROM inquiries")).all())
            assert digits == {"KM-28/O-054": "054-28", "AZ 12": None, "Q-7/27": "27-7-731"}
            indexes = {index["name"] for index in inspect(engine).get_indexes("inquiries")}
            assert "ix_inquiries_routing_digits" in indexes
            command.downgrade(migrations.alembic_config(url), "0013")
            engine.dispose()
            assert "routing_digits" not in {column["name"] for column in inspect(engine).get_columns("inquiries")}
        finally:
            engine.dispose()
