"""inbound/resend.py — Resend's webhook events as this service reads them.

`email.received` carries only metadata (sender, recipients, subject, attachment names): it becomes an
InboundEmail without a body, marked `inbound.provider = "resend"`, and the worker fetches the body and
the attachments through Resend's API (services/inbound/resend_api.py). `email.bounced` and
`email.complained` concern a letter the firm sent; every other event type is acknowledged and left."""

from __future__ import annotations

from datetime import datetime
from email.utils import getaddresses, parseaddr
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from app.services import intake

PROVIDER = "resend"
RECEIVED = "email.received"
DELIVERY_PROBLEMS: dict[str, Literal["bounced", "complained"]] = {
    "email.bounced": "bounced", "email.complained": "complained"}


class ResendNotice(intake.InboundEmail):
    """A received email whose body is still at Resend: the worker fetches it before reading."""

    @model_validator(mode="after")
    def _has_a_body(self) -> ResendNotice:  # replaces the parent's check: the body comes later
        return self


def _as_list(value: Any) -> Any:
    """Resend writes a single recipient as a string, several as a list."""
    return [value] if isinstance(value, str) else value


class AttachmentMeta(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str = Field(min_length=1, max_length=128)
    filename: str | None = Field(default=None, max_length=512)
    content_type: str | None = Field(default=None, max_length=255)
    size: int | None = Field(default=None, ge=0)


class ReceivedData(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    email_id: str = Field(min_length=1, max_length=128)
    created_at: datetime | None = None
    sender: str = Field(alias="from", min_length=3, max_length=640)
    to: list[str] = Field(default_factory=list, max_length=100)
    cc: list[str] = Field(default_factory=list, max_length=100)
    message_id: str | None = Field(default=None, max_length=512)
    subject: str | None = Field(default="", max_length=2000)
    attachments: list[AttachmentMeta] = Field(default_factory=list, max_length=50)

    _one_address_is_a_list = field_validator("to", "cc", mode="before")(lambda value: _as_list(value))


class DeliveryProblemData(BaseModel):
    """What a bounce or complaint tells about the letter that went out."""

    model_config = ConfigDict(extra="ignore")

    email_id: str = Field(min_length=1, max_length=128)
    created_at: datetime | None = None
    to: list[str] = Field(min_length=1, max_length=100)
    subject: str | None = Field(default=None, max_length=2000)
    tags: Any = None
    bounce: dict[str, Any] | None = None

    _one_address_is_a_list = field_validator("to", mode="before")(lambda value: _as_list(value))


class Event(BaseModel):
    model_config = ConfigDict(extra="ignore")

    type: str = Field(min_length=1, max_length=64)
    created_at: datetime | None = None
    data: dict[str, Any]


class DeliveryProblem(BaseModel):
    kind: Literal["bounced", "complained"]
    resend_email_id: str
    recipients: list[str]
    subject: str | None
    detail: str | None
    tags: dict[str, str]
    occurred_at: datetime | None


def _address(value: str) -> tuple[str | None, str]:
    name, address = parseaddr(value)
    return (name or None), address.strip().lower()


def notice(data: ReceivedData, delivery_id: str) -> ResendNotice:
    """The InboundEmail for intake: deduplicated by the Svix delivery id (a replayed delivery is a
    duplicate), the Resend email id kept for the worker. Raises ValidationError like any payload."""
    name, address = _address(data.sender)
    return ResendNotice.model_validate({
        "ticket_id": f"{PROVIDER}:{data.email_id}"[:64],
        "webhook_id": f"svix:{delivery_id}",
        "from_email": address,
        "from_name": name,
        "to_addresses": [a for _, a in getaddresses(data.to) if a],
        "cc_addresses": [a for _, a in getaddresses(data.cc) if a],
        "subject": data.subject or "",
        "received_at": data.created_at,
        "message_id": data.message_id,
        "inbound": {"provider": PROVIDER, "email_id": data.email_id,
                    "attachments": [a.model_dump(exclude_none=True) for a in data.attachments]},
    })


def delivery_problem(event: Event) -> DeliveryProblem:
    data = DeliveryProblemData.model_validate(event.data)
    detail = None
    if data.bounce:
        parts = [str(data.bounce.get(key)) for key in ("type", "subType", "message") if data.bounce.get(key)]
        detail = " · ".join(parts)[:500] or None
    return DeliveryProblem(kind=DELIVERY_PROBLEMS[event.type], resend_email_id=data.email_id,
                           recipients=[a for _, a in getaddresses(data.to) if a],
                           subject=data.subject, detail=detail, tags=_tags(data.tags),
                           occurred_at=data.created_at or event.created_at)


def _tags(value: Any) -> dict[str, str]:
    """Resend writes tags as an object or as a list of {name, value}; both become a dict."""
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return {str(t["name"]): str(t["value"]) for t in value
                if isinstance(t, dict) and t.get("name") is not None and t.get("value") is not None}
    return {}


def is_resend(extra_fields: dict[str, Any] | None) -> bool:
    inbound = (extra_fields or {}).get("inbound")
    return isinstance(inbound, dict) and inbound.get("provider") == PROVIDER

