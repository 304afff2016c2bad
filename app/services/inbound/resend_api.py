"""inbound/resend_api.py — the worker's side of a Resend email: its body and attachment list from
Resend's API, under the same rules as Zendesk attachments (allowed hosts only, addresses checked
and pinned, no redirects off the API, bytes capped, deadlines). Attachment download URLs are signed
and expire within the hour, so they are asked for on every attempt and never stored."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import quote

import httpx

from app.config import Settings
from app.errors import PermanentError, TransientError
from app.services.attachments import AttachmentRefused, FetchPolicy, build_client, download, policy_from_settings
from app.services.attachments.netguard import normalise_host

_MAX_ATTACHMENTS = 50
_RETRYABLE_REFUSALS = ("HTTP 401 ", "HTTP 403 ")  # a key being fixed or rotated: worth the retries


@dataclass(frozen=True)
class FetchedEmail:
    body_text: str | None
    body_html: str | None
    attachments: list[dict[str, Any]]
    attachment_policy: FetchPolicy


def api_host(settings: Settings) -> str:
    return normalise_host(httpx.URL(settings.resend_api_base_url).host)


def api_policy(settings: Settings) -> FetchPolicy:
    """The API host only, with the API key; the answer capped like a webhook body."""
    base = policy_from_settings(settings)
    host = api_host(settings)
    return replace(base, first_hop_hosts=frozenset({host}), redirect_hosts=frozenset(), zendesk_host=None,
                   zendesk_username=None, zendesk_api_token=None, bearer_host=host,
                   bearer_token=settings.resend_api_key, max_bytes=settings.webhook_max_body_bytes, max_redirects=0)


def attachment_policy(settings: Settings) -> FetchPolicy:
    """Resend's attachment hosts, no credentials (the URLs are signed)."""
    hosts = frozenset(normalise_host(h) for h in settings.resend_attachment_hosts if h)
    return replace(policy_from_settings(settings), first_hop_hosts=hosts, redirect_hosts=hosts, zendesk_host=None,
                   zendesk_username=None, zendesk_api_token=None)


def fetch(resend_email_id: str, settings: Settings, client: httpx.Client | None = None) -> FetchedEmail:
    """The email's text and HTML and its attachments as `{url, filename, content_type, size}`.

    TransientError when Resend or the network should be asked again later; PermanentError when Resend
    says there is no such email or answers what is not an email."""
    if settings.resend_api_key is None:
        raise TransientError("RESEND_API_KEY is not set; the email's body is waiting at Resend")
    policy = api_policy(settings)
    http = client if client is not None else build_client(policy)
    path = f"{settings.resend_api_base_url}/emails/receiving/{quote(resend_email_id, safe='')}"
    try:
        email = _json(f"{path}?html_format=cid", policy, http)
        listed = email.get("attachments")
        attachments = _attachments(f"{path}/attachments", policy, http) if listed else []
    finally:
        if client is None:
            http.close()
    return FetchedEmail(_text(email.get("text")), _text(email.get("html")), attachments, attachment_policy(settings))


def _attachments(url: str, policy: FetchPolicy, client: httpx.Client) -> list[dict[str, Any]]:
    listing = _json(url, policy, client)
    items = listing.get("data")
    if not isinstance(items, list):
        raise PermanentError("Resend's attachment list has no data array")
    found: list[dict[str, Any]] = []
    for item in items[:_MAX_ATTACHMENTS]:
        if not isinstance(item, dict):
            continue
        entry: dict[str, Any] = {"url": item.get("download_url"), "filename": item.get("filename"),
                                 "content_type": item.get("content_type")}
        if isinstance(item.get("size"), int):
            entry["size"] = item["size"]
        found.append(entry)
    return found


def _json(url: str, policy: FetchPolicy, client: httpx.Client) -> dict[str, Any]:
    try:
        raw = download(url, policy, client)
    except AttachmentRefused as refused:
        if refused.reason.startswith(_RETRYABLE_REFUSALS):
            raise TransientError(f"Resend API refused the key: {refused.reason}") from None
        raise PermanentError(f"Resend API: {refused.reason}") from None
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PermanentError("Resend API answered something that is not JSON") from None
    if not isinstance(data, dict):
        raise PermanentError("Resend API answered JSON that is not an object")
    return data


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
