"""matching/engine.py — rank the inquiries an email may answer and decide whether one of them is certain."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.config import Settings
from app.models import IncomingEmail
from app.services.extraction.result import ExtractionResult
from app.services.matching.candidates import EmailFacts, gather, namesakes, read_facts
from app.services.matching.decide import Decision, MatchStatus, decide
from app.services.matching.explain import explain, summary
from app.services.matching.letters import Reply, choose_letters
from app.services.matching.score import score_all

__all__ = ["Decision", "EmailFacts", "MatchStatus", "explain", "match", "namesakes", "summary"]


def match(
    session: Session, email: IncomingEmail, body_text: str, extraction: ExtractionResult | None, settings: Settings
) -> Decision:
    """Rank the inquiries this email may answer and decide whether one of them is certain."""
    facts = read_facts(email, body_text, extraction, settings.firm_reference_pattern)
    reply = Reply(email.subject, body_text, email.received_at)
    ranked = choose_letters(score_all(gather(session, facts), facts), reply)
    return decide(ranked, settings)
