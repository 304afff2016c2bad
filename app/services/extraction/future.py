"""extraction/future.py — amounts owed only later or under a condition; invariant: read from the words only.

"Ab 01.12. berechnen wir zusätzlich Sperrgebühren von 20,00 €, Gesamtbetrag dann 320,00 €": neither amount is
owed now, and a total that only holds in the future must never be written as the current one. An amount is not
yet owed when, in its sentence before it,

- a time or default marker stands (`NOT_YET_CONTEXT`: "ab 01.12.", "ab dem …", "ab Januar", "bei weiterem
  Verzug", "nach Fristablauf", "andernfalls", "künftig", "würde", "wäre") — but not a period "ab … bis …", and
  not "ab" after an interest or surcharge word ("Zinsen ab 01.05.2026: 23,10 €" is interest run up to now);
- a condition opens a clause that ends before the amount ("Sollte bis zum 01.12. keine Zahlung eingehen,
  erhöht sich …") and the clause with the amount does not ask for payment ("Falls noch nicht geschehen,
  überweisen Sie bitte …" asks for what is owed now);
- its own clause puts it in the future tense ("wird sich auf … belaufen", "werden wir … berechnen"); after the
  amount only a charge coming into being counts ("… werden anfallen"), not a change of it ("… wird sich erhöhen");
- its own clause says "dann" and the sentence before names such a future or condition.

A semicolon ends a marker's reach; a comma does not (the marker governs the clauses after it).
"""

from __future__ import annotations

import re

from app.services.extraction.vocabulary.amounts import (
    CONDITION_OPENER,
    FUTURE_ARISING,
    FUTURE_TENSE,
    NOT_YET_CONTEXT,
    PAY_REQUEST,
    THEN,
)
from app.services.textfold import fold

NOT_YET = "future or conditional amount, not owed now"
_PERIOD_END = re.compile(r"\bbis\b")
# A charge that runs on from a date and is counted up to now ("Zinsen ab 01.05.2026", "Säumniszuschläge ab …").
_ACCRUING_BEFORE = re.compile(r"(?:zins|zuschla)\w*\W+(?:\S+\s+){0,6}$")
_CLAUSE_MARK = re.compile(r"[,;:–]|\s-\s")


def _marked(folded: str) -> bool:
    """A time, default or subjunctive marker in `folded` (text before an amount, no semicolon in it)."""
    for match in NOT_YET_CONTEXT.finditer(folded):
        period = _PERIOD_END.search(folded[match.end():]) or _ACCRUING_BEFORE.search(folded[:match.start()])
        if not (match.group(0).startswith("ab") and period):
            return True
    return False


def _conditional(folded: str) -> bool:
    """A condition opens a clause that ends before the end of `folded`, and the rest asks for no payment."""
    for match in CONDITION_OPENER.finditer(folded):
        rest = folded[match.end():]
        mark = _CLAUSE_MARK.search(rest)
        if mark is not None and not PAY_REQUEST.search(rest[mark.end():]):
            return True
    return False


def _own_clause(folded_before: str) -> str:
    """The text of the amount's own clause before it: after the last comma or other clause mark."""
    parts = _CLAUSE_MARK.split(folded_before)
    return parts[-1] if parts else folded_before


def not_yet(before: str, trail: str, previous: str = "") -> bool:
    """Whether the amount between `before` (its sentence up to it) and `trail` (the rest of its clause) is owed
    only later or under a condition; `previous` is the sentence before its own, for a "dann" that refers back."""
    folded = fold(before).rsplit(";", 1)[-1]
    if _marked(folded) or _conditional(folded):
        return True
    own_trail = _CLAUSE_MARK.split(fold(trail), maxsplit=1)[0]
    own = _own_clause(folded)
    tense = FUTURE_TENSE.search(f"{own} betrag {own_trail}")
    if (tense is not None and tense.start() < len(own)) or FUTURE_ARISING.search(own_trail):
        return True
    if THEN.search(own) and previous:
        folded_previous = fold(previous).rsplit(";", 1)[-1]
        return _marked(folded_previous) or _conditional(folded_previous) or bool(FUTURE_TENSE.search(folded_previous))
    return False
