"""matching/score.py — confidence = client evidence × creditor evidence (each ≤ 1): neither alone matches."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
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


class _ByName:
    """One email's evidence that depends on a candidate's client name or creditor name alone, worked out once
    per name: candidates share names (a client's several letters, namesakes found by the same words, a big
    creditor's many inquiries)."""

    def __init__(self, facts: EmailFacts) -> None:
        self._facts = facts
        self._windows = NameWindows(facts.words)
        self._clients: dict[str, tuple[float, bool]] = {}
        self._creditors: dict[str, Signal | None] = {}

    def client(self, name: str) -> tuple[float, bool]:
        if name not in self._clients:
            self._clients[name] = signals.name_score(name, self._facts, self._windows)
        return self._clients[name]

    def creditor(self, name: str) -> Signal | None:
        if name not in self._creditors:
            self._creditors[name] = signals.creditor_named(name, self._facts)
        return self._creditors[name]


def score_all(found: Candidates, facts: EmailFacts) -> list[Scored]:
    """Every candidate scored, best first (ties: more total points, then lower id)."""
    by_name = _ByName(facts)
    named_at: dict[str, set[str]] = defaultdict(set)
    in_subject: dict[str, set[str]] = defaultdict(set)
    for inquiry in found.inquiries:
        key = inquiry.creditor_reference_key
        if key and signals.reference_named(inquiry, facts):
            named_at[creditor_identity(inquiry)].add(key)
            if facts.subject_key and any(written in facts.subject_key
                                         for written in normalize.reference_keys(inquiry.creditor_reference)):
                in_subject[creditor_identity(inquiry)].add(key)
    scored = grant_names_alone(grant_surname_from_the_creditor(
        [_score_one(inquiry, facts, found, by_name, _named_at(named_at, inquiry), _named_at(in_subject, inquiry))
         for inquiry in found.inquiries]))
    return sorted(scored, key=lambda s: (-s.confidence, -(s.client_points + s.creditor_points), s.inquiry.id))


def grant_surname_from_the_creditor(scored: list[Scored]) -> list[Scored]:
    """Each candidate given signals.surname_from_the_creditor, when the surname is one client's alone among them:
    two clients of the same name at one creditor (spouses) stay as they were, for nobody to pick one."""
    return _grant_to_one_client(scored, signals.surname_from_the_creditor)


def grant_names_alone(scored: list[Scored]) -> list[Scored]:
    """Each candidate given signals.names_alone, when one client's letters alone have both names: two letters of the
    same client at one creditor both get it (a human picks), two clients never."""
    return _grant_to_one_client(scored, signals.names_alone)


def _grant_to_one_client(scored: list[Scored], signal_of: Callable[[Iterable[Signal]], Signal | None]) -> list[Scored]:
    """Each candidate given the signal `signal_of` finds in its signals, when the candidates it finds one for are
    all one client's letters; otherwise none gets it."""
    extra = {id(s): signal for s in scored if (signal := signal_of(s.signals)) is not None}
    if len({client_identity(s.inquiry) for s in scored if id(s) in extra}) != 1:
        return scored
    return [_with(s, extra[id(s)]) if id(s) in extra else s for s in scored]


def _with(scored: Scored, signal: Signal) -> Scored:
    client = scored.client_points + signal.client
    creditor = scored.creditor_points + signal.creditor
    return Scored(scored.inquiry, (*scored.signals, signal), client, creditor, _confidence(client, creditor),
                  scored.name_score)


def _named_at(named_at: dict[str, set[str]], inquiry: Inquiry) -> frozenset[str]:
    """The creditor references the email names at the inquiry's creditor (mostly none: then the creditor's
    identity is not worked out)."""
    return frozenset(named_at.get(creditor_identity(inquiry), ())) if named_at else frozenset()


def _score_one(inquiry: Inquiry, facts: EmailFacts, found: Candidates, by_name: _ByName,
              named_at_creditor: frozenset[str], named_in_subject: frozenset[str]) -> Scored:
    similarity, surname_hit = by_name.client(inquiry.client_name)
    evidence = [
        signals.routing(inquiry, facts, found),
        signals.firm_reference(inquiry, facts, found),
        signals.creditor_reference(inquiry, facts, found, named_at_creditor, named_in_subject),
        signals.client_name(similarity, surname_hit, inquiry),
        signals.birth_date(inquiry, facts),
        signals.sender(inquiry, facts),
        by_name.creditor(inquiry.creditor_name),
    ]
    present = tuple(signal for signal in evidence if signal is not None)
    client = sum(signal.client for signal in present)
    creditor = sum(signal.creditor for signal in present)
    return Scored(inquiry, present, client, creditor, _confidence(client, creditor), similarity)


def _confidence(client: int, creditor: int) -> float:
    return round(_fraction(client, CLIENT_FULL) * _fraction(creditor, CREDITOR_FULL), 3)
