"""extraction/totals.py — decide the total claim; invariant: only accepted reply/attachment amounts count."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import product

from app.services.extraction.amounts import Candidate
from app.services.extraction.labels import PRINCIPAL, fold
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
    notes: tuple[str, ...] = ()

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


def _score(candidate: Candidate, consistent: bool) -> tuple[float, int, int]:
    score = 3.0 if candidate.label == "total" else 2.0
    score += 0.5 if candidate.has_currency else 0.0
    score += 1.0 if consistent else 0.0
    score += 0.25 if candidate.line.part == "reply" else 0.0
    return score, -_source_rank(candidate), candidate.line.key


def _source_rank(candidate: Candidate) -> int:
    return 0 if candidate.line.source == "body" else 1


def _pick(pool: list[Candidate], accepted: list[Candidate]) -> tuple[Candidate, bool]:
    best: tuple[tuple[float, int, int], Candidate, bool] | None = None
    for candidate in pool:
        same_source = [c for c in accepted if c.line.source == candidate.line.source]
        _, _, consistent = _components(same_source, candidate, same_source)
        key = _score(candidate, consistent)
        if best is None or key > best[0]:
            best = (key, candidate, consistent)
    assert best is not None
    return best[1], best[2]


def decide_total(candidates: Sequence[Candidate]) -> TotalDecision:
    """The creditor's current total: the best-labelled accepted amount ("Gesamtforderung" over
    "Saldo"), preferring one its components add up to; None when no total is stated."""
    accepted = usable(candidates)
    pool = [c for c in accepted if c.label == "total"] or [c for c in accepted if c.label == "balance"]
    notes: list[str] = []
    if not pool:
        claims = [c for c in accepted if c.label in COMPONENTS]
        if len({c.value for c in claims}) == 1 and all(c.label == "principal" for c in claims):
            only = claims[-1]
            notes.append(f"no total label; the only claim amount ({only.label_text}) is taken")
            return TotalDecision(total=only, confidence=0.5, fallback=True, notes=tuple(notes),
                                 components={"principal": only.value}, component_lines={"principal": [only]})
        body = [c for c in accepted if c.line.source == "body"] or accepted
        values, evidence, _ = _components(body, None, body)
        return TotalDecision(components=values, component_lines=evidence, notes=("no total stated",))
    total, _ = _pick(pool, accepted)
    same_source = [c for c in accepted if c.line.source == total.line.source]
    everything = [
        c for c in candidates if c.line.source == total.line.source and c.line.part in ("reply", "attachment")
    ]
    values, evidence, consistent = _components(same_source, total, everything)
    competing = tuple(c for c in pool if c.value != total.value and c.label == total.label)
    if competing:
        notes.append("other totals with different values: " + ", ".join(str(c.value) for c in competing))
    confidence = 0.8 if total.label == "total" else 0.65
    confidence += 0.1 if consistent else 0.0
    confidence += 0.05 if total.has_currency else -0.1
    confidence -= 0.3 if competing else 0.0
    return TotalDecision(
        total=total,
        confidence=round(max(0.05, min(confidence, 0.99)), 2),
        components=values,
        component_lines=evidence,
        competing=competing,
        consistent=consistent,
        notes=tuple(notes),
    )
