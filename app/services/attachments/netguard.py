"""attachments/netguard.py — download guard: only allowed hosts, only public addresses."""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Iterable
from typing import Any

import httpx

from app.deadlines import DeadlineExceeded
from app.errors import TransientError

_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class AttachmentRefused(Exception):
    """This one attachment will not be fetched or kept; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def normalise_host(host: str) -> str:
    return host.strip().lower().rstrip(".")


def host_matches(host: str, patterns: Iterable[str]) -> bool:
    """Exact names, or "*.example.com" for any name below example.com (not itself)."""
    host = normalise_host(host)
    for pattern in patterns:
        pattern = normalise_host(pattern)
        if pattern.startswith("*."):
            if host.endswith(pattern[1:]) and len(host) > len(pattern) - 1:
                return True
        elif host == pattern:
            return True
    return False


def ascii_host(url: httpx.URL) -> str:
    return normalise_host(url.raw_host.decode("ascii"))


def check_url(url: httpx.URL, allowed_hosts: Iterable[str], *, allow_plain_http: bool) -> None:
    """Refuse a URL with a wrong scheme, embedded credentials or a host not on the list."""
    schemes = {"https", "http"} if allow_plain_http else {"https"}
    if url.scheme not in schemes:
        raise AttachmentRefused(f"URL scheme {url.scheme or '(none)'!r} is not allowed")
    if url.userinfo:
        raise AttachmentRefused("URL carries embedded credentials; refused")
    host = ascii_host(url)
    if not host:
        raise AttachmentRefused("URL has no host")
    if not host_matches(host, allowed_hosts):
        raise AttachmentRefused(f"host {host} is not on the allow-list")


def _lookup(host: str, port: int, within: float | None) -> list[Any]:
    """getaddrinfo, which takes no timeout and can hang on a resolver that never answers: run in a daemon
    thread and waited for at most `within` seconds (an abandoned lookup ends on its own, holding nothing)."""
    if within is None:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    outcome: dict[str, Any] = {}
    finished = threading.Event()

    def look_up() -> None:
        try:
            outcome["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except BaseException as error:  # handed to the waiting caller, raised there
            outcome["error"] = error
        finally:
            finished.set()

    threading.Thread(target=look_up, name=f"dns {host}", daemon=True).start()
    if not finished.wait(max(within, 0.0)):
        raise DeadlineExceeded(f"DNS lookup for {host} took over {within:.3g} s")
    if "error" in outcome:
        raise outcome["error"]
    infos: list[Any] = outcome["infos"]
    return infos


def is_public_address(text: str) -> bool:
    """True for globally routable unicast addresses; IPv4 inside IPv6 is judged as IPv4."""
    try:
        address = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in _NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return is_public_address(str(embedded))
    return address.is_global and not address.is_multicast


def resolve_addresses(host: str, port: int, *, allow_private: bool, within: float | None = None) -> list[str]:
    """Every address `host` resolves to, refused as a whole if any one is not public; the lookup ends within
    `within` seconds (DeadlineExceeded) when given."""
    try:
        infos = _lookup(host, port, within)
    except socket.gaierror as error:
        raise TransientError(f"DNS lookup for {host} failed: {error}") from None
    except UnicodeError:
        raise AttachmentRefused(f"host {host!r} is not a valid host name") from None
    addresses = list(dict.fromkeys(str(info[4][0]).split("%", 1)[0] for info in infos))
    if not addresses:
        raise TransientError(f"DNS lookup for {host} returned no address")
    if not allow_private:
        blocked = [address for address in addresses if not is_public_address(address)]
        if blocked:
            raise AttachmentRefused(f"host {host} resolves to a non-public address ({blocked[0]})")
    return addresses
