"""extraction/own_quotes.py — the quoted lines the sender wrote itself; invariant: reads attributions, decides nothing.

A reply usually quotes the firm's letter, whose figures are the firm's. A creditor that writes again in its own
thread quotes its own earlier answer ("Am 09.09.2107 um 17:20 schrieb Lars Weidemann:"): a figure there is the
creditor's earlier total, and a new one beside it is a correction naming both."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.services.extraction.lines import SourceLine
from app.services.textfold import fold

# A quoted mail's attribution or header line: "Am … schrieb X:", "X wrote:", "Von: X <x@…>".
_ATTRIBUTION = re.compile(r"\b(?:schrieb|wrote|hat geschrieben)\b|^[\s>]*(?:von|from)\s*:", re.IGNORECASE)
_NAME_WORD = re.compile(r"[a-z]{3,}")


def _names_sender(text: str, name_words: Sequence[str], address: str) -> bool:
    folded = fold(text)
    return (bool(address) and address in folded) or (len(name_words) >= 2 and all(
        re.search(rf"\b{re.escape(word)}\b", folded) for word in name_words))


def own_quoted_lines(lines: Sequence[SourceLine], from_name: str | None, from_email: str | None) -> frozenset[int]:
    """Keys of the body's quoted lines under an attribution that names the sender (its full display name or its
    address), up to the next attribution."""
    name_words = _NAME_WORD.findall(fold(from_name or ""))
    address = (from_email or "").strip().lower()
    if not name_words and not address:
        return frozenset()
    own: set[int] = set()
    inside = False
    for line in lines:
        if line.source != "body" or line.part != "quoted":
            continue
        if _ATTRIBUTION.search(line.text):
            inside = _names_sender(line.text, name_words, address)
            continue
        if inside:
            own.add(line.key)
    return frozenset(own)
