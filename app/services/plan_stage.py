"""services/plan_stage.py — the pipeline's step for replies to a settlement plan; invariant: a plan reply never
writes a claim, a clear accepted/declined is recorded alone only on an automatic match without doubt, and
everything else (counter-offers, requests, unclear answers, a stated claim that differs) goes to a human.

Interface for matching_stage (inside the job's transaction, never commits):

    extraction = plan_stage.as_plan_reply(extraction, parsed, subject, attachments, inquiry) or extraction
    decision_doubts, claim_doubts = plan_stage.doubts(match_decision, extraction, inquiry, name_doubts)
    row = plan_stage.record(session, email, extraction, inquiry)   # when decision_doubts is empty
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy.orm import Session

from app.models import IncomingEmail, Inquiry, PlanDecision
from app.services import money
from app.services.attachments.result import AttachmentText
from app.services.extraction import plan_reply
from app.services.extraction.intent import Rule
from app.services.extraction.result import AmountFound, ExtractionResult, PlanReading
from app.services.extraction.vocabulary import intent as intent_words
from app.services.extraction.vocabulary import plan as plan_words
from app.services.matching.decide import Decision
from app.services.parsing import ParsedBody
from app.services.plans import decisions
from app.services.plans.offer import PlanOffer
from app.services.textfold import fold

KEEPS_INTENT = ("auto_reply", "spam")
NEVER_WRITTEN = "a reply to a settlement plan: a claim it states is never written by itself"
RECORDED_ALONE = ("accepted", "declined")


def offer_of(inquiry: Inquiry | None) -> PlanOffer | None:
    if inquiry is None or inquiry.letter_type != "plan" or not inquiry.plan_offer:
        return None
    return PlanOffer.model_validate(inquiry.plan_offer)


def as_plan_reply(extraction: ExtractionResult, parsed: ParsedBody, subject: str | None,
                  attachments: Sequence[AttachmentText], inquiry: Inquiry | None) -> ExtractionResult | None:
    """The extraction read as a reply to a plan, or None when it is none: a mail answers a plan when it
    is matched to a plan letter, or, matched to nothing, speaks of a plan and states a decision (a first-
    round reply may mention a plan it still awaits). Automatic replies and spam stay what they are."""
    if extraction.intent in KEEPS_INTENT and not _human_note_on_plan(extraction, parsed, inquiry) \
            and not _decided_in_automatic_note(extraction, parsed, subject, attachments, inquiry):
        return None
    if inquiry is not None and inquiry.letter_type != "plan":
        return None
    if inquiry is None and not plan_reply.mentions_plan(subject, parsed):
        return None
    read = read_reply(extraction, parsed, subject, attachments, inquiry)
    reading = read.plan
    assert reading is not None
    if extraction.intent == "auto_reply" and reading.decision in RECORDED_ALONE:
        doubt = "the intent rules read the mail as an automatic note: a human confirms the decision"
        read = read.model_copy(update={"plan": reading.model_copy(update={"doubts": [*reading.doubts, doubt]})})
    return read if inquiry is not None or reading.decision != "unclear" else None


def _decided_in_automatic_note(extraction: ExtractionResult, parsed: ParsedBody, subject: str | None,
                               attachments: Sequence[AttachmentText], inquiry: Inquiry | None) -> bool:
    """A machine-made mail about a plan letter that states a decision ("Vorgang abgeschlossen … Ergebnis der
    Prüfung: Es wird zugestimmt."): a ticket system passing on the decision is a plan reply, for a human to confirm
    (the automatic-note doubt below). So is an acknowledgement that says the decision waits for documents or answers
    ("wir bestätigen den Eingang … Bevor wir über eine Zustimmung entscheiden, benötigen wir noch: …"): ignored as an
    automatic answer, the request would never reach the firm. (A receipt that only asks for its number "bei
    Rückfragen" stays automatic.)"""
    offer = offer_of(inquiry)
    if extraction.intent != "auto_reply" or offer is None:
        return False
    reading = plan_reply.read(parsed, subject=subject, attachments=attachments, plan_figures=offer.figures())
    if reading.decision in RECORDED_ALONE:
        return True
    return reading.decision == "needs_info" and any(
        "rueckfrage" not in found.group(0)  # a receipt's "bei allen Rückfragen" waits for nothing
        for found in plan_words.DECIDE_LATER.finditer(fold(parsed.reply_text)))


def _human_note_on_plan(extraction: ExtractionResult, parsed: ParsedBody, inquiry: Inquiry | None) -> bool:
    """A reply to a plan letter read as an automatic answer only for a human's "we will get back to you" ("Über den
    Plan entscheidet unser Vorstand …; wir melden uns nach der Sitzung"): its own text speaks of the plan and holds
    no machine wording, absence or receipt. It is read as a plan reply; a decision it states goes to a human."""
    if extraction.intent != "auto_reply" or offer_of(inquiry) is None:
        return False
    if extraction.intent_reasons[:1] != [Rule.AUTOMATIC.reason]:
        return False
    text = fold(parsed.reply_text)
    machine = (intent_words.ABSENCE, intent_words.AUTOMATIC, intent_words.RECEIPT, intent_words.PENDING)
    return plan_reply.mentions_plan(None, parsed) and not any(pattern.search(text) for pattern in machine)


def client_marks(inquiry: Inquiry | None) -> list[str]:
    """What names the inquiry's client in a reply about several: the surname and the creditor's reference."""
    if inquiry is None:
        return []
    surname = inquiry.client_name.split()[-1] if inquiry.client_name.split() else ""
    return [mark for mark in (surname if len(surname) > 2 else "", inquiry.creditor_reference or "") if mark]


def read_reply(extraction: ExtractionResult, parsed: ParsedBody, subject: str | None,
               attachments: Sequence[AttachmentText], inquiry: Inquiry | None) -> ExtractionResult:
    """The extraction as a plan reply: intent `plan_response`, the reading of the decision, and the stated
    claim only when it is none of the plan's or the counter-offer's figures."""
    offer = offer_of(inquiry)
    reading = plan_reply.read(parsed, subject=subject, attachments=attachments,
                              plan_figures=offer.figures() if offer else None,
                              plan_claim=inquiry.known_amount if inquiry is not None else None,
                              client_marks=client_marks(inquiry),
                              letter_references=[inquiry.firm_reference, inquiry.creditor_reference or ""]
                              if inquiry is not None else [],
                              client_name=inquiry.client_name if inquiry is not None else "")
    kept = [reason for reason in extraction.amount_safety_reasons if not reason.startswith("intent ")]
    update: dict[str, object] = {"intent": "plan_response", "plan": reading,
                                 "intent_reasons": [*extraction.intent_reasons, f"plan reply: {reading.decision}"],
                                 "amount_is_safe": False,
                                 "amount_safety_reasons": [NEVER_WRITTEN, *kept]}
    total = extraction.total_amount
    offered = set(reading.counter_offer.values()) | (set(offer.figures().values()) if offer else set())
    if total is not None and total in offered:
        update.update(total_amount=None, total_evidence=None,
                      amount_safety_reasons=[NEVER_WRITTEN, f"{money.format_eur(total)} is a figure of the plan or "
                                             "the counter-offer, not a claim"])
        claim = _claim_beside_the_offer(extraction, offered, inquiry)
        if claim is not None:
            update.update(total_amount=claim.value, total_evidence=claim.evidence)
    elif total is not None and inquiry is not None and total == inquiry.known_amount:
        update.update(total_amount=None, total_evidence=None,
                      amount_safety_reasons=[NEVER_WRITTEN, f"{money.format_eur(total)} is the claim the plan lists, "
                                             "restated: no new figure"])
    return extraction.model_copy(update=update)


def doubts(match: Decision, extraction: ExtractionResult, inquiry: Inquiry | None,
           name_doubts: Sequence[str]) -> tuple[list[str], list[str]]:
    """(why the decision needs a human, why the stated claim needs one); both empty: record alone."""
    reading = extraction.plan
    assert reading is not None
    decision_doubts: list[str] = []
    if match.status != "auto_matched" or inquiry is None:
        decision_doubts.extend(match.reasons or ("no confident match",))
    elif inquiry.letter_type != "plan":
        decision_doubts.append(f"{inquiry.external_id} is no plan letter")
    decision_doubts.extend(name_doubts)
    if reading.decision not in RECORDED_ALONE:
        decision_doubts.append(f"plan decision {reading.decision}: a human records it")
    decision_doubts.extend(reading.doubts)
    claim_doubts: list[str] = []
    known = inquiry.known_amount if inquiry is not None else None
    if extraction.total_amount is not None and extraction.total_amount != known:
        listed = money.format_eur(known) if known is not None else "no amount"
        claim_doubts.append(f"the reply states a claim of {money.format_eur(extraction.total_amount)}, "
                            f"the plan lists {listed}")
    return decision_doubts, claim_doubts


def system_decision(email: IncomingEmail, reading: PlanReading) -> decisions.NewDecision:
    """The system's reading of `email` as a decision to record, with its evidence."""
    return decisions.NewDecision(
        decision=reading.decision, actor_kind="system", decided_by="system", effective_at=email.received_at,
        counter_offer={str(name): value for name, value in reading.counter_offer.items()} or None,
        conditions=tuple(reading.conditions), reasons=tuple(reading.reasons),
        evidence={"sentences": reading.evidence, "source": reading.source, "doubts": reading.doubts},
        source_email_id=email.id,
    )


def record(session: Session, email: IncomingEmail, reading: PlanReading, inquiry: Inquiry) -> PlanDecision:
    """Record the system's reading as the plan letter's decision (idempotent per email)."""
    return decisions.record(session, inquiry, system_decision(email, reading))


def _claim_beside_the_offer(extraction: ExtractionResult, offered: set[Decimal],
                            inquiry: Inquiry | None) -> AmountFound | None:
    """The one other figure the reply names as a whole (a balance, a total) when the figure read as its total is
    the offer's sum ("36 Monate lang 10,00 €, zusammen also 360,00 € … Der Rückstand beträgt 2.219,40 €"): the claim
    it states beside the offer. None when there is no such figure or more than one."""
    known = inquiry.known_amount if inquiry is not None else None
    wholes = [found for found in extraction.amounts
              if found.label in ("total", "balance") and not found.rejected and found.value > 0
              and found.value not in offered and found.value != known]
    return wholes[0] if len({found.value for found in wholes}) == 1 else None
