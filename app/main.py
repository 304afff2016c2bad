"""main.py — create_app(): routers, error mapping, and the lifespan that runs the scheduler and,
in embedded mode, the in-process worker."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import structlog
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.telemetry import TelemetryConfig
from sqlalchemy.exc import OperationalError

from app import heap
from app.config import Settings, get_settings
from app.database import check_reachable, describe_unreachable
from app.errors import RejectedInput
from app.logging import configure_from
from app.routers import (
    dashboard,
    dashboard_errors,
    dashboard_jobs,
    dashboard_ops,
    dashboard_reviews,
    deliveries,
    delivery_pages,
    docs,
    health,
    inquiries,
    jobs,
    metrics,
    plan_pages,
    plans,
    processing,
    resend_webhook,
    reviews,
    webhooks,
)
from app.routers.webhook_fast_path import WebhookFastPath
from app.scheduler import build_scheduler

# FastAPI's OpenTelemetry hooks look up the global providers on every request; this service configures none
# (its metrics are Prometheus's, its lines structlog's), so each webhook paid for lookups that found nothing.
NO_OPENTELEMETRY: TelemetryConfig = {"tracing": False, "metrics": False, "logs": False, "operation_spans": False}

log = structlog.get_logger(__name__)


def warn_about_open_doors(settings: Settings) -> None:
    if settings.zendesk_webhook_secret is None:
        log.warning("webhook_signature_check_off", hint="set ZENDESK_WEBHOOK_SECRET")
    if settings.jobs_api_token is None:
        log.warning("jobs_api_open", hint="set JOBS_API_TOKEN outside an internal network")
    if not (settings.smtp_host and settings.admin_email):
        log.warning("failure_alerts_off", hint="set SMTP_HOST and ADMIN_EMAIL")


def log_only(message: str) -> None:
    log.info("service_stopping", detail=message)


def stopped_message(returned: list[int]) -> str:
    if not returned:
        return "stopped: no job was interrupted"
    ids = ", ".join(str(email_id) for email_id in returned)
    return (f"stopped: {len(returned)} job(s) returned to the queue (job {ids}); "
            "they start again when the service is back")


def create_app(*, run_scheduler: bool = True, run_embedded_worker: bool | None = None,
               say: Callable[[str], None] = log_only) -> FastAPI:
    """`say` is where shutdown tells the operator what happened (`serve`: the terminal)."""
    settings = get_settings()
    embedded = settings.broker_kind == "embedded" if run_embedded_worker is None else (
        run_embedded_worker
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        warn_about_open_doors(settings)
        worker = None
        if embedded:  # the pipeline is imported where it runs only: a web process beside workers never needs it
            from app.embedded import EmbeddedWorker  # noqa: PLC0415

            worker = EmbeddedWorker(settings, say)
        if worker is not None:
            worker.start()
        scheduler = build_scheduler(settings) if run_scheduler else None
        if scheduler is not None:
            scheduler.start()
        log.info("service_started", broker=settings.broker_kind, embedded_worker=embedded)
        heap.freeze_startup_objects()
        try:
            yield
        finally:
            if scheduler is not None:
                scheduler.shutdown(wait=False)
            if worker is not None:
                say(stopped_message(worker.stop()))

    app = FastAPI(title="creditor-matcher", version="0.1.0", lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url=None,  # served by routers/docs.py
                  telemetry=NO_OPENTELEMETRY)
    app.include_router(docs.router)
    app.include_router(webhooks.router)
    app.include_router(resend_webhook.router)
    app.include_router(jobs.router)
    app.include_router(health.router)
    app.include_router(metrics.router)
    app.include_router(inquiries.router)
    app.include_router(deliveries.router)
    app.include_router(reviews.router)
    app.include_router(plans.router)
    app.include_router(processing.router)
    app.include_router(dashboard_jobs.router)  # before dashboard: /dashboard/jobs/table is not a job id
    app.include_router(dashboard_ops.router)
    app.include_router(dashboard.router)
    app.include_router(dashboard_reviews.router)
    app.include_router(plan_pages.router)
    app.include_router(delivery_pages.router)
    app.mount("/static", StaticFiles(directory=dashboard.STATIC_DIR), name="static")
    app.add_middleware(dashboard.SecurityHeaders)
    app.add_middleware(WebhookFastPath, exception_handlers=app.exception_handlers)  # outermost of ours

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    async def root() -> RedirectResponse:
        return RedirectResponse("/dashboard", status_code=307)

    @app.exception_handler(RejectedInput)
    async def rejected(_request: Request, error: RejectedInput) -> JSONResponse:
        return JSONResponse(status_code=error.status_code, content={"detail": error.reason})

    # The one body-parse failure that escapes both FastAPI's parser and the webhook's: JSON nested past the
    # interpreter's recursion limit. Anything else recursing that deep is a request problem too.
    @app.exception_handler(RecursionError)
    async def unreadable_body(_request: Request, _error: RecursionError) -> JSONResponse:
        return JSONResponse(status_code=400, content={"detail": "request body nested too deeply to read"})

    @app.exception_handler(OperationalError)
    async def database_unavailable(_request: Request, error: OperationalError) -> JSONResponse:
        log.error("database_unavailable", error=describe_unreachable(error))
        return JSONResponse(status_code=503, content={"detail": "database unavailable, retry"})

    dashboard_errors.install(app)  # after the handlers above: /dashboard gets pages, the API keeps JSON
    return app


def app_factory(say: Callable[[str], None] = log_only) -> FastAPI:
    """What uvicorn loads (`--factory app.main:app_factory`): logging first, then the app.

    A bad setting or an unreachable database ends the process with one line on stderr."""
    settings = get_settings()  # a bad setting: ConfigurationError, a SystemExit with one line
    configure_from(settings)
    try:
        check_reachable()
    except OperationalError as error:
        raise SystemExit(f"database unreachable: {describe_unreachable(error)}") from None
    return create_app(say=say)
