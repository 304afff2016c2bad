"""extraction/corrections.py — a figure the creditor takes back in its own words ("es sind nicht 1.147,80,
sondern 1.174,80 EUR"): the denied figure is a former one wherever the reply states it, and the figure put in
its place is the total it corrects. A mail that names both always goes to a human (the former figure's doubt)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from app.services.extraction.amounts import SUPERSEDED_REASON, Candidate
from app.services.textfold import fold

_DENIED_BEFORE = re.compile(r"\bnicht\s*(?:(?:über|ueber|von|in hoehe von|mit|auf)\s+)?(?:€|eur|euro)?\s*$")
# (an aside may stand before the "sondern": "nicht 1.287,50 wie ich geschrieben hatte sondern zusammen 1.382,50")
_REPLACED_BY = re.compile(r"^\s*+(?:€|eur|euro)?\s*+,?\s*+(?:[^.;:!?\d]{0,60}?[\s,]++)?(?:sondern|richtig (?:sind|ist)"
                          r"|korrekt (?:sind|ist))\s*+(?:(?:nur|noch|bereits|schon|zusammen|insgesamt|jetzt|nun"
                          r"|nunmehr)\s++)*(?:€|eur|euro)?\s*+$")
_OWN_TEXT = ("reply", "attachment")


def _denied(candidate: Candidate) -> bool:
    return candidate.reason == SUPERSEDED_REASON and bool(
        _DENIED_BEFORE.search(fold(candidate.line.text[:candidate.start])))


def corrected(candidates: Sequence[Candidate]) -> list[Candidate]:
    """`candidates` with every figure the reply denies marked former, and each one's replacement the total."""
    denied = [c for c in candidates if _denied(c)]
    if not denied:
        return list(candidates)
    values = {c.value for c in denied}
    judged = [c.reject(SUPERSEDED_REASON) if c.value in values and c.line.part in _OWN_TEXT else c for c in candidates]
    for figure in denied:
        following = next((index for index, c in enumerate(judged) if c.line == figure.line and c.start > figure.start),
                         None)
        if following is None:
            continue
        replacement = judged[following]
        between = fold(figure.line.text[figure.start + len(figure.raw):replacement.start])
        if not replacement.rejected and _REPLACED_BY.match(between):
            judged[following] = replace(replacement, label="total", label_text="sondern")
    return judged
