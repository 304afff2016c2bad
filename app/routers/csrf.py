"""routers/csrf.py — the guard against cross-site writes: a browser on another origin must not change state.

Three locks, each for the callers it fits:
- API writes need a JSON content type (a form or a no-cors fetch cannot send one without a CORS preflight,
  which this app never grants) and, when a browser says where the request comes from, this origin.
- Dashboard forms need this origin, proven by Sec-Fetch-Site or Origin; a request that proves nothing is
  refused, and so is `Origin: null`. They also carry a per-browser token (double-submit cookie).
- The webhook is called server to server without Origin; its lock is the JSON content type (plus its signature).
"""

from __future__ import annotations

import hmac
import re
import secrets
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import Response

from app.errors import RejectedInput

CSRF_COOKIE = "cm_csrf"
CSRF_FIELD = "csrf_token"
_TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
_SAME_SITE_VALUES = {"same-origin"}


def is_json(content_type: str | None) -> bool:
    media_type = (content_type or "").partition(";")[0].strip().lower()
    return media_type == "application/json" or (media_type.startswith("application/") and media_type.endswith("+json"))


def require_json(request: Request) -> None:
    """415 unless the request declares a JSON body (even an empty one)."""
    if not is_json(request.headers.get("content-type")):
        raise RejectedInput("send Content-Type: application/json", status_code=415)


def _origin_matches_host(request: Request, origin: str) -> bool:
    host = request.headers.get("host")
    parts = urlsplit(origin)
    return bool(host) and parts.scheme in {"http", "https"} and parts.netloc == host


def cross_site_reason(request: Request, *, browser_required: bool) -> str | None:
    """Why this request may come from another site, or None. `browser_required` refuses a request that
    names no origin at all (a form post from an old browser looks like that)."""
    site = request.headers.get("sec-fetch-site")
    origin = request.headers.get("origin")
    if site is not None:
        return None if site in _SAME_SITE_VALUES else f"cross-site request refused (Sec-Fetch-Site: {site})"
    if origin is not None:
        return None if _origin_matches_host(request, origin) else "cross-site request refused (Origin)"
    return "request names no origin; refused" if browser_required else None


def require_json_same_origin(request: Request) -> None:
    """API writes: JSON only, and refused when a browser says it comes from another origin."""
    reason = cross_site_reason(request, browser_required=False)
    if reason is not None:
        raise RejectedInput(reason, status_code=403)
    require_json(request)


def token_reason(request: Request, submitted: str | None) -> str | None:
    """Why a dashboard form's token does not prove it was rendered for this browser, or None."""
    cookie = request.cookies.get(CSRF_COOKIE)
    if not (cookie and submitted and _TOKEN_SHAPE.match(cookie)
            and hmac.compare_digest(cookie.encode(), submitted.encode())):
        return "form token missing or stale; reload the page"
    return None


def form_token(request: Request) -> str:
    """The browser's token if it already has a well-formed one, else a fresh one."""
    cookie = request.cookies.get(CSRF_COOKIE)
    return cookie if cookie and _TOKEN_SHAPE.match(cookie) else secrets.token_urlsafe(32)


def set_form_token(response: Response, request: Request, token: str) -> None:
    if request.cookies.get(CSRF_COOKIE) != token:
        response.set_cookie(CSRF_COOKIE, token, path="/dashboard", httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")
