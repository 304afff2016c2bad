"""services/pipeline.py — the table of contents of processing one email; each step is one call.

Returns the column values the job row takes on completion and what to do once they are
committed; appends a JobEvent per stage; never commits and never changes the job's status
(services/processing.py does)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from app.config import Settings
from app.models import IncomingEmail
from app.services import firms, jobs, matching_stage, steps
from app.services.attachments import fetch_and_read, policy_from_settings, store_from_settings
from app.services.attachments.result import AttachmentText
from app.services.extraction import ExtractionResult, extract
from app.services.extraction.llm import LlmConfig, LlmRefiner
from app.services.inbound import resend, resend_api
from app.services.parsing import ParsedBody, parse_body

PIPELINE_VERSION = 3


@dataclass(frozen=True)
class PipelineResult:
    """`columns` go on the job row in the completing transaction; `after_commit` runs once that
    transaction has committed (wake-up calls for the outbox)."""

    columns: dict[str, Any]
    after_commit: Callable[[], object] = field(default=lambda: None)
    outcome: str | None = None
    review_id: int | None = None


def read_attachments(email: IncomingEmail, settings: Settings,
                     remote: resend_api.FetchedEmail | None = None) -> list[AttachmentText]:
    if remote is not None:  # a provider's attachments: listed afresh on every attempt
        if not remote.attachments:
            return []
        return fetch_and_read(remote.attachments, remote.attachment_policy, store_from_settings(settings))
    if not email.attachment_urls:
        return []
    return fetch_and_read(email.attachment_urls, policy_from_settings(settings), store_from_settings(settings))


def fetch_remote_body(email: IncomingEmail, settings: Settings) -> resend_api.FetchedEmail | None:
    """A Resend email's body and attachment list from Resend's API; None for mail that came whole."""
    if not resend.is_resend(email.extra_fields):
        return None
    with steps.step("body", host=resend_api.api_host(settings)):
        remote = resend_api.fetch(str(email.extra_fields["inbound"]["email_id"]), settings)
    email.body_text, email.body_html = remote.body_text or "", remote.body_html
    return remote


def extract_claim(email: IncomingEmail, parsed: ParsedBody, attachments: list[AttachmentText],
                  settings: Settings) -> ExtractionResult:
    result = extract(parsed, subject=email.subject, from_email=email.from_email, from_name=email.from_name,
                     attachments=attachments, firm_reference_pattern=settings.firm_reference_pattern,
                     to=email.to_addresses, max_lines=settings.extraction_max_lines,
                     max_chars=settings.extraction_max_chars,
                     received_on=email.received_at.date() if email.received_at else None)
    llm = LlmConfig.from_settings(settings)
    return LlmRefiner(llm).refine(result, parsed, attachments) if llm else result


def extraction_summary(result: ExtractionResult) -> dict[str, Any]:
    return {
        "intent": result.intent,
        "total_amount": str(result.total_amount) if result.total_amount is not None else None,
        "amount_is_safe": result.amount_is_safe,
        "attachments": {a.filename: a.status for a in result.attachments},
    }


def outcome_of(outcome: matching_stage.MatchOutcome) -> str:
    """What the job came to, in one word for logs: applied, already_applied, superseded, review, no_match
    (a review opened for a reply matched to no inquiry), ignored or plan_recorded."""
    if outcome.action == "ignore":
        return "ignored"
    if outcome.action == "review" and outcome.match_status == "no_match":
        return "no_match"
    return outcome.action


def run(session: Session, email: IncomingEmail, settings: Settings) -> PipelineResult:
    """Each step inside `steps.step`, so an error that escapes says which step (and file) it came from."""
    settings = firms.settings_for(settings, email.firm_id)  # the firm's own reference pattern, recipients, portal
    remote = fetch_remote_body(email, settings)
    with steps.step("body"):
        parsed = parse_body(email.body_text, email.body_html, email.from_email)
    with steps.step("attachments"):
        attachments = read_attachments(email, settings, remote)
    with steps.step("extraction"):
        extraction = extract_claim(email, parsed, attachments, settings)
    jobs.record_event(session, email.id, "extracted", details=extraction_summary(extraction))
    with steps.step("matching"):
        outcome = matching_stage.match_and_apply(session, email, extraction, settings, parsed=parsed,
                                                 attachments=attachments)
    extraction = outcome.extraction or extraction
    extracted: dict[str, Any] = {
        "pipeline_version": PIPELINE_VERSION,
        "body": {
            "reply_text": parsed.reply_text,
            "signature_text": parsed.signature_text,
            "quoted_text": parsed.quoted_text,
        },
        "extraction": extraction.model_dump(mode="json"),
        "match": outcome.as_dict(),
    }
    columns = {"extracted_data": extracted, "match_status": outcome.match_status,
               "match_confidence": outcome.match_confidence, "sync_status": outcome.sync_status}
    if remote is not None:  # the fetched body stays with the job, for the dashboard and a reprocess
        columns |= {"body_text": email.body_text, "body_html": email.body_html}
    return PipelineResult(columns, after_commit=lambda: matching_stage.after_commit(outcome),
                          outcome=outcome_of(outcome), review_id=outcome.review_id)
