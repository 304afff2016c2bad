"""matching/score.py — confidence = client evidence × creditor evidence (each ≤ 1): neither alone matches."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from app.models import Inquiry
from app.services.matching import normalize, signals
from app.services.matching.candidates import Candidates, EmailFacts
from app.services.matching.signals import NameWindows, Signal

# Points at which the evidence for each side counts as complete.
CLIENT_FULL = 60
CREDITOR_FULL = 45


@dataclass(frozen=True)
class Scored:
    """One candidate with its evidence and confidence (0..1)."""

    inquiry: Inquiry
    signals: tuple[Signal, ...]
    client_points: int
    creditor_points: int
    confidence: float
    name_score: float

    @property
    def conflicts(self) -> list[Signal]:
        return [signal for signal in self.signals if signal.conflict]


def creditor_identity(inquiry: Inquiry) -> str:
    """What makes two inquiries "the same creditor": the (non-shared) mail domain, else the name."""
    if inquiry.creditor_domain and not normalize.is_shared_domain(inquiry.creditor_domain):
        return inquiry.creditor_domain
    return " ".join(normalize.company_tokens(inquiry.creditor_name))


def client_identity(inquiry: Inquiry) -> str:
    return f"{inquiry.firm_reference_key}|{inquiry.client_name_key}"


def _fraction(points: int, full: int) -> float:
    return max(0.0, min(1.0, points / full))


def score_all(found: Candidates, facts: EmailFacts) -> list[Scored]:
    """Every candidate scored, best first (ties: more total points, then lower id)."""
    windows = NameWindows(facts.words)
    named_at: dict[str, set[str]] = defaultdict(set)
    for inquiry in found.inquiries:
        key = inquiry.creditor_reference_key
        if key and key in facts.reference_keys:
            named_at[creditor_identity(inquiry)].add(key)
    scored = [
        score_one(inquiry, facts, found, windows, frozenset(named_at.get(creditor_identity(inquiry), ())))
        for inquiry in found.inquiries
    ]
    return sorted(scored, key=lambda s: (-s.confidence, -(s.client_points + s.creditor_points), s.inquiry.id))


def score_one(inquiry: Inquiry, facts: EmailFacts, found: Candidates, windows: NameWindows,
              named_at_creditor: frozenset[str]) -> Scored:
    similarity, surname_hit = signals.name_score(inquiry, facts, windows)
    evidence = [
        signals.routing(inquiry, facts, found),
        signals.firm_reference(inquiry, facts, found),
        signals.creditor_reference(inquiry, facts, found, named_at_creditor),
        signals.client_name(similarity, surname_hit, inquiry),
        signals.birth_date(inquiry, facts),
        signals.sender(inquiry, facts),
        signals.creditor_named(inquiry, facts),
    ]
    present = tuple(signal for signal in evidence if signal is not None)
    client = sum(signal.client for signal in present)
    creditor = sum(signal.creditor for signal in present)
    confidence = round(_fraction(client, CLIENT_FULL) * _fraction(creditor, CREDITOR_FULL), 3)
    return Scored(inquiry, present, client, creditor, confidence, similarity)
