"""routers/dashboard_errors.py — adapter stage: errors under /dashboard as pages (a 404 page, refusals, a database
outage) instead of raw JSON; invariant: every other path keeps the handler it had, and the status code stays."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse, Response
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.errors import RejectedInput
from app.routers.dashboard import SECURITY_HEADERS, render

log = structlog.get_logger(__name__)
Handler = Callable[[Request, Any], Awaitable[Response]]
TITLES = {400: "bad request", 401: "login required", 403: "refused", 404: "not found", 405: "not allowed here",
          409: "conflict", 413: "too large", 415: "wrong form", 422: "not understood", 500: "internal error",
          503: "unavailable"}


def is_dashboard(request: Request) -> bool:
    path = request.url.path
    return path == "/dashboard" or path.startswith("/dashboard/")


def page(request: Request, status_code: int, message: str, headers: Mapping[str, str] | None = None) -> Response:
    """The error as a page; an htmx request gets only the message, placed in the page's flash region."""
    fragment = (request.headers.get("hx-request") == "true"
                and request.headers.get("hx-history-restore-request") != "true")
    context = {"status_code": status_code, "title": TITLES.get(status_code, "error"), "message": message}
    response = render(request, "error.html", context, block="problem" if fragment else None, status_code=status_code)
    for name, value in {**SECURITY_HEADERS, **(headers or {})}.items():  # a 500 passes no middleware
        response.headers[name] = value
    if fragment:
        response.headers["hx-retarget"] = "#flash"
        response.headers["hx-reswap"] = "innerHTML"
    return response


def validation_message(error: RequestValidationError) -> str:
    parts = []
    for problem in error.errors():
        where = ".".join(str(part) for part in problem.get("loc", ()) if part not in ("query", "path", "body"))
        parts.append(f"{where}: {problem.get('msg')}" if where else str(problem.get("msg")))
    return "; ".join(parts) or "the request was not understood"


def install(app: FastAPI) -> None:
    """Put dashboard-aware handlers in front of the ones already installed (or FastAPI's own)."""
    handlers: dict[Any, Handler] = dict(app.exception_handlers)
    http_default: Handler = handlers.get(StarletteHTTPException, http_exception_handler)
    validation_default: Handler = handlers.get(RequestValidationError, request_validation_exception_handler)
    rejected_default = handlers.get(RejectedInput)
    database_default = handlers.get(OperationalError)

    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if not is_dashboard(request):
            return await http_default(request, error)
        message = error.detail if isinstance(error.detail, str) else TITLES.get(error.status_code, "error")
        if error.status_code == 404 and message == "Not Found":
            message = f"there is no page at {request.url.path}"
        return page(request, error.status_code, message, error.headers)

    async def invalid(request: Request, error: RequestValidationError) -> Response:
        if not is_dashboard(request):
            return await validation_default(request, error)
        return page(request, 422, validation_message(error))

    async def rejected(request: Request, error: RejectedInput) -> Response:
        if not is_dashboard(request) and rejected_default is not None:
            return await rejected_default(request, error)
        return page(request, error.status_code, error.reason)

    async def database_down(request: Request, error: OperationalError) -> Response:
        if not is_dashboard(request) and database_default is not None:
            return await database_default(request, error)
        log.error("database_unavailable", path=request.url.path)
        return page(request, 503, "the database is not answering; try again in a moment")

    async def crashed(request: Request, error: Exception) -> Response:
        if not is_dashboard(request):
            return PlainTextResponse("Internal Server Error", status_code=500)
        log.exception("dashboard_error", path=request.url.path, error=type(error).__name__)
        return page(request, 500, "something went wrong on the server; the log has the details")

    app.add_exception_handler(StarletteHTTPException, http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, invalid)  # type: ignore[arg-type]
    app.add_exception_handler(RejectedInput, rejected)  # type: ignore[arg-type]
    app.add_exception_handler(OperationalError, database_down)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, crashed)
