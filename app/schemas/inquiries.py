"""schemas/inquiries.py — inquiries API models; input rules live in services/inquiries.py."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from pydantic import BaseModel

from app.services.inquiries import InquiryFields
from app.services.plans.offer import PlanOffer


class InquiryIn(InquiryFields):
    """POST body: the portal's inquiry, upserted on `id`."""


class ClaimOut(BaseModel):
    amount: Decimal | None
    components: dict[str, Decimal]
    currency: str
    status: str
    version: int
    updated_by: str
    source_email_id: int | None


class InquiryOut(BaseModel):
    id: str
    client_name: str
    client_birth_date: date | None
    firm_reference: str
    creditor_name: str
    creditor_email: str | None
    creditor_domain: str | None
    creditor_reference: str | None
    known_amount: Decimal | None
    currency: str
    sent_at: datetime | None
    routing_id: str | None
    handler_email: str | None
    letter_type: str
    plan_offer: PlanOffer | None
    undeliverable_at: datetime | None = None
    undeliverable_reason: str | None = None
    created_at: datetime
    updated_at: datetime
    claim: ClaimOut | None = None


class InquiryList(BaseModel):
    total: int
    limit: int
    offset: int
    inquiries: list[InquiryOut]
