"""routers/webhook_firms.py — which firm an inbound webhook delivery belongs to.

By the path (`…/webhook/{firm_slug}`: that firm's own secret, else the deployment's), else by the secret that
signed it (a firm's own secret names the firm), else by the address it was sent to (`firms.inbound_addresses`,
plus-addressing included), else the default firm. Where any secret is configured, an unsigned delivery on the
shared path is refused: otherwise anyone could put mail into a firm by writing to its address."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Annotated

from fastapi import Path
from starlette.concurrency import run_in_threadpool

from app.errors import RejectedInput
from app.models import DEFAULT_FIRM_ID
from app.services import firms
from app.services.signatures import SignatureRejected

# A firm's slug in a webhook path, as `creditor-matcher firms add` accepts it.
FirmSlug = Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9-]{1,39}$", description="the firm's slug")]
Check = Callable[[str], None]  # raises SignatureRejected unless the delivery is signed with this secret


async def signing_firm(provider: str, slug: str | None, deployment_secret: str | None, check: Check) -> int | None:
    """The firm the path or the signing secret names; None when the deployment's own secret signed it (or
    nothing needs signing). RejectedInput (401/404) when the delivery cannot be accepted."""
    entries = await current_firms()
    if slug is not None:
        entry = next((e for e in entries if e.slug == slug.strip().lower()), None)
        if entry is None:
            raise RejectedInput(f"no firm {slug!r}", status_code=404)
        secret = entry.webhook_secret(provider) or deployment_secret
        if secret:
            check(secret)
        return entry.id
    candidates: list[tuple[int | None, str]] = [(None, deployment_secret)] if deployment_secret else []
    candidates += [(e.id, secret) for e in entries if (secret := e.webhook_secret(provider))]
    if not candidates:
        return None
    refused: SignatureRejected | None = None
    for firm_id, secret in candidates:
        try:
            check(secret)
        except SignatureRejected as error:
            refused = refused or error
            continue
        return firm_id
    assert refused is not None
    raise refused


async def current_firms() -> list[firms.Entry]:
    """The firms, from the process's few-seconds cache when fresh (no thread hop per webhook)."""
    cached = firms.cached_directory()
    return cached if cached is not None else await run_in_threadpool(firms.directory)


def firm_for(signed_by: int | None, recipients: Iterable[str]) -> int:
    if signed_by is not None:
        return signed_by
    return firms.firm_of_recipients(firms.directory(), recipients) or DEFAULT_FIRM_ID


async def any_secret(provider: str, deployment_secret: str | None) -> bool:
    return bool(deployment_secret) or any(e.webhook_secret(provider) for e in await current_firms())
