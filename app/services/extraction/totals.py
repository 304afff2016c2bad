"""extraction/totals.py — the total as a ranked choice; invariant: only accepted reply/attachment amounts count."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import product

from app.services import money
from app.services.extraction.amounts import (
    INSTALMENT_REASON,
    PAID_REASON,
    RUNNING_BALANCES_ADD_UP,
    STATES_A_SUM,
    Candidate,
)
from app.services.extraction.arithmetic import SourceSums, order_key
from app.services.extraction.labels import PRINCIPAL, SURCHARGES, TOTALIZER, fold, is_weak_balance
from app.services.extraction.result import Component
from app.services.extraction.unit_counts import payments_counted
from app.services.extraction.vocabulary.amounts import APPROXIMATE_LEAD, PAID_TRAIL, PAYMENT_TO_COME, SUM_ROW
from app.services.extraction.vocabulary.labels import INCLUSION

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
    # The labelled components (with the deductions) make up the total exactly, without a principal found only by
    # difference: only such a breakdown goes into a debt record.
    adds_up: bool = False
    fallback: bool = False
    corroboration: tuple[str, ...] = ()
    margin: float | None = None
    notes: tuple[str, ...] = ()
    # The totals or balances of its own that the chosen total adds up (a grand total over several accounts or files).
    wholes_summed: tuple[Candidate, ...] = ()
    # Another figure the text names as the claim after the chosen one, outside its breakdown ("also sind noch 1.200,- €
    # offen. Nachtrag: … Es sind also nur noch 1.100,- €."): the later word may be the creditor's last.
    later_rival: Candidate | None = None
    # What the claim was before the payments the text names ("ursprünglich 2.870,00 EUR … 337,80 EUR getilgt …
    # Restforderung 2.532,20 EUR"): the total plus each payment, no earlier answer of the creditor's.
    before_payments: frozenset[Decimal] = frozenset()

    @property
    def corroborated(self) -> bool:
        """An explicit total label or arithmetic backs the chosen total."""
        return bool(self.corroboration)

    @property
    def sums_what_it_lists(self) -> bool:
        """The total is the sum of its components, of the amounts listed with it, or a table's sum row."""
        return any(f in self.corroboration for f in (_ADDS_UP, _ITEMS_ADD_UP, *_SUM_ROW_FEATURES))

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
        options.append((subtotals[-1].sum_value, [subtotals[-1]]))
        if len(subtotals) > 1:
            options.append((sum((c.sum_value for c in subtotals), _ZERO), subtotals))
    if items:
        options.append((sum((c.sum_value for c in items), _ZERO), items))
    return options


def _is_strong_principal(candidate: Candidate) -> bool:
    return bool(PRINCIPAL.search(fold(candidate.label_text)))


def _is_surcharge(candidate: Candidate) -> bool:
    return candidate.label == "costs" and bool(SURCHARGES.search(fold(candidate.label_text)))


def _component_lines(pool: list[Candidate]) -> dict[Component, list[Candidate]]:
    lines: dict[Component, list[Candidate]] = {}
    for name in COMPONENTS:
        chosen = [c for c in pool if c.label == name and not _is_surcharge(c)]
        if name == "principal" and any(_is_strong_principal(c) for c in chosen):
            chosen = [c for c in chosen if _is_strong_principal(c)]
        if chosen:
            lines[name] = chosen
    return lines


def _best_combination(
    readings: dict[Component, list[tuple[Decimal, list[Candidate]]]], total: Decimal | None, deductions: Decimal
) -> tuple[dict[Component, tuple[Decimal, list[Candidate]]], bool]:
    """Pick one reading per component; prefer the combination that adds up to the total."""
    names = list(readings)
    choices = [readings[name] for name in names]
    default = {name: options[0] for name, options in zip(names, choices, strict=True)}
    if total is None or not names:
        return default, False
    for combo in product(*choices):
        if sum((value for value, _ in combo), _ZERO) + deductions == total:
            return dict(zip(names, combo, strict=True)), True
    return default, False


@dataclass(frozen=True)
class _SourceParts:
    """What the component readings of one source need, worked out once for every total tried against it."""

    readings: dict[Component, list[tuple[Decimal, list[Candidate]]]]
    # Stated deductions (negative) and surcharges (positive): in the sum, in no component.
    deductions: Decimal
    balances: dict[Decimal, list[Candidate]]
    # Accepted amounts that are no component, deduction or total by their label, by value.
    others: dict[Decimal, list[Candidate]]
    items: tuple[Candidate, ...] = ()

    @classmethod
    def of(cls, pool: list[Candidate], all_in_source: list[Candidate]) -> _SourceParts:
        lines = _component_lines(pool)
        balances: dict[Decimal, list[Candidate]] = {}
        others: dict[Decimal, list[Candidate]] = {}
        for c in pool:
            if c.label == "balance" and c.count is None:
                balances.setdefault(c.value, []).append(c)
            elif c.label in ("unlabelled", "other"):
                others.setdefault(c.value, []).append(c)
        return cls(
            readings={name: _options(chosen) for name, chosen in lines.items()},
            deductions=sum((c.value for c in all_in_source if c.label == "deduction" and c.value < 0), _ZERO)
            + sum((c.value for c in pool if _is_surcharge(c) and not c.subtotal), _ZERO),
            balances=balances,
            others=others,
            items=tuple(c for c in pool if c.label in ("unlabelled", "other", "balance") and not c.subtotal),
        )


def _components(
    parts: _SourceParts, total: Candidate | None
) -> tuple[dict[Component, Decimal], dict[Component, list[Candidate]], bool]:
    readings, deductions = parts.readings, parts.deductions
    total_value = total.value if total is not None else None
    chosen, consistent = _best_combination(readings, total_value, deductions)
    if "principal" in chosen and not consistent and not _is_strong_principal(chosen["principal"][1][0]):
        # A weak principal word ("Rechnung") that does not add up is left out, never guessed.
        del chosen["principal"]
        chosen, consistent = _best_combination({k: readings[k] for k in chosen}, total_value, deductions)
    if "principal" not in chosen and total_value is not None:
        rest = total_value - deductions - sum((value for value, _ in chosen.values()), _ZERO)
        spare = [c for c in parts.balances.get(rest, [])[:2] if c is not total] if rest > 0 else []
        if spare and chosen:
            chosen["principal"] = (rest, spare[:1])
            consistent = True
    values = {name: chosen[name][0] for name in COMPONENTS if name in chosen}
    evidence = {name: chosen[name][1] for name in COMPONENTS if name in chosen}
    return values, evidence, consistent


def _a_breakdown(values: dict[Component, Decimal]) -> bool:
    """Interest or costs alone making up a whole claim is a sum read under a fee's label, not a breakdown."""
    return "principal" in values or len(values) > 1


def _principal_by_difference(
    values: dict[Component, Decimal], evidence: dict[Component, list[Candidate]], parts: _SourceParts,
    total: Candidate,
) -> tuple[dict[Component, Decimal], dict[Component, list[Candidate]]]:
    """Interest and costs named, the main claim not: the total less the named parts is the principal where the same
    source states it — as one amount under a label of its own ("Kaufpreis", "Beitrag Juli"), else as the items
    listed above the total ("RE 0455 189,97 / RE 9031 189,97 / Mahnkosten 27,45 / Gesamt 407,39"). Only the
    breakdown gains it; which total is chosen, and how sure, never depends on it."""
    if "principal" in values or not values:
        return values, evidence
    rest = total.value - parts.deductions - sum(values.values(), _ZERO)
    if rest <= 0:
        return values, evidence
    stated = [c for c in parts.others.get(rest, []) if c is not total][:1] or _items_making(rest, parts, total)
    if not stated:
        return values, evidence
    filled = {"principal": rest, **values}
    lines = {"principal": stated, **evidence}
    return ({name: filled[name] for name in COMPONENTS if name in filled},
            {name: lines[name] for name in COMPONENTS if name in lines})


def _items_making(rest: Decimal, parts: _SourceParts, total: Candidate) -> list[Candidate]:
    """The items listed above the total without a component word (invoice lines, premiums, open amounts of a
    table), when all of them together are exactly `rest`; none where a credit or payment is deducted (which lines
    it reduces is the creditor's to say) or a counted per-unit line stands among them (it counts as its product)."""
    if parts.deductions:
        return []
    items = [c for c in parts.items if c is not total and c.line.key < total.line.key and c.value > 0]
    if not items or any(c.count is not None for c in items):
        return []
    return items if sum((c.value for c in items), _ZERO) == rest else []


_EXPLICIT = "explicit total label"
_BALANCE = "explicit balance label"
_ADDS_UP = "its components add up to it"
_SUM_OF_SUBTOTAL = "a subtotal plus the amounts after it add up to it"
_ITEMS_ADD_UP = "the amounts listed with it add up to it"
_SUM_ROW_FEATURES = ("table sum row, open amount column", "row arithmetic: billed − paid = open")
_REMAINDER = "what remains of the sum stated before it after the payments named between them"
# A named balance ("Saldo", "offener Betrag", "Rückstand") is explicit; a generic word ("beträgt") is not.
_CORROBORATING = (_EXPLICIT, _BALANCE, _ADDS_UP, _ITEMS_ADD_UP, _SUM_OF_SUBTOTAL, _REMAINDER, *_SUM_ROW_FEATURES,
                  RUNNING_BALANCES_ADD_UP)
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


def _arithmetic(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Amounts that take part in a sum: the accepted ones, the deductions ("abzüglich Zahlung −50,00") and the
    per-unit prices with a clear count ("zwei Mahnungen zu je 2,90 €" adds 5,80)."""
    return [c for c in candidates if c.line.part in ("reply", "attachment")
            and (not c.rejected or c.label == "deduction" or c.count is not None)]


def _counted_units(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Per-unit prices with a clear count in the sender's own text: component parts, never a total."""
    return [c for c in candidates if c.count is not None and c.line.part in ("reply", "attachment")]


def _in_source(candidates: Sequence[Candidate], source: str) -> list[Candidate]:
    """Every amount of the sender's own text in one source, rejected ones too (deductions count)."""
    return [c for c in candidates if c.line.source == source and c.line.part in ("reply", "attachment")]


@dataclass(frozen=True)
class _Source:
    """One source's component parts and sums, built once per decision (see arithmetic.py for why)."""

    parts: _SourceParts
    sums: SourceSums


def _sources(candidates: Sequence[Candidate], accepted: list[Candidate], pool: list[Candidate],
             counted: list[Candidate]) -> dict[str, _Source]:
    units = _counted_units(candidates)

    def of(source: str) -> _Source:
        same_source = [c for c in [*accepted, *units] if c.line.source == source]
        return _Source(
            _SourceParts.of(same_source, _in_source(candidates, source)),
            SourceSums([c for c in counted if c.line.source == source], [c for c in pool if c.line.source == source]),
        )
    return {source: of(source) for source in dict.fromkeys(c.line.source for c in [*pool, *counted])}


def _rank(candidate: Candidate, source: _Source) -> Ranked:
    _, _, consistent = _components(source.parts, candidate)
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
    if source.sums.items_of(candidate):
        features.append(_ITEMS_ADD_UP)
    if source.sums.has_subtotal(candidate):
        features.append(_SUM_OF_SUBTOTAL)
    if candidate.line.part == "reply":
        features.append("in the reply text")
    return Ranked(candidate, tuple(features), consistent)


def _unexplained(best: Ranked, ranking: list[Ranked], counted: list[Candidate],
                 component_lines: dict[Component, list[Candidate]], sources: dict[str, _Source],
                 own_items: list[Candidate], paid: frozenset[Decimal] = frozenset(),
                 candidates: Sequence[Candidate] = ()) -> tuple[Candidate, ...]:
    """Other amounts that claim to be the total and that nothing explains: not a subtotal of it, not one of its
    components, not an item of it (`own_items`) or of one of its subtotals."""
    total = best.candidate
    sums = sources[total.line.source].sums
    explained = {id(c) for lines in component_lines.values() for c in lines} | {id(item) for item in own_items}
    wholes = (c for c in counted if c.count is None and (c.subtotal or sums.is_subtotal(total, c)))
    for whole in wholes:
        explained.update(id(item) for item in sources[whole.line.source].sums.items_of(whole))
    # A sum of costs or interest inside the total's list ("zusammen 271,32" under the lawyer's fees it sums): its
    # items are the total's. (A group that holds a principal is a claim of its own — one account, one creditor, the
    # titled part — and stays a rival.)
    total_items = {id(item) for item in own_items}
    if total_items:
        explained.update(id(r.candidate) for r in ranking if r.candidate.line.source == total.line.source
                         and r.candidate.label == "total" and (group := sums.items_of(r.candidate))
                         and all(id(item) in total_items and item.label != "principal" for item in group))
    # The same figure as a line the total is summed from, stated again elsewhere ("Die Restschuld beträgt 3.215,70"
    # above "Restschuld 3.215,70 / Zinsen 74,45 / Gesamtforderung 3.290,15"), is that line: the total explains it.
    added_up = {item.value for item in own_items if item.value > 0} if total.value > 0 else set()
    # The claim before the payments the text names, stated above the total ("Erstattungsforderung … über 830,00 € …
    # zusammen 168,90 € einbehalten … Restforderung 661,10 €"): what was paid leaves exactly the total.
    # So is the claim before payments whose remainder the total sums with a charge ("Rückforderung … über 1.540,00 EUR
    # … drei Raten zu je 50,00 EUR gezahlt … Rückstand 1.390,00 EUR zuzüglich Säumniszuschläge …, insgesamt 1.418,00").
    before_payments = {base + value for value in paid for base in (total.value, *added_up)}
    # A smaller sum after the total that its own word calls what is left ("Total TTC 540,00 / Acompte 140,00 / Reste
    # à payer 400,00") adds up with the amount between to the total, as a breakdown's items would; yet it may be the
    # claim after a payment no word here names as one. A rival, whatever the sum says.
    left = {id(r.candidate) for r in ranking if _calls_itself_what_is_left(r.candidate, total, candidates)}
    explained -= left
    explained.update(id(r.candidate) for r in ranking if _named_as_included(r.candidate, total))
    return tuple(
        r.candidate for r in ranking
        if r.candidate.value != total.value and id(r.candidate) not in explained
        and (id(r.candidate) in left or (not sums.is_subtotal(total, r.candidate)
                                         and r.candidate.value not in added_up))
        and not (r.candidate.value in before_payments and order_key(r.candidate) < order_key(total))
    )


_WORD_OF_FOUR = re.compile(r"[a-z]{4,}")
_INCLUDED_STOP = frozenset({"aller", "allen", "alle", "bisher", "bisherigen", "sowie", "bereits", "noch", "sich",
                            "dieser", "diese", "unserer", "ihrer", "their", "with"})


def _stems(folded: str) -> set[str]:
    """A folded text's words of four letters or more, endings cut ("rückständigen Raten" and "Rückständig … Raten"
    share "rueckstaendig" and "rat")."""
    return {re.sub(r"(?:en|er|es|em|e|n|s)$", "", word) for word in _WORD_OF_FOUR.findall(folded)
            if word not in _INCLUDED_STOP}


def _named_as_included(candidate: Candidate, total: Candidate) -> bool:
    """A smaller figure stated before the total that the total's own words say it includes ("Rückständig sind die
    Raten für März bis Mai, zusammen 496,50 EUR" above "Restschuld einschließlich der rückständigen Raten: 6.490,21
    EUR"): a part of it, no rival. The words after the inclusion word must name the figure's own words."""
    if candidate.line.source != total.line.source or not Decimal(0) < candidate.value < total.value \
            or order_key(candidate) > order_key(total):
        return False
    lead = fold(total.line.text[:total.start])
    inclusions = list(INCLUSION.finditer(lead))
    if not inclusions:
        return False
    included = _stems(lead[inclusions[-1].end():])
    own = _stems(fold(candidate.line.text[max(0, candidate.start - 100):candidate.start]))
    return bool(included & own)


# The word of a sum that says it is what is left ("Restbetrag", "verbleiben", "noch offen", "Reste à payer").
_WHAT_IS_LEFT = re.compile(r"\brest|\bverbleib|\bnoch (?:\S+ )?offen|\bubrig|\buebrig|\bremaining\b")


def _calls_itself_what_is_left(candidate: Candidate, total: Candidate, candidates: Sequence[Candidate]) -> bool:
    """(Where a part of the claim stands between, the sum is one more item of a breakdown: "beträgt 905,60 €. Er setzt
    sich zusammen aus: Hauptforderung … Zinsen … ein Restbetrag von 270,00 €".)"""
    if candidate.line.source != total.line.source or order_key(candidate) <= order_key(total) \
            or not Decimal(0) < candidate.value < total.value or candidate.label not in ("total", "balance") \
            or _WHAT_IS_LEFT.search(fold(candidate.label_text)) is None:
        return False
    between = [c for c in candidates if c.line.source == total.line.source
               and order_key(total) < order_key(c) < order_key(candidate)]
    return bool(between) and not any(c.label in ("principal", "interest", "costs") for c in between)


def _paid_sum(candidate: Candidate) -> Decimal:
    """What a paid amount paid in all: its value, times the count of instalments it names ("drei Raten zu je 50,00
    EUR gezahlt")."""
    return candidate.value * (payments_counted(candidate.line.text[:candidate.start]) or 1)


def was_paid(candidate: Candidate) -> bool:
    """A paid amount, or instalments the words after them say were paid or withheld ("vier Raten, insgesamt 220,00 €,
    … einbehalten")."""
    if candidate.reason == PAID_REASON:
        return True
    rest = fold(candidate.line.text[candidate.start + len(candidate.raw):][:120])
    return candidate.reason == INSTALMENT_REASON and PAID_TRAIL.search(rest) is not None


def sums_its_parts(total: Candidate, adds_up: bool, features: Sequence[str] = ()) -> bool:
    """A sum row ("SUMME", "Gesamt") whose labelled parts add up to it exactly: what a currency sign would tell
    (that these are the claim's figures) the breakdown tells, as in a bank host's printout without one. So does a
    spreadsheet's sum row ("Summe offene Posten", "Saldo (fällig)") over the rows listed with it (`features` has the
    items adding up): a sheet keeps its currency in the cells' format, not in their text."""
    if (adds_up and TOTALIZER.search(total.label_text) is not None) or RUNNING_BALANCES_ADD_UP in total.features:
        return True
    return _sheet_sum(total, features)


def _sheet_sum(total: Candidate, features: Sequence[str]) -> bool:
    """A spreadsheet's sum row over the rows listed with it, which add up to it exactly."""
    return total.line.tabular and _ITEMS_ADD_UP in features \
        and SUM_ROW.search(fold(total.line.text[:total.start])) is not None


def _confidence(best: Ranked, unexplained: tuple[Candidate, ...], margin: float | None, adds_up: bool) -> float:
    confidence = 0.8 if best.candidate.label == "total" else 0.65
    confidence += 0.1 if best.consistent or RUNNING_BALANCES_ADD_UP in best.candidate.features \
        or _sheet_sum(best.candidate, best.features) else 0.0
    if best.candidate.has_currency:
        confidence += 0.05
    elif not sums_its_parts(best.candidate, adds_up, best.features):
        confidence -= 0.1
    confidence -= 0.3 if unexplained else 0.0
    confidence -= 0.1 if margin is not None and margin < 1.0 else 0.0
    return round(max(0.05, min(confidence, 0.99)), 2)


def decide_total(candidates: Sequence[Candidate]) -> TotalDecision:
    """The creditor's current total as a ranked choice among the accepted total and balance amounts.

    Each candidate is scored by its features (label role, table place, arithmetic, currency, where it
    stands); the best wins, and the notes say why and by what margin over the best other value."""
    accepted = usable(candidates)
    counted = _arithmetic(candidates)
    pool = _exact_over_rough([c for c in accepted if c.label in ("total", "balance")]
                             + _sums_said_in_words(accepted, counted), accepted)
    if not pool:
        return _without_total_label(accepted)
    sources = _sources(candidates, accepted, pool, counted)
    ranking = _latest_first(sorted((_rank(c, sources[c.line.source]) for c in pool), key=Ranked.key, reverse=True))
    best = ranking[0]
    remainder, paid_since = _remainder_after_payments(best.candidate, ranking, candidates)
    if remainder is not None:
        best = Ranked(remainder.candidate, (*remainder.features, _REMAINDER), remainder.consistent)
        ranking = [best, *(r for r in ranking if r is not remainder)]
    # A table's sum row that a later whole sums with the rows after it ("Summe Rechnungen offen 214,37 / Mahngebühren
    # 6,00 / Aktuell offener Betrag 220,37") is a subtotal, however strong its own label: the later whole is the claim.
    # (a larger whole only: a ledger listed newest first has its older balance below, less the bookings between)
    sums = sources[best.candidate.line.source].sums
    whole = None if _SUM_ROW_FEATURES[0] not in best.features else next((
        r for r in ranking if _SUM_OF_SUBTOTAL in r.features and r.candidate.value > best.candidate.value
        and r.candidate.line.source == best.candidate.line.source and sums.is_subtotal(r.candidate, best.candidate)),
        None)
    if whole is not None:
        best = whole
        ranking = [whole, *(r for r in ranking if r is not whole)]
    total = best.candidate
    parts = sources[total.line.source].parts
    values, evidence, consistent = _components(parts, total)
    values, evidence = _principal_by_difference(values, evidence, parts, total)
    runner_up = next((r for r in ranking[1:] if r.candidate.value != total.value), None)
    margin = None if runner_up is None else round(best.score - runner_up.score, 2)
    paid = frozenset(_paid_sum(c) for c in candidates if was_paid(c) and c.line.source == total.line.source
                     and c.line.part in ("reply", "attachment")) | paid_since
    # The amounts the total is summed from, read once for every question below.
    own_items = sources[total.line.source].sums.items_of(total)
    unexplained = _unexplained(best, ranking, counted, evidence, sources, own_items, paid, candidates)
    adds_up = consistent and _a_breakdown(values)
    notes = [f"chosen for: {', '.join(best.features)}"]
    if runner_up is not None:
        features = ", ".join(runner_up.features)
        notes.append(f"runner-up {money.format_eur(runner_up.candidate.value)} ({features}), margin {margin}")
    if unexplained:
        notes.append("other totals with different values: " + "; ".join(money.format_eur(c.value) for c in unexplained))
    corroboration = tuple(f for f in best.features if f in _CORROBORATING)
    # A runner-up above the total that the total's own sum or components explain ("drei Rücklastschriftgebühren,
    # insgesamt 21,50 EUR" above "Die Forderung beläuft sich damit auf 702,35 EUR") is no rival, however close its
    # score; one below it stays one ("Forderung über 940,00 EUR … zusammen 168,90 EUR … Restforderung: 771,10 EUR").
    # Nor is one of the items of a breakdown the total is summed from, stated after it ("beträgt 905,60 €. Er setzt
    # sich wie folgt zusammen: … ein Restbetrag von 270,00 € …, … 540,00 € …, … 63,80 € …, … 31,80 €"); but the last
    # of a run stays one: "Forderung über 940,00 € … zusammen 168,90 € aufgerechnet … Restforderung 771,10 €" is
    # the claim before payments, then what remains of it.
    rival = runner_up is not None and (any(c is runner_up.candidate for c in unexplained)
                                       or (order_key(runner_up.candidate) > order_key(total)
                                           and not _inside_breakdown(runner_up.candidate, own_items)))
    return TotalDecision(
        total=total,
        confidence=_confidence(best, unexplained, margin if rival else None, adds_up),
        components=values,
        component_lines=evidence,
        competing=unexplained,
        consistent=consistent,
        adds_up=adds_up,
        corroboration=corroboration,
        margin=margin,
        notes=tuple(notes),
        wholes_summed=tuple(item for item in own_items if item.label in ("total", "balance") and not item.rejected),
        later_rival=runner_up.candidate if rival and runner_up is not None and not unexplained
        and order_key(runner_up.candidate) > order_key(total) else None,
        before_payments=frozenset(total.value + value for value in paid),
    )


# How far a rough figure may stand from an exact one it rounds ("gut 1.300 €, genau 1.306,84 €").
_ROUNDING = Decimal("0.1")


def is_rough(candidate: Candidate) -> bool:
    """The words right before the figure make it a rough one ("rund", "ca.", "gut", "knapp")."""
    return APPROXIMATE_LEAD.search(fold(candidate.line.text[:candidate.start])) is not None


def _exact_over_rough(pool: list[Candidate], accepted: Sequence[Candidate]) -> list[Candidate]:
    """The pool without a figure the text calls rough where an exact figure within a tenth of it stands too: the same
    claim rounded, neither a total of its own nor a rival to the exact one."""
    rough = [c for c in pool if is_rough(c)]
    if not rough:  # most mail: no rough figure among the totals, nothing else to read
        return pool
    exact = [c for c in accepted if c.value > 0 and not is_rough(c)]
    dropped = {id(c) for c in rough if any(
        other.value != c.value and abs(other.value - c.value) <= c.value * _ROUNDING for other in exact)}
    return [c for c in pool if id(c) not in dropped]


def _remainder_after_payments(total: Candidate, ranking: list[Ranked],
                              candidates: Sequence[Candidate]) -> tuple[Ranked | None, frozenset[Decimal]]:
    """A later, smaller total or balance that is what the chosen one leaves after the payments named between them
    ("Das sind zusammen 1.415,00 €. Bezahlt hat er … 300,00 € … und … 100,00 €. Offen sind damit noch 1.015,00 €."):
    the claim now, and the sum of those payments. Only where nothing but payments and unlabelled amounts stand
    between, one of them said to be paid, and they make up the difference exactly (the payments less any charge
    named between them)."""
    own = sorted((c for c in candidates
                  if c.line.source == total.line.source and c.line.part in ("reply", "attachment")), key=order_key)
    start = order_key(total)
    for later in sorted(ranking, key=lambda r: order_key(r.candidate)):
        remainder = later.candidate
        if remainder.line.source != total.line.source or order_key(remainder) <= start \
                or not _ZERO < remainder.value < total.value:
            continue
        between = [c for c in own if start < order_key(c) < order_key(remainder)]
        if any(c.label in ("total", "balance") and not c.rejected for c in between):
            return None, frozenset()
        summed = [c for c in between if not c.rejected or was_paid(c)]
        difference = total.value - remainder.value
        # (or one payment named between makes the difference, beside the rate it was taken in: "… in Höhe von
        # 147,50 EUR aufgerechnet. Bis Februar wurden auf diesem Weg 442,50 EUR getilgt. Die Restforderung beträgt …")
        single = next((c for c in summed if was_paid(c) and c.value == difference), None)
        # (or the payments less a charge added since: "bezahlt 400,00 € … dafür berechnen wir 15,00 € Mahngebühr …
        # noch offen: 1.300,00 €" under a total of 1.685,00 €)
        net = sum((c.value if was_paid(c) else -c.value for c in summed), _ZERO)
        named = summed if difference in (sum((c.value for c in summed), _ZERO), net) \
            else [single] if single else []
        if any(was_paid(c) for c in named):
            said = " ".join(dict.fromkeys(c.line.text for c in [*named, remainder]))
            if PAYMENT_TO_COME.search(fold(said)):  # "… angekündigt. Nach Eingang dieser Zahlung verbleiben …"
                return None, frozenset()
            return later, frozenset({total.value - remainder.value})
    return None, frozenset()


# A balance stated "as of" a day on its own line ("Kontostand am 06.03.2073: -1.702,88 EUR").
_BALANCE_ON = re.compile(r"\b(?:stand|am)\b\s*:?\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\b", re.IGNORECASE)


def _balance_day(candidate: Candidate) -> tuple[int, int, int] | None:
    found = _BALANCE_ON.search(candidate.line.text)
    return None if found is None else (int(found.group(3)), int(found.group(2)), int(found.group(1)))


def _latest_first(ranking: list[Ranked]) -> list[Ranked]:
    """Balances each stated as of its own day ("Kontostand am 06.03.2073: -1.702,88 EUR" above the movements,
    "Kontostand am 31.01.2073: -1.618,45 EUR" below them): the latest day is today's figure, whatever the movements
    between them seem to add up to (a ledger listed newest first reads backwards as a sum)."""
    if len(ranking) < 2 or (best_day := _balance_day(ranking[0].candidate)) is None:
        return ranking
    source = ranking[0].candidate.line.source
    dated = [(day, index) for index, r in enumerate(ranking) if r.candidate.line.source == source
             and r.candidate.value != ranking[0].candidate.value and (day := _balance_day(r.candidate)) is not None]
    if not dated:
        return ranking
    latest_day, latest = max(dated)
    if latest_day <= best_day:
        return ranking
    return [ranking[latest], *ranking[:latest], *ranking[latest + 1:]]


def _inside_breakdown(candidate: Candidate, items: list[Candidate]) -> bool:
    """`candidate` is one of three or more `items` the total is summed from, not the last one."""
    return len(items) >= 3 and any(item is candidate for item in items[:-1])


def _sums_said_in_words(accepted: list[Candidate], counted: list[Candidate]) -> list[Candidate]:
    """Amounts with no label of their own whose clause calls them a sum ("Das macht 1.085,00 Euro.") and that the
    amounts listed right before them add up to exactly: totals, as if so labelled. An unlabelled "macht" whose
    arithmetic fails stays unread, and so does a figure the amounts after it add up to ("Also: … 2000 Euro geliehen.
    … 500 Euro zurückgegeben … Offen sind also noch 1.500,- Euro": what was lent, not what is owed)."""
    said = [c for c in accepted if c.label == "unlabelled" and STATES_A_SUM in c.features]
    if not said:
        return []
    found: list[Candidate] = []
    by_source: dict[str, SourceSums] = {}
    for candidate in said:
        source = candidate.line.source
        if source not in by_source:
            by_source[source] = SourceSums([c for c in counted if c.line.source == source], ())
        if by_source[source].items_before(candidate):
            found.append(replace(candidate, label="total", label_text="sum of the amounts listed"))
    return found


def _without_total_label(accepted: list[Candidate]) -> TotalDecision:
    """No total or balance label: a single principal amount may stand in (never safe), else no total."""
    claims = [c for c in accepted if c.label in COMPONENTS]
    if len({c.value for c in claims}) == 1 and all(c.label == "principal" for c in claims):
        only = claims[-1]
        note = f"no total label; the only claim amount ({only.label_text}) is taken"
        return TotalDecision(total=only, confidence=0.5, fallback=True, notes=(note,),
                             components={"principal": only.value}, component_lines={"principal": [only]})
    body = [c for c in accepted if c.line.source == "body"] or accepted
    values, evidence, _ = _components(_SourceParts.of(body, body), None)
    return TotalDecision(components=values, component_lines=evidence, notes=("no total stated",))
