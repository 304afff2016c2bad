"""routers/webhooks.py — `POST /api/v1/zendesk/webhook`: size cap, signature, validation, intake."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import structlog
from fastapi import APIRouter, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from app.config import get_settings
from app.errors import RejectedInput
from app.models import utcnow
from app.routers import webhook_firms
from app.routers.csrf import require_json
from app.routers.webhook_firms import FirmSlug
from app.schemas.jobs import WebhookAccepted
from app.services import intake, intake_batch, metrics_live, safetext, signatures


@asynccontextmanager
async def _closing_intake(_app: object) -> AsyncIterator[None]:
    yield
    await intake_batch.aclose()


router = APIRouter(prefix="/api/v1/zendesk", tags=["webhook"], lifespan=_closing_intake)
log = structlog.get_logger(__name__)


async def read_capped_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise RejectedInput(f"body larger than {limit} bytes", status_code=413)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise RejectedInput(f"body larger than {limit} bytes", status_code=413)
        chunks.append(chunk)
    return b"".join(chunks)


def json_object(body: bytes) -> dict[str, Any]:
    """The body as a JSON object; RejectedInput (400) with the reason otherwise."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise RejectedInput(f"body is not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise RejectedInput("body must be a JSON object")
    return data


def parse_payload(body: bytes) -> intake.InboundEmail:
    data = json_object(body)
    context = None if safetext.json_needs_scrub(body) else {safetext.NOTHING_TO_SCRUB: True}
    try:
        return intake.InboundEmail.model_validate(data, context=context)
    except ValidationError as error:
        raise RequestValidationError(error.errors(include_url=False, include_input=False)) from None


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            return _inline(defs[ref.removeprefix("#/$defs/")], defs)
        return {key: _inline(value, defs) for key, value in node.items() if key != "$defs"}
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    return node


def payload_schema() -> dict[str, Any]:
    """The body's JSON schema for /openapi.json (read by hand below, after the signature check)."""
    raw = intake.InboundEmail.model_json_schema()
    schema = _inline(raw, raw.get("$defs", {}))
    # What the model's validators check in code, said in the schema too, so clients and fuzzers can see it.
    schema["properties"]["from_email"]["pattern"] = intake._EMAIL.pattern
    schema["anyOf"] = [{"required": ["body_text"], "properties": {"body_text": {"type": "string", "minLength": 1}}},
                       {"required": ["body_html"], "properties": {"body_html": {"type": "string", "minLength": 1}}}]
    return {"required": True, "content": {"application/json": {"schema": schema}}}


@router.post("/webhook", response_model=WebhookAccepted, openapi_extra={"requestBody": payload_schema()})
async def receive_webhook(request: Request) -> Response:
    """Zendesk calls this server to server (no Origin); a JSON content type keeps browsers' simple posts out.

    A refusal is logged with its status and reason (which header, which field), never a header value,
    a secret or the body."""
    return await receive(request, None)


@router.post("/webhook/{firm_slug}", response_model=WebhookAccepted, openapi_extra={"requestBody": payload_schema()})
async def receive_firm_webhook(request: Request, firm_slug: FirmSlug) -> Response:
    """The same for one firm's own Zendesk trigger: signed with that firm's secret (else the deployment's)."""
    return await receive(request, firm_slug)


async def receive(request: Request, firm_slug: str | None) -> Response:
    """The webhook's work, from the routes above or straight from routers/webhook_fast_path.py."""
    try:
        payload = await _verified_payload(request, firm_slug)
    except RejectedInput as refused:
        # `error` is what the repeat filter tells apart: a flood of one refusal is one line a window, counted.
        log.warning("webhook_rejected", status=refused.status_code, error=refused.reason, client=_peer(request))
        metrics_live.webhook_rejected("zendesk", refused.status_code, refused.reason)
        raise
    except RequestValidationError as invalid:
        fields = sorted({".".join(str(part) for part in error.get("loc", ()) if part != "body") or "body"
                         for error in invalid.errors()})
        log.warning("webhook_rejected", status=422, error=f"invalid fields: {', '.join(fields)}", fields=fields,
                    client=_peer(request))
        metrics_live.webhook_rejected("zendesk", 422, "invalid fields")
        raise
    result = await intake_batch.accept(payload)
    # Encoded by the model itself: returned as the model, FastAPI would validate and re-encode it per request.
    answer = WebhookAccepted(status=result.status, email_id=result.email_id)
    return Response(answer.model_dump_json(), media_type="application/json")


def _peer(request: Request) -> str | None:
    return request.client.host if request.client else None


async def _verified_payload(request: Request, firm_slug: str | None = None) -> intake.InboundEmail:
    settings = get_settings()
    require_json(request)
    body = await read_capped_body(request, settings.webhook_max_body_bytes)
    deployment = settings.zendesk_webhook_secret.get_secret_value() if settings.zendesk_webhook_secret else None

    def check(secret: str) -> None:
        signatures.verify(
            secret,
            signature=request.headers.get("x-zendesk-webhook-signature"),
            timestamp=request.headers.get("x-zendesk-webhook-signature-timestamp"),
            body=body,
            now=utcnow(),
            tolerance_seconds=settings.webhook_timestamp_tolerance_seconds,
        )

    signed_by = await webhook_firms.signing_firm("zendesk", firm_slug, deployment, check)
    payload = parse_payload(body)
    return payload.for_firm(webhook_firms.firm_for(signed_by, [*payload.to_addresses, *payload.cc_addresses]))
