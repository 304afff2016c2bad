"""The fetch policy: which hosts may serve attachments, which addresses count as public, and who
gets the Zendesk credentials."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from app.config import Settings
from app.services.attachments import AttachmentRefused, FetchPolicy, policy_from_settings
from app.services.attachments.netguard import check_url, host_matches, is_public_address


def _settings(**values: Any) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def _basic(auth: httpx.BasicAuth | None) -> str:
    assert auth is not None
    request = next(auth.auth_flow(httpx.Request("GET", "https://acme.zendesk.com/")))
    return base64.b64decode(request.headers["Authorization"].split()[1]).decode()


def test_settings_give_the_zendesk_host_for_the_first_hop_and_zendesk_cdn_for_redirects() -> None:
    policy = policy_from_settings(
        _settings(
            zendesk_subdomain="acme",
            zendesk_email="agent@kanzlei.example",
            zendesk_api_token="tok-123",
            attachment_max_bytes=1000,
            attachment_timeout_seconds=5,
        )
    )
    assert policy.first_hop_hosts == frozenset({"acme.zendesk.com"})
    assert "*.zdusercontent.com" in policy.redirect_hosts
    assert policy.zendesk_username == "agent@kanzlei.example/token"
    assert (policy.max_bytes, policy.timeout_seconds) == (1000, 5)
    assert policy.allow_private_addresses is False
    assert policy.allow_plain_http is False


def test_configured_allowed_hosts_replace_the_default_redirect_hosts() -> None:
    policy = policy_from_settings(
        _settings(zendesk_subdomain="acme", attachment_allowed_hosts=["files.example.net"])
    )
    assert policy.redirect_hosts == frozenset({"files.example.net"})
    assert policy.first_hop_hosts == frozenset({"acme.zendesk.com"})


def test_the_api_token_never_shows_in_the_policy_repr() -> None:
    policy = policy_from_settings(
        _settings(zendesk_subdomain="acme", zendesk_email="a@b.example", zendesk_api_token="tok-123")
    )
    assert "tok-123" not in repr(policy)


def test_basic_auth_is_email_slash_token_and_only_for_the_exact_zendesk_host() -> None:
    policy = FetchPolicy(
        first_hop_hosts=frozenset({"acme.zendesk.com", "*.zdusercontent.com"}),
        redirect_hosts=frozenset(),
        zendesk_host="acme.zendesk.com",
        zendesk_username="agent@kanzlei.example/token",
        zendesk_api_token=SecretStr("tok-123"),
    )
    auth = policy.credentials_for(httpx.URL("https://ACME.zendesk.com/attachments/token/x"))
    assert _basic(auth) == "agent@kanzlei.example/token:tok-123"
    for other in (
        "https://p1.zdusercontent.com/attachment/x",
        "https://acme.zendesk.com.evil.example/x",
        "https://other.zendesk.com/x",
    ):
        assert policy.credentials_for(httpx.URL(other)) is None


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("p18.zdusercontent.com", True),
        ("a.b.zdusercontent.com", True),
        ("zdusercontent.com", False),
        ("evilzdusercontent.com", False),
        ("p18.zdusercontent.com.evil.example", False),
        ("ACME.Zendesk.com.", True),
        ("acme2.zendesk.com", False),
    ],
)
def test_host_patterns_match_exact_names_and_star_dot_subdomains_only(
    host: str, allowed: bool
) -> None:
    assert host_matches(host, ["*.zdusercontent.com", "acme.zendesk.com"]) is allowed


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("::ffff:127.0.0.1", False),
        ("64:ff9b::a00:1", False),
        ("2002:c0a8:101::1", False),
        ("104.16.51.111", True),
        ("2606:4700::6810:336f", True),
    ],
)
def test_only_globally_routable_addresses_count_as_public(address: str, public: bool) -> None:
    assert is_public_address(address) is public


def test_plain_http_and_embedded_credentials_are_refused() -> None:
    allowed = ["acme.zendesk.com"]
    with pytest.raises(AttachmentRefused, match="scheme"):
        check_url(httpx.URL("http://acme.zendesk.com/a"), allowed, allow_plain_http=False)
    with pytest.raises(AttachmentRefused, match="credentials"):
        check_url(httpx.URL("https://u:p@acme.zendesk.com/a"), allowed, allow_plain_http=False)
    with pytest.raises(AttachmentRefused, match="allow-list"):
        check_url(httpx.URL("https://evil.example/a"), allowed, allow_plain_http=False)
    check_url(httpx.URL("http://acme.zendesk.com/a"), allowed, allow_plain_http=True)
