"""parsing/cell_paragraphs.py — a table the plain-text part of a mail wrote one cell per paragraph, put back in rows.

Some mail programs write the text version of an HTML table as one paragraph per cell ("Beleg" / blank / "Datum" /
blank / "Betrag" / blank / "Rechnung 3307-0988" / blank / "15.12.2098" / blank / "79,20 €" …), an empty cell as one
more pair of blank lines. Read so, a row's label and its amount stand paragraphs apart. Invariant: only a block that
opens with a header row of column names whose last names an amount column, and whose every row then ends in an
amount or an empty cell, is rewritten; its rows become "cell | cell | cell" lines as an HTML table renders them."""

from __future__ import annotations

import re

from app.services.parsing.figures import FIGURE

_HEADER_WORD = re.compile(
    r"(?i)^(?:beleg\w*|datum|buchungsdatum|rechnungsdatum|fällig\w*|faellig\w*|position|pos\.?|bezeichnung|"
    r"buchungstext|text|leistung|beschreibung|vorgang|art|rechnung\w*|nr\.?|nummer|zeitraum|monat|betrag|"
    r"betrag in (?:€|eur)|€|eur|summe|saldo|offen|offener betrag|soll|haben)$")
_AMOUNT_COLUMN = re.compile(r"(?i)^(?:betrag|betrag in (?:€|eur)|€|eur|summe|saldo|offen|offener betrag|soll|haben)$")
_MAX_CELL = 60
_MIN_ROWS = 2


def rows_from_cell_paragraphs(text: str) -> str:
    """`text` with each block of one-cell paragraphs under a header of column names written as table rows."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        block = _table_at(lines, index)
        if block is None:
            out.append(lines[index])
            index += 1
            continue
        rows, end = block
        out.extend(" | ".join(cell for cell in row if cell) for row in rows)
        index = end
    return "\n".join(out)


def _cells(lines: list[str], start: int) -> tuple[list[str], list[int]]:
    """The paragraphs from `start` on as cells (an extra pair of blank lines is an empty cell), with the line index
    after each cell; cells end at a line too long to be one, or two lines written without a blank between them."""
    cells: list[str] = []
    ends: list[int] = []
    index = start
    while index < len(lines):
        line = lines[index].strip()
        if not line or len(line) > _MAX_CELL:
            break
        if index + 1 < len(lines) and lines[index + 1].strip():
            break  # a paragraph of two lines is running text, not a cell
        cells.append(line)
        index += 1
        ends.append(index)
        blanks = 0
        while index < len(lines) and not lines[index].strip():
            blanks += 1
            index += 1
        for _ in range((blanks - 1) // 2):
            cells.append("")
            ends.append(index)
        if blanks == 0:
            break
    return cells, ends


def _table_at(lines: list[str], start: int) -> tuple[list[list[str]], int] | None:
    """The rows of a one-cell-per-paragraph table whose header starts at `start`, and the line after it."""
    if (start > 0 and lines[start - 1].strip()) or not _HEADER_WORD.match(lines[start].strip()):
        return None  # (checked before the cells are collected: this runs for every line of every text body)
    cells, ends = _cells(lines, start)
    width = 0
    while width < len(cells) and _HEADER_WORD.match(cells[width]):
        width += 1
    if width < 2 or not _AMOUNT_COLUMN.match(cells[width - 1]):
        return None
    rows = [cells[at:at + width] for at in range(0, len(cells) - len(cells) % width, width)]
    body = rows[1:]
    while body and not _ends_in_amount(body[-1]):
        body.pop()
    if len(body) < _MIN_ROWS or not all(_ends_in_amount(row) or not row[-1] for row in body):
        return None
    used = width * (len(body) + 1)
    return [rows[0], *body], ends[used - 1]


def _ends_in_amount(row: list[str]) -> bool:
    return bool(row[-1]) and FIGURE.search(row[-1]) is not None
