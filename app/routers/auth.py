"""routers/auth.py — who is calling the APIs: the operator (JOBS_API_TOKEN, sees every firm) or a firm (one of
its API tokens, sees only its own rows). Open (as the operator) while JOBS_API_TOKEN is unset and no firm token
is offered."""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from fastapi import Depends, Header

from app.config import get_settings
from app.database import session_scope
from app.errors import NotFound, RejectedInput
from app.models import DEFAULT_FIRM_ID
from app.services import firms


@dataclass(frozen=True)
class Caller:
    """`firm_id` None is the operator. `acting_firm` is the firm whose business keys (an inquiry's portal id,
    a client's reference) a request means and where it creates rows: a firm's own, or for the operator the
    firm named by `X-Firm` (its slug), else the default firm."""

    firm_id: int | None
    acting_firm: int
    named_firm: bool = False  # the operator named a firm with X-Firm

    @property
    def is_operator(self) -> bool:
        return self.firm_id is None

    def sees(self, firm_id: int) -> bool:
        return self.firm_id is None or self.firm_id == firm_id


OPERATOR = Caller(None, DEFAULT_FIRM_ID)  # the dashboard (operator login only) calling API handlers directly


def identify(offered: str) -> Caller | None:
    """Who a presented token is: the operator (JOBS_API_TOKEN, or any caller while it is unset and the token
    is no firm's), a firm (one of its live tokens), or None (refuse)."""
    token = get_settings().jobs_api_token
    if token is not None and offered and hmac.compare_digest(offered.encode(), token.get_secret_value().encode()):
        return OPERATOR
    if offered:
        with session_scope() as session:
            firm_id = firms.firm_of_token(session, offered)
        if firm_id is not None:
            return Caller(firm_id, firm_id)
    return OPERATOR if token is None else None


def caller(authorization: str | None = Header(default=None), x_firm: str | None = Header(default=None)) -> Caller:
    scheme, _, value = (authorization or "").partition(" ")
    who = identify(value.strip() if scheme.lower() == "bearer" else "")
    if who is None:
        raise RejectedInput("missing or wrong bearer token", status_code=401)
    return _operator(x_firm) if who.is_operator else who


def _operator(x_firm: str | None) -> Caller:
    if not x_firm or not x_firm.strip():
        return Caller(None, DEFAULT_FIRM_ID)
    with session_scope() as session:
        try:
            return Caller(None, firms.by_slug(session, x_firm).id, named_firm=True)
        except NotFound:
            raise RejectedInput(f"X-Firm: no firm {x_firm.strip()!r}", status_code=422) from None


def require_operator(who: Caller = Depends(caller)) -> Caller:
    """Any authenticated caller (the operator or a firm); routes then scope what they show with `who`."""
    return who


def require_all_firms(who: Caller = Depends(caller)) -> Caller:
    """Only the operator: switches and views that concern every firm at once."""
    if not who.is_operator:
        raise RejectedInput("only the operator token may do this", status_code=403)
    return who


def not_found_unless_seen(who: Caller, firm_id: int, what: str) -> None:
    """Another firm's row answers exactly as a missing one does."""
    if not who.sees(firm_id):
        raise NotFound(f"{what} not found")
