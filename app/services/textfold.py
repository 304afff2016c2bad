"""textfold.py — the one `fold`; invariant: every rule and every text it is matched against are folded alike."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
# Letters Unicode does not decompose into a base letter plus an accent: stroked letters lose the stroke,
# the dotless i gets its dot, ligatures are spelled out ("Małgorzata", "Yıldırım", "Søren" → malgorzata,
# yildirim, soren), so that a name typed on a German keyboard reads the same.
_UNDECOMPOSED = str.maketrans({
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ŀ": "l", "æ": "ae", "œ": "oe",
    "þ": "th", "ĸ": "k",
})
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " "})
# The three tables as one mapping of single characters to plain ASCII: replacing each one present
# reads the same as `str.translate` (no replacement contains a key), and a text holds only a few of them.
_ALL = {chr(key): value for key, value in {**_GERMAN, **_UNDECOMPOSED, **_SPACES}.items()}
_KEYS = frozenset(_ALL)
_ASCII = frozenset(map(chr, range(128)))


def fold(text: str) -> str:
    """Lower case, German umlauts and ß spelled out (ä→ae, ß→ss), other accents and strokes dropped
    (ć→c, ł→l, ı→i), ligatures spelled out (æ→ae), non-breaking spaces as spaces: "Gebühr", "Gebuehr"
    and "GEBÜHR" all read "gebuehr"."""
    if text.isascii():
        return text.lower()
    lowered = text.lower()
    # Per distinct character, not per character: `str.translate` with a dict looks up every character
    # and was most of the CPU of folding an email (the worker folds every email's text several times).
    for char in _KEYS.intersection(lowered):
        lowered = lowered.replace(char, _ALL[char])
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    for char in set(decomposed).difference(_ASCII):  # no ASCII character is a combining mark
        if unicodedata.combining(char):
            decomposed = decomposed.replace(char, "")
    return decomposed


# Letters that IGNORECASE matches to one of a–z, ä, ö, ü, ß although `str.lower` does not lower them to it: "ı" and
# "ſ" stay as they are, "İ" becomes two characters. Every other character lowers to the one letter IGNORECASE
# matches it to, keeps its length, and stays a word character or a space if it was one (tests/unit/test_textfold.py).
_UNLOWERED = re.compile("[ıİſ]")
_OTHER_LETTER = re.compile("[^\x00-\x7fäöüß]")


def lowered(text: str) -> str | None:
    """`text.lower()` where a `Caseless` pattern finds in it what it finds in `text` with IGNORECASE, at the
    same positions; None where it may not (a text with ı, İ or ſ)."""
    return None if _UNLOWERED.search(text) else text.lower()


@dataclass(frozen=True)
class Caseless:
    """A case-insensitive pattern written in lower case (letters a–z, ä, ö, ü, ß), compiled twice: with IGNORECASE
    for any text, and without it for the `lowered` text, where it runs much faster (a case-sensitive literal or
    word alternation is looked for by a fast scan, a case-insensitive one is tried at every position)."""

    anycase: re.Pattern[str]
    lower: re.Pattern[str]

    @classmethod
    def compile(cls, pattern: str) -> Caseless:
        if pattern != pattern.lower() or _OTHER_LETTER.search(pattern):
            raise ValueError(f"a caseless pattern is written in lower case ASCII, ä, ö, ü and ß: {pattern!r}")
        return cls(re.compile(pattern, re.IGNORECASE), re.compile(pattern))

    def search(self, text: str, lowered_text: str | None = None, pos: int = 0) -> re.Match[str] | None:
        """Search `text` from `pos`: in its `lowered(text)` where that is given and not None."""
        return self.anycase.search(text, pos) if lowered_text is None else self.lower.search(lowered_text, pos)
