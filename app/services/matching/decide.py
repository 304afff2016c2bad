"""matching/decide.py — auto_matched / needs_review / no_match; any conflict or near tie goes to a human."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from app.config import Settings
from app.services.matching.score import Scored, client_identity, creditor_identity

MatchStatus = Literal["auto_matched", "needs_review", "no_match"]

# A rival client at the same creditor whose name fits the email this well…
RIVAL_NAME_SCORE = 85.0
# …and no more than this many points worse than the best candidate's name makes the name ambiguous.
NAME_MARGIN = 4.0


@dataclass(frozen=True)
class Decision:
    """The match decision. `best` is the suggested inquiry (None for no_match); `reasons` says
    why a human must look (empty for auto_matched)."""

    status: MatchStatus
    best: Scored | None
    confidence: float
    reasons: tuple[str, ...]
    ranked: tuple[Scored, ...]


def decide(ranked: list[Scored], settings: Settings) -> Decision:
    if not ranked or ranked[0].confidence < settings.match_review_threshold:
        confidence = ranked[0].confidence if ranked else 0.0
        reason = "no inquiry fits" if not ranked else f"best candidate only {confidence:.2f}"
        return Decision("no_match", None, confidence, (reason,), tuple(ranked))
    best = ranked[0]
    reasons = [f"conflicting evidence: {signal.why}" for signal in best.conflicts]
    if len(ranked) > 1 and ranked[1].confidence >= best.confidence - settings.match_ambiguity_margin:
        runner_up = ranked[1]
        reasons.append(
            f"ambiguous: {runner_up.inquiry.external_id} scores {runner_up.confidence:.2f} "
            f"against {best.confidence:.2f}"
        )
    rival = name_rival(best, ranked[1:])
    if rival is not None:
        reasons.append(
            f"name conflict: the name written fits {rival.inquiry.client_name} "
            f"({rival.inquiry.external_id}, same creditor) as well as {best.inquiry.client_name}"
        )
    if best.confidence < settings.match_auto_threshold:
        reasons.append(f"confidence {best.confidence:.2f} below {settings.match_auto_threshold:.2f}")
    if reasons:
        capped = min(best.confidence, max(settings.match_auto_threshold - 0.01, 0.0))
        return Decision("needs_review", best, round(capped, 3), tuple(reasons), tuple(ranked))
    return Decision("auto_matched", best, best.confidence, (), tuple(ranked))


def name_rival(best: Scored, others: list[Scored]) -> Scored | None:
    """Another client at the same creditor whose name the email fits about as well — two
    similar clients (Kathrin Lorenzen / Katrin Lorentzen) that only a human should tell apart
    unless the written name or the birth date clearly favours one."""
    best_born = any(signal.code == "birth_date" for signal in best.signals)
    best_client, best_creditor = client_identity(best.inquiry), creditor_identity(best.inquiry)
    for other in others:
        # The name test first: it is the cheap one, and most candidates fail it.
        if other.name_score < RIVAL_NAME_SCORE or best.name_score - other.name_score >= NAME_MARGIN:
            continue
        if client_identity(other.inquiry) == best_client:
            continue
        if creditor_identity(other.inquiry) != best_creditor:
            continue
        rival_born = any(signal.code == "birth_date" for signal in other.signals)
        if best_born and not rival_born and other.inquiry.client_birth_date is not None:
            continue
        return other
    return None
