"""parsing/html.py — HTML → text; invariant: one table row per line, blockquotes prefixed with "> "."""

from __future__ import annotations

import re
from html import unescape

from inscriptis import get_text
from inscriptis.model.config import ParserConfig

# Private-use characters never occur in real mail, so they can mark structure through inscriptis.
_CELL = "\ue000"
_QUOTE_OPEN = "\ue001"
_QUOTE_CLOSE = "\ue002"

_CONFIG = ParserConfig(table_cell_separator=_CELL, display_links=False, display_images=False)

_BLOCKQUOTE_OPEN = re.compile(r"<blockquote\b[^>]*>", re.IGNORECASE)
_BLOCKQUOTE_CLOSE = re.compile(r"</blockquote\s*>", re.IGNORECASE)
_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2009\t]")
_RUN_OF_SPACES = re.compile(r" {2,}")
_BLANK_RUNS = re.compile(r"\n{3,}")
# Struck-through text (a figure the writer corrected in place: "<s>974,30 EUR</s> <b>941,30 EUR</b>") is not
# what the writer says; it is left out of the text and kept apart for the doubt it raises.
_STRUCK = re.compile(r"<(s|strike|del)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
# Text the HTML hides from its reader (a newsletter-style "preheader" left from last month's template, white text):
# not what the reader sees, left out of the text and kept apart for the doubt it raises when it holds a figure.
_HIDDEN = re.compile(
    r"<(\w+)\b[^>]*\bstyle\s*=\s*[\"'][^\"']*(?:display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all"
    r"|max-height\s*:\s*0(?:px)?\s*[;\"']|font-size\s*:\s*0(?:px)?\s*[;\"'])[^>]*>(.*?)</\1\s*>",
    re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
# A figure split by markup ("<span>742</span><span>,15</span>") renders with a space before its cents: "742 ,15".
_SPLIT_CENTS = re.compile(r"(?<=\d) (?=,\d\d(?!\d))")
_HREF = re.compile(r"""\bhref\s*=\s*["']?(https?://[^"'\s>]+)""", re.IGNORECASE)


# The writer says its answers stand in a colour inside the letter ("meine Antworten finden Sie in Rot in Ihrem
# Schreiben", "comments in red"): text set in that colour is marked like a typed answer ("--> …"), so that the
# quote splitter reads it as the writer's own (parsing/quotes.py); other coloured text (a signature) stays as it is.
_COLOUR_ANNOUNCED = re.compile(
    r"\b(?:antwort|anmerkung|ergänzung|kommentar|answer|comment|reply|replies)\w*\b[^<.]{0,80}?"
    r"\b(?:in\s+)?(?P<colour>rot|roter|red|blau|blauer|blue|grün|grüner|green)\b", re.IGNORECASE)
_COLOURED_OPEN = re.compile(
    r"<(?:span|font|b|strong|p|div|table|tr|td|li)\b[^>]*?\bcolou?r\s*[:=]\s*[\"']?\s*(?P<value>#[0-9a-f]{3,6}\b|[a-z]+)[^>]*>",
    re.IGNORECASE)
_COLOUR_NAMES = {"red": (255, 0, 0), "darkred": (139, 0, 0), "blue": (0, 0, 255), "darkblue": (0, 0, 139),
                 "green": (0, 128, 0), "darkgreen": (0, 100, 0)}
_FAMILY = {"rot": "red", "roter": "red", "red": "red", "blau": "blue", "blauer": "blue", "blue": "blue",
           "grün": "green", "grüner": "green", "green": "green"}


def _rgb(value: str) -> tuple[int, int, int] | None:
    value = value.lower()
    if not value.startswith("#"):
        return _COLOUR_NAMES.get(value)
    digits = value[1:]
    if len(digits) == 3:
        digits = "".join(char * 2 for char in digits)
    return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)) if len(digits) == 6 else None


def _of_family(value: str, family: str) -> bool:
    rgb = _rgb(value)
    if rgb is None:
        return False
    ranked = sorted(zip(rgb, ("red", "green", "blue"), strict=True), reverse=True)
    return ranked[0][1] == family and ranked[0][0] >= 0x80 and ranked[0][0] - ranked[1][0] >= 0x50


# … or in bold ("wir haben Ihre Fragen direkt im Text beantwortet (fett gedruckt)", "answers in bold").
_BOLD_ANNOUNCED = re.compile(
    r"\b(?:(?:be)?antwort|anmerkung|ergänzung|kommentar|answer|comment|reply|replies)\w*\b[^<.]{0,80}?"
    r"\b(?:fett|fettgedruckt|fettschrift|bold)\b", re.IGNORECASE)
# (not a forwarded header's bold field names, "<b>Von:</b>")
_BOLD_OPEN = re.compile(r"<(?:b|strong)\b[^>]*>(?!\s*(?:von|from|gesendet|sent|an|to|cc|betreff|subject|datum|date)"
                        r"\s*:)", re.IGNORECASE)


def _mark_announced_answers(html: str) -> str:
    text = _TAG.sub(" ", html)
    if _BOLD_ANNOUNCED.search(text):
        html = _BOLD_OPEN.sub(lambda m: f"{m.group(0)}--> ", html)
    announced = _COLOUR_ANNOUNCED.search(text)
    if announced is None:
        return html
    family = _FAMILY[announced.group("colour").lower()]
    return _COLOURED_OPEN.sub(
        lambda m: f"{m.group(0)}--> " if _of_family(m.group("value"), family) else m.group(0), html)


def _mark_blockquotes(html: str) -> str:
    html = _BLOCKQUOTE_OPEN.sub(lambda m: f"{m.group(0)}<div>{_QUOTE_OPEN}</div>", html)
    return _BLOCKQUOTE_CLOSE.sub(lambda m: f"<div>{_QUOTE_CLOSE}</div>{m.group(0)}", html)


def _join_cells(line: str) -> str:
    cells = [" ".join(cell.split()) for cell in line.split(_CELL)]
    return " | ".join(cell for cell in cells if cell)


def _apply_quote_depth(lines: list[str]) -> list[str]:
    out: list[str] = []
    depth = 0
    for line in lines:
        opens = line.count(_QUOTE_OPEN)
        closes = line.count(_QUOTE_CLOSE)
        text = line.replace(_QUOTE_OPEN, "").replace(_QUOTE_CLOSE, "").strip()
        depth += opens
        if text or not (opens or closes):
            out.append(("> " * depth + text).rstrip() if depth else text)
        depth = max(0, depth - closes)
    return out


def html_to_text(html: str | None) -> str:
    """Render an HTML mail body as text: entities decoded, table rows on one line
    ("Hauptforderung | 1.234,56 €"), <blockquote> content prefixed with "> " per level."""
    if not html or not html.strip():
        return ""
    rendered = get_text(_mark_blockquotes(_mark_announced_answers(_HIDDEN.sub("", _STRUCK.sub("", html)))), _CONFIG)
    rendered = _SPLIT_CENTS.sub("", _SPACES.sub(" ", rendered))
    lines: list[str] = []
    for raw in rendered.splitlines():
        line = _join_cells(raw) if _CELL in raw else _RUN_OF_SPACES.sub(" ", raw.strip())
        lines.append(line)
    text = "\n".join(_apply_quote_depth(lines))
    return _BLANK_RUNS.sub("\n\n", text).strip("\n")


def struck_text(html: str | None) -> list[str]:
    """The texts the HTML strikes through, tags dropped."""
    if not html:
        return []
    return [" ".join(_TAG.sub(" ", match.group(2)).split()) for match in _STRUCK.finditer(html)]


def hidden_text(html: str | None) -> list[str]:
    """The texts the HTML hides from its reader, tags dropped."""
    if not html:
        return []
    return [text for match in _HIDDEN.finditer(html)
            if (text := " ".join(unescape(_TAG.sub(" ", match.group(2))).split()))]


def html_links(html: str | None) -> list[str]:
    """The web addresses the HTML links to (rendering drops them, but where a link leads is a phishing cue)."""
    if not html:
        return []
    return [match.group(1).replace("&amp;", "&") for match in _HREF.finditer(html)]
