"""routers/metrics.py — `GET /metrics` in Prometheus's text format, behind the operator token like the API
(open when JOBS_API_TOKEN is unset); what it says and why it is cheap: services/metrics.py."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST

from app.routers.auth import require_operator
from app.services import metrics

router = APIRouter(tags=["metrics"])


@router.get("/metrics", dependencies=[Depends(require_operator)], response_class=Response)
def scrape() -> Response:
    """Jobs, stage durations, outcomes, reviews, outbox, workers, circuit breakers and webhook refusals."""
    return Response(metrics.exposition(), media_type=CONTENT_TYPE_LATEST, headers={"cache-control": "no-store"})
