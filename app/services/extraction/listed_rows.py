"""extraction/listed_rows.py — the rows a total closes; invariant: a total under rows that miss it is never safe.

A claim table lists its items one per line and closes with the total ("Hauptforderung / Zinsen / Kosten /
Gesamt"). Where every row right above the total is a plain part and their sum is not the total, a row or the
total itself is misstated (a typing slip, a row left out of the sum): a human asks back. Rows the reading
rejected (a payment, an instalment, a previous balance) make the block something else, and nothing is said.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from app.services.extraction.amounts import PAID_REASON, PASSING_VALUE, Candidate

# One line without an amount may stand between the rows and their total (a rule "-----", a blank line).
_GAP_BEFORE_TOTAL = 1
_ROW_END = re.compile(r"^\s*+(?:€|EUR|Euro|S|H)?\s*+[.,;:*)]?\s*+$", re.IGNORECASE)


def rows_above(total: Candidate, candidates: Sequence[Candidate]) -> list[Candidate]:
    """The rows of the table the total closes, top first: the run of lines right above the total's line that
    hold one amount each, at the line's end, with no other amount of the text above them. Empty where the run
    is no such table (it stops at a line with more amounts, or amounts stand above it)."""
    by_line: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        if candidate.line.source == total.line.source and candidate.line.part == total.line.part:
            by_line.setdefault(candidate.line.key, []).append(candidate)
    # A value a row names in passing ("Geschäftsgebühr (Wert 2.180,00 €) 281,30 €") is no second amount of the row.
    by_line = {key: [c for c in found if c.reason != PASSING_VALUE] or found for key, found in by_line.items()}
    if len(by_line.get(total.line.key, ())) != 1 or not _ends_its_line(total):
        return []  # the total shares its line with other amounts or words: a sentence, not a closing row
    rows: list[Candidate] = []
    key = total.line.key - 1
    gaps = _GAP_BEFORE_TOTAL
    while key >= 0:
        found = by_line.get(key)
        if found is None and not rows and gaps:
            gaps -= 1
        elif found is None:
            break
        elif len(found) != 1 or not _ends_its_line(found[0]):
            return []
        else:
            rows.append(found[0])
        key -= 1
    if any(line_key < key for line_key in by_line):
        return []  # more amounts above: the run is one group of a longer statement
    return rows[::-1]


def _ends_its_line(candidate: Candidate) -> bool:
    """The amount ends its line: only a currency, a debit mark or punctuation follows it ("612,00 EUR")."""
    rest = candidate.line.text[candidate.start + len(candidate.raw):]
    return bool(_ROW_END.match(rest))


def payment_left_in(total: Candidate, candidates: Sequence[Candidate]) -> Decimal | None:
    """A payment listed among the rows right above the total that the total does not take off: the positive rows
    alone make the total ("Zahlung vom 22.07. -150,00 €" above a Gesamtforderung of the rows before it)."""
    rows = rows_above(total, candidates)
    paid = [row for row in rows if (row.label == "deduction" or row.reason == PAID_REASON) and row.value != 0]
    owed = [row for row in rows if row not in paid and not (row.reason == PAID_REASON and row.value == 0)]
    if not paid or len(owed) < 2 or any(row.rejected or row.value <= 0 for row in owed):
        return None
    return abs(paid[0].value) if sum((row.sum_value for row in owed), Decimal("0.00")) == total.value else None


def rows_missing_the_total(total: Candidate, candidates: Sequence[Candidate]) -> Decimal | None:
    """The sum of two or more plain rows right above the total where it is not the total, else None."""
    rows = rows_above(total, candidates)
    if len(rows) < 2 or any(row.rejected or row.subtotal or row.value <= 0 for row in rows):
        return None
    listed = sum((row.sum_value for row in rows), Decimal("0.00"))
    if listed == total.value or _with_subtotals(rows) == total.value:
        return None
    return listed


def _with_subtotals(rows: Sequence[Candidate]) -> Decimal:
    """The rows' sum where a row that adds up the two or more rows right above it stands for them (Grundsteuer
    318,40 / Abfall 74,60 / Hauptforderung 393,00 / Mahngebühren 9,50 / Gesamt 402,50)."""
    # Running sums of the rows kept, and where each sum first stood: a row that adds up the rows after the sum at
    # index j replaces them, found by one look-up (a long table stays linear).
    sums: list[Decimal] = [Decimal("0.00")]
    first_at: dict[Decimal, int] = {sums[0]: 0}
    for row in rows:
        start = first_at.get(sums[-1] - row.sum_value)
        if start is not None and len(sums) - 1 - start >= 2:
            for dropped in sums[start + 1:]:
                if first_at.get(dropped, -1) > start:
                    del first_at[dropped]
            del sums[start + 1:]
        sums.append(sums[-1] + row.sum_value)
        first_at.setdefault(sums[-1], len(sums) - 1)
    return sums[-1]
