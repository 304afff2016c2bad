"""vocabulary — the words the rules read, as data; invariant: phrases are written in normal spelling, folded once.

Each submodule lists phrases per role (`amounts` for amount labels and context, `intent` for intent cues).
A phrase is written as a person would spell it ("Säumniszuschlag", "bereits gezahlt") and may use a little
regular-expression syntax where a word has endings (`Rate[n]?`, `zahl\\w*`). `phrases()` folds each one with
the same `fold` the text goes through, so "Gebühr" in a rule matches "Gebuehr" and "GEBÜHR" in a reply.
Adding a word is one line in one of these modules and a test."""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.services.textfold import fold


def _fold_pattern(phrase: str) -> str:
    """Fold the letters of a phrase but leave regex escapes (`\\b`, `\\w`, `\\S`) as written."""
    out: list[str] = []
    escaped = False
    for char in phrase:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        else:
            out.append(fold(char))
    return "".join(out).replace(" ", r"\s+")


def phrases(entries: Iterable[str], *, whole_words: bool = True) -> re.Pattern[str]:
    """One compiled pattern that finds any of `entries` in folded text.

    With `whole_words` a phrase must start at a word start (endings are the phrase's own business:
    "Rate[n]?\\b"). Longer phrases are tried first so "Gesamtforderung" wins over "Forderung"."""
    folded = sorted({_fold_pattern(entry) for entry in entries if entry.strip()}, key=len, reverse=True)
    body = "|".join(f"(?:{entry})" for entry in folded)
    return re.compile(rf"(?<!\w)(?:{body})" if whole_words else body)


__all__ = ["fold", "phrases"]
