"""routers/operator.py — adapter stage: who is acting in the dashboard; invariant: an operator action is
recorded under the name typed in this browser (remembered in a cookie), else the login's user name."""

from __future__ import annotations

import base64
import binascii

from fastapi import Request
from fastapi.responses import Response

OPERATOR_COOKIE = "cm_operator"
MAX_OPERATOR = 200


def remembered_operator(request: Request) -> str:
    """The name last typed in this browser, else the dashboard login's user name, else ""."""
    cookie = request.cookies.get(OPERATOR_COOKIE, "").strip()
    if cookie:
        return cookie[:MAX_OPERATOR]
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return ""
    try:
        return base64.b64decode(value.strip(), validate=True).decode().partition(":")[0].strip()[:MAX_OPERATOR]
    except (binascii.Error, UnicodeDecodeError):
        return ""


def typed_operator(fields: dict[str, str]) -> str:
    return fields.get("operator", "").strip()[:MAX_OPERATOR]


def remember_operator(response: Response, request: Request, name: str) -> None:
    """Keep the typed name for this browser's next action (HttpOnly: no script needs it)."""
    if name and request.cookies.get(OPERATOR_COOKIE) != name:
        response.set_cookie(OPERATOR_COOKIE, name, path="/dashboard", httponly=True, samesite="strict",
                            secure=request.url.scheme == "https", max_age=365 * 24 * 3600)
