"""routers/dashboard_ops.py — adapter stage: the dashboard's charts (throughput, processing time, review queue)
and the workers & queue page with the pause / resume switch; invariant: pages only read, the switch is a guarded
form that records the operator."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from app.config import get_settings
from app.database import get_session
from app.errors import RejectedInput
from app.models import utcnow
from app.routers.dashboard import guarded_form, render, require_dashboard_all_firms, wants_fragment, when
from app.routers.operator import remember_operator, remembered_operator, typed_operator
from app.routers.svg_charts import Chart, line_chart
from app.services import breakers, charts, operations, outbox_alerts, queue_status

router = APIRouter(prefix="/dashboard", tags=["dashboard"], include_in_schema=False,
                   dependencies=[Depends(require_dashboard_all_firms)])
Range = Literal["hour", "day"]
RANGES: dict[str, tuple[timedelta, int, str]] = {
    "hour": (charts.MINUTE, 60, "%H:%M"),  # the last hour, per minute
    "day": (charts.HOUR, 24, "%d.%m. %H:00"),  # the last day, per hour
}


def ago(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def duration(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f} s"


def charts_context(session: Session, chosen: Range, now: datetime) -> dict[str, Any]:
    step, count, pattern = RANGES[chosen]
    buckets = charts.throughput(session, step, count, now)
    labels = [bucket.start.strftime(pattern) for bucket in buckets]
    per = "minute" if chosen == "hour" else "hour"
    flow = line_chart("throughput", f"Jobs per {per}", labels, [
        ("received", "received", [float(b.received) for b in buckets]),
        ("completed", "completed", [float(b.completed) for b in buckets]),
        ("failed", "failed", [float(b.failed) for b in buckets]),
    ], kind="bars")
    timing = charts.processing_time_per_bucket(session, step, count, now)
    speed = line_chart("processing-time", f"Processing time per {per} (started → completed)", labels, [
        ("p50", "p50", [p.p50 for _start, p in timing]),
        ("p90", "p90", [p.p90 for _start, p in timing]),
        ("p99", "p99", [p.p99 for _start, p in timing]),
    ], unit=" s", fmt=lambda value: f"{value:.2f}")
    depth = charts.review_depth(session, step, count, now)
    queue: Chart = line_chart("review-depth", "Open reviews", labels, [
        ("open reviews", "depth", [float(point.depth) for point in depth])])
    summaries = {name: charts.processing_time(session, window, now)
                 for name, window in (("last hour", charts.HOUR), ("last day", timedelta(days=1)))}
    return {"range": chosen, "charts": [flow, speed, queue], "summaries": summaries, "duration": duration,
            "now": when(now), "totals": {"received": sum(b.received for b in buckets),
                                         "completed": sum(b.completed for b in buckets),
                                         "failed": sum(b.failed for b in buckets)},
            "open_reviews": depth[-1].depth if depth else 0}


@router.get("/charts")
def charts_page(request: Request, range: Range = Query(default="hour"),
                session: Session = Depends(get_session)) -> Response:
    return render(request, "charts.html", charts_context(session, range, utcnow()),
                  block="live" if wants_fragment(request) else None)


def workers_context(request: Request, session: Session, notice: str | None = None,
                    problem: str | None = None) -> dict[str, Any]:
    seen = queue_status.status(session)
    now = utcnow()
    return {"queue": seen, "when": when, "ago": ago, "notice": notice, "problem": problem,
            "oldest_age": ago(seen.oldest_waiting_seconds), "operator": remembered_operator(request),
            "alive_within": queue_status.seen_within(),
            "seen_ago": {w.id: ago((now - w.last_seen_at).total_seconds()) for w in seen.workers},
            "up_for": {w.id: ago((now - w.started_at).total_seconds()) for w in seen.workers},
            "failing_deliveries": outbox_alerts.failing(session, get_settings()),
            "breakers": [b for b in breakers.states(session) if b.state != breakers.CLOSED]}


@router.get("/workers")
def workers_page(request: Request, session: Session = Depends(get_session)) -> Response:
    return render(request, "workers.html", workers_context(request, session),
                  block="live" if wants_fragment(request) else None)


@router.post("/processing/{action}")
def switch_processing(request: Request, action: Literal["pause", "resume"],
                      fields: dict[str, str] = Depends(guarded_form),
                      session: Session = Depends(get_session)) -> Response:
    """Pause or resume from the workers page, under the operator's name."""
    typed = typed_operator(fields)
    notice = problem = None
    status_code = 200
    try:
        name = operations.operator_name(typed, remembered_operator(request))
        _flag, resent = operations.set_processing(action == "pause", name)
        notice = (f"Processing paused by {name}: no job is started until it is resumed." if action == "pause"
                  else f"Processing resumed by {name}; {resent} waiting job(s) sent to the workers.")
    except RejectedInput as refused:
        problem, status_code = refused.reason, refused.status_code
    if wants_fragment(request):  # the notice; the live region refreshes itself on `processing-changed`
        response = render(request, "workers.html", {"notice": notice, "problem": problem}, block="notice",
                          status_code=status_code)
        response.headers["hx-trigger"] = "processing-changed"
    else:
        response = render(request, "workers.html", workers_context(request, session, notice, problem),
                          status_code=status_code)
    remember_operator(response, request, typed)
    return response
