"""routers/dashboard.py — adapter stage: the operators' HTML dashboard; it only validates, calls services and
renders escaped templates, and every response under /dashboard is guarded and carries a strict CSP."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader
from jinja2_fragments.fastapi import Jinja2Blocks
from sqlalchemy.orm import Session
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.database import get_session
from app.errors import NotFound, RejectedInput
from app.models import IncomingEmail, ProcessingStatus
from app.routers import csrf, job_view
from app.routers.auth import OPERATOR, Caller, identify
from app.routers.operator import remembered_operator, typed_operator
from app.routers.params import RowId
from app.services import jobs, money, retries

PACKAGE_DIR = Path(__file__).resolve().parents[1]
STATIC_DIR = PACKAGE_DIR / "static"
PAGE_SIZE = 50
SUBJECT_PREVIEW = 100
ERROR_SNIPPET = 160
REPLY_EXCERPT = 400
FORM_MAX_BYTES = 16_384
REALM = 'Basic realm="creditor-matcher", charset="UTF-8"'
GUARDED_PREFIXES = ("/dashboard", "/static")
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        "form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


class SecurityHeaders:
    """ASGI middleware: CSP and friends on every dashboard and static response, error pages included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope["path"]).startswith(GUARDED_PREFIXES):
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
                if str(scope["path"]).startswith("/dashboard"):
                    headers["cache-control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


def require_dashboard_operator(request: Request, authorization: str | None = Header(default=None)) -> Caller:
    """HTTP Basic (any user, password = the operator token or a firm's API token) or Bearer. The operator sees
    every firm; a firm's login sees only its own jobs, reviews, plans and deliveries. Open (as the operator)
    while JOBS_API_TOKEN is unset and no firm token is offered. The caller is kept on `request.state` so every
    page can tell (templates hide what only the operator may use)."""
    scheme, _, value = (authorization or "").partition(" ")
    offered = value.strip()
    if scheme.lower() == "basic":
        try:
            offered = base64.b64decode(offered, validate=True).decode().partition(":")[2]
        except (binascii.Error, UnicodeDecodeError):
            offered = ""
    elif scheme.lower() != "bearer":
        offered = ""
    who = identify(offered)
    if who is None:
        raise HTTPException(status_code=401, detail="operator login required",
                            headers={"WWW-Authenticate": REALM})
    request.state.caller = who
    return who


def dashboard_caller(request: Request) -> Caller:
    """Who is logged in to this page (set by require_dashboard_operator)."""
    found = getattr(request.state, "caller", None)
    return found if isinstance(found, Caller) else OPERATOR


def require_dashboard_all_firms(who: Caller = Depends(require_dashboard_operator)) -> Caller:
    if not who.is_operator:
        raise HTTPException(status_code=403, detail="only the operator may open this page")
    return who


async def form_pairs(request: Request, max_bytes: int = FORM_MAX_BYTES, max_fields: int = 20) -> list[tuple[str, str]]:
    """A url-encoded form body as its (name, value) pairs, repeated names kept, within the given bounds."""
    content_type = request.headers.get("content-type", "").partition(";")[0].strip()
    if content_type not in {"", "application/x-www-form-urlencoded"}:
        raise HTTPException(status_code=415, detail="send an url-encoded form")
    body = await request.body()
    if len(body) > max_bytes:
        raise HTTPException(status_code=413, detail="form too large")
    try:
        return parse_qsl(body.decode(), keep_blank_values=True, max_num_fields=max_fields)
    except (UnicodeDecodeError, ValueError) as error:
        raise HTTPException(status_code=400, detail="unreadable form") from error


async def form_fields(request: Request) -> dict[str, str]:
    """A small url-encoded form body as a dict (the last value wins)."""
    return dict(await form_pairs(request))


async def guarded_pairs(request: Request, max_bytes: int = FORM_MAX_BYTES,
                        max_fields: int = 20) -> list[tuple[str, str]]:
    """A state-changing form: from this origin (fails closed), then url-encoded, then with this browser's token."""
    reason = csrf.cross_site_reason(request, browser_required=True)
    if reason is None:
        fields = await form_pairs(request, max_bytes, max_fields)
        reason = csrf.token_reason(request, dict(fields).get(csrf.CSRF_FIELD))
        if reason is None:
            return fields
    raise HTTPException(status_code=403, detail=reason)


async def guarded_form(request: Request) -> dict[str, str]:
    """A small state-changing form as a dict (the last value wins); see `guarded_pairs`."""
    return dict(await guarded_pairs(request))


def when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S UTC") if value is not None else "—"


def seconds(value: float | None) -> str:
    return f"{value:.1f} s" if value is not None else "—"


def euros(value: Any) -> str:
    """German notation for a decimal amount (or its string form): 1.234,56 €."""
    if value is None or value == "":
        return "—"
    try:
        return money.format_eur(money.exact(value))
    except money.NotMoney:
        return str(value)


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(PACKAGE_DIR / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(when=when, seconds=seconds, money=euros)
    env.globals.update(statuses=[status.value for status in ProcessingStatus])
    return env


templates = Jinja2Blocks(env=_environment())
router = APIRouter(prefix="/dashboard", tags=["dashboard"], include_in_schema=False,
                   dependencies=[Depends(require_dashboard_operator)])


def wants_fragment(request: Request) -> bool:
    """An htmx swap gets only the region; a history restore or a normal visit gets the whole page."""
    return (request.headers.get("hx-request") == "true"
            and request.headers.get("hx-history-restore-request") != "true")


def render(request: Request, name: str, context: dict[str, Any], *, block: str | None = None,
           status_code: int = 200) -> Response:
    token = csrf.form_token(request)
    is_operator = dashboard_caller(request).is_operator
    response = templates.TemplateResponse(request, name, {**context, "csrf_token": token, "is_operator": is_operator},
                                          status_code=status_code, block_name=block)
    response.headers["vary"] = "HX-Request"
    csrf.set_form_token(response, request, token)
    return response


def error_page(request: Request, status_code: int, message: str) -> Response:
    return render(request, "error.html", {"status_code": status_code, "message": message},
                  status_code=status_code)


@router.get("")
def home() -> RedirectResponse:
    return RedirectResponse("/dashboard/jobs", status_code=303)


# The jobs list and its actions live in routers/dashboard_jobs.py.


def job_context(email: IncomingEmail, notice: str | None = None, problem: str | None = None) -> dict[str, Any]:
    data = email.extracted_data or {}
    extraction = data.get("extraction") or {}
    reply = str((data.get("body") or {}).get("reply_text") or "")
    events = list(email.events)
    return {
        "job": email, "processing_seconds": jobs.processing_seconds(email), "extraction": extraction,
        "match": data.get("match") or {}, "attachments": job_view.attachment_rows(email, extraction, events),
        "reply_excerpt": reply[:REPLY_EXCERPT] + ("…" if len(reply) > REPLY_EXCERPT else ""),
        "events": events, "can_retry": email.processing_status == ProcessingStatus.FAILED.value,
        "notice": notice, "problem": problem, "final": job_view.is_final(email),
        "next_attempt_due": email.available_at if job_view.shows_next_attempt(email) else None,
    }


def seen_job(request: Request, session: Session, job_id: int) -> IncomingEmail:
    """The job, or the same NotFound as for a missing one when it belongs to another firm than the login's."""
    email = jobs.get(session, job_id)
    if not dashboard_caller(request).sees(email.firm_id):
        raise NotFound(f"job {job_id} not found")
    return email


@router.get("/jobs/{job_id}")
def job_page(request: Request, job_id: RowId, session: Session = Depends(get_session)) -> Response:
    try:
        email = seen_job(request, session, job_id)
    except NotFound as missing:
        return error_page(request, 404, missing.reason)
    return render(request, "job.html", job_context(email), block="detail" if wants_fragment(request) else None)


@router.post("/jobs/{job_id}/retry")
def retry_job(request: Request, job_id: RowId, fields: dict[str, str] = Depends(guarded_form),
              session: Session = Depends(get_session)) -> Response:
    notice = problem = None
    status_code = 200
    operator = typed_operator(fields) or remembered_operator(request) or "dashboard"
    try:
        if not dashboard_caller(request).is_operator:
            seen_job(request, session, job_id)
            session.rollback()  # hand the connection back before the retry takes its own
        retried, enqueued = retries.retry_failed(job_id, operator)
        notice = (f"Job {job_id} is {retried.processing_status} again (retry {retried.retry_count})"
                  + ("." if enqueued else "; the sweeper will send it to a worker."))
    except NotFound as missing:
        return error_page(request, 404, missing.reason)
    except RejectedInput as refused:
        problem, status_code = refused.reason, 409
    email = jobs.get(session, job_id)
    return render(request, "job.html", job_context(email, notice, problem),
                  block="detail" if wants_fragment(request) else None, status_code=status_code)
