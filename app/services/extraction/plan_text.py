"""extraction/plan_text.py — a plan reply's text put into the words its reader knows; invariant: only what the
creditor ticked or meant is kept (an unticked box's option and a typo never reach the reader as written)."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from app.services.extraction.vocabulary import plan as words

# A form's box, ticked or not, anywhere in a line ("Zustimmung zum Plan:  [X] ja   [ ] nein").
_BOX = re.compile(r"\[\s*[xX✓✔]?\s*\]|\(\s*[xX✓✔]\s*\)|\(\s\)|[☒☑✅☐□]")
_BOX_TICKED = re.compile(r"\[\s*[xX✓✔]\s*\]|\(\s*[xX✓✔]\s*\)|[☒☑✅]")
_TOKEN = re.compile(r"[a-z]{6,}")
_TYPO_WORDS = frozenset(words.TYPO_TOLERANT)


# A form rebuilt as a table, its tick a cell of its own ("X | Wir stimmen dem Plan zu."; the unticked row's empty
# cell leaves the bare option line).
_CELL_TICK = re.compile(r"^\s*[xX✓✔☒]\s*\|\s*(\S.*)$")
_TABLE_FORM_ROWS = 6


def _table_form(lines: list[str]) -> list[str]:
    """The lines with a table form reduced to its ticked rows: in a run of at most _TABLE_FORM_ROWS non-blank lines
    that holds one row ticked by a cell, that row reads as its option and the run's other lines (the unticked
    options) are dropped."""
    kept: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            run.append(line)
            continue
        ticked = [match.group(1) for row in run if (match := _CELL_TICK.match(row))]
        kept.extend(ticked if len(ticked) == 1 and len(run) <= _TABLE_FORM_ROWS else run)
        run = []
        kept.append(line)
    return kept[:-1]


def form_lines(text: str) -> tuple[str, list[str]]:
    """`text` with each line of a reply form reduced to what is ticked: "Zustimmung zum Plan:  [X] ja   [ ] nein"
    reads "Zustimmung zum Plan: ja"; a line whose boxes are all unticked (the firm's form, returned unfilled)
    is dropped, for it decides nothing, and so is a line with more than one box ticked (returned as a conflict).
    A form rebuilt as a table keeps its row ticked by a cell ("X | Wir stimmen dem Plan zu.") alone."""
    lines: list[str] = []
    conflicts: list[str] = []
    for line in _table_form(text.split("\n")):
        boxes = list(_BOX.finditer(line))
        if not boxes:
            lines.append(line)
            continue
        ticked = _ticked_options(line, boxes)
        if len(ticked) > 1:
            conflicts.append(" ".join(line.split()))
        elif ticked:
            lines.append(" ".join([line[:boxes[0].start()].strip(), ticked[0]]).strip())
    return "\n".join(lines), conflicts


def _ticked_options(line: str, boxes: list[re.Match[str]]) -> list[str]:
    """The text after each ticked box of `line`, up to the next box."""
    if not boxes:
        return []
    ends = [box.start() for box in boxes[1:]] + [len(line)]
    return [line[box.end():end].strip() for box, end in zip(boxes, ends, strict=True)
            if _BOX_TICKED.fullmatch(box.group(0))]


# The marks a mail program puts before a quoted line ("> > ", "| ").
_QUOTE_MARKS = re.compile(r"^[\s>|]+")


def unquoted(line: str) -> str:
    """`line` without the quote marks before it."""
    return _QUOTE_MARKS.sub("", line)


def ticked_in(text: str) -> list[str]:
    """The options of the form lines in `text` (quote marks and all) that carry exactly one ticked box: in the
    quoted letter, whose form the firm sent unticked, such a tick is the creditor's own mark."""
    ticked: list[str] = []
    for line in text.split("\n"):
        line = unquoted(line)
        options = _ticked_options(line, list(_BOX.finditer(line)))
        if len(options) == 1 and options[0]:
            ticked.append(options[0])
    return ticked


def tolerant(folded: str) -> tuple[str, list[str]]:
    """`folded` with a decision word that carries one typo spelled right ("stimmmen" → "stimmen"), and what was
    put right: a word of six letters or more that is none of the decision words and one edit from exactly one of
    them (longer words: two edits from a word of twelve letters or more)."""
    fixed: list[str] = []

    def right(match: re.Match[str]) -> str:
        token = match.group(0)
        word = _meant(token)
        if word != token:
            fixed.append(f"{token!r} read as {word!r}")
        return word

    return _TOKEN.sub(right, folded), fixed


@lru_cache(maxsize=4096)
def _meant(token: str) -> str:
    """The decision word `token` misspells, or `token` itself."""
    if token in _TYPO_WORDS:
        return token
    near = [word for word in _TYPO_WORDS
            if Levenshtein.distance(token, word, score_cutoff=_edits(word)) <= _edits(word)]
    if len(near) != 1 or (len(token) < 8 and len(near[0]) == len(token)):  # "stemmen" is no "stimmen"
        return token
    return near[0]


def _edits(word: str) -> int:
    return 2 if len(word) >= 12 else 1


# A bare answer on a line of its own ("Ja.", "nein"), written between the lines of the quoted letter.
_BARE_ANSWER = re.compile(r"^\W*(?:ja|nein|yes|no|jawohl|nee|nö)\W*$", re.IGNORECASE)
# A line that opens with such an answer ("Ja. Bitte senden Sie uns …").
_ANSWER_FIRST = re.compile(r"^\W*(?:ja|nein|yes|no|jawohl|nee|nö)(?:[.!,;:]|\s*$)", re.IGNORECASE)


def is_bare_answer(text: str) -> bool:
    return _BARE_ANSWER.match(text) is not None


def with_inline_questions(lines: list[tuple[str, str]]) -> str | None:
    """The reply's text with each line that opens with a bare answer right under a quoted question joined to it
    ("> Stimmen Sie dem Plan zu?" / "Ja." reads "Stimmen Sie dem Plan zu? Ja."), so that the answer is read as the
    answer to it; None when the reply holds no such answer. `lines` are (part, text) in order."""
    out: list[str] = []
    joined = False
    for index, (part, text) in enumerate(lines):
        if part != "reply":
            continue
        if _ANSWER_FIRST.match(text):
            above = next((lines[j] for j in range(index - 1, -1, -1) if lines[j][1].strip()), None)
            question = unquoted(above[1]).strip() if above is not None and above[0] == "quoted" else ""
            if question.endswith("?"):
                out.append(f"{question} {text.strip()}")
                joined = True
                continue
        out.append(text)
    return "\n".join(out).strip("\n") if joined else None
