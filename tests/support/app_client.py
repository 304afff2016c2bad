"""support/app_client.py — a TestClient over the real app (no scheduler; worker as the test says)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi.testclient import TestClient

from app.main import create_app


@contextmanager
def app_client(*, embedded_worker: bool = False) -> Iterator[TestClient]:
    with TestClient(create_app(run_scheduler=False, run_embedded_worker=embedded_worker)) as client:
        yield client
