"""parsing — body text stage: reply / signature / quoted; invariant: each line belongs to exactly one part."""

from __future__ import annotations

import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

from app.services.parsing.cell_paragraphs import rows_from_cell_paragraphs
from app.services.parsing.figures import FIGURE, THOUSANDS
from app.services.parsing.forwards import colleagues_forwards
from app.services.parsing.html import hidden_text, html_links, html_to_text, struck_text
from app.services.parsing.pasted_letter import pasted_on_top
from app.services.parsing.quotes import split_quotes
from app.services.parsing.signature import figure_block_start, postscript_start, signature_start

LinePart = Literal["reply", "signature", "quoted"]
BodySource = Literal["html", "text", "empty"]

_LINE_BREAKS = re.compile(r"\r\n?")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# The left edge of a box a portal draws around a relayed message ("│ Sehr geehrte …"): a frame, not text; left on,
# it kept every line of the message from running on into the next.
_FRAME = re.compile(r"(?m)^[ \t]*[\u2502\u2503\u2551][ \t]?")
_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2009\t]")
_URL = re.compile(r"\bhttps?://[^\s<>\"')\]]+", re.IGNORECASE)


@dataclass(frozen=True)
class BodyLine:
    """One line of the body: 1-based `number` in `full_text`, its part and its text."""

    number: int
    part: LinePart
    text: str


@dataclass(frozen=True)
class ParsedBody:
    """An email body split into the sender's new reply, its signature/footer and quoted history.

    `full_text` is the whole body as text; `line_parts[i]` is the part of line i+1 of it.
    Amounts may only ever be read from the reply (and attachments), never from `quoted_text`.
    `links`: the web addresses written in the reply and signature, and every link target of the HTML."""

    full_text: str
    reply_text: str
    signature_text: str
    quoted_text: str
    source: BodySource = "empty"
    line_parts: tuple[LinePart, ...] = ()
    quote_markers: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    # Figures with cents that the reply of only one of the mail's two versions (text and HTML) states: the two
    # were written at different times or by different hands, and a reader of either one alone is misled.
    versions_disagree: tuple[str, ...] = ()
    # Figures the HTML strikes through (left out of the text): the writer corrected a figure in place.
    struck: tuple[str, ...] = ()
    # Everything struck through, figures or words: in HTML (<s>, <del>) or plain text ("~~nicht~~"), left out of
    # the text ("Wir stimmen dem Plan ~~nicht~~ zu" reads as consent, for a human to confirm).
    struck_words: tuple[str, ...] = ()
    # Figures in text the HTML hides from its reader (left out of the text): a stale template's figure, perhaps.
    hidden: tuple[str, ...] = ()

    def doubts(self) -> list[str]:
        """What about the body itself keeps any figure in it from being taken unseen."""
        found: list[str] = []
        if self.versions_disagree:
            found.append("the mail's text and HTML versions state different figures: "
                         + "; ".join(self.versions_disagree))
        if self.struck:
            found.append("the mail strikes figures through and writes others: " + "; ".join(self.struck))
        if self.hidden:
            found.append("the mail's HTML hides text with figures from its reader: " + "; ".join(self.hidden))
        return found

    def lines(self) -> list[BodyLine]:
        """Every line of `full_text` with its number and part."""
        return [BodyLine(number=number, part=part, text=text) for number, part, text in self.numbered()]

    def numbered(self) -> Iterator[tuple[int, LinePart, str]]:
        """(number, part, text) of every line of `full_text`, as `lines` gives them, without a `BodyLine` each."""
        texts = self.full_text.split("\n") if self.full_text else []
        return ((number, part, text)
                for number, (text, part) in enumerate(zip(texts, self.line_parts, strict=True), start=1))


# A body handed on still in quoted-printable transfer encoding ("f=C3=BCr", "=3D", a soft break "51=\n2,85" inside
# a figure): escapes of bytes above ASCII or of "=", or soft breaks, more than a few times.
_QP_ESCAPE = re.compile(r"=(?:[89A-F][0-9A-F]|3D)|=\r?\n")
_QP_MIN_ESCAPES = 3


def _undo_quoted_printable(text: str) -> str:
    """The text decoded when it is plainly still quoted-printable (UTF-8, else Latin-1 bytes); else as it is."""
    if len(_QP_ESCAPE.findall(text)) < _QP_MIN_ESCAPES or not text.isascii():
        return text
    raw = quopri.decodestring(text.encode("ascii"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _normalise_plain(text: str) -> str:
    text = _undo_quoted_printable(text)
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _FRAME.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def _choose_text(body_text: str | None, body_html: str | None) -> tuple[str, BodySource]:
    """Prefer the HTML rendering (tables stay rows, <blockquote> is explicit) unless it is
    empty or much shorter than the plain alternative."""
    plain = rows_from_cell_paragraphs(_normalise_plain(body_text)) if body_text else ""
    rendered = _normalise_plain(html_to_text(body_html)) if body_html else ""
    if rendered and len(rendered.split()) >= 0.5 * len(plain.split()):
        return rendered, "html"
    if plain:
        return plain, "text"
    if rendered:
        return rendered, "html"
    return "", "empty"


def _join(lines: list[str], parts: list[LinePart], wanted: LinePart) -> str:
    return "\n".join(line for line, part in zip(lines, parts, strict=True) if part == wanted).strip("\n")


def _links(reply_and_signature: str, body_html: str | None) -> tuple[str, ...]:
    found = [*_URL.findall(reply_and_signature), *html_links(body_html)]
    return tuple(dict.fromkeys(url.rstrip(".,;:") for url in found))


def _figures(text: str) -> set[str]:
    return {f"{THOUSANDS.sub('', whole)},{cents}" for whole, cents in FIGURE.findall(text)}


def _versions_disagree(body_text: str | None, body_html: str | None, chosen: ParsedBody,
                       sender: str | None) -> tuple[str, ...]:
    """The figures only one version's reply states, when the mail has both a text and an HTML version and the one
    not read states a figure the one read does not. (A text part that states a part of the figures of the HTML that
    is read — "Die vollständige Ansicht finden Sie in der HTML-Fassung" — tells no other story.)"""
    if not (body_text and body_text.strip() and body_html and body_html.strip()):
        return ()
    other = parse_body(body_text, None, sender) if chosen.source == "html" else parse_body(None, body_html, sender)
    mine, theirs = _figures(chosen.reply_text), _figures(other.reply_text)
    if theirs <= mine:
        return ()
    return tuple(sorted(mine ^ theirs))


def parse_body(body_text: str | None, body_html: str | None, sender: str | None = None) -> ParsedBody:
    """Turn the text and/or HTML body of one email into a `ParsedBody`; `sender` (the From address) lets a
    forwarded mail between the sender's colleagues count as the sender's own text."""
    full_text, source = _choose_text(body_text, body_html)
    full_text, marked = _without_struck_marks(full_text)
    if not full_text:
        return ParsedBody(full_text="", reply_text="", signature_text="", quoted_text="", source=source)
    lines = full_text.split("\n")
    split = split_quotes(full_text)
    quoted = pasted_on_top(lines, colleagues_forwards(lines, list(split.quoted), sender), sender)
    parts: list[LinePart] = ["quoted" if flag else "reply" for flag in quoted]
    # The signature is looked for in the reply before the first quoted line only, or, below a mail pasted on top,
    # in the answer after it.
    begin = next((i for i, flag in enumerate(quoted) if not flag), len(lines)) if quoted and quoted[0] else 0
    end = next((i for i in range(begin, len(lines)) if quoted[i]), len(lines))
    start = signature_start(lines[begin:end])
    if start is not None:
        postscript = postscript_start(lines[begin:end], start)
        if postscript is None and _BELOW_SIGNATURE.search(" ".join(lines[begin:begin + start])):
            postscript = _after_block(lines[begin:end], start)  # "… finden Sie unter meiner Signatur"
        if postscript is None:
            postscript = figure_block_start(lines[begin:end], start)
        for index in range(begin + start, end if postscript is None else begin + postscript):
            parts[index] = "signature"
    reply_text = _join(lines, parts, "reply")
    signature_text = _join(lines, parts, "signature")
    parsed = ParsedBody(
        full_text=full_text,
        reply_text=reply_text,
        signature_text=signature_text,
        quoted_text=_join(lines, parts, "quoted"),
        source=source,
        line_parts=tuple(parts),
        quote_markers=split.markers,
        links=_links(reply_text + "\n" + signature_text, body_html),
    )
    struck_words = (*marked, *(struck_text(body_html) if source == "html" else ()))
    struck = tuple(text for text in struck_words if FIGURE.search(text))
    hidden = tuple(text[:80] for text in (hidden_text(body_html) if source == "html" else ()) if FIGURE.search(text))
    disagree = _versions_disagree(body_text, body_html, parsed, sender)
    return replace(parsed, versions_disagree=disagree, struck=struck, struck_words=struck_words, hidden=hidden) \
        if disagree or struck_words or hidden else parsed


# The answer says it stands below the signature ("Die Aufstellung finden Sie unter meiner Signatur"): the lines after
# the signature's own block are the sender's text.
_BELOW_SIGNATURE = re.compile(r"\b(?:unter(?:halb)?|nach|below|beneath|after) (?:meiner|der|unserer|my|the|our) "
                              r"(?:E-?Mail-?)?(?:Signatur|signature)\b", re.IGNORECASE)


def _after_block(lines: list[str], start: int) -> int | None:
    """The first line after the blank line that ends the block starting at `start`, or None."""
    blank = next((i for i in range(start + 1, len(lines)) if not lines[i].strip()), None)
    if blank is None:
        return None
    return next((i for i in range(blank, len(lines)) if lines[i].strip()), None)


# Text struck through in a plain mail, as Markdown marks it: "~~nicht~~" (no space inside the marks, so that a row
# of tildes or "~~ Ende ~~" is no strike).
_STRUCK_MARK = re.compile(r"~~(?=\S)([^~\n]{1,80}?)(?<=\S)~~")


def _without_struck_marks(text: str) -> tuple[str, tuple[str, ...]]:
    """The text without what it strikes through, and the struck pieces."""
    if "~~" not in text:
        return text, ()
    struck = tuple(match.group(1) for match in _STRUCK_MARK.finditer(text))
    return _STRUCK_MARK.sub("", text), struck


__all__ = ["BodyLine", "LinePart", "ParsedBody", "html_links", "html_to_text", "parse_body"]
