"""Security regression fixtures: the real app over the `database` fixture (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app import queue
from tests.support.app_client import app_client


@pytest.fixture
def client(database: str) -> Iterator[TestClient]:
    """A TestClient without scheduler or worker; messages it sends stay in the stub queue."""
    queue.declare_queue()
    queue.get_broker().flush_all()
    with app_client() as test_client:
        yield test_client
    queue.get_broker().flush_all()
