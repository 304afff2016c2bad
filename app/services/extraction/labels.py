"""extraction/labels.py — German amount labels; invariant: one label per amount, by fixed priority."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.services.extraction.result import AmountLabel
from app.services.extraction.vocabulary.labels import (
    BALANCE,
    CLAIM_TOTAL,
    COSTS,
    INCLUSION,
    INTEREST,
    PRINCIPAL,
    PRINCIPAL_WEAK,
    STRONG_TOTALIZER,
    SUBTOTAL,
    SURCHARGES,
    TOTALIZER,
    WEAK_BALANCE_WORDS,
)
from app.services.textfold import fold

# A word of two letters or more: where one stands, a text says something (a label, a clause), not only figures.
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{2,}")
_ASCII_LETTER = re.compile("[a-z]")
_BRACKETED = re.compile(r"\([^()]*\)")
# What made a claim grow, said as its cause ("durch Zinsen", "wegen der aufgelaufenen Kosten").
_GROWN_BY = re.compile(r"\b(?:durch|wegen|aufgrund|infolge) (?:der |die |den |weitere |weiterer )?(?:\S+ )?"
                       r"\w*(?:zinsen|kosten|gebuehren)\b")
# "Die offene Forderung … aus unserer Rechnung RN 31-0418 beträgt": the bill the claim comes from, named in passing.
_BILL_AS_SOURCE = re.compile(r"\b(?:aus|gemaess|laut|lt\.?) (?:\S+ ){0,2}?(?:\w*rechnung\w*|\w*abrechnung\w*)"
                             r"(?: (?:nr\.?|vom) \S+| [^\s]*\d\S*)*")


# The amount's own subject, a word for the whole claim, stated with its verb right before the amount.
_OWN_SUBJECT = re.compile(r"\b(?:betraegt|betragen|belaeuft sich|belaufen sich) (?:\S+ ){0,2}?(?:der|die|das|unser\w*) "
                          r"(?:\S+ )?(?P<noun>saldo|forderung|rueckstand|kontostand)\b(?:\W+\w+){0,2}\W*$")


@dataclass(frozen=True)
class LabelVerdict:
    label: AmountLabel
    text: str
    subtotal: bool = False


def _found(pattern: re.Pattern[str], folded: str) -> str | None:
    match = pattern.search(folded)
    return match.group(0) if match else None


def classify(segment: str) -> LabelVerdict:
    """Label the text that stands with one amount (normally the text just before it).

    Priority: a claim-total word; then component words (principal, interest, costs — a totalizer
    next to them makes a subtotal); a bare totalizer ("insgesamt"); weaker principal words
    ("Rechnung"); balance words ("Saldo", "offener Betrag"); any other text; no text at all."""
    folded = fold(segment)
    if _ASCII_LETTER.search(folded) is None:  # every label word holds a letter (tests/unit/extraction)
        return _unlabelled(segment)
    if ("(" in folded or "rechnung" in folded) and (aside := _bill_named_aside(folded)) is not None:
        return aside
    included = INCLUSION.search(folded)
    if included is not None and not folded[:included.start()].strip():
        # "Einschließlich dieser Zinsen beläuft sich unsere Forderung auf": the part opens the clause; the whole is
        # named after it, by the first word that says what the amount is.
        rest = folded[included.end():]
        named = CLAIM_TOTAL.search(rest) or _strong_balance(rest)
        if named is not None:
            return classify(rest[named.start():])
    if included is not None and included.start() > 0:
        whole = classify(folded[:included.start()])
        if whole.label in ("total", "balance"):
            return whole
        if whole.label in ("other", "unlabelled"):
            # "… sind heute einschließlich der Mahnkosten 486,30 EUR offen": what is included names no part; the
            # amount's label is elsewhere (here after it).
            return LabelVerdict("other", folded[included.start():included.end()])
    if "(" in folded and (part := _part_with_a_total_aside(folded)) is not None:
        return part
    word = _found(CLAIM_TOTAL, folded)
    if word:
        return LabelVerdict("total", word)
    if (cause := _GROWN_BY.search(folded)) is not None:
        # "Unsere Forderung ist … durch Zinsen auf 7.918,44 EUR angewachsen": the interest is how the claim grew, and
        # the claim is what the figure is.
        rest = folded[:cause.start()] + folded[cause.end():]
        if _strong_balance(rest) is not None:
            return classify(rest)
    if (own := _OWN_SUBJECT.search(folded)) is not None:
        # "Durch die aufgelaufenen Zinsen beträgt der Saldo heute …": the whole is named last, right before the
        # amount; the part named earlier is how it grew.
        return LabelVerdict("balance", own.group("noun"))
    for label, pattern in (("principal", PRINCIPAL), ("interest", INTEREST), ("costs", COSTS)):
        word = _found(pattern, folded)
        if word:
            return LabelVerdict(label, word, subtotal=TOTALIZER.search(folded) is not None)  # type: ignore[arg-type]
    word = _found(STRONG_TOTALIZER, folded)
    if word:
        return LabelVerdict("total", word)
    word = _found(PRINCIPAL_WEAK, folded)
    if word:
        return LabelVerdict("principal", word, subtotal=TOTALIZER.search(folded) is not None)
    word = _balance_word(folded)
    if word:
        return LabelVerdict("balance", word)
    word = _found(SUBTOTAL, folded)
    if word:  # "Zwischensumme" alone: the sum of the rows above it, no item and no total
        return LabelVerdict("other", word, subtotal=True)
    return _unlabelled(segment)


def _balance_word(folded: str) -> str | None:
    """The balance word that names the amount: one that says what it is ("Damit beträgt der Saldo …": "saldo") before
    a verb or a generic word that only stands first."""
    strong = _strong_balance(folded)
    first = BALANCE.search(folded)
    return strong.group(0) if strong else first.group(0) if first else None


def _strong_balance(folded: str) -> re.Match[str] | None:
    """The first balance word that is no verb or generic word."""
    return next((match for match in BALANCE.finditer(folded) if not is_weak_balance(match.group(0))), None)


def _part_with_a_total_aside(folded: str) -> LabelVerdict | None:
    """"Hauptforderung (Restsaldo bei Kündigung am 14.02.): 2.611,20 EUR": a part of the claim whose bracket says
    where it came from; the total's word inside the bracket is that history, not what the row is. The part's verdict
    when the total's word stands only in a bracket and the words outside name a part, else None."""
    outside = _BRACKETED.sub(" ", folded)
    if outside == folded or not CLAIM_TOTAL.search(folded) or CLAIM_TOTAL.search(outside):
        return None
    verdict = classify(outside)
    return verdict if verdict.label in ("principal", "interest", "costs") else None


def _bill_named_aside(folded: str) -> LabelVerdict | None:
    """"Offener Betrag Vertragskonto … (Schlussrechnung vom 27.09.2029)", "Die offene Forderung … aus unserer Rechnung
    RN 31-0418 beträgt": a bill named in brackets or as the source says where the figure comes from; the words
    around it say what it is. Their verdict when they name a total or a balance (not by a word as weak as "fällig")
    and no bill's word stands among them; else None."""
    outside = _BILL_AS_SOURCE.sub(" ", _BRACKETED.sub(" ", folded))
    if outside == folded or PRINCIPAL_WEAK.search(outside) or not PRINCIPAL_WEAK.search(folded):
        return None
    verdict = classify(outside)
    named = verdict.label == "total" or (verdict.label == "balance" and not is_weak_balance(verdict.text))
    return verdict if named else None


def _unlabelled(segment: str) -> LabelVerdict:
    """The verdict for text that names no kind of amount: some other text, or none at all."""
    if WORD.search(segment):
        return LabelVerdict("other", segment.strip()[:60])
    return LabelVerdict("unlabelled", "")


def is_weak_balance(verdict_text: str) -> bool:
    """True when a balance label rests on a verb or a generic word only ("beträgt", "fällig")."""
    return WEAK_BALANCE_WORDS.fullmatch(verdict_text.strip()) is not None


__all__ = ["PRINCIPAL", "SURCHARGES", "WORD", "LabelVerdict", "classify", "fold", "is_claim_label", "is_weak_balance"]


def is_claim_label(label: AmountLabel) -> bool:
    return label in ("total", "balance", "principal", "interest", "costs")
