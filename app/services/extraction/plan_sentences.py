"""extraction/plan_sentences.py — a plan reply's text cut into sentences and clauses; invariant: a line the mail
program wrapped ends no sentence, and an abbreviation's or a date's period ends none either."""

from __future__ import annotations

import re

from app.services.textfold import fold

_SENTENCE_MARK = re.compile(r"(?<![\w.-])(?P<word>[\w.-]*)(?P<mark>[.!?:])\s+(?=[^a-zäöüß\s])|\n+")
# (the whole word or its part after a hyphen: "Kunden-Nr." is one, "bezahlt." or "mehr." are none; no German word
# ends in "nr" or "str", so "StNr." and "Hauptstr." are short forms whole)
_ABBREVIATION = re.compile(r"(?:nr|str)$|(?:^|[-.])(?:abs|geb|bzw|ca|ggf|evtl|inkl|zzgl|tel|az|vgl|usw|etc|mio|gem|lt"
                           r"|einschl|mitgliedsnr|kd|kto|rg|hrb|ust|dr|prof|herr|fr|hr|inh)$|^\w$|^[\w.]*\.\w*$",
                           re.IGNORECASE)
# An amount with its currency written first ends right before the mark: "EUR 6.25", "€ 1.234,56".
_AMOUNT_BEFORE = re.compile(r"(?:\bEUR|€)\s?\d{1,3}(?:[.,']\d{3})*[.,]\d{2}$")
_DATE_WITH_YEAR = re.compile(r"^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})$")
CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:()\u2013\u2014]| - |\b(?:aber|jedoch|sondern|but|however)\b")


def _ends_sentence(match: re.Match[str]) -> bool:
    """A line break ends a sentence; a period does unless it closes an abbreviation ("Nr.", "geb.", "i. A.")
    or a number that is no year ("vom 3. März")."""
    mark, word = match.group("mark"), match.group("word") or ""
    if mark is None or mark in "!?:":
        return True
    if _AMOUNT_BEFORE.search(match.string, 0, match.end("word")):  # "… of EUR 6.25. We can accept …"
        return True
    if word.isdigit():
        return len(word) == 4
    if _DATE_WITH_YEAR.match(word):  # "zahlbar bis zum 31.12.2083. Geht die Zahlung …": a year takes no period
        return True
    return not _ABBREVIATION.search(word)


# (or in a bracket: "stimmen wir dem Plan für Frau K." / "(Kundennummer …) zu.")
_WRAPPED = re.compile(r"(?<=[^\s.!?:;|])[ \t]*\n[ \t]*(?=[a-zäöüß(])")
# A long line that ends in no mark, followed by a line of words or figures: wrapped too ("können wir leider nicht\nHand
# bieten"), so that a negation at the end of one line still binds the decision word on the next.
# A field row of a system's block ("Anliegen:         Außergerichtlicher Schuldenbereinigungsplan", its value set off
# by a column gap) is no wrapped line, and none goes on into it.
_FIELD_ROW = r"[^\n:]{1,40}:[ \t]{2,}"
_LONG_WRAPPED = re.compile(rf"(?m)^(?!{_FIELD_ROW})(?P<line>[^\n]{{60,}}[^\s.!?:;|])[ \t]*\n[ \t]*"
                           rf"(?!{_FIELD_ROW})(?=[A-Za-zÄÖÜäöüß\d(])")


def split(text: str) -> list[str]:
    """The sentences of `text`. A line wrapped by the mail program (the next line goes on in lower case,
    "stimmen wir dem Plan\nfür Frau X zu", or a long line goes on in the next) is joined first, so that a
    line break ends no sentence in the middle."""
    text = _WRAPPED.sub(" ", text)
    while (joined := _LONG_WRAPPED.sub(r"\g<line> ", text)) != text:
        text = joined
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_MARK.finditer(text):
        if _ends_sentence(match):
            end = match.end("mark") if match.group("mark") else match.start()
            parts.append(text[start:end])
            start = match.end()
    parts.append(text[start:])
    return [part.strip(" \t-*•·") for part in parts if part.strip(" \t-*•·")]


def clause_span(folded: str, start: int, end: int) -> str:
    """The text from the clause break before `start` to the one after `end`."""
    before = [m.end() for m in CLAUSE_BREAK.finditer(folded, 0, start)]
    after = CLAUSE_BREAK.search(folded, end)
    return folded[before[-1] if before else 0:after.start() if after else len(folded)]


def words_before(text: str, start: int, count: int) -> str:
    return " ".join(fold(text[:start]).split()[-count:])
