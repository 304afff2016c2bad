"""services/matching_stage.py — the pipeline's matching step; writes via claims/review/outbox, never commits.

Interface for the pipeline (one call inside the job's transaction, one after its commit):

    outcome = matching_stage.match_and_apply(session, email, extraction, settings, parsed=parsed)
    # store on the job row: outcome.match_status, outcome.match_confidence, outcome.sync_status
    # (and outcome.as_dict() wherever the extracted data is kept)
    ... commit ...
    matching_stage.after_commit(outcome)   # wakes the outbox actor for outcome.outbox_ids

`match_and_apply` records `match` plus one of `claim_applied` / `claim_already_applied` /
`claim_superseded` / `review_opened` / `match_ignored` in the job's history. Calling it again for
the same email changes nothing (claims are idempotent per (inquiry, email), one review per email,
outbox entries per change). `after_commit` never raises: a lost wake-up call is re-sent by the
reconciliation tick."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from app.config import Settings
from app.models import DEFAULT_FIRM_ID, IncomingEmail, Inquiry
from app.services import claims, jobs, outbox, plan_stage, review
from app.services.attachments.result import AttachmentText
from app.services.extraction import with_inquiry_reference
from app.services.extraction.intent import is_bounce
from app.services.extraction.result import ExtractionResult
from app.services.matching import engine as matching
from app.services.matching import written_names
from app.services.matching.decide import Decision, MatchStatus
from app.services.matching.gate import Verdict, judge
from app.services.parsing import ParsedBody, parse_body


@dataclass(frozen=True)
class MatchOutcome:
    """What matching did for one email. `inquiry_id` is the portal id of the best candidate
    (None for no_match); `action` is applied | already_applied | superseded | review | ignored."""

    inquiry_id: str | None
    match_status: MatchStatus
    match_confidence: float
    action: str
    reasons: tuple[str, ...] = ()
    explanation: list[dict[str, Any]] = field(default_factory=list)
    auto_applied: bool = False
    applied_amount: Decimal | None = None
    claim_version: int | None = None
    review_id: int | None = None
    outbox_ids: tuple[int, ...] = ()
    sync_status: str | None = None
    plan_decision_id: int | None = None
    # The extraction as matching left it (a plan reply gains intent plan_response and its reading).
    extraction: ExtractionResult | None = field(default=None, repr=False, compare=False)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (amount as a string)."""
        return {
            "inquiry_id": self.inquiry_id, "match_status": self.match_status,
            "match_confidence": self.match_confidence, "action": self.action, "reasons": list(self.reasons),
            "explanation": self.explanation, "auto_applied": self.auto_applied,
            "applied_amount": None if self.applied_amount is None else str(self.applied_amount),
            "claim_version": self.claim_version, "review_id": self.review_id,
            "outbox_ids": list(self.outbox_ids), "sync_status": self.sync_status,
            "plan_decision_id": self.plan_decision_id,
        }


def match_and_apply(session: Session, email: IncomingEmail, extraction: ExtractionResult, settings: Settings, *,
                    parsed: ParsedBody | None = None, attachments: Sequence[AttachmentText] = ()) -> MatchOutcome:
    """Decide which inquiry the email answers and act: write the claim when everything is clean, record
    a plan decision for a clear answer to a plan letter, otherwise open a review (or ignore an automatic
    reply). Flushes, never commits."""
    body = parsed if parsed is not None else parse_body(email.body_text, email.body_html, email.from_email)
    decision = matching.match(session, email, body.full_text, extraction, settings)
    inquiry = decision.best.inquiry if decision.best else None
    explanation = matching.explain(decision)
    jobs.record_event(session, email.id, "match", message=matching.summary(decision),
                      details={"status": decision.status, "confidence": decision.confidence,
                               "inquiry_id": inquiry.external_id if inquiry else None, "candidates": explanation})
    as_plan = plan_stage.as_plan_reply(extraction, body, email.subject, attachments, inquiry)
    if as_plan is not None and as_plan.plan is not None:
        extraction = as_plan
        jobs.record_event(session, email.id, "plan_read", message=f"plan decision read: {as_plan.plan.decision}",
                          details=as_plan.plan.model_dump(mode="json"))
    if inquiry is not None:
        extraction = with_inquiry_reference(extraction, body, email.subject, attachments, inquiry.creditor_reference,
                                            inquiry.firm_reference)
    written = [name.value for name in written_names.full_names(extraction.names)] if inquiry else []
    # Other clients a written name could designate are consulted only for a name that is not plainly the
    # matched client's (written_names.doubts): while every name is, they are not looked up.
    namesakes = matching.namesakes(session, written, email.firm_id or DEFAULT_FIRM_ID) \
        if inquiry and written_names.any_stranger(written, inquiry.client_name) else []
    if extraction.intent == "plan_response":
        return _settle_plan(session, email, extraction, decision, namesakes, explanation)
    # The claim is read (and locked) once, when the gate compares amounts, for the write after it too.
    held: list[claims.LockedForEmail] = []

    def current_amount() -> Decimal | None:
        assert inquiry is not None
        held.append(claims.lock_for_email(session, inquiry.id, email.id))
        return held[0].changed_amount

    verdict = judge(decision, extraction, inquiry.known_amount if inquiry else None,
                    current_amount if inquiry else None, settings, namesakes=namesakes,
                    bounced=is_bounce(email.subject), sender_name=email.from_name)
    base = MatchOutcome(inquiry_id=inquiry.external_id if inquiry else None, match_status=decision.status,
                        match_confidence=decision.confidence, action=verdict.action, reasons=verdict.reasons,
                        explanation=explanation, extraction=extraction)
    if verdict.action == "ignore":
        jobs.record_event(session, email.id, "match_ignored", message="; ".join(verdict.reasons))
        return base
    if verdict.action == "review" or inquiry is None:
        return _open_review(session, email, extraction, decision, verdict, base)
    return _apply(session, email, extraction, inquiry, settings, base, held[0] if held else None)


def _settle_plan(session: Session, email: IncomingEmail, extraction: ExtractionResult, decision: Decision,
                 namesakes: Sequence[Inquiry], explanation: list[dict[str, Any]]) -> MatchOutcome:
    """A reply to a plan letter: record a clear decision, open a review for anything else; never a claim."""
    assert extraction.plan is not None
    inquiry = decision.best.inquiry if decision.best else None
    names = written_names.doubts(decision.best, extraction.names, [*namesakes, *(s.inquiry for s in decision.ranked)]
                                 ) if decision.best else []
    decision_doubts, claim_doubts = plan_stage.doubts(decision, extraction, inquiry, names)
    base = MatchOutcome(inquiry_id=inquiry.external_id if inquiry else None, match_status=decision.status,
                        match_confidence=decision.confidence, action="plan_recorded",
                        reasons=tuple(decision_doubts + claim_doubts), explanation=explanation, extraction=extraction)
    if not decision_doubts and inquiry is not None:
        row = plan_stage.record(session, email, extraction.plan, inquiry)
        jobs.record_event(session, email.id, "plan_decision_recorded", message=f"{inquiry.external_id}: {row.decision}",
                          details={"plan_decision_id": row.id, "decision": row.decision,
                                   "counter_offer": row.counter_offer})
        base = replace(base, plan_decision_id=row.id)
        if not claim_doubts:
            return base
    verdict = Verdict("review", base.reasons)
    stated = extraction.total_amount if claim_doubts else None
    return _open_review(session, email, extraction.model_copy(update={"total_amount": stated}), decision, verdict,
                        base)


def _apply(session: Session, email: IncomingEmail, extraction: ExtractionResult, inquiry: Inquiry,
           settings: Settings, base: MatchOutcome, held: claims.LockedForEmail | None = None) -> MatchOutcome:
    assert extraction.total_amount is not None
    change = claims.ClaimChange(
        amount=extraction.total_amount, components=_components(extraction), actor_kind="system",
        changed_by="system", reason="auto_apply", source_email_id=email.id, source_received_at=email.received_at,
        evidence={"match_confidence": base.match_confidence, "intent": extraction.intent,
                  "total_evidence": extraction.total_evidence.model_dump() if extraction.total_evidence else None},
    )
    result = claims.apply(session, inquiry, change, already_locked=held)
    kind = f"claim_{result.status}"
    if result.history is None:  # superseded by a newer reply: nothing written
        jobs.record_event(session, email.id, kind, message=f"{inquiry.external_id}: a later reply already set it")
        return replace(base, action=result.status)
    ids = tuple(outbox.enqueue_change(session, result.history, inquiry, email, settings,
                                      new=result.status == "applied"))
    jobs.record_event(session, email.id, kind,
                      message=f"{inquiry.external_id}: {result.history.old_amount} → {result.history.new_amount}",
                      details={"claim_history_id": result.history.id, "version": result.history.version,
                               "outbox_ids": list(ids)})
    return replace(base, action=result.status, auto_applied=result.history.actor_kind == "system",
                   applied_amount=result.history.new_amount, claim_version=result.history.version,
                   outbox_ids=ids, sync_status=outbox.sync_status_of(session, ids))


def _open_review(session: Session, email: IncomingEmail, extraction: ExtractionResult, decision: Decision,
                 verdict: Verdict, base: MatchOutcome) -> MatchOutcome:
    proposal = review.Proposal(
        inquiry=decision.best.inquiry if decision.best else None, reasons=verdict.reasons,
        match_status=decision.status, match_confidence=decision.confidence, intent=extraction.intent,
        amount=extraction.total_amount, components=_components(extraction), explanation=base.explanation,
        plan_decision=extraction.plan.decision if extraction.plan else None,
        counter_offer={str(k): v for k, v in extraction.plan.counter_offer.items()} if extraction.plan else None,
    )
    opened = review.open(session, email, proposal)
    jobs.record_event(session, email.id, "review_opened", message="; ".join(opened.reasons),
                      details={"review_id": opened.id, "inquiry_id": base.inquiry_id})
    return replace(base, action="review", review_id=opened.id)


def _components(extraction: ExtractionResult) -> dict[str, Decimal]:
    """The breakdown a claim is written (or proposed) with: only one that makes up the total exactly. A part read
    under the wrong label (a rent line as a fee, a customer number in a fee column) shows on the job, never in
    the debt record."""
    if not extraction.components_add_up:
        return {}
    return {str(name): value for name, value in extraction.components.items()}


def after_commit(outcome: MatchOutcome) -> int:
    """Wake the delivery actor for the outcome's outbox entries; returns how many were sent."""
    return outbox.send_after_commit(outcome.outbox_ids)
