"""extraction/result.py — the versioned result; invariant: every value carries evidence and serialises to JSON."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

Intent = Literal["debt_statement", "payment_plan", "rejection", "settled", "inquiry", "auto_reply", "spam",
                 "plan_response"]
PlanDecisionName = Literal["accepted", "declined", "counter_offer", "needs_info", "unclear"]
CounterFigure = Literal["offer_amount", "quota_percent", "monthly_rate", "months"]
Component = Literal["principal", "interest", "costs"]
EvidencePart = Literal["reply", "signature", "quoted", "attachment", "subject", "recipient", "sender"]
AmountLabel = Literal["total", "balance", "principal", "interest", "costs", "deduction", "other", "unlabelled"]
ReferenceOwner = Literal["firm", "creditor", "unknown"]
ReferenceKind = Literal["file_number", "account", "customer", "contract", "invoice", "tax_number", "routing", "other"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Evidence(_Frozen):
    """Where a value was read: `source` is "body", "subject", "to", "from" or an attachment
    filename; `location` reads "line 12" or "page 1, line 3"; `text` is the matched text."""

    source: str
    part: EvidencePart
    location: str
    text: str


class AmountFound(_Frozen):
    """One money amount seen anywhere, with the label its line gives it and, when it may not
    count as (part of) the claim, why not."""

    value: Decimal
    label: AmountLabel
    label_text: str = ""
    subtotal: bool = False
    has_currency: bool = False
    rejected: bool = False
    reason: str | None = None
    confidence: float = Field(ge=0, le=1)
    evidence: Evidence


class ReferenceFound(_Frozen):
    """A reference number with the label it was written under and whose number it is."""

    value: str
    owner: ReferenceOwner
    kind: ReferenceKind
    label: str
    confidence: float = Field(ge=0, le=1)
    evidence: Evidence


class NameFound(_Frozen):
    """A person or organisation name with its role in the case."""

    value: str
    role: Literal["client", "creditor", "agent"]
    confidence: float = Field(ge=0, le=1)
    evidence: Evidence


class AttachmentStatusOut(_Frozen):
    """How reading one attachment went (no text stored here, only what the decision used)."""

    filename: str
    status: str
    detected_type: str | None = None
    reason: str | None = None
    segments: int = 0
    amounts_found: int = 0


class PlanReading(_Frozen):
    """A creditor's answer to a settlement plan: the decision, the creditor's own figures when it offers
    others (`counter_offer`, only what the reply states), the conditions it attaches (quoted), why the
    decision was read so (`reasons`, `evidence` sentences) and what a human should look at (`doubts`).
    `source` is where the decision was read: the reply, an attachment (a ticked box), or nowhere."""

    decision: PlanDecisionName
    counter_offer: dict[CounterFigure, Decimal] = Field(default_factory=dict)
    conditions: list[str] = Field(default_factory=list)
    reasons: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)
    doubts: list[str] = Field(default_factory=list)
    source: str = "reply"


class ExtractionResult(_Frozen):
    """Everything the extractor decided about one email, with the evidence for each decision.

    `total_amount` is None when no total is stated (0 only for intent "settled");
    `amount_is_safe` is True only for one clear current total from the creditor's own new text;
    `total_ranking` says why the total won over the other candidates;
    `total_corroborated` when an explicit total label or arithmetic backs that total; `total_from_ocr` when
    the total could only be read by OCR (never safe); `text_cut` when the email was longer than the
    extractor reads (never safe); `components_add_up` when the components (less any stated deductions) make
    up the total exactly — only then does an automatic write carry them."""

    schema_version: int = SCHEMA_VERSION
    intent: Intent
    intent_reasons: list[str]
    intent_confidence: float = Field(ge=0, le=1)
    total_amount: Decimal | None = None
    total_evidence: Evidence | None = None
    total_confidence: float = Field(default=0.0, ge=0, le=1)
    components: dict[Component, Decimal] = Field(default_factory=dict)
    component_evidence: dict[Component, list[Evidence]] = Field(default_factory=dict)
    components_add_up: bool = False
    firm_reference: str | None = None
    firm_reference_evidence: Evidence | None = None
    creditor_reference: str | None = None
    creditor_reference_evidence: Evidence | None = None
    references: list[ReferenceFound] = Field(default_factory=list)
    client_name: str | None = None
    client_name_evidence: Evidence | None = None
    creditor_name: str | None = None
    creditor_name_evidence: Evidence | None = None
    agent_name: str | None = None
    names: list[NameFound] = Field(default_factory=list)
    amounts: list[AmountFound] = Field(default_factory=list)
    attachments: list[AttachmentStatusOut] = Field(default_factory=list)
    amount_is_safe: bool = False
    amount_safety_reasons: list[str] = Field(default_factory=list)
    total_ranking: list[str] = Field(default_factory=list)
    total_corroborated: bool = False
    total_from_ocr: bool = False
    text_cut: bool = False
    plan: PlanReading | None = None
