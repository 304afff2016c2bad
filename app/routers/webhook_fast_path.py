"""routers/webhook_fast_path.py — ASGI middleware: the Zendesk webhook's POSTs go straight to its handler.

Ingest is the one request that arrives by the thousand in a burst. Under load, the layers between uvicorn and
the webhook's handler (the router's matching, FastAPI's per-route request handling, the exception and exit-stack
middleware) were a quarter of the web process's CPU per webhook. This layer sits outermost among the app's own
middleware and hands `POST /api/v1/zendesk/webhook` and `…/webhook/{firm_slug}` to the same `webhooks.receive`
the routes call; everything else (another method, a slug the route would refuse, every other path) goes on to
the app. A raised error is answered by the app's own exception handlers, looked up the way Starlette looks them
up, so a request gets the same answer either way (tests/integration/test_webhook_fast_path.py compares them).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Mapping
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, HTTPExceptionHandler, Receive, Scope, Send

from app.routers import webhooks

PREFIX = "/api/v1/zendesk/webhook"
_FIRM_PATH = re.compile(r"/([a-z0-9][a-z0-9-]{1,39})")  # the route's FirmSlug pattern, after the prefix


def webhook_target(scope: Scope) -> tuple[bool, str | None]:
    """(taken, firm slug): whether this request is one the fast path answers, and for which firm path."""
    if scope["type"] != "http" or scope["method"] != "POST":
        return False, None
    path = route_path(scope)
    if path == PREFIX:
        return True, None
    if path.startswith(PREFIX) and (slug := _FIRM_PATH.fullmatch(path, len(PREFIX))):
        return True, slug.group(1)
    return False, None


def route_path(scope: Scope) -> str:
    """The path the router matches: behind a proxy that mounts the service under a prefix (uvicorn
    `--root-path`), the server puts the prefix in front of `path`, and routing leaves it off."""
    path: str = scope["path"]
    root: str = scope.get("root_path", "")
    if root and path.startswith(root) and path[len(root):len(root) + 1] == "/":
        return path[len(root):]
    return path


class WebhookFastPath:
    def __init__(self, app: ASGIApp, exception_handlers: Mapping[Any, HTTPExceptionHandler]) -> None:
        self.app = app
        # The app's own dict, read per error: handlers registered after this layer was added count too.
        self.exception_handlers = exception_handlers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        taken, slug = webhook_target(scope)
        if not taken:
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        try:
            response = await webhooks.receive(request, slug)
        except Exception as error:
            handler = self._handler_for(error)
            if handler is None:
                raise  # as behind the router: the server-error layer around this one answers 500
            answer = handler(request, error)  # the app's handlers are coroutines; Starlette allows plain ones too
            response = await answer if inspect.isawaitable(answer) else answer
        await response(scope, receive, send)

    def _handler_for(self, error: Exception) -> HTTPExceptionHandler | None:
        """Starlette's order: a handler for an HTTPException's status code, else the nearest class in the MRO;
        500 and Exception belong to the server-error layer, not this one."""
        if isinstance(error, HTTPException) and (by_status := self.exception_handlers.get(error.status_code)):
            return by_status
        for kind in type(error).__mro__:
            if kind is Exception:
                return None
            if kind in self.exception_handlers:
                return self.exception_handlers[kind]
        return None
