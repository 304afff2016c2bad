"""routers/health.py — `GET|HEAD /health` (and `/healthz`): 503 exactly when the database or the broker does
not answer, naming which; workers not seen and jobs waiting for them are warnings (see services/health.py)."""

from __future__ import annotations

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from app.config import get_settings
from app.services import health as health_service

router = APIRouter(tags=["health"])


@router.get("/health")
@router.head("/health", include_in_schema=False)
@router.get("/healthz", include_in_schema=False)
@router.head("/healthz", include_in_schema=False)
def health(strict: bool = Query(default=False, description="answer 503 on warnings too")) -> JSONResponse:
    """Each check with `ok` and a one-line `reason`; `status` is ok, degraded (warnings) or unavailable."""
    report = health_service.check(get_settings())
    return JSONResponse(report.as_dict(), status_code=report.http_status(strict=strict),
                        headers={"cache-control": "no-store"})
