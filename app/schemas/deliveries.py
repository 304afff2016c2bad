"""schemas/deliveries.py — letters the mail provider reported as bounced or complained about."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel


class LetterOut(BaseModel):
    inquiry_id: str
    client_name: str
    firm_reference: str
    creditor_name: str
    creditor_email: str | None


class DeliveryProblemOut(BaseModel):
    id: int
    provider: str
    kind: str
    recipients: list[str]
    subject: str | None
    detail: str | None
    occurred_at: datetime | None
    recorded_at: datetime
    letters: list[LetterOut]


class DeliveryProblemList(BaseModel):
    problems: list[DeliveryProblemOut]
