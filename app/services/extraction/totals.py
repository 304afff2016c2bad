"""extraction/totals.py — the total as a ranked choice; invariant: only accepted reply/attachment amounts count."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import product

from app.services.extraction.amounts import Candidate
from app.services.extraction.labels import PRINCIPAL, fold, is_weak_balance
from app.services.extraction.result import Component

COMPONENTS: tuple[Component, ...] = ("principal", "interest", "costs")
_ZERO = Decimal("0.00")


@dataclass(frozen=True)
class TotalDecision:
    """The chosen total (or None), its components and every note about how clear that is."""

    total: Candidate | None = None
    confidence: float = 0.0
    components: dict[Component, Decimal] = field(default_factory=dict)
    component_lines: dict[Component, list[Candidate]] = field(default_factory=dict)
    competing: tuple[Candidate, ...] = ()
    consistent: bool = False
    fallback: bool = False
    corroboration: tuple[str, ...] = ()
    margin: float | None = None
    notes: tuple[str, ...] = ()

    @property
    def corroborated(self) -> bool:
        """An explicit total label or arithmetic backs the chosen total."""
        return bool(self.corroboration)

    @property
    def value(self) -> Decimal | None:
        return None if self.total is None else self.total.value


def usable(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Accepted amounts from the sender's own new text or its attachments."""
    return [c for c in candidates if not c.rejected and c.line.part in ("reply", "attachment")]


def _options(lines: list[Candidate]) -> list[tuple[Decimal, list[Candidate]]]:
    """Ways to read one component: the sum of its item lines, each subtotal, all subtotals."""
    items = [c for c in lines if not c.subtotal]
    subtotals = [c for c in lines if c.subtotal]
    options: list[tuple[Decimal, list[Candidate]]] = []
    if subtotals:
        options.append((subtotals[-1].value, [subtotals[-1]]))
        if len(subtotals) > 1:
            options.append((sum((c.value for c in subtotals), _ZERO), subtotals))
    if items:
        options.append((sum((c.value for c in items), _ZERO), items))
    return options


def _is_strong_principal(candidate: Candidate) -> bool:
    return bool(PRINCIPAL.search(fold(candidate.label_text)))


def _component_lines(pool: list[Candidate]) -> dict[Component, list[Candidate]]:
    lines: dict[Component, list[Candidate]] = {}
    for name in COMPONENTS:
        chosen = [c for c in pool if c.label == name]
        if name == "principal" and any(_is_strong_principal(c) for c in chosen):
            chosen = [c for c in chosen if _is_strong_principal(c)]
        if chosen:
            lines[name] = chosen
    return lines


def _best_combination(
    lines: dict[Component, list[Candidate]], total: Decimal | None, deductions: Decimal
) -> tuple[dict[Component, tuple[Decimal, list[Candidate]]], bool]:
    """Pick one reading per component; prefer the combination that adds up to the total."""
    names = list(lines)
    choices = [_options(lines[name]) for name in names]
    default = {name: options[0] for name, options in zip(names, choices, strict=True)}
    if total is None or not names:
        return default, False
    for combo in product(*choices):
        if sum((value for value, _ in combo), _ZERO) + deductions == total:
            return dict(zip(names, combo, strict=True)), True
    return default, False


def _components(
    pool: list[Candidate], total: Candidate | None, all_in_source: list[Candidate]
) -> tuple[dict[Component, Decimal], dict[Component, list[Candidate]], bool]:
    lines = _component_lines(pool)
    deductions = sum((c.value for c in all_in_source if c.label == "deduction" and c.value < 0), _ZERO)
    total_value = total.value if total is not None else None
    chosen, consistent = _best_combination(lines, total_value, deductions)
    if "principal" in chosen and not consistent and not _is_strong_principal(chosen["principal"][1][0]):
        # A weak principal word ("Rechnung") that does not add up is left out, never guessed.
        del chosen["principal"]
        chosen, consistent = _best_combination({k: lines[k] for k in chosen}, total_value, deductions)
    if "principal" not in chosen and total_value is not None:
        rest = total_value - deductions - sum((value for value, _ in chosen.values()), _ZERO)
        spare = [c for c in pool if c.label == "balance" and c is not total and c.value == rest and rest > 0]
        if spare and chosen:
            chosen["principal"] = (rest, spare[:1])
            consistent = True
    values = {name: chosen[name][0] for name in COMPONENTS if name in chosen}
    evidence = {name: chosen[name][1] for name in COMPONENTS if name in chosen}
    return values, evidence, consistent


_EXPLICIT = "explicit total label"
_BALANCE = "explicit balance label"
_ADDS_UP = "its components add up to it"
_SUM_OF_SUBTOTAL = "a subtotal plus the amounts after it add up to it"
_ITEMS_ADD_UP = "the amounts listed with it add up to it"
_SUM_ROW_FEATURES = ("table sum row, open amount column", "row arithmetic: billed − paid = open")
# A named balance ("Saldo", "offener Betrag", "Rückstand") is explicit; a generic word ("beträgt") is not.
_CORROBORATING = (_EXPLICIT, _BALANCE, _ADDS_UP, _ITEMS_ADD_UP, _SUM_OF_SUBTOTAL, *_SUM_ROW_FEATURES)
_WEIGHTS = {
    _EXPLICIT: 3.0, _BALANCE: 2.0, "generic balance word": 1.5, "currency stated": 0.5, _ADDS_UP: 1.0,
    _SUM_ROW_FEATURES[0]: 1.0, _SUM_ROW_FEATURES[1]: 0.5, _SUM_OF_SUBTOTAL: 0.5, _ITEMS_ADD_UP: 1.5,
    "in the reply text": 0.25,
}


@dataclass(frozen=True)
class Ranked:
    """One total candidate with the features that scored it."""

    candidate: Candidate
    features: tuple[str, ...]
    consistent: bool

    @property
    def score(self) -> float:
        return sum(_WEIGHTS.get(feature, 0.0) for feature in self.features)

    def key(self) -> tuple[float, int, int]:
        return self.score, -_source_rank(self.candidate), self.candidate.line.key


def _source_rank(candidate: Candidate) -> int:
    return 0 if candidate.line.source == "body" else 1


def _after(candidate: Candidate, other: Candidate) -> bool:
    return (candidate.line.key, candidate.start) > (other.line.key, other.start)


def _arithmetic(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Amounts that take part in a sum: the accepted ones and the deductions ("abzüglich Zahlung −50,00")."""
    return [c for c in candidates
            if c.line.part in ("reply", "attachment") and (not c.rejected or c.label == "deduction")]


def _subtotal_of(total: Candidate, other: Candidate, counted: list[Candidate]) -> bool:
    """`other` is a subtotal of `total`: the amounts listed between them make up the difference."""
    if other.line.source != total.line.source or other.value <= 0 or other.value == total.value \
            or not _after(total, other):
        return False
    between = [c for c in counted if c.line.source == total.line.source and _after(c, other) and _after(total, c)
               and c.label not in ("total", "balance")]
    return sum((c.value for c in between), _ZERO) == total.value - other.value


def _run_adding_up(whole: Candidate, run: list[Candidate]) -> list[Candidate]:
    """The first two or more amounts of `run` that add up exactly to `whole`, or nothing."""
    running = _ZERO
    for count, item in enumerate(run, start=1):
        running += item.value
        if running == whole.value and count > 1:
            return run[:count]
        if running > whole.value > 0:
            return []
    return []


def _items_of(whole: Candidate, counted: list[Candidate]) -> list[Candidate]:
    """The amounts listed right before `whole` ("… Kosten 50,00 / Summe 5.218,40") or right after it
    ("Forderung 3.984,60; darin enthalten: …") that add up to it: its items, or nothing."""
    same = sorted((c for c in counted if c.line.source == whole.line.source and c is not whole),
                  key=lambda c: (c.line.key, c.start))
    before = [c for c in same if _after(whole, c)][::-1]
    after = [c for c in same if _after(c, whole)]
    return _run_adding_up(whole, before) or _run_adding_up(whole, after)


def _in_source(candidates: Sequence[Candidate], source: str) -> list[Candidate]:
    """Every amount of the sender's own text in one source, rejected ones too (deductions count)."""
    return [c for c in candidates if c.line.source == source and c.line.part in ("reply", "attachment")]


def _rank(candidate: Candidate, pool: list[Candidate], accepted: list[Candidate],
          candidates: Sequence[Candidate], counted: list[Candidate]) -> Ranked:
    same_source = [c for c in accepted if c.line.source == candidate.line.source]
    _, _, consistent = _components(same_source, candidate, _in_source(candidates, candidate.line.source))
    features: list[str] = []
    if candidate.label == "total":
        features.append(_EXPLICIT)
    elif is_weak_balance(candidate.label_text):
        features.append("generic balance word")
    else:
        features.append(_BALANCE)
    features.extend(feature for feature in candidate.features if feature in _SUM_ROW_FEATURES)
    if candidate.has_currency:
        features.append("currency stated")
    if consistent:
        features.append(_ADDS_UP)
    if _items_of(candidate, counted):
        features.append(_ITEMS_ADD_UP)
    if any(_subtotal_of(candidate, other, counted) for other in pool):
        features.append(_SUM_OF_SUBTOTAL)
    if candidate.line.part == "reply":
        features.append("in the reply text")
    return Ranked(candidate, tuple(features), consistent)


def _unexplained(best: Ranked, ranking: list[Ranked], counted: list[Candidate],
                 component_lines: dict[Component, list[Candidate]]) -> tuple[Candidate, ...]:
    """Other amounts that claim to be the total and that nothing explains: not a subtotal of it, not one of its
    components, not an item of it or of one of its subtotals."""
    total = best.candidate
    explained = {id(c) for lines in component_lines.values() for c in lines}
    for whole in [total, *(c for c in counted if c.subtotal or _subtotal_of(total, c, counted))]:
        explained.update(id(item) for item in _items_of(whole, counted))
    return tuple(
        r.candidate for r in ranking
        if r.candidate.value != total.value and id(r.candidate) not in explained
        and not _subtotal_of(total, r.candidate, counted)
    )


def _confidence(best: Ranked, unexplained: tuple[Candidate, ...], margin: float | None) -> float:
    confidence = 0.8 if best.candidate.label == "total" else 0.65
    confidence += 0.1 if best.consistent else 0.0
    confidence += 0.05 if best.candidate.has_currency else -0.1
    confidence -= 0.3 if unexplained else 0.0
    confidence -= 0.1 if margin is not None and margin < 1.0 else 0.0
    return round(max(0.05, min(confidence, 0.99)), 2)


def decide_total(candidates: Sequence[Candidate]) -> TotalDecision:
    """The creditor's current total as a ranked choice among the accepted total and balance amounts.

    Each candidate is scored by its features (label role, table place, arithmetic, currency, where it
    stands); the best wins, and the notes say why and by what margin over the best other value."""
    accepted = usable(candidates)
    pool = [c for c in accepted if c.label in ("total", "balance")]
    if not pool:
        return _without_total_label(accepted)
    counted = _arithmetic(candidates)
    ranking = sorted((_rank(c, pool, accepted, candidates, counted) for c in pool), key=Ranked.key, reverse=True)
    best = ranking[0]
    total = best.candidate
    same_source = [c for c in accepted if c.line.source == total.line.source]
    values, evidence, consistent = _components(same_source, total, _in_source(candidates, total.line.source))
    runner_up = next((r for r in ranking[1:] if r.candidate.value != total.value), None)
    margin = None if runner_up is None else round(best.score - runner_up.score, 2)
    unexplained = _unexplained(best, ranking, counted, evidence)
    notes = [f"chosen for: {', '.join(best.features)}"]
    if runner_up is not None:
        notes.append(f"runner-up {runner_up.candidate.value} ({', '.join(runner_up.features)}), margin {margin}")
    if unexplained:
        notes.append("other totals with different values: " + ", ".join(str(c.value) for c in unexplained))
    corroboration = tuple(f for f in best.features if f in _CORROBORATING)
    return TotalDecision(
        total=total,
        confidence=_confidence(best, unexplained, margin),
        components=values,
        component_lines=evidence,
        competing=unexplained,
        consistent=consistent,
        corroboration=corroboration,
        margin=margin,
        notes=tuple(notes),
    )


def _without_total_label(accepted: list[Candidate]) -> TotalDecision:
    """No total or balance label: a single principal amount may stand in (never safe), else no total."""
    claims = [c for c in accepted if c.label in COMPONENTS]
    if len({c.value for c in claims}) == 1 and all(c.label == "principal" for c in claims):
        only = claims[-1]
        note = f"no total label; the only claim amount ({only.label_text}) is taken"
        return TotalDecision(total=only, confidence=0.5, fallback=True, notes=(note,),
                             components={"principal": only.value}, component_lines={"principal": [only]})
    body = [c for c in accepted if c.line.source == "body"] or accepted
    values, evidence, _ = _components(body, None, body)
    return TotalDecision(components=values, component_lines=evidence, notes=("no total stated",))
