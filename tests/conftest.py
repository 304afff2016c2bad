"""Shared fixtures: one migrated SQLite file and one migrated PostgreSQL database per test run,
settings switched through the environment, and an in-process Dramatiq worker on the stub broker."""

from __future__ import annotations

import os
import tempfile

# The test process itself always uses the embedded (stub) broker; tests that need Redis start
# their own processes with REDIS_URL set. Nothing from the developer's shell leaks in.
for _name in list(os.environ):
    if _name.upper() in {
        "REDIS_URL", "RABBITMQ_URL", "ZENDESK_WEBHOOK_SECRET", "JOBS_API_TOKEN", "SMTP_HOST",
        "SMTP_USERNAME", "SMTP_PASSWORD", "ADMIN_EMAIL", "DATABASE_URL", "ZENDESK_SUBDOMAIN",
    }:
        del os.environ[_name]
# Pausing the shared test worker makes Dramatiq restart its consumer after this many ms (3 s
# by default); read when dramatiq is first imported.
os.environ["ATTACHMENT_STORE_DIR"] = tempfile.mkdtemp(prefix="cm-test-attachments-")
os.environ["dramatiq_restart_delay"] = "50"  # noqa: SIM112  (Dramatiq reads it in lower case)

from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from dramatiq import Worker  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import delete  # noqa: E402

from app import actors, migrations, queue  # noqa: E402
from app.config import get_settings  # noqa: E402
from app.database import reset_engine, session_scope  # noqa: E402
from app.models import DEFAULT_FIRM_ID, Base, Firm  # noqa: E402
from app.services import firms  # noqa: E402
from tests.support.app_client import app_client  # noqa: E402
from tests.support.servers import postgres_admin_url, redis_url, scratch_database  # noqa: E402
from tests.support.worker import drain  # noqa: E402

SetEnv = Callable[..., None]


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[str]:
    with postgres_admin_url() as url:
        yield url


@pytest.fixture(scope="session")
def postgres_url(postgres_admin: str) -> Iterator[str]:
    with scratch_database(postgres_admin) as url:
        migrations.upgrade(url)
        yield url


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    migrations.upgrade(url)
    return url


@pytest.fixture(scope="session")
def redis_server_url() -> Iterator[str]:
    with redis_url() as url:
        yield url


@pytest.fixture
def set_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[SetEnv]:
    """Set environment variables for the app and forget cached settings and engines."""

    def apply(**values: object) -> None:
        for key, value in values.items():
            if value is None:
                monkeypatch.delenv(key.upper(), raising=False)
            else:
                monkeypatch.setenv(key.upper(), str(value))
        get_settings.cache_clear()
        reset_engine()

    yield apply
    monkeypatch.undo()
    get_settings.cache_clear()
    reset_engine()


def _empty_tables() -> None:
    """Every row gone but the default firm, which every installation has (alembic 0009)."""
    with session_scope() as session:
        for table in reversed(Base.metadata.sorted_tables):
            if table.name == "firms":
                session.execute(delete(table).where(table.c.id != DEFAULT_FIRM_ID))
            else:
                session.execute(delete(table))
        if session.get(Firm, DEFAULT_FIRM_ID) is None:
            session.add(Firm(id=DEFAULT_FIRM_ID, slug="default", name="Default firm", inbound_addresses=[]))
    firms.forget_directory()


def _emptied(url: str, set_env: SetEnv, name: str) -> Iterator[str]:
    set_env(database_url=url, retry_min_backoff_seconds=0.05, retry_max_backoff_seconds=0.2)
    _empty_tables()
    yield name
    _empty_tables()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, set_env: SetEnv) -> Iterator[str]:
    """Runs the test once on SQLite and once on PostgreSQL, each starting from empty tables."""
    url = request.getfixturevalue({"sqlite": "sqlite_url", "postgresql": "postgres_url"}[request.param])
    yield from _emptied(url, set_env, request.param)


@pytest.fixture
def client(database: str) -> Iterator[TestClient]:
    """The real app over `database`, without scheduler or worker; messages it sends stay in the stub queue."""
    queue.declare_queue()
    queue.get_broker().flush_all()
    with app_client() as test_client:
        yield test_client
    queue.get_broker().flush_all()


@pytest.fixture
def sqlite_database(sqlite_url: str, set_env: SetEnv) -> Iterator[str]:
    yield from _emptied(sqlite_url, set_env, "sqlite")


@pytest.fixture
def postgres_database(postgres_url: str, set_env: SetEnv) -> Iterator[str]:
    """For what only PostgreSQL does (the web process's own asyncio connection at intake, SKIP LOCKED)."""
    yield from _emptied(postgres_url, set_env, "postgresql")


@pytest.fixture(scope="session")
def _session_worker() -> Iterator[Worker]:
    broker = queue.get_broker()
    assert actors.email_processor.process_email.broker is broker
    queue.declare_queue()
    # An earlier test's message (one that enqueued without a worker) must not be fetched in the moment
    # between start and pause: it would run later against whichever database the next test uses.
    broker.flush_all()
    worker = Worker(broker, worker_threads=2, worker_timeout=50)
    worker.start()
    worker.pause()
    yield worker
    worker.stop()


@pytest.fixture
def stub_worker(_session_worker: Worker) -> Iterator[Worker]:
    """A real Dramatiq worker thread pool consuming the in-process stub broker. One per run,
    paused between the tests that use it (Dramatiq leaves each worker's middleware on the
    broker, so one per test would pile up)."""
    broker = queue.get_broker()
    broker.flush_all()
    _session_worker.resume()
    yield _session_worker
    drain(_session_worker)
    _session_worker.pause()
    broker.flush_all()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    path = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev"
    assert (path / "corpus.json").exists(), f"dev corpus missing at {path}"
    return path
