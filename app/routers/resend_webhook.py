"""routers/resend_webhook.py — `POST /api/v1/resend/webhook`: Resend's events, signed the Svix way.

Off (404) until RESEND_WEBHOOK_SECRET is set: an unsigned second way into the job table is not a
default. A received email goes through the same intake as Zendesk's (dedup, commit, then the wake-up
call); its body and attachments are fetched by the worker."""

from __future__ import annotations

import time

import structlog
from fastapi import APIRouter, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from app.config import Settings, get_settings
from app.database import session_scope
from app.errors import RejectedInput
from app.models import DEFAULT_FIRM_ID
from app.routers import webhook_firms
from app.routers.csrf import require_json
from app.routers.webhook_firms import FirmSlug
from app.routers.webhooks import json_object, read_capped_body
from app.schemas.inbound import ProviderWebhookAnswer
from app.services import deliveries, intake_batch, metrics_live
from app.services.inbound import resend, svix

router = APIRouter(prefix="/api/v1/resend", tags=["webhook"])
log = structlog.get_logger(__name__)


Read = resend.ResendNotice | resend.DeliveryProblem | None


@router.post("/webhook", response_model=ProviderWebhookAnswer)
async def receive_resend_event(request: Request) -> ProviderWebhookAnswer:
    """Refusals are logged with status and reason (never a header value, a secret or the body)."""
    return await _receive(request, None)


@router.post("/webhook/{firm_slug}", response_model=ProviderWebhookAnswer)
async def receive_firm_resend_event(request: Request, firm_slug: FirmSlug) -> ProviderWebhookAnswer:
    """The same for one firm's own Resend webhook: signed with that firm's secret (else the deployment's)."""
    return await _receive(request, firm_slug)


async def _receive(request: Request, firm_slug: str | None) -> ProviderWebhookAnswer:
    settings = get_settings()
    try:
        delivery_id, event_type, read, firm_id = await _read(request, settings, firm_slug)
    except RejectedInput as refused:
        log.warning("webhook_rejected", provider="resend", status=refused.status_code, error=refused.reason)
        metrics_live.webhook_rejected("resend", refused.status_code, refused.reason)
        raise
    except ValidationError as error:
        fields = sorted({".".join(str(part) for part in e.get("loc", ())) or "data" for e in error.errors()})
        log.warning("webhook_rejected", provider="resend", status=422, error=f"invalid fields: {', '.join(fields)}")
        metrics_live.webhook_rejected("resend", 422, "invalid fields")
        raise RequestValidationError(error.errors(include_url=False, include_input=False)) from None
    if isinstance(read, resend.ResendNotice):
        result = await intake_batch.accept(read.for_firm(firm_id))
        return ProviderWebhookAnswer(status=result.status, event=event_type, email_id=result.email_id)
    if isinstance(read, resend.DeliveryProblem):
        recorded = await run_in_threadpool(_record, read, delivery_id, settings, firm_id)
        log.info("delivery_problem", provider="resend", kind=read.kind, status=recorded.status,
                 inquiries=len(recorded.inquiry_ids))
        return ProviderWebhookAnswer(status=recorded.status, event=event_type, inquiry_ids=recorded.inquiry_ids)
    return ProviderWebhookAnswer(status="ignored", event=event_type)


async def _read(request: Request, settings: Settings, firm_slug: str | None) -> tuple[str, str, Read, int]:
    """The delivery id, the event type, what this service takes from the event, and the firm it belongs to
    (see routers/webhook_firms.py; a bounce names the firm's creditor as recipient, so only the path or
    the signing secret can tell its firm)."""
    delivery_id, event, signed_by = await _verified_event(request, settings, firm_slug)
    if event.type == resend.RECEIVED:
        notice = resend.notice(resend.ReceivedData.model_validate(event.data), delivery_id)
        firm_id = webhook_firms.firm_for(signed_by, [*notice.to_addresses, *notice.cc_addresses])
        return delivery_id, event.type, notice, firm_id
    firm_id = signed_by if signed_by is not None else DEFAULT_FIRM_ID
    if event.type in resend.DELIVERY_PROBLEMS:
        return delivery_id, event.type, resend.delivery_problem(event), firm_id
    return delivery_id, event.type, None, firm_id


def _record(problem: resend.DeliveryProblem, delivery_id: str, settings: Settings,
            firm_id: int) -> deliveries.Recorded:
    with session_scope() as session:
        return deliveries.record(session, problem, provider=resend.PROVIDER, delivery_id=delivery_id,
                                 firm_reference_pattern=settings.firm_reference_pattern, firm_id=firm_id)


async def _verified_event(request: Request, settings: Settings,
                          firm_slug: str | None) -> tuple[str, resend.Event, int | None]:
    deployment = settings.resend_webhook_secret.get_secret_value() if settings.resend_webhook_secret else None
    if not await webhook_firms.any_secret("resend", deployment):
        raise RejectedInput("Resend inbound is not configured (RESEND_WEBHOOK_SECRET is not set)", status_code=404)
    require_json(request)
    body = await read_capped_body(request, settings.webhook_max_body_bytes)
    headers = svix.SvixHeaders(request.headers.get("svix-id"), request.headers.get("svix-timestamp"),
                               request.headers.get("svix-signature"))
    now = time.time()

    def check(secret: str) -> None:
        svix.verify(secret, headers, body, now=now, tolerance_seconds=settings.webhook_timestamp_tolerance_seconds)

    signed_by = await webhook_firms.signing_firm("resend", firm_slug, deployment, check)
    return str(headers.message_id), resend.Event.model_validate(json_object(body)), signed_by
