"""extraction/cent_columns.py — tables that split an amount into a euro and a cent column; invariant: a row's
pair is joined into one amount only under a header naming both columns, and only when both cells are plain.

Old forms write "EUR | Ct" as two columns ("Summe | 486 | 33"): neither cell is an amount alone, so without this
the figure is lost, or a bare "486" is read. Rows the header does not cover, and cells that are not a whole
number of euros beside exactly two cent digits, are left as they are."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from app.services.extraction.columns import CELL_SEPARATOR, cells
from app.services.extraction.lines import SourceLine
from app.services.textfold import fold

_EURO_HEADER = re.compile(r"(?:betrag )?(?:in )?(?:eur|euro|€)")
_CENT_HEADER = re.compile(r"(?:ct|cts|cent|cents)\.?")
_EUROS = re.compile(r"-?\d{1,3}(?:\.\d{3})+|-?\d+")
_CENTS = re.compile(r"\d{2}")


def _pair_column(header: list[str]) -> int | None:
    """The index of the euro column that a cent column directly follows, or None."""
    for index in range(len(header) - 1):
        if _EURO_HEADER.fullmatch(fold(header[index])) and _CENT_HEADER.fullmatch(fold(header[index + 1])):
            return index
    return None


def _joined(row: list[str], column: int) -> list[str] | None:
    euros, cents = row[column], row[column + 1]
    if not (_EUROS.fullmatch(euros) and _CENTS.fullmatch(cents)):
        return None
    return [*row[:column], f"{euros},{cents} EUR", *row[column + 2:]]


def join_cent_columns(lines: Sequence[SourceLine]) -> list[SourceLine]:
    """The lines with each euro/cent pair under a "EUR | Ct" header written as one amount ("486,33 EUR")."""
    out: list[SourceLine] = []
    header: list[str] | None = None
    column = 0
    source: str | None = None
    for line in lines:
        if line.source != source or (line.text.strip() and CELL_SEPARATOR not in line.text):
            header, source = None, line.source  # another source, or running text: the table ended
        if CELL_SEPARATOR not in line.text:
            out.append(line)
            continue
        row = cells(line.text)
        pair = _pair_column(row)
        if pair is not None:
            header, column = row, pair
            merged = [*row[:pair], row[pair], *row[pair + 2:]]
            out.append(replace(line, text=CELL_SEPARATOR.join(merged)))
            continue
        if header is None:
            out.append(line)
            continue
        # A row with fewer cells (an empty leading cell dropped) is aligned with the header from the right.
        at = column if len(row) == len(header) else column - (len(header) - len(row))
        joined = _joined(row, at) if 0 <= at < len(row) - 1 else None
        out.append(replace(line, text=CELL_SEPARATOR.join(joined)) if joined else line)
    return out
