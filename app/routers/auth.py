"""routers/auth.py — bearer-token guard for the operator APIs (open when JOBS_API_TOKEN is unset)."""

from __future__ import annotations

import hmac

from fastapi import Header

from app.config import get_settings
from app.errors import RejectedInput


def require_operator(authorization: str | None = Header(default=None)) -> None:
    token = get_settings().jobs_api_token
    if token is None:
        return
    scheme, _, value = (authorization or "").partition(" ")
    offered = value.strip()
    if scheme.lower() != "bearer" or not offered or not hmac.compare_digest(
        offered.encode(), token.get_secret_value().encode()
    ):
        raise RejectedInput("missing or wrong bearer token", status_code=401)
