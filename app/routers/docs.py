"""routers/docs.py — the API description (/openapi.json, /docs, /redoc), behind the operator
login when JOBS_API_TOKEN is set: it maps every route an attacker could try."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse

from app.routers.dashboard import require_dashboard_operator

# Basic auth (password = token) lets a browser open /docs and then fetch /openapi.json with
# the credentials it has cached; a bearer token works for scripts.
router = APIRouter(include_in_schema=False, dependencies=[Depends(require_dashboard_operator)])


@router.get("/openapi.json")
def openapi(request: Request) -> JSONResponse:
    return JSONResponse(request.app.openapi())


@router.get("/docs")
def swagger(request: Request) -> HTMLResponse:
    return get_swagger_ui_html(openapi_url="/openapi.json", title=f"{request.app.title} API")


@router.get("/redoc")
def redoc(request: Request) -> HTMLResponse:
    return get_redoc_html(openapi_url="/openapi.json", title=f"{request.app.title} API")
