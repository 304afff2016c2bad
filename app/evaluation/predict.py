"""evaluation/predict.py — predict corpus emails; invariant: sees only the email and its files, never labels."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Protocol

from app.evaluation.corpus import CorpusEmail, CorpusInquiry
from app.services.attachments.result import AttachmentText
from app.services.attachments.text import read_attachment
from app.services.extraction import DEFAULT_FIRM_REFERENCE_PATTERN, extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


@dataclass(frozen=True)
class MatchOutcome:
    """What a matcher decided for one email; the defaults mean "no matcher ran"."""

    inquiry_id: str | None = None
    match_status: str | None = None
    match_confidence: float | None = None
    auto_applied: bool = False
    applied_amount: Decimal | None = None
    review_opened: bool = False
    plan_recorded: bool = False

    @property
    def action(self) -> str:
        """What happened to the claim: `auto-applied`, `review` (a human decides) or `none`."""
        if self.auto_applied:
            return "auto-applied"
        return "review" if self.review_opened else "none"


class Matcher(Protocol):
    """The hook a later stage plugs in: given the email, its extraction and the inquiries."""

    def __call__(
        self, email: CorpusEmail, result: ExtractionResult, inquiries: Sequence[CorpusInquiry]
    ) -> MatchOutcome: ...


@dataclass(frozen=True)
class Prediction:
    email_id: str
    result: ExtractionResult
    match: MatchOutcome
    seconds: float


def read_corpus_attachments(email: CorpusEmail) -> list[AttachmentText]:
    """Each attachment file read with the attachment stage; a missing file is a failed read."""
    texts: list[AttachmentText] = []
    for attachment in email.attachments:
        if not attachment.path.is_file():
            texts.append(AttachmentText(filename=attachment.filename, status="failed", reason="file missing"))
            continue
        texts.append(read_attachment(attachment.path.read_bytes(), attachment.filename, attachment.content_type))
    return texts


def predict_email(
    email: CorpusEmail,
    *,
    inquiries: Sequence[CorpusInquiry] = (),
    matcher: Matcher | None = None,
    firm_reference_pattern: str = DEFAULT_FIRM_REFERENCE_PATTERN,
) -> Prediction:
    """Parse, read attachments, extract and (when given) match one email."""
    started = time.perf_counter()
    parsed = parse_body(email.body_text, email.body_html, email.from_email)
    result = extract(
        parsed,
        subject=email.subject,
        from_email=email.from_email,
        from_name=email.from_name,
        attachments=read_corpus_attachments(email),
        firm_reference_pattern=firm_reference_pattern,
        to=email.to,
        received_on=_day(email.received_at),
    )
    match = matcher(email, result, inquiries) if matcher is not None else MatchOutcome()
    return Prediction(email_id=email.id, result=result, match=match, seconds=time.perf_counter() - started)


def _day(stamp: str | None) -> date | None:
    """The calendar day of an ISO timestamp ("2027-05-12T08:30:00Z"), or None."""
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")).date() if stamp else None
    except ValueError:
        return None


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def prediction_record(prediction: Prediction) -> dict[str, Any]:
    """The JSON-lines row for one email."""
    result = prediction.result
    match = prediction.match
    return {
        "id": prediction.email_id,
        "intent": result.intent,
        "total_amount": _number(result.total_amount),
        "amount_is_safe": result.amount_is_safe,
        "components": {name: float(value) for name, value in result.components.items()},
        "creditor_reference": result.creditor_reference,
        "inquiry_id": match.inquiry_id,
        "match_status": match.match_status,
        "match_confidence": match.match_confidence,
        "action": match.action,
        "auto_applied": match.auto_applied,
        "applied_amount": _number(match.applied_amount),
        "plan_decision_recorded": match.plan_recorded,
        "plan_decision": result.plan.decision if result.plan else None,
        "counter_offer": {name: float(value) for name, value in result.plan.counter_offer.items()}
        if result.plan and result.plan.counter_offer else None,
    }
