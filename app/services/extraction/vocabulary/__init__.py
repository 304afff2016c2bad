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
    led = [_led_by_first_character(entry) for entry in folded]
    if not whole_words and all(led):
        # Every alternative starts with a character: the engine skips to where one of them stands instead of
        # trying the whole alternation at every position (same matches: see _led_by_first_character). A list of
        # whole words is left as it is: its word-start check first already skips the inside of every word.
        return re.compile("|".join(f"(?:{entry})" for entry in led))
    body = "|".join(f"(?:{entry})" for entry in folded)
    return re.compile(rf"(?<!\w)(?:{body})" if whole_words else body)


# A lookbehind for plain characters at the start of a phrase: "(?<!neben)kosten".
_PLAIN_LOOKBEHIND = re.compile(r"\(\?<!([^()\[\]\\|?*+{}.^$]+)\)")
_QUANTIFIERS = ("?", "*", "+", "{")


def _led_by_first_character(entry: str) -> str | None:
    """The folded phrase rewritten to start with its first character, with the checks on the text before it
    (`\\b`, plain lookbehinds) moved behind that character: `\\bgesamt` and
    `(?<!neben)kosten` become `g(?<!\\wg)esamt` and `k(?<!nebenk)osten`, which match where the originals do.
    None for a phrase that does not start with a plain character after such checks."""
    before: list[str] = []
    rest = entry
    word_start = False
    while True:
        if rest.startswith(r"\b"):
            before.append(r"\w")
            word_start = True
            rest = rest[2:]
        elif (lookbehind := _PLAIN_LOOKBEHIND.match(rest)) is not None:
            before.append(lookbehind.group(1))
            rest = rest[lookbehind.end():]
        else:
            break
    first, rest = rest[:1], rest[1:]
    if (not first or first != re.escape(first) or first.isspace() or rest.startswith(_QUANTIFIERS)
            or (word_start and not (first.isalnum() or first == "_"))):
        return None  # an optional or repeated first character, or `\b` before a non-word character
    return first + "".join(f"(?<!{text}{first})" for text in dict.fromkeys(before)) + rest


__all__ = ["fold", "phrases"]
