"""attachments/conftest.py — integration fixtures: local Zendesk and CDN servers, a policy for them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from pydantic import SecretStr

from app.services.attachments import FetchPolicy
from tests.integration.attachments.local_sites import CAP, EMAIL, TOKEN, LocalSite, PolicyFactory

# --- fixtures -----------------------------------------------------------------------------


@pytest.fixture
def zendesk() -> Iterator[LocalSite]:
    """Stands for {subdomain}.zendesk.com; reached as 127.0.0.1."""
    site = LocalSite("127.0.0.1")
    yield site
    site.close()


@pytest.fixture
def cdn() -> Iterator[LocalSite]:
    """Stands for *.zdusercontent.com; reached by another name, localhost."""
    site = LocalSite("localhost")
    yield site
    site.close()


@pytest.fixture
def make_policy() -> PolicyFactory:
    """The policy for these servers: loopback allowed, plain HTTP allowed, small limits."""
    base = FetchPolicy(
        first_hop_hosts=frozenset({"127.0.0.1"}),
        redirect_hosts=frozenset({"localhost"}),
        zendesk_host="127.0.0.1",
        zendesk_username=f"{EMAIL}/token",
        zendesk_api_token=SecretStr(TOKEN),
        max_bytes=CAP,
        timeout_seconds=2.0,
        deadline_seconds=10.0,
        allow_private_addresses=True,
        allow_plain_http=True,
    )

    def build(**changes: object) -> FetchPolicy:
        return replace(base, **changes)  # type: ignore[arg-type]

    return build
