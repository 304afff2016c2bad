"""attachments/fetch.py — download stage: auth only to Zendesk on hop one; bytes capped."""

from __future__ import annotations

import time
from collections.abc import Generator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import httpx
import structlog
from pydantic import SecretStr

from app.config import Settings
from app.deadlines import Watchdog, network_deadline
from app.errors import TransientError
from app.services import breakers, steps
from app.services.attachments.base import MIB, ReadLimits
from app.services.attachments.netguard import (
    AttachmentRefused,
    ascii_host,
    check_url,
    normalise_host,
    resolve_addresses,
)
from app.services.attachments.result import AttachmentText
from app.services.attachments.store import AttachmentStore
from app.services.attachments.text import DEFAULT_LIMITS, read_attachment

logger = structlog.get_logger(__name__)

ZENDESK_ATTACHMENT_HOSTS = ("*.zdusercontent.com",)
CLEAN_SCAN_RESULTS = frozenset({"clean", "malware_not_found"})
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_RETRYABLE_STATUSES = frozenset({408, 425, 429})
_STRIPPED_HEADERS = ("authorization", "proxy-authorization", "cookie")


@dataclass(frozen=True)
class FetchPolicy:
    """Where attachments may come from and how much of them we accept.

    `first_hop_hosts` may serve the URL as given; `redirect_hosts` may serve where it
    redirects to (patterns such as "*.zdusercontent.com"). Basic auth with
    `zendesk_username`/`zendesk_api_token` is sent only on the first hop and only when
    that hop's host is exactly `zendesk_host`.
    """

    first_hop_hosts: frozenset[str]
    redirect_hosts: frozenset[str]
    zendesk_host: str | None = None
    zendesk_username: str | None = None
    zendesk_api_token: SecretStr | None = field(default=None, repr=False)
    bearer_host: str | None = None
    bearer_token: SecretStr | None = field(default=None, repr=False)
    max_bytes: int = 20 * MIB
    timeout_seconds: float = 30.0
    deadline_seconds: float = 120.0
    max_redirects: int = 3
    allow_private_addresses: bool = False
    allow_plain_http: bool = False
    read_limits: ReadLimits = DEFAULT_LIMITS
    use_breakers: bool = False  # one circuit breaker per first-hop host (services/breakers.py)

    def credentials_for(self, url: httpx.URL) -> httpx.Auth | None:
        """Basic auth for the Zendesk host itself, a bearer token for `bearer_host` (an inbound
        provider's API); None for every other host."""
        if self.bearer_host and self.bearer_token and ascii_host(url) == normalise_host(self.bearer_host):
            return BearerAuth(self.bearer_token.get_secret_value())
        if not (self.zendesk_host and self.zendesk_username and self.zendesk_api_token):
            return None
        if ascii_host(url) != normalise_host(self.zendesk_host):
            return None
        return httpx.BasicAuth(self.zendesk_username, self.zendesk_api_token.get_secret_value())


class BearerAuth(httpx.Auth):
    def __init__(self, token: str) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request


def policy_from_settings(settings: Settings) -> FetchPolicy:
    """First hop: the account's Zendesk host; second hop: ATTACHMENT_ALLOWED_HOSTS when set,
    else Zendesk's attachment hosts (and the account host itself)."""
    subdomain = normalise_host(settings.zendesk_subdomain or "")
    host = (subdomain if "." in subdomain else f"{subdomain}.zendesk.com") if subdomain else None
    configured = frozenset(normalise_host(h) for h in settings.attachment_allowed_hosts if h)
    default_redirects = frozenset(ZENDESK_ATTACHMENT_HOSTS) | ({host} if host else set())
    email = settings.zendesk_email
    return FetchPolicy(
        first_hop_hosts=frozenset({host}) if host else frozenset(),
        redirect_hosts=configured or default_redirects,
        zendesk_host=host,
        zendesk_username=f"{email}/token" if email else None,
        zendesk_api_token=settings.zendesk_api_token,
        max_bytes=settings.attachment_max_bytes,
        timeout_seconds=settings.attachment_timeout_seconds,
        deadline_seconds=settings.attachment_timeout_seconds * 4,
        allow_private_addresses=settings.attachment_allow_private_addresses,
        allow_plain_http=settings.attachment_allow_plain_http,
        read_limits=limits_from_settings(settings),
        use_breakers=True,
    )


def limits_from_settings(settings: Settings) -> ReadLimits:
    """The reading caps an operator can set; the rest keep their defaults."""
    return replace(
        DEFAULT_LIMITS,
        max_bytes=settings.attachment_max_bytes,
        max_zip_uncompressed=settings.attachment_max_uncompressed_bytes,
        max_segments=settings.attachment_max_lines,
        max_pdf_pages=settings.attachment_max_pdf_pages,
        max_ocr_pages=settings.attachment_max_ocr_pages,
        max_xml_part_bytes=settings.attachment_max_xml_part_bytes,
        max_paragraphs=settings.attachment_max_paragraphs,
        max_table_cells=settings.attachment_max_table_cells,
        max_shared_strings=settings.attachment_max_shared_strings,
    )


def build_client(policy: FetchPolicy) -> httpx.Client:
    """A client that never follows redirects itself, reads no proxy or .netrc from the
    environment and keeps no connection alive between hops."""
    return httpx.Client(
        timeout=httpx.Timeout(policy.timeout_seconds),
        follow_redirects=False,
        trust_env=False,
        limits=httpx.Limits(max_keepalive_connections=0),
        headers={"User-Agent": "creditor-matcher-attachments"},
    )


# --- one download -------------------------------------------------------------------------


def download(url: str, policy: FetchPolicy, client: httpx.Client) -> bytes:
    """The bytes behind `url`, following at most `policy.max_redirects` checked redirects.

    Raises AttachmentRefused for this file's permanent problems and TransientError for
    network trouble, timeouts and 5xx answers (BreakerOpen, without a request, while the host's
    breaker is open).
    """
    try:
        current = httpx.URL(url)
    except httpx.InvalidURL:
        raise AttachmentRefused("malformed URL") from None
    breaker = breakers.attachments(ascii_host(current)) if policy.use_breakers else None
    with breakers.around(breaker, lambda error: isinstance(error, TransientError)), \
            network_deadline(policy.deadline_seconds, f"download of {ascii_host(current)}") as dog:
        deadline = time.monotonic() + dog.seconds
        for hop in range(policy.max_redirects + 1):
            allowed = policy.first_hop_hosts if hop == 0 else policy.redirect_hosts
            check_url(current, allowed, allow_plain_http=policy.allow_plain_http)
            auth = policy.credentials_for(current) if hop == 0 else None
            outcome = _hop(current, auth, policy, client, (deadline, dog))
            if isinstance(outcome, bytes):
                return outcome
            current = outcome
    raise AttachmentRefused(f"more than {policy.max_redirects} redirects")


def _hop(
    url: httpx.URL,
    auth: httpx.Auth | None,
    policy: FetchPolicy,
    client: httpx.Client,
    budget: tuple[float, Watchdog],
) -> bytes | httpx.URL:
    """One request, sent to an address we checked ourselves (no second DNS lookup)."""
    deadline, watchdog = budget
    host = ascii_host(url)
    port = url.port or (443 if url.scheme == "https" else 80)
    addresses = resolve_addresses(host, port, allow_private=policy.allow_private_addresses,
                                  within=deadline - time.monotonic())
    unreachable: httpx.ConnectError | None = None
    for address in addresses:
        request = _pinned_request(client, url, address, policy, watchdog)
        try:
            response = client.send(request, stream=True, auth=auth, follow_redirects=False)
        except httpx.ConnectError as error:
            unreachable = error
            continue
        except httpx.TimeoutException:
            raise TransientError(f"timed out connecting to {host}") from None
        except httpx.TransportError as error:
            raise TransientError(f"network error talking to {host}: {error}") from None
        try:
            return _consume(response, url, policy, deadline)
        except httpx.TimeoutException:
            raise TransientError(f"timed out reading from {host}") from None
        except httpx.TransportError as error:
            raise TransientError(f"network error reading from {host}: {error}") from None
        except httpx.RequestError as error:
            raise AttachmentRefused(f"undecodable response from {host}: {error}") from None
        finally:
            response.close()
    raise TransientError(f"cannot connect to {host}: {unreachable}")


def _pinned_request(
    client: httpx.Client, url: httpx.URL, address: str, policy: FetchPolicy, watchdog: Watchdog
) -> httpx.Request:
    """GET `url` at `address`, keeping its Host header and TLS server name; no cookies and
    no Authorization header from the client's defaults; its sockets watched by `watchdog`."""
    extensions: dict[str, object] = {"trace": watchdog.httpx_trace}
    if url.scheme == "https":
        extensions["sni_hostname"] = ascii_host(url)
    request = client.build_request(
        "GET",
        url.copy_with(host=address),
        headers={"Host": url.netloc.decode("ascii"), "Accept-Encoding": "identity"},
        timeout=httpx.Timeout(min(policy.timeout_seconds, watchdog.seconds)),
        extensions=extensions,
    )
    for name in _STRIPPED_HEADERS:
        if name in request.headers:
            del request.headers[name]
    return request


def _consume(
    response: httpx.Response, url: httpx.URL, policy: FetchPolicy, deadline: float
) -> bytes | httpx.URL:
    host = ascii_host(url)
    status = response.status_code
    if status in _REDIRECT_STATUSES:
        location = response.headers.get("location")
        if not location:
            raise AttachmentRefused(f"HTTP {status} from {host} without a Location")
        try:
            return url.join(location)
        except httpx.InvalidURL:
            raise AttachmentRefused(f"HTTP {status} from {host} to a malformed URL") from None
    if status in _RETRYABLE_STATUSES or status >= 500:
        raise TransientError(f"HTTP {status} from {host}")
    if not 200 <= status < 300:
        raise AttachmentRefused(f"HTTP {status} from {host}")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise AttachmentRefused(f"file is {declared} bytes (limit {policy.max_bytes})")
    body = bytearray()
    for chunk in response.iter_bytes():
        body.extend(chunk)
        if len(body) > policy.max_bytes:
            raise AttachmentRefused(f"file is larger than the limit of {policy.max_bytes} bytes")
        if time.monotonic() > deadline:
            raise TransientError(f"download from {host} took over {policy.deadline_seconds:g} s")
    return bytes(body)


# --- a job's attachments ------------------------------------------------------------------


def fetch_and_read(
    attachments: Sequence[Mapping[str, Any]],
    policy: FetchPolicy,
    store: AttachmentStore,
    client: httpx.Client | None = None,
) -> list[AttachmentText]:
    """Download (or take from the store) and read each attachment, in order.

    Per-file problems come back as "failed"/"skipped" results; TransientError (network,
    timeouts, 5xx) propagates so the job is retried; files already stored are not fetched
    again on the retry.
    """
    http = client if client is not None else build_client(policy)
    try:
        return [fetch_one(item, policy, store, http) for item in attachments]
    finally:
        if client is None:
            http.close()


def fetch_one(
    item: Mapping[str, Any], policy: FetchPolicy, store: AttachmentStore, client: httpx.Client
) -> AttachmentText:
    """One attachment of a job, from its `{url, filename, content_type, size, ...}` mapping."""
    filename = str(item.get("filename") or item.get("file_name") or "attachment")
    url = item.get("url") or item.get("content_url")
    scan = item.get("malware_scan_result")
    if scan is not None and str(scan).strip().lower() not in CLEAN_SCAN_RESULTS:
        return _log(AttachmentText(filename, "skipped", reason=f"malware scan result: {scan}"))
    if not isinstance(url, str) or not url.strip():
        return _log(AttachmentText(filename, "failed", reason="no download URL"))
    declared = item.get("size")
    if isinstance(declared, int) and declared > policy.max_bytes:
        reason = f"declared size {declared} bytes exceeds the limit of {policy.max_bytes}"
        return _log(AttachmentText(filename, "failed", size=declared, reason=reason))
    with steps.step("attachments", filename=filename, host=_host_of(url)):
        try:
            data = _stored_or_downloaded(url, policy, store, client)
        except AttachmentRefused as refused:
            return _log(AttachmentText(filename, "failed", reason=refused.reason))
        limits = replace(policy.read_limits, max_bytes=policy.max_bytes)
        content_type = item.get("content_type")
        declared_type = content_type if isinstance(content_type, str) else None
        return _log(read_attachment(data, filename, declared_type, limits=limits))


def _host_of(url: str) -> str | None:
    """The URL's host for an error message (never its path or query, which may carry a token)."""
    try:
        return ascii_host(httpx.URL(url)) or None
    except (httpx.InvalidURL, UnicodeError):
        return None


def _stored_or_downloaded(
    url: str, policy: FetchPolicy, store: AttachmentStore, client: httpx.Client
) -> bytes:
    cached = store.load_url(url)
    if cached is not None:
        logger.debug("attachment_from_store", sha256=cached[0])
        return cached[1]
    data = download(url, policy, client)
    try:
        store.remember_url(url, store.put(data))
    except OSError as error:
        raise TransientError(f"attachment store is not writable: {error.strerror}") from None
    return data


def _log(result: AttachmentText) -> AttachmentText:
    logger.info(
        "attachment_processed",
        status=result.status,
        detected_type=result.detected_type,
        size=result.size,
        sha256=result.sha256,
        reason=result.reason,
        segments=len(result.segments),
    )
    return result
