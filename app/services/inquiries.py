"""services/inquiries.py — inquiries upserted on the portal id with derived search keys; API, CLI, eval share it."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import ConfigDict, Field, ValidationError, field_validator, model_validator
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.errors import NotFound, RejectedInput
from app.models import DEFAULT_FIRM_ID, Inquiry, InquiryNameKey
from app.services import claims, instants, money
from app.services.matching import normalize
from app.services.plans.offer import PlanOffer
from app.services.safetext import SafeTextModel

_EMAIL_SHAPE = r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$"


class InquiryFields(SafeTextModel):
    """One inquiry as the portal sends it (`id` is the portal's id, e.g. "INQ-0001")."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: str = Field(min_length=1, max_length=64)
    client_name: str = Field(min_length=2, max_length=200)
    client_birth_date: date | None = None
    firm_reference: str = Field(min_length=1, max_length=64)
    creditor_name: str = Field(min_length=1, max_length=200)
    creditor_email: str | None = Field(default=None, max_length=320, pattern=_EMAIL_SHAPE)
    creditor_domain: str | None = Field(default=None, max_length=255)
    creditor_reference: str | None = Field(default=None, max_length=100)
    known_amount: Decimal | None = Field(default=None, ge=0, max_digits=12, decimal_places=2)
    currency: str = Field(default="EUR", pattern=r"^[A-Z]{3}$")
    sent_at: datetime | None = None
    routing_id: str | None = Field(default=None, max_length=64)
    handler_email: str | None = Field(default=None, max_length=320, pattern=_EMAIL_SHAPE)
    letter_type: Literal["first", "plan"] = "first"
    plan_offer: PlanOffer | None = None

    @field_validator("letter_type", mode="before")
    @classmethod
    def _default_letter(cls, value: Any) -> Any:
        return "first" if value is None or (isinstance(value, str) and not value.strip()) else value

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_missing(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("known_amount", mode="before")
    @classmethod
    def _amount_from_text(cls, value: Any) -> Any:
        """JSON numbers arrive as floats: read them through their shortest repr, never binary."""
        return money.exact(value) if isinstance(value, float) else value

    @field_validator("sent_at")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        return None if value is None else instants.bounded_utc(value)

    @model_validator(mode="after")
    def _searchable(self) -> InquiryFields:
        if not normalize.name_tokens(self.client_name):
            raise ValueError("client_name holds no name")
        if not normalize.reference_key(self.firm_reference):
            raise ValueError("firm_reference holds no letters or digits")
        if self.letter_type == "plan" and self.plan_offer is None:
            raise ValueError("a plan letter (letter_type plan) needs its plan_offer")
        if self.letter_type == "first" and self.plan_offer is not None:
            raise ValueError("plan_offer belongs to a plan letter: set letter_type to plan")
        return self


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)


def apply_fields(inquiry: Inquiry, data: InquiryFields) -> None:
    inquiry.client_name = data.client_name
    inquiry.client_birth_date = data.client_birth_date
    inquiry.firm_reference = data.firm_reference
    inquiry.creditor_name = data.creditor_name
    inquiry.creditor_email = data.creditor_email
    inquiry.creditor_reference = data.creditor_reference
    inquiry.known_amount = data.known_amount
    inquiry.currency = data.currency
    inquiry.sent_at = data.sent_at
    inquiry.routing_id = data.routing_id or data.firm_reference
    inquiry.handler_email = data.handler_email
    inquiry.letter_type = data.letter_type
    inquiry.plan_offer = data.plan_offer.stored() if data.plan_offer else None
    inquiry.firm_reference_key = normalize.reference_key(data.firm_reference)
    inquiry.routing_key = normalize.reference_key(inquiry.routing_id)
    inquiry.routing_digits = normalize.digit_groups(inquiry.routing_id)
    inquiry.creditor_reference_key = normalize.reference_key(data.creditor_reference) or None
    inquiry.creditor_email_key = normalize.email_address(data.creditor_email) or None
    domain = (data.creditor_domain or normalize.email_domain(data.creditor_email)).lower().lstrip("@")
    inquiry.creditor_domain = domain or None
    inquiry.client_name_key = normalize.name_key(data.client_name)


def name_keys(client_name: str) -> list[tuple[str, str]]:
    """(kind, value) rows the client's name is found by: each folded word and its sound code."""
    tokens = sorted(set(normalize.name_tokens(client_name)))
    sounds = sorted({normalize.sound(token) for token in tokens} - {""})
    return [("token", token) for token in tokens] + [("sound", code) for code in sounds]


def upsert(session: Session, data: InquiryFields, firm_id: int = DEFAULT_FIRM_ID) -> tuple[Inquiry, bool]:
    """Create or update the firm's inquiry with the portal's id; True when it was created. A new
    inquiry opens its claim at the known amount."""
    inquiry = find(session, data.id, firm_id)
    created = inquiry is None
    if inquiry is None:
        inquiry = Inquiry(external_id=data.id, firm_id=firm_id)
        apply_fields(inquiry, data)
        try:
            with session.begin_nested():
                session.add(inquiry)
                session.flush()
        except IntegrityError:  # created concurrently: update that one instead
            inquiry = get(session, data.id, firm_id)
            created = False
    if not created:
        apply_fields(inquiry, data)
    wanted = name_keys(data.client_name)
    if sorted((key.kind, key.value) for key in inquiry.name_keys) != sorted(wanted):
        inquiry.name_keys = [InquiryNameKey(kind=kind, value=value) for kind, value in wanted]
    session.flush()
    if created:
        claims.open_claim(session, inquiry)
    else:
        claims.follow_known_amount(session, inquiry)
    return inquiry, created


def rebuild_search_keys(session: Session) -> int:
    """Recompute every inquiry's search keys with today's normalisation (after `fold` learns new letters);
    the number of inquiries whose keys changed."""
    changed = 0
    for inquiry in session.scalars(select(Inquiry).order_by(Inquiry.id)):
        before = (inquiry.firm_reference_key, inquiry.routing_key, inquiry.routing_digits,
                  inquiry.creditor_reference_key, inquiry.client_name_key,
                  sorted((key.kind, key.value) for key in inquiry.name_keys))
        inquiry.firm_reference_key = normalize.reference_key(inquiry.firm_reference)
        inquiry.routing_key = normalize.reference_key(inquiry.routing_id or inquiry.firm_reference)
        inquiry.routing_digits = normalize.digit_groups(inquiry.routing_id or inquiry.firm_reference)
        inquiry.creditor_reference_key = normalize.reference_key(inquiry.creditor_reference) or None
        inquiry.client_name_key = normalize.name_key(inquiry.client_name)
        wanted = name_keys(inquiry.client_name)
        if sorted((key.kind, key.value) for key in inquiry.name_keys) != sorted(wanted):
            inquiry.name_keys = [InquiryNameKey(kind=kind, value=value) for kind, value in wanted]
        after = (inquiry.firm_reference_key, inquiry.routing_key, inquiry.routing_digits,
                 inquiry.creditor_reference_key, inquiry.client_name_key, sorted(wanted))
        changed += before != after
    session.flush()
    return changed


def find(session: Session, external_id: str, firm_id: int = DEFAULT_FIRM_ID) -> Inquiry | None:
    return session.scalars(select(Inquiry).where(Inquiry.external_id == external_id,
                                                 Inquiry.firm_id == firm_id)).first()


def get(session: Session, external_id: str, firm_id: int = DEFAULT_FIRM_ID) -> Inquiry:
    inquiry = find(session, external_id, firm_id)
    if inquiry is None:
        raise NotFound(f"inquiry {external_id} not found")
    return inquiry


def list_inquiries(session: Session, limit: int, offset: int,
                   firm_id: int | None = None) -> tuple[int, list[Inquiry]]:
    """A page of inquiries, of one firm or (None) of all."""
    statement = select(Inquiry) if firm_id is None else select(Inquiry).where(Inquiry.firm_id == firm_id)
    total = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    page = session.scalars(statement.order_by(Inquiry.id).limit(limit).offset(offset)).all()
    return total, list(page)


def validate_records(records: Iterable[Mapping[str, Any]]) -> list[InquiryFields]:
    """Every record validated; RejectedInput naming each bad record (1-based) and field otherwise."""
    valid: list[InquiryFields] = []
    problems: list[str] = []
    for number, record in enumerate(records, start=1):
        try:
            valid.append(InquiryFields.model_validate(dict(record)))
        except ValidationError as error:
            for item in error.errors():
                where = ".".join(str(part) for part in item["loc"]) or "record"
                problems.append(f"record {number}: {where}: {item['msg']}")
    if problems:
        raise RejectedInput("; ".join(problems[:20]) + (" …" if len(problems) > 20 else ""), status_code=422)
    return valid


def import_records(session: Session, records: Iterable[Mapping[str, Any]],
                   firm_id: int = DEFAULT_FIRM_ID) -> ImportReport:
    """All records or none: validated first, then upserted in the caller's transaction."""
    report = ImportReport()
    for data in validate_records(records):
        _, created = upsert(session, data, firm_id)
        (report.created if created else report.updated).append(data.id)
    return report


def read_file(path: Path) -> list[dict[str, Any]]:
    """Records from a JSON list (or a corpus file with an `inquiries` key) or a CSV with a header."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".csv":
        return [_nest_plan_columns(row) for row in csv.DictReader(io.StringIO(text))]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise RejectedInput(f"{path.name} is neither CSV nor valid JSON: {error}") from None
    if isinstance(data, dict) and isinstance(data.get("inquiries"), list):
        data = data["inquiries"]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise RejectedInput(f"{path.name}: expected a JSON list of inquiry objects")
    return data


def _nest_plan_columns(row: Mapping[str, Any]) -> dict[str, Any]:
    """A CSV row's `plan_offer.<field>` columns gathered into one `plan_offer` object (blank ones dropped)."""
    record: dict[str, Any] = {}
    offer: dict[str, Any] = {}
    for key, value in row.items():
        if key and key.startswith("plan_offer."):
            if value not in (None, ""):
                offer[key.removeprefix("plan_offer.")] = value
        else:
            record[key] = value
    if offer:
        record["plan_offer"] = offer
    return record


def load_corpus(session: Session, corpus: Mapping[str, Any]) -> ImportReport:
    """The evaluator's entry: a corpus's `inquiries[]` stored through the same `upsert` the API
    and the CLI use (keys the format does not define are left out)."""
    known = set(InquiryFields.model_fields)
    return import_records(session, ({k: v for k, v in item.items() if k in known} for item in corpus["inquiries"]))
