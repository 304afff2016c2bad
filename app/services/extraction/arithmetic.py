"""extraction/arithmetic.py — sums over one source's amounts in reading order; invariant: no question rescans all.

The total ranking asks, for every total candidate, whether another amount is its subtotal and which amounts
are its items. Asked naively each question walks every amount of the email, which made a long statement
quadratic (or worse) in its number of lines. `SourceSums` orders a source's amounts once and keeps prefix
sums, so a subtotal check is two bisections and a run of items is read from a pre-sorted list.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from app.services.extraction.amounts import Candidate

_ZERO = Decimal("0.00")
_WHOLE_LABELS = ("total", "balance")
_GROUP_LABELS = ("principal", "interest", "costs")
Key = tuple[int, int]


def order_key(candidate: Candidate) -> Key:
    """Reading order within a source: line, then position in the line."""
    return candidate.line.key, candidate.start


@dataclass(frozen=True)
class _Earliest:
    """For one subtotal signature: the earliest subtotal, and the earliest one of another value."""

    first: Candidate
    other_value: Candidate | None = None


class SourceSums:
    """The amounts that take part in sums in one source (`counted`), and the total candidates (`pool`)."""

    def __init__(self, counted: Sequence[Candidate], pool: Sequence[Candidate]) -> None:
        self._amounts = sorted(counted, key=order_key)
        self._keys = [order_key(c) for c in self._amounts]
        # _part_sums[j]: the amounts before position j that are no total or balance themselves.
        self._part_sums = [_ZERO]
        for candidate in self._amounts:
            # A counted per-unit price is always a part (count × unit), whatever its label.
            whole = candidate.label in _WHOLE_LABELS and candidate.count is None
            part = _ZERO if whole else candidate.sum_value
            self._part_sums.append(self._part_sums[-1] + part)
        self._by_signature: dict[Decimal, _Earliest] = {}
        for other in sorted(pool, key=order_key):
            if other.value > 0:
                self._remember(other)

    def _sum_up_to(self, key: Key, *, inclusive: bool) -> Decimal:
        index = bisect_right(self._keys, key) if inclusive else bisect_left(self._keys, key)
        return self._part_sums[index]

    def _signature(self, other: Candidate) -> Decimal:
        # `other` is a subtotal of `total` when other.value + (parts between them) == total.value,
        # i.e. other.value − parts up to `other` == total.value − parts before `total`.
        return other.value - self._sum_up_to(order_key(other), inclusive=True)

    def _remember(self, other: Candidate) -> None:
        signature = self._signature(other)
        known = self._by_signature.get(signature)
        if known is None:
            self._by_signature[signature] = _Earliest(other)
        elif known.other_value is None and other.value != known.first.value:
            self._by_signature[signature] = _Earliest(known.first, other)

    def is_subtotal(self, total: Candidate, other: Candidate) -> bool:
        """`other` comes before `total` and the amounts listed between them make up the difference."""
        if other.line.source != total.line.source or other.value <= 0 or other.value == total.value \
                or order_key(total) <= order_key(other):
            return False
        between = self._sum_up_to(order_key(total), inclusive=False) - self._sum_up_to(order_key(other), inclusive=True)
        return between == total.value - other.value

    def has_subtotal(self, total: Candidate) -> bool:
        """Some positive total candidate of this source is a subtotal of `total` (same as asking each)."""
        known = self._by_signature.get(total.value - self._sum_up_to(order_key(total), inclusive=False))
        if known is None:
            return False
        key = order_key(total)
        for other in (known.first, known.other_value):
            if other is not None and order_key(other) < key and other.value != total.value:
                return True
        return False

    def items_before(self, whole: Candidate) -> list[Candidate]:
        """The amounts listed right before `whole` that add up to it (a subtotal among them is no item), or nothing:
        what a sum said after its items ("… 165 Euro und … 52 Euro. Das macht 1.085,00 Euro.") sums."""
        before = bisect_left(self._keys, order_key(whole))
        return _run_adding_up(whole, (self._amounts[index] for index in range(before - 1, -1, -1)
                                      if not self._amounts[index].subtotal))

    def items_of(self, whole: Candidate) -> list[Candidate]:
        """The amounts listed right before `whole` or right after it that add up to it: its items, or nothing. A
        subtotal among them is no item."""
        key = order_key(whole)
        before = bisect_left(self._keys, key)
        after = bisect_right(self._keys, key)
        # A subtotal among them ("Zwischensumme 1.890,77") sums items that are counted already.
        forwards = (self._amounts[index] for index in range(after, len(self._amounts))
                    if not self._amounts[index].subtotal)
        found = self.items_before(whole) or _run_adding_up(whole, forwards)
        if found:
            return found
        # A sum of a group stated inside the list ("vorgerichtliche Kosten … zusammen 271,32 EUR" above "Summe der
        # Forderung 1.942,49 EUR") sums parts listed already: the whole adds up from the parts alone.
        parts = (self._amounts[index] for index in range(before - 1, -1, -1)
                 if self._amounts[index].label not in _WHOLE_LABELS or self._amounts[index].count is not None)
        found = _run_adding_up(whole, parts)
        if found:
            return found
        # A group's sum whose own items are not listed ("Mahnkosten von insgesamt 31,80 Euro für zwei Mahnungen und
        # eine Anfrage") is one item of the whole, like any other: the runs above leave it out.
        groups_too = (self._amounts[index] for index in range(after, len(self._amounts))
                      if not self._amounts[index].subtotal or self._amounts[index].label in _GROUP_LABELS)
        return _run_adding_up(whole, groups_too)


def _run_adding_up(whole: Candidate, run: Iterator[Candidate]) -> list[Candidate]:
    """The first two or more amounts of `run` that add up exactly to `whole`, or nothing."""
    running = _ZERO
    taken: list[Candidate] = []
    for item in run:
        taken.append(item)
        running += item.sum_value
        if running == whole.value and len(taken) > 1:
            return taken
        if running > whole.value > 0:
            return []
    return []
