"""extraction — claim-data stage; invariant: deterministic, offline, no amount from quotes or auto-replies."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from app.services import money
from app.services.attachments.result import AttachmentText
from app.services.extraction.amounts import (
    CREDIT_REASON,
    FORMER_IN_BRACKETS,
    INSTALMENT_REASON,
    PAID_REASON,
    SUPERSEDED_REASON,
    Candidate,
    collect_amounts,
)
from app.services.extraction.cent_columns import join_cent_columns
from app.services.extraction.corrections import corrected
from app.services.extraction.doubts import (
    attachment_offer_doubts,
    old_document_doubts,
    running_doubts,
    stale_doubts,
    subject_doubts,
    table_key_doubts,
    total_doubts,
    withdrawal_doubts,
)
from app.services.extraction.intent import (
    SETTLED,
    IntentDecision,
    IntentSignals,
    assignment_wording,
    classify_intent,
)
from app.services.extraction.labels import WORD, fold
from app.services.extraction.lines import SourceLine, attachment_lines, body_lines, subject_line
from app.services.extraction.listed_rows import payment_left_in, rows_missing_the_total
from app.services.extraction.names import choose_creditor, find_client_names, find_creditor_names
from app.services.extraction.numbers import find_money, foreign_currency
from app.services.extraction.own_quotes import own_quoted_lines
from app.services.extraction.plan_text import form_lines
from app.services.extraction.references import (
    DEFAULT_FIRM_REFERENCE_PATTERN,
    choose_creditor_reference,
    choose_firm_reference,
    find_references,
    normalise_reference,
    written_reference,
)
from app.services.extraction.result import (
    SCHEMA_VERSION,
    AmountFound,
    AttachmentStatusOut,
    Evidence,
    ExtractionResult,
    ReferenceFound,
)
from app.services.extraction.sender import sender_cues
from app.services.extraction.stated_sums import future_totals, larger_sums, unread_larger_sums
from app.services.extraction.totals import TotalDecision, decide_total, is_rough, sums_its_parts, usable, was_paid
from app.services.extraction.vocabulary.amounts import (
    NEGATIVE_IS_OWED,
    POINTS_TO_SUBJECT,
    SUBJECT_FIGURE_WORD,
    SUBJECT_REQUEST,
)
from app.services.parsing import ParsedBody

_NO_AMOUNT_INTENTS = ("auto_reply", "spam", "inquiry")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n\s*\n")
_MIN_SAFE_CONFIDENCE = 0.7
# What one email may make the extractor read (body lines first, then attachments); the rest is cut.
DEFAULT_MAX_LINES = 10_000
DEFAULT_MAX_CHARS = 1_000_000


def _within_caps(lines: list[SourceLine], max_lines: int, max_chars: int) -> tuple[list[SourceLine], str | None]:
    """The lines up to the caps, and what was cut (None when nothing was)."""
    chars = 0
    for index, line in enumerate(lines):
        chars += len(line.text)
        if index >= max_lines or chars > max_chars:
            return lines[:index], (f"text cut: only the first {index} of {len(lines)} lines were read "
                                   f"(limits {max_lines} lines, {max_chars} characters)")
    return lines, None


def _figure_in_subject(reply_text: str) -> bool:
    """The reply says its figure stands in the subject: one sentence points to the subject and names the
    figure ("der aktuelle Saldo … ist im Betreff genannt") or is the pointer alone ("s. Betreff"), and asks nothing
    ("bitte im Betreff … angeben")."""
    folded = fold(reply_text)
    # (by sentence, and by line: "s. Betreff" on a line of its own is split at its abbreviation's dot)
    return any((pointer := POINTS_TO_SUBJECT.search(sentence)) and not SUBJECT_REQUEST.search(sentence)
               and (SUBJECT_FIGURE_WORD.search(sentence) or _ONLY_THE_POINTER.fullmatch(sentence.replace(
                   pointer.group(0), "")))
               for sentence in (*_SENTENCE_SPLIT.split(folded), *folded.splitlines()))


# A line that is the pointer alone ("s. Betreff", "Siehe Betreff!"): all the answer says is where its figure stands.
_ONLY_THE_POINTER = re.compile(r"\W*")


# A mail program's own line under an empty answer ("Gesendet von Outlook", "Sent from my iPhone").
_SENT_FROM = re.compile(r"^\s*(?:gesendet (?:von|mit|aus)\b|von meinem \S+ gesendet|sent from\b|envoyé de\b|"
                        r"verzonden (?:vanaf|met)\b).*$", re.IGNORECASE | re.MULTILINE)


def _only_the_subject_written(parsed: ParsedBody, subject: str) -> bool:
    """The sender wrote no word above the quoted letter (a phone's "Gesendet von …" is its signature) and its
    subject carries figures the quote does not: the answer stands in the subject ("AW: … – offener Saldo 331,25
    EUR"). A figure of the firm's own subject, echoed, is in the quote too and counts for nothing."""
    if WORD.search(_SENT_FROM.sub("", parsed.reply_text)):
        return False
    figures = [token.raw for token in find_money(subject)]
    return bool(figures) and not any(figure in parsed.quoted_text for figure in figures)


FIGURE_ALONE = "the reply is the figure alone"


def _figure_alone(parsed: ParsedBody, candidates: Sequence[Candidate]) -> Candidate | None:
    """The one amount of a reply that holds no word at all but that amount (a phone's "Gesendet von …" is its
    signature), written with its cents."""
    if WORD.search(_SENT_FROM.sub("", parsed.reply_text).replace("EUR", "").replace("Euro", "")):
        return None
    own = [c for c in candidates if c.line.part == "reply" and c.line.source == "body" and c.reason is None]
    return own[0] if len(own) == 1 and own[0].raw[-3:-2] in ",." else None


_MIN_FIRM_NAME = 4


def _recipients(to: str | Sequence[str] | None) -> list[str]:
    if to is None:
        return []
    if isinstance(to, str):
        return [part.strip() for part in re.split(r"[,;]", to) if part.strip()]
    return [part.strip() for part in to if part.strip()]


def _in_the_firms_address(name: str, recipients: Sequence[str]) -> bool:
    """A name's surname is a word of the address the mail went to ("Frau Strieder" to glaeubiger@halfmann-strieder.
    example): one of the firm's own lawyers, addressed by a sender who writes to the firm, no client."""
    surname = fold(name.split()[-1]) if name.split() else ""
    if len(surname) < _MIN_FIRM_NAME:
        return False
    return any(surname in re.split(r"[^a-z]+", fold(address.rpartition("@")[2])) for address in recipients)


def _signals(
    decision: TotalDecision, candidates: list[Candidate], has_reference: bool, read: int, about_a_case: bool = True
) -> IntentSignals:
    accepted = usable(candidates)
    value = decision.value
    return IntentSignals(
        has_positive_total=value is not None and value > 0,
        has_zero_total=(value is not None and value == 0)
        or any(c.value == 0 and c.label in ("total", "balance") for c in accepted),
        total_is_fallback=decision.fallback,
        instalment_amounts=sum(
            1 for c in candidates if c.reason == INSTALMENT_REASON and c.line.part in ("reply", "attachment")
        ),
        has_reference=has_reference,
        attachments_read=read,
        has_claim_amounts=any(c.label in ("principal", "interest", "costs") for c in accepted),
        amounts_in_reply=sum(1 for c in candidates if c.line.part == "reply"),
        own_figures=sum(1 for c in accepted if c.line.part == "reply" and c.has_currency),
        about_a_case=about_a_case,
        total_text=fold(decision.total.line.text) if decision.total is not None else "",
        total_was_paid=value is not None and value > 0 and any(
            c.reason == PAID_REASON and c.value == value and c.line.part in ("reply", "attachment")
            for c in candidates),
        # (the mail's own text stating the same figure makes it the mail's too: "Insgesamt 355,50 EUR, die Aufstellung
        # hänge ich an")
        total_in_attachment=decision.total is not None and decision.total.line.part == "attachment"
        and not any(c.value == value and c.line.part == "reply" and c.label in ("total", "balance") for c in accepted),
    )


def _settled_evidence(lines: list[SourceLine], candidates: list[Candidate]) -> Evidence | None:
    zero = next((c for c in usable(candidates) if c.value == 0 and c.label in ("total", "balance")), None)
    if zero is not None:
        return zero.line.evidence()
    for line in lines:
        if line.part == "reply" and SETTLED.search(fold(line.text)):
            return line.evidence()
    return None


def _apply_intent(
    intent: IntentDecision, decision: TotalDecision, candidates: list[Candidate], lines: list[SourceLine]
) -> tuple[Decimal | None, Evidence | None, float, list[Candidate]]:
    """The total the intent allows, its evidence and confidence, and the amounts re-judged."""
    if intent.intent == "settled":
        marked = [c.reject("settled: not an open claim") if c.value != 0 else c for c in candidates]
        return Decimal("0.00"), _settled_evidence(lines, candidates), intent.confidence, marked
    if intent.intent in _NO_AMOUNT_INTENTS:
        marked = [c.reject(f"intent {intent.intent}: never a claim") for c in candidates]
        return None, None, 0.0, marked
    if decision.total is None:
        return None, None, 0.0, candidates
    if intent.intent == "rejection" and decision.fallback:  # a refusal's only figure has no total label: no claim
        return None, None, 0.0, [c.reject("a refusal's unlabelled figure, not the claim") if c is decision.total
                                 else c for c in candidates]
    return decision.total.value, decision.total.line.evidence(), decision.confidence, candidates


# The writer comes back to what it wrote ("Nachtrag, bevor ich das abschicke: …", "P.S.", "ich habe eben nochmal
# nachgesehen"): a figure named after that may be its last word.
_AFTERTHOUGHT = re.compile(r"\b(?:nachtrag|p\.\s?s\.|ps:|korrektur|berichtigung|nachgesehen|nachgeschaut|geschaut)\W",
                           re.IGNORECASE)


def _afterthought_between(reply_text: str, total: Candidate, rival: Candidate) -> bool:
    """An afterthought stands between the chosen total's line and a later figure's, in the reply."""
    if total.line.part != "reply" or rival.line.part != "reply":
        return False
    start = reply_text.find(total.line.text)
    end = reply_text.find(rival.line.text, max(start, 0))
    if start < 0 or end < 0:
        return False
    between = reply_text[start + total.start:end + rival.start]
    return _AFTERTHOUGHT.search(between) is not None


def _parts_larger_than(total: Candidate, candidates: list[Candidate]) -> list[Candidate]:
    """Interest or costs above the whole, or a principal above it with nothing deducted: the total or the part is
    read wrong ("Forderung 1.200,00 € (Stand 01.09.) … aktuell inkl. Zinsen 1.236,40 €")."""
    own = [c for c in candidates if c.line.part in ("reply", "attachment") and c.line.source == total.line.source]
    deducted = any(c.label == "deduction" or was_paid(c) for c in own)
    # A credit set off against the principal explains it when exactly the total is left ("Offen waren 613,55 EUR
    # … Guthaben von 96,12 EUR verrechnet … verbleibt 517,43 EUR").
    credits = {c.value for c in own if c.reason == CREDIT_REASON}
    # The parts less what is deducted are exactly the total ("Gerichtskosten 1.214,00 + Mahngebühr 5,00 + … abzüglich
    # Teilzahlung -150,00 … Noch offen: 1.092,00"): every part is explained, the larger one too.
    parts = sum((c.value for c in own if not c.rejected and c.label in ("principal", "interest", "costs")), Decimal(0))
    taken_off = sum((abs(c.value) for c in own if c.label == "deduction" or was_paid(c)), Decimal(0))
    if deducted and parts - taken_off == total.value:
        return []
    return [c for c in own if not c.rejected and c.value > total.value
            and (c.label in ("interest", "costs")
                 or (c.label == "principal" and not deducted and c.value - total.value not in credits))]


# The claim as it first stood ("in Höhe von ursprünglich 2.870,00 EUR"), not an answer the creditor gave before.
_ORIGINAL_SUM = re.compile(r"\b(?:urspruenglich|anfaenglich|original)\w*\W+(?:\S+\W+){0,3}$")


def _safety(
    intent: IntentDecision, decision: TotalDecision, candidates: list[Candidate], attachments: Sequence[AttachmentText],
    reply_text: str = "",
    cut: str | None = None,
    body_doubts: Sequence[str] = (),
    references: Sequence[ReferenceFound] = (),
    own_quoted: frozenset[int] = frozenset(),
) -> tuple[bool, list[str]]:
    """Safe = one clear current total in the creditor's own new text; every doubt is a reason."""
    reasons: list[str] = [cut] if cut else []  # an unread rest may correct or contradict any total
    reasons.extend(body_doubts)
    total = decision.total
    if intent.intent != "debt_statement":
        reasons.append(f"intent is {intent.intent}, not a debt statement")
    if total is None:
        reasons.append("no total stated")
    else:
        reasons.extend(total_doubts(decision, reply_text, candidates, references))
        if decision.fallback:
            reasons.append("total has no total label")
        if total.label_text == FIGURE_ALONE:
            reasons.append("the reply is a figure alone, with no word of what it is")
        if total.sign_flipped and not NEGATIVE_IS_OWED.search(fold(reply_text)):
            reasons.append("total was written as a negative balance")
        if not total.has_currency and total.label != "total" \
                and not sums_its_parts(total, decision.adds_up, decision.corroboration):
            reasons.append("total has neither a currency nor a total label")
        if total.line.ocr:
            reasons.append("total read only by OCR")
        if decision.confidence < _MIN_SAFE_CONFIDENCE:
            reasons.append(f"total confidence {decision.confidence} below {_MIN_SAFE_CONFIDENCE}")
        if not decision.corroborated:
            reasons.append("total not corroborated by an explicit total label or arithmetic")
        larger = _parts_larger_than(total, candidates)
        if larger:
            named = "; ".join(money.format_eur(c.value) for c in larger)
            reasons.append(f"a part is larger than the total: {named}")
        if decision.competing:
            named = "; ".join(money.format_eur(c.value) for c in decision.competing)
            reasons.append(f"other amounts also read as the total and nothing explains them: {named}")
        elif decision.later_rival is not None and _afterthought_between(reply_text, total, decision.later_rival):
            reasons.append(f"an afterthought names another figure as the claim: "
                           f"{money.format_eur(decision.later_rival.value)}")
        if (listed := rows_missing_the_total(total, candidates)) is not None:
            reasons.append(f"the rows listed right above the total add up to {money.format_eur(listed)}, not to it")
        if (left_in := payment_left_in(total, candidates)) is not None:
            reasons.append(f"a payment of {money.format_eur(left_in)} is listed above the total, which does not take "
                           "it off")
        if is_rough(total):
            reasons.append("the total is stated as an approximate figure")
        if sums := larger_sums(total, candidates):
            named = "; ".join(money.format_eur(c.value) for c in sums)
            reasons.append(f"the text states a larger sum that holds this total as a part: {named}")
        if miscounted := unread_larger_sums(total, candidates):
            named = "; ".join(money.format_eur(c.value) for c in miscounted)
            reasons.append(f"the text states a larger sum after the total that nothing listed adds up to: {named}")
        if later := future_totals(total, candidates):
            named = "; ".join(money.format_eur(c.value) for c in later)
            reasons.append(f"the text also names a larger future or conditional total: {named}")
    foreign = foreign_currency(reply_text) or next(
        (found for a in attachments for seg in a.segments if (found := foreign_currency(seg.text))), None)
    if total is not None and foreign:
        reasons.append(f"the text states an amount in another currency than the euro ('{foreign}'): "
                       "never written as EUR unseen")
    if intent.intent == "debt_statement" and (sold := assignment_wording(reply_text)):
        reasons.append(f"the claim was sold or assigned, the creditor on file changes: '{sold[0]}'")
    # (the firm's own figure from its quoted letter, put right: "statt 4.210,00 € nun 3.968,12 €", is no earlier
    # figure of the creditor's)
    # (a figure of the sender's own earlier mail quoted below is its own, put right now: "verringert sich damit von
    # 693,88 € auf 564,88 €" under "Am 09.09. schrieb Lars Weidemann:" is a correction naming both totals)
    firms = {c.value for c in candidates if c.line.part == "quoted" and c.label in ("total", "balance")
             and not (c.line.source == "body" and c.line.key in own_quoted)}
    # (nor is the claim before the payments named since, stated apart from the total: "ursprünglich 2.870,00 EUR …
    # 337,80 EUR getilgt. Die Restforderung beträgt 2.532,20 EUR"; changed into the total in one breath, "von 301,20 €
    # auf 221,40 €", it stays one for a human to confirm)
    superseded = [c for c in candidates if c.line.part in ("reply", "attachment") and (
        (c.reason == SUPERSEDED_REASON and c.value not in firms
         and not (c.value in decision.before_payments and total is not None and c.line is not total.line
                  and _ORIGINAL_SUM.search(fold(c.line.text[:c.start]))))
        or (c.reason in ("cancelled", FORMER_IN_BRACKETS) and c.label in ("total", "balance")))]
    if superseded:
        named = "; ".join(dict.fromkeys(money.format_eur(c.value) for c in superseded))
        reasons.append(f"the text also names a previous or cancelled total: {named}")
    unread = [a for a in attachments if a.status not in ("ok", "skipped")]
    if total is not None and total.line.part == "reply" and decision.corroborated:
        # A file locked with a password sent separately is the creditor's choice; its own text states the total.
        unread = [a for a in unread if not a.locked]
    if unread:
        reasons.append("attachment(s) not read: " + ", ".join(a.filename for a in unread))
    if reasons:
        return False, reasons
    assert total is not None
    where = f"{total.line.source} {total.line.location}"
    return True, [f"one current total '{total.label_text}' {money.format_eur(total.value)} ({where})"]


def _attachment_statuses(
    attachments: Sequence[AttachmentText], candidates: list[Candidate]
) -> list[AttachmentStatusOut]:
    return [
        AttachmentStatusOut(
            filename=a.filename,
            status=a.status,
            detected_type=a.detected_type,
            reason=a.reason,
            segments=len(a.segments),
            amounts_found=sum(1 for c in candidates if c.line.source == a.filename),
        )
        for a in attachments
    ]


def extract(
    parsed: ParsedBody,
    *,
    subject: str | None,
    from_email: str,
    from_name: str | None,
    attachments: Sequence[AttachmentText] = (),
    firm_reference_pattern: str = DEFAULT_FIRM_REFERENCE_PATTERN,
    to: str | Sequence[str] | None = None,
    max_lines: int = DEFAULT_MAX_LINES,
    max_chars: int = DEFAULT_MAX_CHARS,
    received_on: date | None = None,
) -> ExtractionResult:
    """Extract intent, total claim, components, references and names from one email.

    `to` (optional) lets a "+<Aktenzeichen>" routing address count as the firm's reference; `received_on` (the day
    the mail came) lets a total stated as of a date long past stand out.
    Past `max_lines` lines or `max_chars` characters the text is cut: `text_cut`, and never safe."""
    lines, cut = _within_caps(body_lines(parsed) + attachment_lines(attachments), max_lines, max_chars)
    lines = join_cent_columns(lines)
    subject_lines = [line for line in (subject_line(subject),) if line is not None]
    candidates = corrected(collect_amounts(lines))
    decision = decide_total(candidates)
    if decision.total is None and subject and (_figure_in_subject(parsed.reply_text)
                                               or _only_the_subject_written(parsed, subject)):
        # "Der aktuelle Saldo ist im Betreff genannt": the subject is then the creditor's own statement.
        stated = SourceLine(source="subject", part="reply", location="line", text=subject.strip(), key=0)
        candidates = corrected(collect_amounts([stated, *lines]))
        decision = decide_total(candidates)
    if decision.total is None and (alone := _figure_alone(parsed, candidates)) is not None:
        # The answer is the figure and nothing else ("2.318,60" above the quoted letter): the claim, for a human.
        candidates = [replace(c, label="balance", label_text=FIGURE_ALONE) if c is alone else c for c in candidates]
        decision = decide_total(candidates)
    recipients = _recipients(to)
    references = find_references(subject_lines + lines, recipients, firm_reference_pattern)
    firm = choose_firm_reference(references, firm_reference_pattern)
    creditor_ref = choose_creditor_reference(references, firm.value if firm else None)
    read = sum(1 for a in attachments if a.status == "ok" and a.segments)
    clients = find_client_names(subject_lines + lines)
    a_client_named = any(not _in_the_firms_address(name.value, recipients) for name in clients)
    signals = _signals(decision, candidates, bool(references), read, about_a_case=bool(firm) or a_client_named)
    # What the creditor says: a returned form's unticked options ("[ ] Die Forderung ist ausgeglichen") say nothing.
    said, _ = form_lines(parsed.reply_text)
    intent = classify_intent(subject, said, signals, footer_text=parsed.signature_text,
                             sender=sender_cues(from_name, from_email, parsed.links))
    if intent.intent == "spam":  # mail that answers no letter carries no creditor's reference to a case
        creditor_ref = None
    total, total_evidence, total_confidence, judged = _apply_intent(intent, decision, candidates, lines)
    components = decision.components if intent.intent in ("debt_statement", "payment_plan", "rejection") else {}
    component_evidence = {
        name: [c.line.evidence() for c in decision.component_lines.get(name, [])] for name in components
    }
    safe, safety_reasons = _safety(intent, decision, judged, attachments, said, cut,
                                   [*parsed.doubts(), *subject_doubts(subject, decision),
                                    *stale_doubts(decision, received_on),
                                    *old_document_doubts(decision, attachments, received_on),
                                    *attachment_offer_doubts(attachments),
                                    *running_doubts(decision, said, received_on),
                                    *withdrawal_doubts(said, subject, decision, candidates),
                                    *table_key_doubts(decision, lines)], references,
                                   # (asked only where a quoted figure could be taken for the firm's)
                                   own_quoted_lines(lines, from_name, from_email)
                                   if any(c.line.part == "quoted" and c.label in ("total", "balance") for c in judged)
                                   else frozenset())
    creditor, agent = choose_creditor(find_creditor_names(subject_lines + lines, from_name, from_email))
    amounts: list[AmountFound] = [c.found() for c in judged]
    return ExtractionResult(
        schema_version=SCHEMA_VERSION,
        intent=intent.intent,
        intent_reasons=list(intent.reasons),
        intent_confidence=intent.confidence,
        total_amount=total,
        total_evidence=total_evidence,
        total_confidence=total_confidence,
        components=dict(components),
        components_add_up=bool(components) and decision.adds_up,
        component_evidence=component_evidence,
        firm_reference=firm.value if firm else None,
        firm_reference_evidence=firm.evidence if firm else None,
        creditor_reference=creditor_ref.value if creditor_ref else None,
        creditor_reference_evidence=creditor_ref.evidence if creditor_ref else None,
        references=references,
        client_name=clients[0].value if clients else None,
        client_name_evidence=clients[0].evidence if clients else None,
        creditor_name=creditor.value if creditor else None,
        creditor_name_evidence=creditor.evidence if creditor else None,
        agent_name=agent.value if agent else None,
        names=clients[:5] + ([creditor] if creditor else []) + ([agent] if agent else []),
        amounts=amounts,
        attachments=_attachment_statuses(attachments, candidates),
        amount_is_safe=safe,
        amount_safety_reasons=safety_reasons,
        total_ranking=list(decision.notes) if total is not None else [],
        total_corroborated=total is not None and decision.corroborated,
        total_from_ocr=decision.total is not None and decision.total.line.ocr,
        text_cut=cut is not None,
    )


def with_inquiry_reference(result: ExtractionResult, parsed: ParsedBody, subject: str | None,
                           attachments: Sequence[AttachmentText], reference: str | None,
                           firm_reference: str | None = None) -> ExtractionResult:
    """The creditor reference as the email writes the matched inquiry's one, where it does: of the numbers a
    reply carries (an agency's file number beside the client's account at its principal, a ticket number, an
    echoed subject), that is the one the firm files the claim under. The firm's own file number for the
    inquiry ("Ihr Zeichen HQ 409/27" in a creditor's subject) is never the creditor's."""
    if result.intent == "spam":
        return result
    if (firm_reference and result.creditor_reference
            and normalise_reference(result.creditor_reference) == normalise_reference(firm_reference)):
        result = result.model_copy(update={"creditor_reference": None, "creditor_reference_evidence": None})
    if not reference:
        return result
    if result.creditor_reference and normalise_reference(result.creditor_reference) == normalise_reference(reference):
        return result
    lines = [line for line in (subject_line(subject),) if line is not None]
    found = written_reference(lines + body_lines(parsed) + attachment_lines(attachments), reference)
    if found is None:
        return result
    return result.model_copy(update={"creditor_reference": found.value, "creditor_reference_evidence": found.evidence})


__all__ = [
    "DEFAULT_FIRM_REFERENCE_PATTERN", "DEFAULT_MAX_CHARS", "DEFAULT_MAX_LINES", "ExtractionResult", "extract",
    "with_inquiry_reference",
]
