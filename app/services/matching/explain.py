"""matching/explain.py — the readable account of a match: every signal with its points and reason."""

from __future__ import annotations

from typing import Any

from app.services.matching.decide import Decision
from app.services.matching.score import Scored

SHOWN_CANDIDATES = 3


def candidate(scored: Scored) -> dict[str, Any]:
    return {
        "inquiry": scored.inquiry.external_id,
        "confidence": scored.confidence,
        "client_points": scored.client_points,
        "creditor_points": scored.creditor_points,
        "signals": [
            {"signal": s.code, "client": s.client, "creditor": s.creditor, "why": s.why}
            for s in scored.signals
        ],
    }


def explain(decision: Decision) -> list[dict[str, Any]]:
    """The best few candidates, best first, each with its signals (JSON-ready)."""
    return [candidate(scored) for scored in decision.ranked[:SHOWN_CANDIDATES]]


def summary(decision: Decision) -> str:
    """One line for the job history: "auto_matched INQ-0001 (0.95)" or the reasons for a human."""
    target = decision.best.inquiry.external_id if decision.best else "no inquiry"
    line = f"{decision.status} {target} ({decision.confidence:.2f})"
    return f"{line}: {'; '.join(decision.reasons)}" if decision.reasons else line
