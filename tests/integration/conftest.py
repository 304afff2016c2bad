"""Fixtures several integration modules share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app import queue


@pytest.fixture
def stub_queue(database: str) -> Iterator[str]:
    """The database under test with an empty queue before and after: what a test sends is all there is."""
    queue.declare_queue()
    queue.get_broker().flush_all()
    yield database
    queue.get_broker().flush_all()
