"""services/firms.py — the firms (tenants) of a deployment: creating them, their API tokens (stored as
SHA-256 only, shown once), and which firm an inbound email or a request belongs to."""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import SecretStr
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.config import Settings
from app.database import session_scope
from app.errors import NotFound, RejectedInput
from app.models import DEFAULT_FIRM_ID, Firm, FirmApiToken, utcnow

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")
_ADDRESS = re.compile(r"^([^@\s]+)?@[^@\s]+\.[^@\s]+$")
TOKEN_PREFIX = "cmf_"


@dataclass(frozen=True)
class Issued:
    firm: Firm
    token: str  # shown to the operator once; only its hash is kept


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def normalise_addresses(addresses: Iterable[str]) -> list[str]:
    cleaned = []
    for address in addresses:
        value = address.strip().lower()
        if not value:
            continue
        if not _ADDRESS.match(value):
            raise RejectedInput(f"not an inbound address: {address!r} (name@domain, or @domain for all of it)")
        cleaned.append(value)
    return cleaned


def create(session: Session, slug: str, name: str, *, inbound_addresses: Iterable[str] = (),
           firm_reference_pattern: str | None = None, zendesk_webhook_secret: str | None = None,
           resend_webhook_secret: str | None = None, debt_update_email: str | None = None,
           portal_webhook_url: str | None = None, portal_webhook_secret: str | None = None) -> Issued:
    """A new firm with its first API token."""
    if not _SLUG.match(slug):
        raise RejectedInput(f"firm slug {slug!r}: 2-40 of a-z, 0-9 and -, starting with a letter or digit")
    if firm_reference_pattern is not None:
        try:
            re.compile(firm_reference_pattern)
        except re.error as error:
            raise RejectedInput(f"firm reference pattern is not a regular expression ({error})") from None
    firm = Firm(slug=slug, name=name.strip() or slug, inbound_addresses=normalise_addresses(inbound_addresses),
                firm_reference_pattern=firm_reference_pattern, zendesk_webhook_secret=zendesk_webhook_secret,
                resend_webhook_secret=resend_webhook_secret, debt_update_email=debt_update_email,
                portal_webhook_url=portal_webhook_url, portal_webhook_secret=portal_webhook_secret,
                created_at=utcnow())
    try:
        with session.begin_nested():
            session.add(firm)
    except IntegrityError:
        raise RejectedInput(f"a firm {slug!r} exists already", status_code=409) from None
    forget_directory()
    return Issued(firm, _issue(session, firm.id))


def rotate_token(session: Session, slug: str) -> Issued:
    """Revoke every token of the firm and issue a new one."""
    firm = by_slug(session, slug)
    session.execute(update(FirmApiToken).where(FirmApiToken.firm_id == firm.id, FirmApiToken.revoked_at.is_(None))
                    .values(revoked_at=utcnow()))
    return Issued(firm, _issue(session, firm.id))


def _issue(session: Session, firm_id: int) -> str:
    token = new_token()
    session.add(FirmApiToken(firm_id=firm_id, token_sha256=token_hash(token), created_at=utcnow()))
    session.flush()
    return token


def by_slug(session: Session, slug: str) -> Firm:
    firm = session.scalar(select(Firm).where(Firm.slug == slug.strip().lower()))
    if firm is None:
        raise NotFound(f"no firm {slug!r}")
    return firm


def listing(session: Session) -> list[Firm]:
    return list(session.scalars(select(Firm).order_by(Firm.id)))


def firm_of_token(session: Session, token: str) -> int | None:
    """The firm a live API token belongs to (one indexed lookup of its hash)."""
    return session.scalar(select(FirmApiToken.firm_id).where(FirmApiToken.token_sha256 == token_hash(token),
                                                             FirmApiToken.revoked_at.is_(None)))


@dataclass(frozen=True)
class Entry:
    """What routing inbound mail needs to know of one firm."""

    id: int
    slug: str
    inbound_addresses: tuple[str, ...]
    zendesk_webhook_secret: str | None
    resend_webhook_secret: str | None
    firm_reference_pattern: str | None = None
    debt_update_email: str | None = None
    portal_webhook_url: str | None = None
    portal_webhook_secret: str | None = None

    def webhook_secret(self, provider: str) -> str | None:
        return self.zendesk_webhook_secret if provider == "zendesk" else self.resend_webhook_secret


_DIRECTORY_SECONDS = 10.0
_directory: tuple[float, list[Entry]] | None = None
_directory_lock = threading.Lock()


def cached_directory() -> list[Entry] | None:
    """The firms as last read, while fresh; None when they must be read again (without touching the database,
    so an async caller needs no thread for the common case)."""
    with _directory_lock:
        if _directory is not None and time.monotonic() - _directory[0] < _DIRECTORY_SECONDS:
            return _directory[1]
    return None


def directory() -> list[Entry]:
    """Every firm's routing facts, read at most every few seconds per process (webhooks must stay cheap)."""
    global _directory
    fresh = cached_directory()
    if fresh is not None:
        return fresh
    with session_scope() as session:
        entries = [Entry(f.id, f.slug, tuple(f.inbound_addresses or ()), f.zendesk_webhook_secret,
                         f.resend_webhook_secret, f.firm_reference_pattern, f.debt_update_email,
                         f.portal_webhook_url, f.portal_webhook_secret) for f in listing(session)]
    with _directory_lock:
        _directory = (time.monotonic(), entries)
    return entries


def forget_directory() -> None:
    """After a firm changed here: the next webhook reads the firms again."""
    global _directory
    with _directory_lock:
        _directory = None


def firm_of_recipients(entries: Iterable[Entry], recipients: Iterable[str]) -> int | None:
    """The firm whose inbound address the email was sent to: exact, plus-addressed (`name+x@domain` for
    `name@domain`) or by domain (`@domain`); the most specific wins; None when none or two firms claim it."""
    wanted = [r.strip().lower() for r in recipients if "@" in r]
    if not wanted:
        return None
    best: dict[int, set[int]] = {}
    for entry in entries:
        firm_id = entry.id
        for configured in entry.inbound_addresses:
            for recipient in wanted:
                rank = _address_rank(configured, recipient)
                if rank:
                    best.setdefault(rank, set()).add(firm_id)
    if not best:
        return None
    closest = best[max(best)]
    return next(iter(closest)) if len(closest) == 1 else None


def _address_rank(configured: str, recipient: str) -> int:
    local, _, domain = recipient.partition("@")
    want_local, _, want_domain = configured.partition("@")
    if domain != want_domain:
        return 0
    if not want_local:
        return 1
    if local == want_local:
        return 3
    return 2 if local.partition("+")[0] == want_local else 0





def settings_for(settings: Settings, firm_id: int | None) -> Settings:
    """The settings with the firm's own values where it has them (reference pattern, debt-update recipient,
    portal webhook and its secret); the settings themselves for the default firm or a firm without any."""
    if firm_id is None or firm_id == DEFAULT_FIRM_ID:
        return settings
    entry = next((e for e in directory() if e.id == firm_id), None)
    if entry is None:
        return settings
    own: dict[str, object] = {name: value for name, value in (
        ("firm_reference_pattern", entry.firm_reference_pattern), ("debt_update_email", entry.debt_update_email),
        ("portal_webhook_url", entry.portal_webhook_url),
        ("portal_webhook_secret", SecretStr(entry.portal_webhook_secret) if entry.portal_webhook_secret else None),
    ) if value is not None}
    return settings.model_copy(update=own) if own else settings
