"""routers/metrics.py — `GET /metrics` in Prometheus's text format, behind the operator token like the API
(open when JOBS_API_TOKEN is unset); what it says and why it is cheap: services/metrics.py. Served as text format
0.0.4, which every Prometheus reads (our names need none of 1.0.0's escaping, so the body is the same)."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import Response
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4

from app.routers.auth import require_all_firms
from app.services import metrics

router = APIRouter(tags=["metrics"])


# Not in /openapi.json: a text exposition for Prometheus, not a JSON API (it takes no input but the token).
@router.get("/metrics", dependencies=[Depends(require_all_firms)], response_class=Response, include_in_schema=False)
def scrape() -> Response:
    """Jobs, stage durations, outcomes, reviews, outbox, workers, circuit breakers and webhook refusals."""
    return Response(metrics.exposition(), media_type=CONTENT_TYPE_PLAIN_0_0_4, headers={"cache-control": "no-store"})
