"""parsing/signature.py — find the closing/footer block; invariant: the signature is one trailing block."""

from __future__ import annotations

import re

from app.services.parsing.figures import FIGURE

_GREETING = (
    r"(?:mit\s+)?(?:(?:sehr\s+)?(?:freundlich|best|herzlich|lieb|schön|schoen|kollegial|sonnig|viel)\w*\s+)?"
    r"gr(?:ü|ue)(?:ß|ss)(?:e|en)?\b.{0,40}"
)
_CLOSING = re.compile(
    rf"^\s*(?:{_GREETING}|mfg|lg|vg|hochachtungsvoll|(?:best|kind|warm)(?:est)?\s+regards.*|regards"
    r"|(?:yours\s+)?(?:sincerely|faithfully)|cheers|--\s*)\s*[,.!]?\s*$",
    re.IGNORECASE,
)
_TEAM_CLOSING = re.compile(
    r"^\s*(?:ihr|ihre|euer|eure|your)\s+.{0,60}\b(?:team|kundenservice|service\w*|forderungsmanagement"
    r"|buchhaltung|abteilung\b.*|kundenbetreuung|finanzamt.*|verwaltung)\s*$",
    re.IGNORECASE,
)
_FOOTER = re.compile(
    r"\b(?:gmbh|ag|eg|kg|ohg|gbr|mbh|e\.\s?v|se|kgaa|iban|bic|hrb|hra|gnr|amtsgericht|registergericht"
    r"|geschäftsführ\w*|geschaeftsfuehr\w*|vorstand|aufsichtsrat\w*|sitz|ust-?id\w*|steuer-?nr|tel\.?|telefon"
    r"|fax|telefax|e-?mail|www\.|postfach|handelsregister|registrierungsnummer|bankverbindung)\b"
    r"|@|\s·\s|\b\d{5}\s+[A-ZÄÖÜ]",
    re.IGNORECASE,
)
# A postscript after the greeting ("P.S. …", "PS: …", "Nachtrag: …") is the sender's own new text, often a
# correction of what stands above it.
_POSTSCRIPT = re.compile(r"^\s*(?:P\.\s?P?\.?\s?S\.?|P\.?S\b\.?|Nachtrag\b|N\.\s?S\.)\s*[:.\-–]?\s*\S", re.IGNORECASE)
_MAX_CLOSING_LENGTH = 70
_MAX_FOOTER_LINE = 160


def is_closing_line(line: str) -> bool:
    """True for a closing formula line such as "Mit freundlichen Grüßen" or "Best regards,"."""
    stripped = line.strip()
    return bool(stripped) and len(stripped) <= _MAX_CLOSING_LENGTH and bool(_CLOSING.match(stripped))


def _footer_start(lines: list[str]) -> int | None:
    """Start of a trailing run of footer-looking lines (company, address, bank, register)."""
    index = len(lines) - 1
    while index >= 0 and not lines[index].strip():
        index -= 1
    start: int | None = None
    while index >= 0:
        line = lines[index].strip()
        if not line:
            index -= 1
            continue
        if len(line) > _MAX_FOOTER_LINE or not _FOOTER.search(line):
            break
        start = index
        index -= 1
    if start is None:
        return None
    before = start - 1
    while before >= 0 and not lines[before].strip():
        before -= 1
    if before >= 0 and _TEAM_CLOSING.match(lines[before]):
        return before
    return start


def signature_start(lines: list[str]) -> int | None:
    """Index of the first signature line in `lines` (the reply only), or None.

    The first closing formula that follows some content wins; without one, a trailing block of
    footer lines (possibly headed by "Ihr … Team") is the signature."""
    seen_content = False
    for index, line in enumerate(lines):
        if seen_content and is_closing_line(line):
            return index
        if line.strip():
            seen_content = True
    footer = _footer_start(lines)
    if footer is not None and any(line.strip() for line in lines[:footer]):
        return footer
    return None


def postscript_start(lines: list[str], start: int) -> int | None:
    """Index of the first postscript line at or after `start` (the signature's first line), or None."""
    return next((index for index in range(start, len(lines)) if _POSTSCRIPT.match(lines[index])), None)


# A word that names a claim's sum: a block of figures with one below the sign-off is a statement.
_SUM_WORD = re.compile(r"saldo|gesamt|summe|forderung|offen|rückstand|rueckstand|restschuld|zu zahlen|total|balance",
                       re.IGNORECASE)
_MIN_FIGURE_LINES = 3
# The note above the sign-off announces what follows ("anbei der Auszug aus unserer Akte", "übersenden wir den
# Export"): figures below a note that announces nothing are a footer's, read by no one.
_ANNOUNCES = re.compile(r"\b(?:anbei|beigefügt|nachstehend|nachfolgend|unten|folgend\w*|übersende\w*|senden Ihnen"
                        r"|Auszug|Export|Aufstellung|Übersicht|Datenblatt|Ausdruck|Kontoauszug|below|attached)\b",
                        re.IGNORECASE)


def figure_block_start(lines: list[str], start: int) -> int | None:
    """First line of a block of figures set below the sign-off (an account extract or a data export pasted under
    the signature: "Mit freundlichen Grüßen / i. A. … / === AKTENAUSZUG === / Hauptforderung 948,00 / …"), or None.
    The block holds at least three lines with a figure, one of them naming the claim's sum; it starts at the
    paragraph of its first figure. Only under a note that announces it and has no figures of its own ("anbei der
    Auszug aus unserer Akte"): a note that names a figure ("Der Betrag im Datenblatt unten enthält noch …
    Maßgeblich ist 574,92 €") may be putting the block right, and then the block stays signature, read by no one."""
    note = " ".join(lines[:start])
    if any(FIGURE.search(line) for line in lines[:start]) or not _ANNOUNCES.search(note):
        return None
    figures = [index for index in range(start + 1, len(lines)) if FIGURE.search(lines[index])]
    if len(figures) < _MIN_FIGURE_LINES or not any(_SUM_WORD.search(lines[index]) for index in figures):
        return None
    block = figures[0]
    while block > start + 1 and lines[block - 1].strip():
        block -= 1
    return block
