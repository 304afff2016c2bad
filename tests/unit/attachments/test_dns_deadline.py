"""A DNS lookup that never answers ends with the download's deadline instead of holding the worker thread.

getaddrinfo takes no timeout; the resolver is the one part of a download that cannot run here, so it is
replaced by a lookup that blocks until the test lets it go."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from app.deadlines import DeadlineExceeded
from app.errors import TransientError
from app.services.attachments import FetchPolicy
from app.services.attachments.fetch import build_client, download
from app.services.attachments.netguard import resolve_addresses


@pytest.fixture
def hanging_resolver(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    release = threading.Event()

    def never_answers(*_args: Any, **_kwargs: Any) -> Any:
        release.wait()
        raise socket.gaierror(socket.EAI_AGAIN, "released by the test")

    monkeypatch.setattr(socket, "getaddrinfo", never_answers)
    backstop = threading.Timer(10.0, release.set)  # code without the budget would wait here for ever: fail instead
    backstop.start()
    yield release
    backstop.cancel()
    release.set()


def test_a_lookup_that_never_answers_ends_at_its_budget(hanging_resolver: threading.Event) -> None:
    with pytest.raises(DeadlineExceeded, match=r"DNS lookup for files\.example took over"):
        resolve_addresses("files.example", 443, allow_private=False, within=0.2)
    assert not hanging_resolver.is_set()  # it was the budget that ended it, not the lookup


def test_a_download_whose_lookup_hangs_fails_as_transient_within_its_deadline(
    hanging_resolver: threading.Event,
) -> None:
    policy = FetchPolicy(first_hop_hosts=frozenset({"files.example"}), redirect_hosts=frozenset(),
                         deadline_seconds=0.3)
    with build_client(policy) as client, pytest.raises(DeadlineExceeded):
        download("https://files.example/a.pdf", policy, client)
    assert not hanging_resolver.is_set()  # the download's own deadline ended the wait, not the backstop


def test_a_lookup_that_answers_in_time_gives_its_addresses_and_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    def answers(host: str, port: int, **_kwargs: Any) -> Any:
        if host == "gone.example":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port))]

    monkeypatch.setattr(socket, "getaddrinfo", answers)
    assert resolve_addresses("files.example", 443, allow_private=False, within=5.0) == ["93.184.216.34"]
    with pytest.raises(TransientError, match=r"DNS lookup for gone\.example failed"):
        resolve_addresses("gone.example", 443, allow_private=False, within=5.0)
