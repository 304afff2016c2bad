"""matching/gate.py — may a match write the claim alone? Only a clean debt statement within the jump limit,
naming no one but the matched client, read from text (not OCR) and corroborated where nothing is on file."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from app.config import Settings
from app.models import Inquiry
from app.services import money
from app.services.extraction.doubts import WITHDRAWN_ANSWER
from app.services.extraction.result import ExtractionResult
from app.services.matching import normalize, written_names
from app.services.matching.decide import Decision

Action = Literal["apply", "review", "ignore"]

IGNORED_INTENTS = {
    "auto_reply": "automatic reply: never a claim",
    "spam": "unrelated mail",
}
HUMAN_INTENTS = {
    "payment_plan": "payment plan offered: the client decides",
    "settled": "claim reported settled: closing a claim needs a human",
    "rejection": "creditor declines to state the claim",
    "inquiry": "creditor asks the firm for something first",
}


@dataclass(frozen=True)
class Verdict:
    action: Action
    reasons: tuple[str, ...]


BOUNCED = "the firm's letter came back undelivered: a human sends it again"
# Mail read as unrelated that still matches one of the firm's letters, surely or for review (its reference, its
# routing address, its client's name): a creditor's system mail with a phrase spam uses ("… wird die Sperre
# innerhalb von 24 Stunden aufgehoben") is no phishing; a human looks rather than nobody. (Of 112 mails read as spam
# in our corpora, the 110 that are spam match nothing.)
MATCHED_SPAM = "read as unrelated mail, yet it matches one of the firm's letters: a human looks"


def judge(decision: Decision, extraction: ExtractionResult, known: Decimal | None,
          current: Decimal | Callable[[], Decimal | None] | None, settings: Settings,
          namesakes: Iterable[Inquiry] = (), *, bounced: bool = False, sender_name: str | None = None) -> Verdict:
    """apply: write the stated total; review: a human decides; ignore: nothing to do. `namesakes` are
    other inquiries whose client a name in the reply could designate (see `written_names`). `current`
    may be given as a function, called only when the amounts are compared (a read the worker spares
    for every reply that goes to review anyway). `bounced`: the mail is a server's report that a letter was not
    delivered, which a human must see although it is automatic. `sender_name`: the display name the mail came
    under, which may be the client's own."""
    if extraction.intent == "auto_reply" and bounced:
        return Verdict("review", (BOUNCED,))
    if extraction.intent == "spam" and decision.status != "no_match":
        return Verdict("review", (MATCHED_SPAM,))
    if extraction.intent in IGNORED_INTENTS:
        return Verdict("ignore", (IGNORED_INTENTS[extraction.intent],))
    names: list[str] = []
    if decision.best is not None:
        others = [*namesakes, *(scored.inquiry for scored in decision.ranked)]
        names = written_names.doubts(decision.best, extraction.names, others) \
            or written_names.surname_only(decision.best, extraction.names, others)
    # A withdrawn earlier answer is said first, whatever else the mail is: a figure written from it may be wrong now.
    withdrawn = [reason for reason in extraction.amount_safety_reasons if reason.startswith(WITHDRAWN_ANSWER)]
    if decision.status != "auto_matched":
        reasons = [*withdrawn, *(decision.reasons or ("no confident match",))]
        if extraction.intent in HUMAN_INTENTS:
            reasons.append(HUMAN_INTENTS[extraction.intent])
        return Verdict("review", (*reasons, *names))
    if extraction.intent in HUMAN_INTENTS:
        return Verdict("review", (*withdrawn, HUMAN_INTENTS[extraction.intent], *names))
    reasons = names + other_letters_reference(decision, extraction) + other_file_of_creditor(decision, extraction) \
        + sent_by_client(decision, sender_name) + amount_doubts(
        extraction, known, current() if callable(current) else current, settings.claim_jump_limit)
    return Verdict("review", tuple(reasons)) if reasons else Verdict("apply", ())


def sent_by_client(decision: Decision, sender_name: str | None) -> list[str]:
    """The mail comes under the matched client's own name ("Kevin Lutzenberger" forwarding a reminder he was sent):
    the figures are a letter the client passes on, not the creditor's answer to the firm."""
    if decision.best is None or not sender_name or len(normalize.name_tokens(sender_name)) < 2:
        return []
    client = decision.best.inquiry.client_name
    if written_names.relation(sender_name, client) not in ("same", "variant"):
        return []
    return [f"the mail comes from the client ({sender_name}), not from the creditor"]


def other_letters_reference(decision: Decision, extraction: ExtractionResult) -> list[str]:
    """The mail writes the creditor reference of another candidate letter and never the matched letter's own
    (a reply about the client's second account at the same creditor, sent in the first one's thread): the
    figures may belong to that other letter."""
    if decision.best is None:
        return []
    matched = decision.best.inquiry
    own = normalize.reference_key(matched.creditor_reference)
    written = {normalize.reference_key(found.value) for found in extraction.references}
    if not own or normalize.reference_keys(matched.creditor_reference) & written:
        return []
    for scored in decision.ranked:
        other = scored.inquiry
        key = normalize.reference_key(other.creditor_reference)
        if other is not matched and key and key != own and key in written:
            return [f"the mail names another letter's reference ({other.creditor_reference}), not this one's "
                    f"({matched.creditor_reference})"]
    return []


_DIGIT = re.compile(r"\d")
# A reference this long in digits is a file's number, not a year or a count.
_FILE_DIGITS = 5


_LETTER = re.compile(r"[^\W\d_]")


def _shape(value: str) -> str:
    """How a reference is written, its digits and letters aside: "VI-T-302249" → "A-A-9" shapes "AA-A-999999"."""
    return _DIGIT.sub("9", _LETTER.sub("A", "".join(value.split())))


def other_file_of_creditor(decision: Decision, extraction: ExtractionResult) -> list[str]:
    """The creditor's own text names a file of the same shape as the matched letter's reference but another number
    ("Akte VI-T-302880" where the letter asked about VI-T-302249), and the letter's number stands at most in the
    subject or the quoted letter: the creditor may be answering about another claim of the same client."""
    if decision.best is None:
        return []
    matched = decision.best.inquiry
    own = normalize.reference_key(matched.creditor_reference)
    if len(_DIGIT.findall(own)) < _FILE_DIGITS:
        return []
    in_text = [found for found in extraction.references
               if found.owner == "creditor" and found.evidence.part in ("reply", "attachment")]
    if any(normalize.reference_keys(matched.creditor_reference) & normalize.reference_keys(found.value)
           for found in in_text):
        return []
    # (another invoice is another bill of the same claim as often as another claim)
    shape = _shape(matched.creditor_reference or "")
    other = next((found.value for found in in_text if found.kind != "invoice"
                  and normalize.reference_key(found.value) != own and _shape(found.value) == shape), None)
    return [f"the creditor's text names another file of the same kind ({other}), not the letter's "
            f"({matched.creditor_reference})"] if other else []


def amount_doubts(extraction: ExtractionResult, known: Decimal | None, current: Decimal | None,
                  limit: Decimal) -> list[str]:
    """Why the stated total may not be written without a human (empty: it may)."""
    total = extraction.total_amount
    if extraction.intent != "debt_statement":
        return [f"intent {extraction.intent} is not a debt statement"]
    if total is None:
        return ["no total stated"]
    doubts: list[str] = []
    if extraction.total_from_ocr:
        doubts.append("total readable only by OCR from a scan: a human reads it")
    if not extraction.amount_is_safe:
        doubts.append("amount not safe: " + ("; ".join(extraction.amount_safety_reasons) or "extractor unsure"))
    if extraction.total_evidence is not None and extraction.total_evidence.part in ("quoted", "signature"):
        doubts.append(f"total read from {extraction.total_evidence.part} text")
    if total <= 0:
        doubts.append("a zero total closes the claim: needs a human")
    if known is None and current is None and not extraction.total_corroborated:
        doubts.append("no amount on file to compare with, and the total is not corroborated "
                      "(no total label, no arithmetic agreement)")
    for label, reference in (("known", known), ("current", current)):
        if reference is not None and reference > 0 and abs(total - reference) / reference > limit:
            change = (total - reference) / reference * 100
            doubts.append(f"total {money.format_eur(total)} is {change:+.0f} % against the {label} amount "
                          f"{money.format_eur(reference)}")
    return doubts
