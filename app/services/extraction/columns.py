"""extraction/columns.py — what a table column holds; invariant: billed and paid columns never give the open total.

Statements as CSV, XLSX, DOCX or HTML tables reach extraction as rows "cell | cell | cell". A header row
names the columns (berechnet / bezahlt / offen); a sum row ("Summe", "Gesamt", "Saldo") often leaves its
leading cells empty, so its amounts are aligned with the header from the right."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from app.services.extraction.lines import SourceLine
from app.services.extraction.numbers import find_money
from app.services.extraction.vocabulary import fold
from app.services.extraction.vocabulary.amounts import (
    BILLED_COLUMN,
    DIFFERENCE_COLUMN,
    FIRMS_COLUMN,
    OPEN_COLUMN,
    OWED_SIDE,
    PAID_COLUMN,
    SUM_ROW,
    TOTAL_COLUMN,
)

ColumnRole = Literal["open", "total", "billed", "paid", "firm", "difference", "other"]
CELL_SEPARATOR = " | "
_DIGIT = re.compile(r"\d")
_ROLE_ORDER: tuple[tuple[ColumnRole, re.Pattern[str]], ...] = (
    ("firm", FIRMS_COLUMN),
    ("difference", DIFFERENCE_COLUMN),
    ("paid", PAID_COLUMN),
    ("open", OPEN_COLUMN),
    ("total", TOTAL_COLUMN),
    ("billed", BILLED_COLUMN),
)


@dataclass(frozen=True)
class CellPlace:
    """Where an amount stands in a table: its column's role and whether its row sums the rows above."""

    role: ColumnRole
    header: str
    sum_row: bool
    row_label: str


def cells(text: str) -> list[str]:
    return [cell.strip() for cell in text.split(CELL_SEPARATOR)]


def column_role(header_cell: str) -> ColumnRole:
    folded = fold(header_cell)
    for role, pattern in _ROLE_ORDER:
        if pattern.search(folded):
            return role
    return "other"


def _header(line: SourceLine) -> tuple[str, ...] | None:
    """The cells of a header row: at least two cells, no amounts, one of them names an amount column."""
    if CELL_SEPARATOR not in line.text or find_money(line.text):
        return None
    row = cells(line.text)
    if len(row) < 2 or any(_DIGIT.search(cell) and not re.search(r"[A-Za-zÄÖÜäöü]", cell) for cell in row):
        return None
    if not any(column_role(cell) != "other" for cell in row):
        return None
    return tuple(row)


def headers_by_line(lines: Sequence[SourceLine]) -> dict[int, tuple[str, ...]]:
    """For each table row (by index in `lines`), the header row above it in the same source."""
    found: dict[int, tuple[str, ...]] = {}
    current: tuple[str, ...] | None = None
    source: str | None = None
    for index, line in enumerate(lines):
        if line.source != source:
            current, source = None, line.source
        if not line.text.strip():
            continue
        if CELL_SEPARATOR not in line.text:
            if not _DIGIT.search(line.text):
                continue
            current = None  # running text between tables ends the table
            continue
        header = _header(line)
        if header is not None:
            current = header
        elif current is not None:
            found[index] = current
    return found


def place(text: str, start: int, header: tuple[str, ...]) -> CellPlace | None:
    """The column of the amount starting at `start` in the row `text`, aligned with `header`."""
    row = cells(text)
    if len(row) < 2:
        return None
    position = text[:start].count(CELL_SEPARATOR)
    right = len(header) - (len(row) - position)  # the column when the row aligns right
    # A short row lost cells to a label spanning several columns: at its start ("Summe" over three columns, then
    # the figures), so its figures align right; or at its end ("415,15 | 1.295,15 | 880,00 | Summe"), left.
    label_last = bool(row[-1]) and not _DIGIT.search(row[-1]) and bool(_DIGIT.search(row[0]))
    # A row that opens with its key (an account number, a date) lost empty cells at its end, not at its start
    # ("3300562091 | 15.06.2034 | Abschlag Strom Juni | 66,00" under "… | Soll EUR | Haben EUR"): it aligns left.
    keyed = bool(_DIGIT.search(row[0])) and not find_money(row[0])
    # A sum row's label with its date ("Gesamtrückstand per 11.05.2073" over three columns) is no key where aligning
    # its one figure right puts it under the open or total column; elsewhere (a "Saldo zum …" box below another
    # table, whose header the text still carries) it stays where the key rule puts it.
    # (one figure only: a row of column sums, "Summen 01.01.–07.03. | 1.931,00 | 887,35", lost an empty last cell too)
    dated_sum = keyed and bool(SUM_ROW.match(fold(row[0]))) and 0 <= right < len(header) \
        and column_role(header[right]) in ("open", "total") and sum(1 for cell in row if find_money(cell)) == 1
    keyed = keyed and not dated_sum
    # A row that kept its empty cells (a spreadsheet's: " | Saldo offen | 1.685,00" under "Datum | Leistung | Soll |
    # Haben") lost only cells past its last figure: it aligns left.
    kept_empty = "" in row
    column = position if len(row) == len(header) or label_last or keyed or kept_empty else right
    if not 0 <= column < len(header):
        return None
    label = next((cell for cell in row if cell and not _DIGIT.search(cell)), row[0])
    sum_row = bool(SUM_ROW.match(fold(label))) and (label_last or dated_sum or not _DIGIT.search(row[0]))
    role = column_role(header[column])
    if sum_row and role in ("paid", "billed") and OWED_SIDE.search(fold(label)):
        # "Saldo zu Ihren Lasten" spanning two cells of "Datum | Text | Soll | Haben" loses its empty last cell, so its
        # figure would align under "Haben": the row says whose the balance is.
        role = "open"
    return CellPlace(role=role, header=header[column], sum_row=sum_row, row_label=label)


# A header laid out with spaces ("laut Ihrem Schreiben   laut unserer Buchhaltung   Differenz") over rows of figures
# aligned under it: the headings and where each stands.
_GAP = re.compile(r"\S+(?: \S+)*")
AlignedHeader = tuple[tuple[int, int, str], ...]


def _aligned_header(text: str) -> AlignedHeader | None:
    """The headings of a line laid out in columns (two or more separated by at least two spaces, no amount)."""
    if CELL_SEPARATOR in text or "  " not in text.strip() or find_money(text):
        return None
    spans = tuple((match.start(), match.end(), match.group(0)) for match in _GAP.finditer(text.replace("\t", "    ")))
    return spans if len(spans) >= 2 else None


def aligned_headers(lines: Sequence[SourceLine]) -> dict[int, AlignedHeader]:
    """For each line of figures right under a space-aligned header that names the firm's figures or a difference
    (by index in `lines`), that header."""
    found: dict[int, AlignedHeader] = {}
    for index in range(1, len(lines)):
        line, above = lines[index], lines[index - 1]
        # (the cheap tests first: a header needs a column gap, and most lines are no header)
        if above.source != line.source or CELL_SEPARATOR in line.text or "  " not in above.text.strip() \
                or len(find_money(line.text)) < 2:
            continue
        header = _aligned_header(above.text)
        if header and any(column_role(name) in ("firm", "difference") for _start, _end, name in header):
            found[index] = header
    return found


def aligned_role(header: AlignedHeader, start: int, end: int) -> tuple[ColumnRole, str]:
    """The role and heading of the column an amount at `start`..`end` stands under: the heading nearest to it."""
    middle = (start + end) / 2
    _first, _last, name = min(header, key=lambda heading: abs((heading[0] + heading[1]) / 2 - middle))
    return column_role(name), name
