"""matching/letters.py — one client × creditor pair may have several letters (the first-round inquiry, later the
settlement plan); invariant: a reply answers one of them, so only that one stays in the ranking and a sibling
letter never makes the match look ambiguous. Letters to one pair under different creditor references are
different claims, not siblings: each stays ranked.

Which one: never a letter sent after the mail arrived; the letter whose date the mail names ("Ihr Schreiben
vom 02.11.2026", or the quoted letter's "Am 02.11.2026 … schrieb"); else the latest letter sent before the
mail arrived (the plan goes out once the first round is answered, so later mail answers the plan), a plan
letter first when the mail speaks of the settlement plan and no send dates tell the letters apart. A late
first-round statement thus lands on the plan letter, where a plan reply never writes a claim by itself."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cached_property

from app.services.extraction.plan_reply import speaks_of_plan
from app.services.matching.score import Scored, client_identity, creditor_identity

_EARLIEST = datetime.min
_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?![\d])")


def dates_named(subject: str | None, body_text: str) -> frozenset[date]:
    """Every calendar date written as d.m.yyyy in the subject or the body."""
    found: set[date] = set()
    for day, month, year in _DATE.findall(f"{subject or ''}\n{body_text}"):
        try:
            found.add(date(int(year), int(month), int(day)))
        except ValueError:
            continue
    return frozenset(found)


@dataclass(frozen=True)
class Reply:
    """The mail's side of the choice. Whether it speaks of the plan and which dates it names are read from its
    text only when a client × creditor pair has several letters: most replies have one candidate letter per pair."""

    subject: str | None
    body_text: str
    received_at: datetime | None

    @cached_property
    def about_plan(self) -> bool:
        return speaks_of_plan(self.subject, self.body_text)

    @cached_property
    def dates(self) -> frozenset[date]:
        return dates_named(self.subject, self.body_text)


def _sent(scored: Scored, received_at: datetime | None) -> tuple[bool, datetime]:
    """Sort key: sent before the mail arrived first, then the latest such letter."""
    sent = scored.inquiry.sent_at
    if sent is None:
        return (True, _EARLIEST)
    naive = sent.replace(tzinfo=None)
    arrived = received_at.replace(tzinfo=None) if received_at is not None else None
    return (arrived is None or naive <= arrived, naive)


def _answered(siblings: Sequence[Scored], reply: Reply) -> Scored:
    received_at = reply.received_at
    eligible = [s for s in siblings if _sent(s, received_at)[0]] or list(siblings)
    dated = [s for s in eligible if s.inquiry.sent_at is not None and s.inquiry.sent_at.date() in reply.dates]
    if len(dated) == 1:
        return dated[0]
    plans = [s for s in eligible if s.inquiry.letter_type == "plan"]
    pool = plans if reply.about_plan and plans else eligible
    return max(pool, key=lambda s: (_sent(s, received_at)[1], s.confidence))


def choose_letters(ranked: Sequence[Scored], reply: Reply) -> list[Scored]:
    """`ranked` with each client × creditor pair reduced to the letter the mail answers; that letter takes the
    pair's best evidence (the pair is the same client and creditor, whichever letter the signals hit)."""
    groups: dict[tuple[str, str], list[Scored]] = defaultdict(list)
    for scored in ranked:
        groups[(client_identity(scored.inquiry), creditor_identity(scored.inquiry))].append(scored)
    chosen: list[Scored] = []
    for pair in groups.values():
        for siblings in _claims(pair):
            best = siblings[0]
            if len(siblings) == 1:
                chosen.append(best)
                continue
            letter = _answered(siblings, reply)
            chosen.append(best if letter is best else replace(best, inquiry=letter.inquiry))
    return sorted(chosen, key=lambda s: (-s.confidence, -(s.client_points + s.creditor_points), s.inquiry.id))


def _claims(pair: list[Scored]) -> list[list[Scored]]:
    """A pair's letters by the claim they are about. Letters under different creditor references are different
    claims (a loan and a current account, asked the same day): each claim's letters stay in the ranking, so that
    only the reply's own evidence (the account number it names) picks one and a tie goes to a human. Letters under
    one reference, or without one, are one claim's (the first-round letter, the plan, an amended plan)."""
    if len(pair) == 1 or len({s.inquiry.creditor_reference_key for s in pair if s.inquiry.creditor_reference_key}) < 2:
        return [pair]
    claims: dict[str, list[Scored]] = defaultdict(list)
    for scored in pair:
        claims[scored.inquiry.creditor_reference_key or ""].append(scored)
    return list(claims.values())
