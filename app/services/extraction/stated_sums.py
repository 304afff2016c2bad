"""extraction/stated_sums.py — sums the text states beyond the chosen total; invariant: a part is never the total.

Two doubts that the chosen total's own label cannot show, both read by arithmetic in one source:

- a larger sum the creditor states ("… 96,40 €. Die Gebühr von 5,00 € kommt hinzu, zusammen also 101,40 €")
  that the chosen total and the amounts next to it add up to: the chosen total is only a part of the claim;
- a larger total the text names only for the future or under a condition ("Gesamtbetrag dann 320,00 €"):
  even where the chosen total plus the future charges make it up (300,00 € + 20,00 € from 01.12.), that rests
  on reading those charges as future ones; were one of them misread, the larger total would be the claim and
  the chosen one a part of it. A human decides.

A stated sum may itself be one read as future or conditional: a total that the text adds up into any larger sum
is a part, whichever of the two is the current one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from app.services.extraction.amounts import EXCLUDED_REASON, STATES_A_SUM, Candidate
from app.services.extraction.arithmetic import order_key
from app.services.extraction.future import NOT_YET

_ZERO = Decimal("0.00")
_WHOLE = ("total", "balance")
# Amounts read as additional or as not yet owed still take part in the sums the text states.
_SUMMED_REASONS = (None, EXCLUDED_REASON, NOT_YET)


def _own_text(candidates: Sequence[Candidate], total: Candidate) -> list[Candidate]:
    """The amounts of the total's source in the sender's own text, in reading order."""
    return sorted((c for c in candidates if c.line.source == total.line.source
                   and c.line.part in ("reply", "attachment")), key=order_key)


def _in_sums(candidate: Candidate) -> bool:
    """An amount a stated sum may hold: accepted, stated as additional, a deduction or a counted unit price."""
    return (candidate.reason in _SUMMED_REASONS or candidate.label == "deduction" or candidate.count is not None)


def _states_a_sum(candidate: Candidate) -> bool:
    return candidate.label == "total" or candidate.subtotal or STATES_A_SUM in candidate.features


def _run_holds(whole: Candidate, run: Iterable[Candidate], part: Candidate) -> bool:
    """The first two or more amounts of `run` add up exactly to `whole`, and `part` is one of them."""
    running = _ZERO
    taken: list[Candidate] = []
    for item in run:
        taken.append(item)
        running += item.sum_value
        if running == whole.value:
            return len(taken) > 1 and any(item is part for item in taken)
        if running > whole.value:
            return False
    return False


def larger_sums(total: Candidate, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Sums the text states that are larger than `total` and hold it as a part."""
    ordered = [c for c in _own_text(candidates, total) if _in_sums(c)]
    start = order_key(total)
    found: list[Candidate] = []
    # (an amount after the total that names nothing, "… und Kosten von 15,00 EUR." / "3.149,91 EUR", counts when the
    # total and the amounts between add up to it exactly: the creditor's sum, whatever labels it; parts read as future
    # or conditional make no such sum: "… kämen … hinzu; der Ablösebetrag beliefe sich dann auf …" is hypothetical)
    only_accepted_since = True  # every amount after the total so far is accepted
    for index, whole in enumerate(ordered):
        after = order_key(whole) > start
        unnamed_after = after and only_accepted_since and whole.label == "unlabelled" and not whole.rejected
        if after and whole.reason is not None:
            only_accepted_since = False
        if whole.value <= total.value or not (_states_a_sum(whole) or unnamed_after):
            continue
        if _run_holds(whole, reversed(ordered[:index]), total) or _run_holds(whole, ordered[index + 1:], total):
            found.append(whole)
    return found


def unread_larger_sums(total: Candidate, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Larger amounts after the total that their clause calls a sum but that carry no label and that nothing listed
    adds up to ("Offen sind 700,00 €, 120 € und 45 €. Das macht 900,00 €."): the writer's own sum, miscounted or of
    something else, beside which the total is only a part."""
    start = order_key(total)
    return [c for c in _own_text(candidates, total) if not c.rejected and c.label == "unlabelled"
            and STATES_A_SUM in c.features and c.value > total.value and order_key(c) > start]


def future_totals(total: Candidate, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Larger totals the sender's own text names only for the future or under a condition."""
    return [c for c in _own_text(candidates, total)
            if c.reason == NOT_YET and c.label in _WHOLE and c.value > total.value]
