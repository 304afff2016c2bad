"""textfold.py — the one `fold`; invariant: every rule and every text it is matched against are folded alike."""

from __future__ import annotations

import sys
import unicodedata
from functools import lru_cache

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
# Letters Unicode does not decompose into a base letter plus an accent: stroked letters lose the stroke,
# the dotless i gets its dot, ligatures are spelled out ("Małgorzata", "Yıldırım", "Søren" → malgorzata,
# yildirim, soren), so that a name typed on a German keyboard reads the same.
_UNDECOMPOSED = str.maketrans({
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ŀ": "l", "æ": "ae", "œ": "oe",
    "þ": "th", "ĸ": "k",
})
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " "})
# The three tables in one pass (their keys are disjoint and their outputs plain ASCII, so one pass reads
# the same as three).
_ALL = {**_GERMAN, **_UNDECOMPOSED, **_SPACES}


@lru_cache(maxsize=1)
def _combining_marks() -> dict[int, None]:
    """Every code point with a combining class, mapped to nothing: `str.translate` drops them in C."""
    return {point: None for point in range(sys.maxunicode + 1) if unicodedata.combining(chr(point))}


def fold(text: str) -> str:
    """Lower case, German umlauts and ß spelled out (ä→ae, ß→ss), other accents and strokes dropped
    (ć→c, ł→l, ı→i), ligatures spelled out (æ→ae), non-breaking spaces as spaces: "Gebühr", "Gebuehr"
    and "GEBÜHR" all read "gebuehr"."""
    if text.isascii():
        return text.lower()
    lowered = text.lower().translate(_ALL)
    if lowered.isascii():
        return lowered
    return unicodedata.normalize("NFKD", lowered).translate(_combining_marks())
