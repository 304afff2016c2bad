"""extraction/plan_reply.py — read a creditor's decision on a settlement plan; invariant: only the creditor's own
text decides (never quoted history, never an unticked box), and a figure is a counter-offer only when the
reply offers it in a condition or an offer of its own and it differs from what the plan offers.

How one reply is read:
1. Sentences come from the new reply; when the reply decides nothing, from the attachments (a form's
   ticked line, with unticked lines dropped) and last from the subject.
2. Per sentence: agreement words (a negation in their clause turns them into refusal; a clause about a
   decision still to come — "bevor wir zustimmen" — makes them nothing), refusal words, a request for
   documents or explanations, "still checking", and figures (quota %, months, rate, lump sum).
3. Figures in a sentence with a condition or an offer of the creditor's own (or the sentence that works
   out its consequence) are counter-offer figures, except the plan's figure named to be replaced
   ("statt 5,91 €"), a stated claim and figures of formalities (a Verfallklausel's "zwei Monatsraten").
4. Decision: a counter-offer when one of those figures differs from the plan's; else refusal or agreement;
   else a request for information; else unclear. Conflicts and unknown conditions become doubts."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from app.services.attachments.result import AttachmentText
from app.services.extraction import other_letter, plan_figures, plan_sentences, plan_text
from app.services.extraction.plan_figures import Figure
from app.services.extraction.result import CounterFigure, PlanDecisionName, PlanReading
from app.services.extraction.vocabulary import plan as words
from app.services.parsing import ParsedBody
from app.services.textfold import fold

_TICKED = re.compile(r"^\s*(?:\[\s*[xX✓✔]\s*\]|\(\s*[xX✓✔]\s*\)|[☒☑✅✓✔])\s*")
_UNTICKED = re.compile(r"^\s*(?:\[\s*\]|\(\s*\)|[☐□])\s*")
# A box anywhere on a line, ticked or not (the bracketed kinds and the box characters; a bare check mark may be text).
_BOX_INSIDE = re.compile(r"\[\s*[xX✓✔]?\s*\]|\(\s*[xX✓✔]?\s*\)|[☒☑☐□]")
_ZU_INFINITIVE = re.compile(r"\b(?:mit|an|bei|zu)zu\w+en\b")
_REPLY_PREFIX = re.compile(r"^\s*(?:aw|re|wg|fw|fwd|antwort|answer)\s*:", re.IGNORECASE)
# The decision word alone, or with what it is about ("Zustimmung zum Plan.", "Ablehnung des Vorschlags.").
_BARE_WORD = re.compile(r"\W*\w+\W*|\W*\w+\s+(?:zum|zur|zu dem|des)\s+(?:\w+\s+)?(?:plans?|vorschlags?|regelung"
                        r"|vergleichs?|schuldenbereinigungsplans?)\W*")
_ALTERNATIVE = re.compile(r"\s*(?:oder|or|bzw\.?|/)\s")
_MAX_EVIDENCE = 300
_ENDS_STATEMENT = re.compile(r"[.!?]$")
_LABEL_END = re.compile(r"[:|\u2013\u2014-]\s*$")
_REFERRED_RUN = 3
_LIST_ITEM = re.compile(r"\s*(?:\d{1,2}[.)]|[-•*–])\s")


@dataclass
class Sentence:
    """One sentence of the creditor's text with what it says about the plan."""

    text: str
    source: str
    folded: str = ""
    agrees: list[str] = field(default_factory=list)
    refuses: list[str] = field(default_factory=list)
    counter_cue: bool = False
    # The cue is only a bound or a bare condition ("mehr als 2 €", "sofern das Einkommen nicht sinkt"), no offer word.
    weak_cue: bool = False
    conditional: bool = False
    consequence: bool = False
    formality: bool = False
    default_clause: bool = False
    claim: bool = False
    asks_info: bool = False
    decides_later: bool = False
    pending: bool = False
    postponed: bool = False
    interim: bool = False
    abstains: bool = False
    deemed: bool = False
    withdrawn: bool = False
    lapses: bool = False
    ruled_out: list[str] = field(default_factory=list)
    negated_refusal: bool = False
    typos: list[str] = field(default_factory=list)
    short_answer: bool = False
    figures: list[Figure] = field(default_factory=list)


def speaks_of_plan(subject: str | None, text: str) -> bool:
    """The subject or `text` speaks of a settlement plan."""
    return bool(words.PLAN_TOPIC.search(fold(subject or "")) or words.PLAN_TOPIC.search(fold(text)))


def mentions_plan(subject: str | None, parsed: ParsedBody) -> bool:
    """The subject or the creditor's own text (quoted history aside) speaks of a settlement plan."""
    return speaks_of_plan(subject, parsed.reply_text)


def _short_answer(sentence: Sentence) -> bool:
    """A bare "ja"/"nein" answering the letter's question: the whole sentence ("Ja."), after fillers ("auch hier
    ja") or after a label that names the consent, the plan or the client ("Zustimmung zum Plan: ja")."""
    text = sentence.folded.strip()
    match = words.SHORT_ANSWER.match(text)
    if match is None:
        return False
    label = match.group("label").strip()
    if label and not match.group("fill") and not _LABEL_END.search(text[:match.start("fill")]):
        return False
    if label and (not words.ANSWER_LABEL.search(label) or words.ANSWER_LABEL_NOT.search(label)):
        return False
    found = sentence.refuses if match.group("answer") in words.SHORT_NO else sentence.agrees
    found.append(" ".join(match.group(0).split()))
    sentence.short_answer = True
    return True


def _void_parts(sentence: Sentence) -> list[tuple[int, int]]:
    """The parts of the sentence (up to a semicolon) whose decision words decide nothing: an abstention
    ("weder eine Zustimmung noch eine Ablehnung"), an objection to the firm's deemed consent ("Schweigen ist
    keine Zustimmung"), both decisions named as a choice ("Zustimmung oder Ablehnung"), what becomes of an
    agreement whose condition is not met ("gilt unsere Zustimmung als nicht erteilt") and a statement
    withdrawn ("die dort erklärte Ablehnung war ein Versehen")."""
    void: list[tuple[int, int]] = []
    start = 0
    text = sentence.folded
    for end in [m.start() for m in re.finditer(";", text)] + [len(text)]:
        part = text[start:end]
        found = False
        for pattern, flag in ((words.ABSTAIN, "abstains"), (words.DEEMED_CONSENT, "deemed"),
                              (words.WITHDRAWN, "withdrawn"), (words.LAPSES, "lapses"), (words.BOTH_NAMED, "")):
            if pattern.search(part):
                if flag:
                    setattr(sentence, flag, True)
                found = True
        # consent to an appointment or a transfer of data: only that consent is void
        void.extend((start + m.start(), start + m.end()) for m in words.OTHER_CONSENT.finditer(part))
        taken_back = list(words.WITHDRAWN_OBJECT.finditer(part))
        if taken_back:  # "nehmen die Ablehnung zurück und stimmen zu": only what is taken back is void
            sentence.withdrawn = True
            void.extend((start + m.start(), start + m.end()) for m in taken_back)
        if found:
            void.append((start, end))
        start = end + 1
    return void


def _inside(match: re.Match[str], spans: Iterable[tuple[int, int]]) -> bool:
    return any(match.start() < end and start < match.end() for start, end in spans)


def _bare_decision(sentence: Sentence, heading: bool) -> None:
    """A decision written as a bare word: a form field's value ("Entscheidung: Zustimmung") or a sentence that
    is the word alone, and in a heading (a subject the creditor wrote, a ticked box's line) its first word
    ("Zustimmung Einmalzahlung / VK 2207")."""
    text = sentence.folded
    starts = [m.end() for m in words.DECISION_FIELD.finditer(text)]
    # A heading the creditor wrote ("AW: Zustimmung zum Plan …" heads the firm's own subject), or a line that is
    # the decision word alone ("Zustimmung."), from its first word.
    if (heading and not _REPLY_PREFIX.match(text)) or _BARE_WORD.fullmatch(text):
        starts.append(0)
    for start in starts:
        rest = text[start:].lstrip(" \t|:-–")
        for pattern, found in ((words.BARE_AGREE, sentence.agrees), (words.BARE_REFUSE, sentence.refuses)):
            match = pattern.match(rest)
            if (match and not _ALTERNATIVE.match(rest[match.end():]) and not words.HYPOTHETICAL.search(rest[:60])
                    and match.group(0) not in found):
                found.append(match.group(0))


# Terms the creditor calls acceptable in a sentence of their own ("Eine Zahlung von 30,00 EUR über 36 Monate halten wir
# für angemessen"), not a reason, a fact about the contract or an indignant question.
_TERMS_SAID_ACCEPTABLE = re.compile(r"\b(?:angemessen|akzeptabel|vorstellbar|vertretbar|bereit|einverstanden"
                                    r"|zufrieden\w*)\b")
_NEGATED = re.compile(r"\b(?:nicht|kein\w*|nie)\b")
# A condition of proof: "wenn Einkommens- und Vermögenslosigkeit belegt sind", "sofern Nachweise vorgelegt werden".
_ON_PROOF = re.compile(r"\b(?:wenn|falls|sofern|sobald)\b[^.;]{0,100}?\b(?:belegt|nachgewiesen|vorgelegt|vorliegen"
                       r"|vorliegt|glaubhaft gemacht)\b")
# The client's or the plan's offer described ("Ihr Mandant bietet eine Einmalzahlung von insgesamt 2.000,00 EUR"): its
# figures are not the creditor's own terms.
_CLIENTS_OFFER = re.compile(r"\b(?:ihr\w* (?:mandant\w*|plan\w*|angebot\w*)|der plan|die schuldner\w*|der schuldner)\b"
                            r"[^.]{0,40}?\b(?:bietet|bieten|sieht|vorsieht|zahlt|zahlen|will|moechte)\b")
# A sentence that opens with the debtor falling behind under the plan, up to its comma ("Gerät Herr B. mit mehr als zwei
# Raten in Rückstand,", "Sollten die Raten nicht pünktlich gezahlt werden,").
_DEFAULT_OPENING = re.compile(
    r"^\W*(?:wenn|falls|sofern|sollte\w*|geraet|geraten|kommt|kommen|bleibt|bleiben|bei|im falle|fuer den fall)\b"
    r"[^,;.]{0,120}?(?:verzug|rueckstand|rueckstaend\w*|nicht (?:\S+ ){0,3}?(?:gezahlt|bezahlt|eingehalten|erfuellt"
    r"|geleistet|eingehen))[^,;.]{0,40},")


def _polarity(sentence: Sentence, heading: bool = False) -> None:
    text = sentence.folded
    # "nicht nur …, sondern": blanked where a negation is looked for, so that it negates nothing.
    unnegated = words.NOT_ONLY.sub(lambda m: " " * len(m.group(0)), text)
    void = _void_parts(sentence)
    if not void and _short_answer(sentence):  # "Einverständnis mit dem Plan: nein": the answer decides, not the label
        return
    ruled_out = [m for m in words.NEGATED_REFUSAL.finditer(text) if not _inside(m, void)]
    sentence.ruled_out.extend(" ".join(m.group(0).split()) for m in ruled_out)
    sentence.agrees.extend(sentence.ruled_out)
    spans = void + [m.span() for m in ruled_out]
    despite_matches = [m for m in words.AGREE_DESPITE_NEGATION.finditer(text) if not _inside(m, spans)]
    despite = [m.group(0) for m in despite_matches]
    sentence.agrees.extend(despite)
    spans += [m.span() for m in despite_matches]
    # The negation inside "keine Einwände" or a ruled-out refusal negates that phrase, not an agreement beside it
    # ("Wir haben keine Einwände und stimmen zu").
    for start, end in [m.span() for m in ruled_out] + [m.span() for m in despite_matches]:
        unnegated = unnegated[:start] + " " * (end - start) + unnegated[end:]
    if not void:
        _bare_decision(sentence, heading)
    # An agreement word inside a refusal phrase is that phrase's ("less than we can accept", "nicht annehmbar").
    refusal_matches = list(words.REFUSE.finditer(text))
    refusal_spans = [m.span() for m in refusal_matches]
    for match in words.AGREE.finditer(text):
        if _inside(match, spans) or _inside(match, refusal_spans) or any(
                match.group(0) in phrase or phrase in match.group(0) for phrase in despite):
            continue
        clause = plan_sentences.clause_span(text, match.start(), match.end())
        if words.HYPOTHETICAL.search(clause) or words.WHAT_WE_DO.search(clause):
            continue
        governing = _governing_clause(text, match)
        if governing:  # "sehen uns außerstande, den Plan mitzutragen": the clause before says no
            sentence.refuses.append(" ".join(f"{governing}, {clause}".split()))
        elif words.NEGATION.search(plan_sentences.clause_span(unnegated, match.start(), match.end())):
            sentence.refuses.append(" ".join(clause.split()))
        else:
            sentence.agrees.append(" ".join(match.group(0).split()))
    refusals = [m for m in refusal_matches if not _inside(m, spans)
                and not words.AGREE_DESPITE_NEGATION.search(text[max(0, m.start() - 20):m.end() + 20])]
    default_opening = _DEFAULT_OPENING.match(text)
    for match in refusals:
        clause = plan_sentences.clause_span(text, match.start(), match.end())
        if words.HYPOTHETICAL.search(clause):
            continue
        if default_opening and match.start() >= default_opening.end():
            # "Gerät Herr B. mit zwei Raten in Rückstand, wird … die Vollstreckung fortgesetzt": what follows a
            # default under the plan, not a refusal of it
            continue
        sentence.refuses.append(" ".join(match.group(0).split()))
        if not words.NEGATION.search(match.group(0)) and _free_negation(
                text, plan_sentences.clause_span(unnegated, match.start(), match.end()), refusals):
            sentence.negated_refusal = True


def _free_negation(text: str, clause: str, refusals: Sequence[re.Match[str]]) -> bool:
    """The clause holds a negation that belongs to no refusal phrase of its own ("ablehnen werden wir den
    Vorschlag nicht"): the refusal may be negated."""
    offset = text.find(clause)
    for negation in words.NEGATION.finditer(clause):
        start, end = offset + negation.start(), offset + negation.end()
        if not any(m.start() <= start and end <= m.end() for m in refusals if words.NEGATION.search(m.group(0))):
            return True
    return False


def _governing_clause(text: str, match: re.Match[str]) -> str:
    """For an agreement written as a zu-infinitive ("mitzutragen", "beizutreten"), the clause just before it
    when that clause refuses or is negated ("wir sind außerstande, …", "es ist uns nicht möglich, …"); else ""."""
    if not _ZU_INFINITIVE.search(match.group(0)):
        return ""
    breaks = list(plan_sentences.CLAUSE_BREAK.finditer(text, 0, match.start()))
    if not breaks:
        return ""
    start = breaks[-2].end() if len(breaks) > 1 else 0
    before = text[start:breaks[-1].start()]
    if words.AGREE_DESPITE_NEGATION.search(before) or words.HYPOTHETICAL.search(before):
        return ""
    return before.strip() if words.REFUSE.search(before) or words.NEGATION.search(before) else ""


def _read_sentence(text: str, source: str, *, heading: bool = False) -> Sentence:
    """One sentence read; a `heading` (a subject, a ticked box's line) may decide with a bare word."""
    folded, typos = plan_text.tolerant(words.RECORD_STATUS.sub(" ", fold(text)))
    sentence = Sentence(text=text, source=source, folded=folded, typos=typos)
    if words.PAST_REPORT.search(folded):  # what the creditor did before decides nothing now and offers nothing
        return sentence
    if words.LEGAL_REMEDY.search(folded):  # the debtor's remedy against a decision is no decision of its own
        return sentence
    if text.rstrip().endswith("?") and words.ASKING.search(folded):  # a question decides nothing
        sentence.asks_info = True
        return sentence
    _polarity(sentence, heading)
    own_terms = bool(words.COUNTER.search(folded)) or bool(
        words.FLOOR_OR_CEILING.search(folded) and not words.GENERAL_HABIT.search(folded)
        and not words.OFFER_DESCRIBED.search(folded))
    sentence.counter_cue = own_terms and not (words.REASON_LINE.match(folded) or words.WHY_QUESTION.match(folded))
    sentence.weak_cue = sentence.counter_cue and all(words.WEAK_COUNTER.fullmatch(match.group(0))
                                                     for match in words.COUNTER.finditer(folded))
    sentence.conditional = bool(words.CONDITIONAL.search(folded))
    sentence.consequence = bool(words.CONSEQUENCE.search(folded))
    sentence.formality = bool(words.FORMALITY.search(folded))
    sentence.default_clause = bool(words.DEFAULT_CLAUSE.search(folded))
    sentence.claim = bool(words.CLAIM_STATEMENT.search(folded))
    sentence.asks_info = bool(words.INFO_OBJECT.search(folded) and words.INFO_REQUEST.search(folded)) or (
        "?" in text and bool(words.QUESTION.search(folded)))
    sentence.decides_later = bool(words.DECIDE_LATER.search(folded))
    sentence.postponed = bool(words.POSTPONED.search(folded))
    sentence.interim = bool(words.INTERIM.search(folded))
    sentence.pending = sentence.postponed or sentence.interim or bool(words.PENDING.search(folded))
    sentence.figures = plan_figures.figures(text)
    return sentence


# A row of a claim's breakdown: a label and the amount that ends it ("Forderungsstand per 30.06. 9.311,42 EUR").
_CLAIM_ROW = re.compile(r"^[^\n]{2,80}?\s(?:EUR\s*|€\s*)?-?\d{1,3}(?:\.\d{3})*,\d\d\s*(?:EUR|€|Euro)?\s*$")


def _read_all(texts: Sequence[str], source: str) -> list[Sentence]:
    """The sentences read in order; the one after a field's label ("Entscheidung:") is read as a heading."""
    sentences: list[Sentence] = []
    for index, text in enumerate(texts):
        label = index > 0 and words.DECISION_FIELD.fullmatch(fold(texts[index - 1]).strip()) is not None
        if text.rstrip().endswith("?") and index + 1 < len(texts) and plan_text.is_bare_answer(texts[index + 1]):
            # the letter's question the next line answers ("Stimmen Sie dem Plan zu?" / "Ja."): not the creditor's
            sentences.append(Sentence(text=text, source=source, folded=fold(text)))
            continue
        sentence = _read_sentence(text, source, heading=label)
        if sentence.short_answer and index > 0 and _asks_other_thing(texts[index - 1]):
            sentence.agrees.clear()  # "Ist die Forderung noch offen? Ja.": the answer is to that question
            sentence.refuses.clear()
        sentences.append(sentence)
    for index, sentence in enumerate(sentences[:-1]):
        if sentence.claim and sentence.text.rstrip().endswith(":"):
            # the rows of the claim it opens ("Unsere Forderung stellt sich wie folgt dar:" / "Restkapital 8.714,60
            # EUR" / "Kosten 125,00 EUR"): the claim's parts, nobody's offer
            for row in sentences[index + 1:]:
                if row.agrees or row.refuses or row.counter_cue or not _CLAIM_ROW.match(row.text):
                    break
                row.claim = True
        # A request that opens a list ("bitten wir vor einer Entscheidung unserer Mandantin um:" / "1. die
        # Lohnabrechnungen …", also without the colon): what it asks for stands in the lines after it.
        opens_list = sentence.text.rstrip().endswith(":") or (
            not _ENDS_STATEMENT.search(sentence.text.rstrip()) and not _LIST_ITEM.match(sentence.text)
            and _LIST_ITEM.match(sentences[index + 1].text))
        if opens_list and words.INFO_REQUEST.search(sentence.folded) \
                and not (sentence.agrees or sentence.refuses) \
                and any(words.INFO_OBJECT.search(listed.folded) for listed in sentences[index + 1:index + 4]):
            sentence.asks_info = True
    return sentences


def _quoted_asks_only_other_things(parsed: ParsedBody) -> bool:
    """The message the reply quotes asks questions, none of them about the consent: a bare "ja"/"nein" answers those."""
    quoted = " ".join(plan_text.unquoted(text) for _number, part, text in parsed.numbered() if part == "quoted")
    questions = [text for text in plan_sentences.split(quoted) if text.rstrip().endswith("?")]
    return bool(questions) and all(_asks_other_thing(text) for text in questions)


def _asks_other_thing(text: str) -> bool:
    """`text` is a question about something else than the consent ("Ist die Forderung noch offen?")."""
    folded = fold(text).strip()
    about_consent = words.AGREE.search(folded) or words.ANSWER_LABEL.search(folded)
    return folded.endswith("?") and (not about_consent or bool(words.ANSWER_LABEL_NOT.search(folded)))


def _attachment_lines(attachment: AttachmentText) -> tuple[list[str], list[str]]:
    """A readable attachment's lines with unticked boxes dropped, and its ticked lines (without the box)."""
    lines: list[str] = []
    ticked: list[str] = []
    for segment in attachment.segments:
        if getattr(segment, "ocr", False):
            continue
        for line in segment.text.split("\n"):
            boxes = list(_BOX_INSIDE.finditer(line))
            if len(boxes) > 1 or (boxes and line[:boxes[0].start()].strip()):
                # boxes side by side or after a label ("Erklärung | [X] Wir stimmen zu.  [ ] Wir stimmen nicht zu."):
                # the label and the ticked choice stay, the unticked choices go
                ends = [box.start() for box in boxes[1:]] + [len(line)]
                chosen = [line[box.end():end].strip() for box, end in zip(boxes, ends, strict=True)
                          if _TICKED.match(box.group(0))]
                lines.append(" ".join([line[:boxes[0].start()].rstrip(" |:"), *chosen]).strip())
                ticked.extend(chosen)
                continue
            if _UNTICKED.match(line):
                continue
            mark = _TICKED.match(line)
            lines.append(line[mark.end():] if mark else line)
            if mark:
                ticked.append(line[mark.end():])
    return lines, ticked


def _offers_own_terms(sentence: Sentence) -> bool:
    return sentence.counter_cue or (sentence.conditional and bool(sentence.agrees or sentence.refuses))


def _counter_figures(sentences: Sequence[Sentence], plan: dict[str, Decimal],
                     plan_claim: Decimal | None) -> list[tuple[Figure, Sentence]]:
    """Figures the creditor offers: in a condition or offer of its own (and the sentence working out its
    consequence, or the one its colon opens: "unter folgenden Bedingungen zu: Laufzeit 36 Monate"), or named
    figures in an agreement ("wir akzeptieren eine Einmalzahlung von 500 €"); never the plan's listed claim, and in
    a plain agreement that names the plan's own figure of a kind ("Einmalzahlung von 2.400,00 € insgesamt (auf uns
    entfallend 1.280,13 €) stimmen wir zu") no other figure of that kind."""
    chosen: list[tuple[Figure, Sentence]] = []
    previous_offers = opens = False
    for index, sentence in enumerate(sentences):
        # (a line that announces the terms just offered opens them too: "… bereit zuzustimmen, wenn … eine höhere
        # Monatsrate leistet. Gegenüber Ihrem Vorschlag gilt für uns:" above a table of the plan's and its own figures)
        offers = _offers_own_terms(sentence) or (previous_offers and (
            sentence.consequence or opens or sentence.text.rstrip().endswith(":")))
        # A line that ends in no sentence mark (a colon, a table's heading or row: "Ihr Plan   unser Vorschlag" /
        # "Monatsrate 3,12 € (variabel) 5,00 € (fest)") leads on into the lines that follow it.
        opens = not _ENDS_STATEMENT.search(sentence.text.rstrip())
        usable = not sentence.claim and not sentence.default_clause
        described = set() if offers else {f.kind for f in sentence.figures if _plans_own(f, plan)}
        if usable and (offers or sentence.agrees):
            chosen.extend((figure, sentence) for figure in sentence.figures
                          if not figure.old and figure.value != plan_claim and (offers or figure.named)
                          and (figure.kind not in described or plan.get(figure.kind) == figure.value))
        if offers and not sentence.figures and words.BACK_REFERENCE.search(sentence.folded):
            chosen.extend(_referred_figures(sentences[:index], plan_claim))
        previous_offers = offers and not sentence.claim
    return chosen


def _referred_figures(before: Sequence[Sentence], plan_claim: Decimal | None) -> list[tuple[Figure, Sentence]]:
    """The figures of the run of sentences just before a consent that refers back to them ("… eine Mindestrate von
    10,00 € monatlich … wären das 720,00 €. Zu diesen Konditionen stimmen wir zu"): up to three sentences with
    figures, back to the first without any, a claim statement or a clause for default."""
    run: list[Sentence] = []
    for sentence in reversed(before[-_REFERRED_RUN:]):
        if not sentence.figures or sentence.claim or sentence.default_clause:
            break
        run.insert(0, sentence)
    return [(figure, sentence) for sentence in run for figure in sentence.figures
            if not figure.old and figure.value != plan_claim]


def _plans_own(figure: Figure, plan: dict[str, Decimal]) -> bool:
    """A figure of the creditor's text that is one of the plan's own, stated now (not an old figure)."""
    return not figure.old and plan.get(figure.kind) == figure.value


def _differs(figure: Figure, plan: dict[str, Decimal]) -> bool:
    return plan.get(figure.kind) is None or plan[figure.kind] != figure.value


@dataclass
class _Verdict:
    decision: PlanDecisionName
    counter: dict[CounterFigure, Decimal] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_EVIDENCE else text[:_MAX_EVIDENCE - 1] + "…"


def _counter_verdict(sentences: Sequence[Sentence], plan: dict[str, Decimal],
                     plan_claim: Decimal | None) -> _Verdict | None:
    chosen = _counter_figures(sentences, plan, plan_claim)
    if not any(_differs(figure, plan) for figure, _ in chosen):
        return None
    if _reasons_before_a_refusal(sentences, [sentence for _, sentence in chosen]):
        refused = _polar_verdict(sentences)
        if refused is not None:  # a bound named before a no may yet be the creditor's terms: a human confirms
            refused.doubts.append(f"figures before the refusal read as its reasons, not as an offer: "
                                  f"{_quote(chosen[0][1].text)!r}")
        return refused
    verdict = _Verdict("counter_offer")
    # The plan's own figure named beside another of its kind ("Mit 15 % kommen wir nicht hin … Wenn Herr V. 25 %
    # zahlt, … stimmen wir zu"; "die Laufzeit von 60 Monaten … zu kurz. Einer Laufzeit von 72 Monaten … würden wir
    # zustimmen") is the one replaced, not a term of the creditor's.
    changed = {figure.kind for figure, _ in chosen if _differs(figure, plan)}
    chosen = [(figure, sentence) for figure, sentence in chosen if figure.kind not in changed or _differs(figure, plan)]
    months = next((figure.value for figure, _ in chosen if figure.kind == "months"), None)
    for figure, sentence in chosen:
        kind = figure.kind
        rate = verdict.counter.get("monthly_rate")
        if kind == "monthly_rate" and rate is not None and months is not None and figure.value == rate * months:
            kind = "offer_amount"  # "12 Raten à 25 €, also 300 € insgesamt": the offer's sum, worked out
        known = verdict.counter.get(kind)
        if known is None:
            verdict.counter[kind] = figure.value
            verdict.reasons.append(f"counter-offer {kind}: {figure.text!r}")
        elif known != figure.value:
            verdict.doubts.append(f"two different {kind} figures offered ({known} and {figure.value})")
        if _quote(sentence.text) not in verdict.evidence:
            verdict.evidence.append(_quote(sentence.text))
    return verdict


def _reasons_before_a_refusal(sentences: Sequence[Sentence], offering: Sequence[Sentence]) -> bool:
    """Every figure read as offered stands in a sentence before the reply's last, plain refusal, agrees to nothing
    and offers only by a bound or a bare condition ("kostet uns mehr als 2 €", "ergeben rund 154,28 €, sofern das
    Einkommen nicht sinkt. … stimmen wir nicht zu"): the figures are the reasons for the no, not terms of its own."""
    refusing = [index for index, s in enumerate(sentences) if s.refuses and not s.conditional and not s.counter_cue
                and not s.figures]
    if not refusing:
        return False
    last = refusing[-1]
    positions = {id(sentence): index for index, sentence in enumerate(sentences)}
    return all(positions[id(s)] < last and s.weak_cue and not s.agrees for s in offering) and not any(
        s.agrees or (s.counter_cue and not s.weak_cue) for s in sentences[last + 1:])


def _condition_of_its_own(sentence: Sentence) -> bool:
    """The sentence's "wenn"/"falls" clause puts a term of the creditor's own ("Wenn er mehr zahlt, stimmen wir zu"),
    not one of the plan's or a concession."""
    if words.CONCESSIVE.search(sentence.folded):
        return False
    opened = words.CONDITIONAL.search(sentence.folded)
    if opened is None:
        return False
    clause = re.split(r"[,;.]", sentence.folded[opened.start():], maxsplit=1)[0]
    return bool(words.PLAN_CHANGED.search(clause)) or not words.CONDITION_ON_THE_PLAN.search(clause)


def _known_condition(sentences: Sequence[Sentence], index: int) -> bool:
    """The condition is a known formality: in its own sentence, the one after it, or, for a consent without figures
    of its own that refers back ("… nur zu, wenn er eine Besserungsklausel enthält. Unter dieser Bedingung erteilen
    wir unsere Zustimmung"), the one before it."""
    following = sentences[index + 1] if index + 1 < len(sentences) else None
    previous = sentences[index - 1] if index > 0 else None
    return sentences[index].formality or (following is not None and following.formality) or (
        previous is not None and previous.formality and not sentences[index].figures)


def _polar_verdict(sentences: Sequence[Sentence]) -> _Verdict | None:
    agreeing = [s for s in sentences if s.agrees]
    refusing = [s for s in sentences if s.refuses]
    if not agreeing and not refusing:
        return None
    last_agree = max((i for i, s in enumerate(sentences) if s.agrees), default=-1)
    last_refuse = max((i for i, s in enumerate(sentences) if s.refuses), default=-1)
    verdict = _Verdict("accepted" if last_agree > last_refuse else "declined")
    for sentence in agreeing:
        verdict.reasons.append(f"agreement: {sentence.agrees[0]!r}")
    for sentence in refusing:
        verdict.reasons.append(f"refusal: {sentence.refuses[0]!r}")
    verdict.evidence = [_quote(s.text) for s in (agreeing if verdict.decision == "accepted" else refusing)]
    if agreeing and refusing:
        verdict.doubts.append("the reply both agrees and refuses")
    for sentence in refusing:
        if sentence.negated_refusal:
            verdict.doubts.append(f"a negation stands in the clause of a refusal: {_quote(sentence.text)!r}")
    for sentence in agreeing:
        if sentence.ruled_out:
            verdict.doubts.append(f"agreement read from a refusal that is ruled out: {sentence.ruled_out[0]!r}")
    if verdict.decision == "accepted":
        # "Einem Nullplan stimmen wir nur zu, wenn … belegt sind. Bitte übersenden Sie uns: …": the consent waits for
        # the documents the reply asks for.
        proof = next((s for s in agreeing if s.conditional and _ON_PROOF.search(s.folded)), None)
        if proof is not None and any(s.asks_info for s in sentences):
            return _Verdict("needs_info", reasons=["the consent waits for proof the reply asks for"],
                            evidence=[_quote(proof.text)])
        hedged = next((s for s in agreeing if words.SUBJUNCTIVE.search(s.folded)), None)
        if hedged is not None:
            verdict.doubts.append(f"the agreement is in the subjunctive (under a condition): {_quote(hedged.text)!r}")
        for index, sentence in enumerate(sentences):
            # "Wenn er mehr zahlt, stimmen wir zu": a consent put under a condition in its own sentence.
            conditioned = sentence.conditional and bool(sentence.agrees) and _condition_of_its_own(sentence)
            if (sentence.counter_cue or conditioned) and not _known_condition(sentences, index):
                verdict.doubts.append(f"agreement with a condition that is no known formality: "
                                      f"{_quote(sentence.text)!r}")
        if any(s.asks_info or s.decides_later for s in sentences):
            verdict.doubts.append("the reply agrees but also asks for documents or explanations")
        lapsing = next((s for s in sentences if s.lapses), None)
        if lapsing is not None:
            verdict.doubts.append(f"the agreement lapses unless a condition is met (a human tracks it): "
                                  f"{_quote(lapsing.text)!r}")
        excepted = next((s for s in agreeing if words.EXCEPT_PART.search(s.folded)), None)
        if excepted is not None:
            verdict.doubts.append(f"the agreement takes a part of the plan out: {_quote(excepted.text)!r}")
        kept = next((s for s in sentences if words.SECURITY.search(s.folded)), None)
        if kept is not None:
            verdict.doubts.append(f"the agreement speaks of securities (a plan usually releases them): "
                                  f"{_quote(kept.text)!r}")
    elif any(s.asks_info or s.decides_later for s in sentences):  # "derzeit nicht, da Unterlagen fehlen"
        verdict.doubts.append("the reply refuses but also asks for documents or explanations")
    announced = next((s for s in (agreeing if verdict.decision == "accepted" else refusing)
                      if words.ANNOUNCED.search(s.folded)), None)
    if announced is not None:
        verdict.doubts.append(f"the decision is announced, not given: {_quote(announced.text)!r}")
    interim = next((s for s in sentences if s.interim), None)
    if interim is not None:
        verdict.doubts.append(f"an interim answer: the final word is still to come: {_quote(interim.text)!r}")
    later = next((s for s in sentences if s.postponed), None)
    if later is not None:
        verdict.doubts.append(f"the decision is left to a body that meets later: {_quote(later.text)!r}")
    return verdict


def _open_verdict(sentences: Sequence[Sentence]) -> _Verdict:
    asking = [s for s in sentences if s.asks_info or s.decides_later]
    if asking:
        return _Verdict("needs_info", reasons=["asks for documents or explanations before deciding"],
                        evidence=[_quote(s.text) for s in asking][:4])
    abstaining = [s for s in sentences if s.abstains]
    if abstaining:
        return _Verdict("unclear", reasons=["abstains: neither agrees nor refuses"],
                        evidence=[_quote(s.text) for s in abstaining][:2])
    pending = [s for s in sentences if s.pending]
    reasons = ["still checking, no decision yet"] if pending else ["no decision written"]
    verdict = _Verdict("unclear", reasons=reasons, evidence=[_quote(s.text) for s in pending][:2])
    if any(s.counter_cue for s in sentences):
        verdict.doubts.append("the reply names conditions or an offer of its own without figures")
    return verdict


def _acted_on(sentences: Sequence[Sentence], plan: dict[str, Decimal]) -> _Verdict | None:
    """Consent shown only by what the creditor does with the plan's own figures (books its rates, closes the file
    once its sum is in), where nothing else decides: read, with a doubt, for a human to confirm."""
    def plans_figure(index: int) -> bool:
        # the sentence's own figures, or those of the list its colon opens ("… angelegt:" / "48 Monatsraten …")
        named = sentences[index].figures + (sentences[index + 1].figures if index + 1 < len(sentences)
                                            and sentences[index].text.rstrip().endswith(":") else [])
        return any(_plans_own(f, plan) for f in named)

    acting = next((s for index, s in enumerate(sentences) if words.ACTS_ON_PLAN.search(s.folded) and not s.conditional
                   and plans_figure(index)), None)
    if acting is None or any(s.refuses or s.counter_cue or s.asks_info for s in sentences):
        return None
    return _Verdict("accepted", reasons=[f"acts on the plan's own figures: {_quote(acting.text)!r}"],
                    evidence=[_quote(acting.text)],
                    doubts=["consent read from what the creditor will do with the plan's figures, not said"])


def _decide(sentences: Sequence[Sentence], plan: dict[str, Decimal], plan_claim: Decimal | None,
            *, compare: bool = True) -> _Verdict | None:
    """The verdict of these sentences, or None when they decide nothing (no counter, agreement or refusal);
    without `compare` (the text is about another letter) its figures are compared with no plan.
    A reply that withdraws or corrects an earlier statement, or abstains, is read with a doubt."""
    unchanged = any(words.FIGURES_UNCHANGED.search(s.folded) for s in sentences)
    verdict = (_counter_verdict(sentences, plan, plan_claim) if compare and not unchanged else None) \
        or _polar_verdict(sentences) or (_acted_on(sentences, plan) if compare else None)
    reserved = next((s for s in sentences if words.RESERVED_APPROVAL.search(s.folded)), None)
    if verdict is not None and verdict.decision == "accepted" and reserved is not None:
        verdict = _Verdict("unclear", reasons=["the agreement waits for someone else's approval"],
                           evidence=[_quote(reserved.text)])
    unauthorised = next((s for s in sentences if words.NOT_AUTHORISED.search(s.folded)), None)
    if verdict is not None and verdict.decision != "unclear" and unauthorised is not None:
        verdict = _Verdict("unclear", reasons=["the writer may not decide for the creditor"],
                           evidence=[_quote(unauthorised.text)])
    if verdict is not None and verdict.decision == "declined" and compare:
        # "Wenn er einmalig 800,00 € zahlt, ist mein Mann bereit, … Zu dem Betrag aus Ihrem Plan sagen wir nein": a no
        # beside a condition of its own with a figure the plan does not offer may be a counter-offer.
        terms = next((s for s in sentences if s.conditional and _condition_of_its_own(s) and not s.claim
                      and any(not f.old and f.value != plan_claim and _differs(f, plan) for f in s.figures)), None)
        if terms is not None:
            verdict.doubts.append(f"the refusal stands beside a condition with a figure of the creditor's own: "
                                  f"{_quote(terms.text)!r}")
        elif (own := next((s for s in sentences if not s.refuses and not s.claim and not s.default_clause
                           and not _CLIENTS_OFFER.search(s.folded) and _TERMS_SAID_ACCEPTABLE.search(s.folded)
                           and not _NEGATED.search(s.folded) and not s.text.rstrip().endswith("?")
                           and any(f.named and not f.old and f.value != plan_claim and _differs(f, plan)
                                   for f in s.figures)), None)) is not None:
            # "Dem Nullplan stimmen wir nicht zu. Wir sind jedoch bereit, … Raten von 25,00 € über 48 Monate …":
            # terms of its own beside the no, however they are worded.
            verdict.doubts.append(f"the refusal stands beside figures of the creditor's own: {_quote(own.text)!r}")
    if verdict is not None and verdict.decision == "accepted" and compare:
        # A consent under a condition that names a figure read as the plan's, which is none of the plan's ("stimmt …
        # zu, wenn statt des vorgesehenen Anteils 1.650,00 € gezahlt werden"): whose figure it is, a human reads.
        terms = next((s for s in sentences if s.conditional and s.agrees and not s.claim
                      and any(f.old and f.value != plan_claim and _differs(f, plan) for f in s.figures)), None)
        if terms is not None:
            verdict.doubts.append(f"the consent names a condition with a figure that is not the plan's: "
                                  f"{_quote(terms.text)!r}")
    if verdict is not None:
        withdrawn = [s for s in sentences if s.withdrawn]
        if withdrawn:
            verdict.doubts.append(f"the reply withdraws or corrects an earlier statement: "
                                  f"{_quote(withdrawn[0].text)!r}")
        if any(s.abstains for s in sentences):
            verdict.doubts.append("the reply also abstains")
        typos = [typo for s in sentences if s.agrees or s.refuses for typo in s.typos]
        if typos:
            verdict.doubts.append(f"a decision word read despite a typo: {typos[0]}")
    return verdict


def _ticked_sentences(attachment: AttachmentText) -> list[Sentence]:
    """The sentences of a returned form's ticked lines."""
    source = f"attachment:{attachment.filename}"
    return [_read_sentence(text, source, heading=True) for line in _attachment_lines(attachment)[1]
            for text in plan_sentences.split(line)]


def _form_verdict(attachment: AttachmentText, plan: dict[str, Decimal],
                  plan_claim: Decimal | None) -> tuple[_Verdict | None, list[Sentence]]:
    """The decision of a returned form: its ticked line decides (the rest of its text only raises a doubt when
    it reads otherwise); without a deciding tick the whole text decides, with a doubt."""
    source = f"attachment:{attachment.filename}"
    lines = _attachment_lines(attachment)[0]
    found = _read_all(plan_sentences.split("\n".join(lines)), source)
    whole = _decide(found, plan, plan_claim)
    boxes = _ticked_sentences(attachment)
    verdict = _decide(boxes, plan, plan_claim) if boxes else None
    if verdict is not None:
        verdict.reasons.append(f"read from a ticked box in {attachment.filename}")
        if whole is None or (whole.decision, whole.counter) != (verdict.decision, verdict.counter) or whole.doubts:
            told = f"reads {whole.decision}" if whole is not None and whole.decision != verdict.decision else \
                "adds to it" if whole is not None else "decides nothing"
            if whole is not None:
                verdict.doubts.append(f"the rest of {attachment.filename} {told}")
        return verdict, found
    if whole is not None:
        whole.doubts.append(f"decision read from the attachment {attachment.filename}, not the mail")
        whole.reasons.append(f"read from {attachment.filename}")
    return whole, found


def _conditions(sentences: Iterable[Sentence]) -> list[str]:
    return [_quote(s.text) for s in sentences if s.formality and (s.agrees or s.refuses or s.counter_cue
                                                                   or "klausel" in s.folded or "faellig" in s.folded
                                                                   or "lebt" in s.folded)][:6]


def _names(text: str, marks: Sequence[str]) -> bool:
    folded = fold(text)
    return any(re.search(rf"(?<!\w){re.escape(mark)}(?!\w)", folded) for mark in marks)


def _own_part(text: str, verdict: _Verdict | None, plan: dict[str, Decimal], plan_claim: Decimal | None,
              marks: Sequence[str]) -> _Verdict | None:
    """A reply that agrees and refuses, in paragraphs about different clients ("Karsten L.: stimmen zu. /
    Petra S.: lehnen ab."): the decision of the paragraphs that name this client, when they alone are one
    decision, with a doubt for a human; else None."""
    if verdict is None or verdict.decision not in ("accepted", "declined") or not marks:
        return None
    if "the reply both agrees and refuses" not in verdict.doubts:
        return None
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    own = [p for p in paragraphs if _names(p, marks)]
    others = [p for p in paragraphs if not _names(p, marks)
              and any(s.agrees or s.refuses for s in _read_all(plan_sentences.split(p), "reply"))]
    if not own or not others:
        return None
    part = _decide(_read_all(plan_sentences.split("\n\n".join(own)), "reply"), plan, plan_claim)
    if part is None or part.decision not in ("accepted", "declined") or any("agrees and refuses" in d
                                                                           for d in part.doubts):
        return None
    part.doubts.append("the reply decides for more than one client; read from the part that names this one: "
                       f"{_quote(others[0])!r} is about another")
    return part


_DECIDED = ("accepted", "declined", "counter_offer")


def read(parsed: ParsedBody, *, subject: str | None = None, attachments: Sequence[AttachmentText] = (),
         plan_figures: dict[str, Decimal] | None = None, plan_claim: Decimal | None = None,
         client_marks: Sequence[str] = (), letter_references: Sequence[str] = (),
         client_name: str = "") -> PlanReading:
    """The decision a reply to a settlement plan states. `plan_figures` are the plan letter's own offer
    (`PlanOffer.figures()`), `plan_claim` the claim the plan lists; without them every figure the creditor
    offers counts as its own. `client_marks` (folded: the client's surname, the creditor's reference) find the
    part about this client in a reply that decides for several. A reply whose text is about another letter (another
    Aktenzeichen or client than `letter_references` and `client_name` name) is read without comparing its figures
    with this plan, and with a doubt."""
    plan = plan_figures or {}
    answered = plan_text.with_inline_questions([(part, text) for _number, part, text in parsed.numbered()])
    form_text, ticked_twice = plan_text.form_lines(answered or parsed.reply_text)
    reply = _read_all(plan_sentences.split(form_text), "reply")
    if any(s.short_answer for s in reply) and _quoted_asks_only_other_things(parsed):
        for sentence in reply:  # "Ja" above "… noch eine Frage: Ist die Schlussrechnung … enthalten?"
            if sentence.short_answer:
                sentence.agrees.clear()
                sentence.refuses.clear()
    other = other_letter.named(parsed.reply_text, letter_references, client_name) if client_name else None
    verdict = _decide(reply, plan, plan_claim, compare=other is None)
    if verdict is not None and other is not None:
        verdict.doubts.append(f"the reply may be about another letter (a human should look): {other}")
    verdict = _own_part(parsed.reply_text, verdict, plan, plan_claim, [fold(m) for m in client_marks if m]) \
        or verdict
    source = "reply"
    sentences = reply
    if verdict is None:
        for attachment in attachments:
            if attachment.status != "ok":
                continue
            verdict, found = _form_verdict(attachment, plan, plan_claim)
            if verdict is not None:
                source, sentences = f"attachment:{attachment.filename}", reply + found
                if client_name and (elsewhere := other_letter.named(attachment.text, letter_references, client_name)):
                    verdict.doubts.append(f"the attachment may be about another letter (a human should look): "
                                          f"{elsewhere}")
                break
    elif verdict.decision in _DECIDED:
        # An attachment that decides otherwise than the mail around it ("wir stimmen zu" above a signed letter "…
        # stimmen wir nicht zu"): which one stands is a human's to ask.
        for attachment in attachments:
            said, found = _form_verdict(attachment, plan, plan_claim) if attachment.status == "ok" else (None, [])
            if said is None or said.decision not in _DECIDED or said.decision == verdict.decision:
                continue
            if verdict.decision == "declined" and said.decision == "counter_offer" \
                    and words.TERMS_ATTACHED.search(fold(parsed.reply_text)):
                # "… können wir nicht zustimmen; unter welchen Voraussetzungen eine Zustimmung möglich ist, entnehmen
                # Sie bitte der Anlage": the mail's no is to the plan as offered, its terms stand in the attachment.
                said.doubts.append(f"decision read from the attachment {attachment.filename}, which the mail "
                                   "names for its terms")
                verdict, source, sentences = said, f"attachment:{attachment.filename}", reply + found
            else:
                verdict.doubts.append(f"the attachment {attachment.filename} says {said.decision}, the mail "
                                      f"{verdict.decision}")
            break
    if verdict is None and (marked := plan_text.ticked_in(parsed.quoted_text)):
        # "unsere Erklärung siehe unten im Formular": the box the creditor ticked inside the quoted form.
        found = _read_all(marked, "quoted form")
        verdict = _decide(found, plan, plan_claim)
        if verdict is not None:
            source, sentences = "quoted form", reply + found
            verdict.doubts.append(f"decision read from a box ticked inside the quoted letter: {_quote(marked[0])!r}")
    if verdict is None and subject and not any(s.pending or s.asks_info or s.decides_later or s.abstains
                                                for s in reply):
        titled = [_read_sentence(subject, "subject", heading=True)]
        verdict = _decide(titled, plan, plan_claim)
        if verdict is not None:
            source = "subject"
            verdict.doubts.append("decision read from the subject line only")
    if verdict is None:
        # A returned form whose ticked box asks before deciding ("[X] Vor einer Entscheidung benötigen wir …").
        boxes = [sentence for attachment in attachments if attachment.status == "ok"
                 for sentence in _ticked_sentences(attachment)]
        # … or a letter attached to a bare cover note that asks before deciding ("anbei unser Schreiben" above "vor
        # einer Entscheidung über Ihren Vorschlag benötigen wir folgende Unterlagen: …").
        letters = [] if any(s.asks_info or s.decides_later for s in reply + boxes) else [
            sentence for attachment in attachments if attachment.status == "ok"
            for sentence in _read_all(plan_sentences.split("\n".join(_attachment_lines(attachment)[0])),
                                      f"attachment:{attachment.filename}")
            if sentence.asks_info or sentence.decides_later]
        verdict = _open_verdict(reply + boxes + letters)
        source = "reply" if reply else "none"
        if (boxes or letters) and verdict.decision == "needs_info" \
                and not any(s.asks_info or s.decides_later for s in reply):
            source = (boxes or letters)[0].source
    if ticked_twice:
        verdict.doubts.append(f"a form line has more than one box ticked: {_quote(ticked_twice[0])!r}")
    if parsed.struck_words:
        verdict.doubts.append(f"the reply strikes words through, left out when read: {parsed.struck_words[0]!r}")
    return PlanReading(decision=verdict.decision, counter_offer=verdict.counter, conditions=_conditions(sentences),
                       reasons=verdict.reasons[:8], evidence=verdict.evidence[:6], doubts=verdict.doubts, source=source)
