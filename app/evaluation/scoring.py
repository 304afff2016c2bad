"""evaluation/scoring.py — compare predictions with labels; invariant: noise is judged from the labelled
decoys where the corpus has them, and from the evidence alone where it has none."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from app.evaluation.corpus import ExpectedLabels
from app.evaluation.predict import Prediction
from app.services import money
from app.services.extraction.numbers import find_money, noise_spans
from app.services.extraction.result import Evidence

_NOISE_KINDS = ("date", "iban", "phone", "register", "tax number", "postcode", "time")


@dataclass(frozen=True)
class NoiseAmount:
    email_id: str
    field: str
    value: Decimal
    kind: str
    evidence: Evidence | None


@dataclass(frozen=True)
class Miss:
    email_id: str
    field: str
    expected: str
    predicted: str
    evidence: str
    reasons: tuple[str, ...]


def ratio(part: int, whole: int) -> float:
    """A share 0..1 rounded to four places; an empty denominator counts as nothing missed."""
    return round(part / whole, 4) if whole else 1.0


def normalise_reference(value: str | None) -> str:
    return re.sub(r"[^0-9a-z]", "", (value or "").lower())


def _digits(value: Decimal) -> str:
    return f"{abs(value):.2f}".replace(".", "")


def _noise_kind(value: Decimal, evidence: Evidence) -> str | None:
    """Why an amount taken from this evidence is noise, or None when it is a plain amount.

    Quoted history and footers are noise by part; otherwise the amount must still be readable
    in its line once dates, IBANs, phone numbers and register numbers are blanked out."""
    if evidence.part == "quoted":
        return "quoted history"
    if evidence.part in ("signature", "subject", "recipient", "sender"):
        return f"{evidence.part} text"
    if any(token.value == value for token in find_money(evidence.text)):
        return None
    digits = _digits(value)
    significant = digits.lstrip("0")
    for kind, start, end in noise_spans(evidence.text):
        if kind in _NOISE_KINDS and significant and significant in re.sub(r"\D", "", evidence.text[start:end]):
            return kind
    if value == 0 or digits in re.sub(r"\D", "", evidence.text):
        return None
    return "value not in its evidence line"


def noise_amounts(prediction: Prediction) -> list[NoiseAmount]:
    """Predicted totals/components whose evidence is quoted text, a footer, or a noise number."""
    result = prediction.result
    checks: list[tuple[str, Decimal, Evidence]] = []
    if result.total_amount is not None and result.total_evidence is not None and result.total_amount != 0:
        checks.append(("total_amount", result.total_amount, result.total_evidence))
    for name, evidences in result.component_evidence.items():
        value = result.components.get(name)
        for evidence in evidences:
            tokens = [t.value for t in find_money(evidence.text)]
            line_value = value if value in tokens or not tokens else tokens[-1]
            if line_value is not None:
                checks.append((f"components.{name}", line_value, evidence))
    found: list[NoiseAmount] = []
    for field_name, value, evidence in checks:
        kind = _noise_kind(value, evidence)
        if kind is not None:
            found.append(NoiseAmount(prediction.email_id, field_name, value, kind, evidence))
    return found


DECOY = "labelled decoy"


def decoy_amounts(prediction: Prediction, labels: ExpectedLabels) -> list[NoiseAmount]:
    """The predicted total when it equals a number the labels call a decoy (never the total)."""
    total = prediction.result.total_amount
    if labels.decoys is None or total is None or money.to_cents(total) not in labels.decoys:
        return []
    return [NoiseAmount(prediction.email_id, "total_amount", total, DECOY, prediction.result.total_evidence)]


def noise_for(prediction: Prediction, labels: ExpectedLabels | None) -> list[NoiseAmount]:
    """Decoy-labelled emails are judged by their labels only; the others by the evidence rule."""
    if labels is not None and labels.decoys is not None:
        return decoy_amounts(prediction, labels)
    return noise_amounts(prediction)


def _evidence_text(evidence: Evidence | None) -> str:
    if evidence is None:
        return "-"
    return f"{evidence.source} {evidence.location}: {evidence.text[:120]}"


def _fmt(value: object) -> str:
    return "null" if value is None else str(value)


def misses_for(prediction: Prediction, labels: ExpectedLabels) -> list[Miss]:
    """Every scored field that differs from its label, with the evidence that decided it."""
    result = prediction.result
    misses: list[Miss] = []
    if result.total_amount != labels.total_amount:
        misses.append(Miss(prediction.email_id, "total_amount", _fmt(labels.total_amount), _fmt(result.total_amount),
                           _evidence_text(result.total_evidence), tuple(result.amount_safety_reasons)))
    if result.intent != labels.intent:
        misses.append(Miss(prediction.email_id, "intent", labels.intent, result.intent, "-",
                           tuple(result.intent_reasons)))
    if labels.creditor_reference is not None and normalise_reference(labels.creditor_reference) != normalise_reference(
        result.creditor_reference
    ):
        misses.append(Miss(prediction.email_id, "creditor_reference", labels.creditor_reference,
                           _fmt(result.creditor_reference), _evidence_text(result.creditor_reference_evidence), ()))
    return misses


def confusion(pairs: Iterable[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """{expected: {predicted: count}} over (expected, predicted) pairs."""
    table: dict[str, dict[str, int]] = {}
    for expected, predicted in pairs:
        row = table.setdefault(expected, {})
        row[predicted] = row.get(predicted, 0) + 1
    return table
