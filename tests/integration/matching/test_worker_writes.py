"""The worker's writes on a real database: the rows claims.apply and review.open leave, what the session's
objects say afterwards, and the order of history rows written in the transaction that opened the claim."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sqlalchemy import select

from app.database import session_scope
from app.models import Claim, ClaimHistory, Review, utcnow
from app.services import claims, review
from tests.integration.matching.support import add_inquiry, add_reply


def change(amount: str, email_id: int, received_hours_ago: int = 1) -> claims.ClaimChange:
    return claims.ClaimChange(amount=Decimal(amount), components={"principal": Decimal(amount)},
                              actor_kind="system", changed_by="system", reason="auto_apply",
                              source_email_id=email_id,
                              source_received_at=utcnow() - timedelta(hours=received_hours_ago),
                              evidence={"match_confidence": 0.97})


def test_a_change_in_the_claims_opening_transaction_leaves_rows_and_objects_that_agree(database: str) -> None:
    with session_scope() as session:
        inquiry = add_inquiry(session, "INQ-1", "Jürgen Weißbach", "BS-2026-0117", known_amount=Decimal("100.00"))
        email = add_reply(session, body="Stand: 120,00 EUR")
        result = claims.apply(session, inquiry, change("120.00", email.id))
        assert result.status == "applied" and result.history is not None
        again = claims.apply(session, inquiry, change("120.00", email.id))
        assert again.status == "already_applied" and again.history is result.history
        seen = {name: getattr(result.claim, name) for name in
                ("amount", "components", "status", "version", "updated_by", "source_email_id", "source_received_at")}
        history = result.history
        assert (history.version, history.old_amount, history.new_amount) == (1, Decimal("100.00"), Decimal("120.00"))
        assert history.firm_id == inquiry.firm_id
        inquiry_id, email_id, history_id = inquiry.id, email.id, history.id
    with session_scope() as session:
        claim = session.scalars(select(Claim).where(Claim.inquiry_id == inquiry_id)).one()
        assert seen == {name: getattr(claim, name) for name in seen}
        assert (claim.amount, claim.components, claim.version, claim.source_email_id) == (
            Decimal("120.00"), {"principal": "120.00"}, 1, email_id)
        rows = claims.history(session, inquiry_id)
        assert [(row.version, row.reason) for row in rows] == [(0, "inquiry_opened"), (1, "auto_apply")]
        assert rows[1].id == history_id
        assert (rows[1].old_components, rows[1].new_components, rows[1].evidence) == (
            {}, {"principal": "120.00"}, {"match_confidence": 0.97})


def test_an_older_reply_keeps_the_newer_received_time_and_a_newer_one_moves_it(database: str) -> None:
    with session_scope() as session:
        inquiry = add_inquiry(session, "INQ-1", "Jürgen Weißbach", "BS-2026-0117", known_amount=Decimal("100.00"))
        first, second = add_reply(session, body="a"), add_reply(session, body="b")
        newer = claims.apply(session, inquiry, change("120.00", first.id, received_hours_ago=1)).claim
        received = newer.source_received_at
        reviewer = claims.ClaimChange(amount=Decimal("90.00"), actor_kind="reviewer", changed_by="Frau Ost",
                                      reason="review_corrected", source_email_id=second.id,
                                      source_received_at=utcnow() - timedelta(hours=5), review_id=None)
        corrected = claims.apply(session, inquiry, reviewer)
        assert corrected.status == "applied"
        inquiry_id = inquiry.id
    with session_scope() as session:
        claim = session.scalars(select(Claim).where(Claim.inquiry_id == inquiry_id)).one()
        assert (claim.amount, claim.version, claim.updated_by, claim.source_received_at) == (
            Decimal("90.00"), 2, "Frau Ost", received)
        assert session.scalar(select(ClaimHistory.version).where(ClaimHistory.claim_id == claim.id)
                              .order_by(ClaimHistory.id.desc()).limit(1)) == 2


def test_a_review_is_opened_once_per_email_and_its_object_matches_its_row(database: str) -> None:
    proposal = review.Proposal(inquiry=None, reasons=("amount jump",), match_status="needs_review",
                               match_confidence=0.71, intent="debt_statement", amount=Decimal("5000"),
                               components={"principal": Decimal("4800"), "costs": Decimal("200")},
                               explanation=[{"inquiry_id": "INQ-1", "score": 0.71}])
    with session_scope() as session:
        inquiry = add_inquiry(session, "INQ-1", "Jürgen Weißbach", "BS-2026-0117", known_amount=Decimal("100.00"))
        email = add_reply(session, body="Stand: 5.000,00 EUR")
        opened = review.open(session, email, review.Proposal(**{**proposal.__dict__, "inquiry": inquiry}),
                             priority_tiers=[Decimal("1000")])
        assert review.open(session, email, proposal) is opened
        names = [column.key for column in Review.__table__.columns]
        seen = {name: getattr(opened, name) for name in names}
        assert seen["firm_id"] == inquiry.firm_id
        assert (seen["status"], seen["priority"], seen["decided_by"], seen["claimed_by"]) == ("open", 1, None, None)
        email_id = email.id
    with session_scope() as session:
        row = session.scalars(select(Review).where(Review.email_id == email_id)).one()
        assert {name: getattr(row, name) for name in names} == seen
        assert (row.proposed_amount, row.proposed_components, row.reasons) == (
            Decimal("5000.00"), {"principal": "4800.00", "costs": "200.00"}, ["amount jump"])


def test_the_claim_locked_before_the_gate_carries_the_earlier_write_of_the_same_email(database: str) -> None:
    with session_scope() as session:
        inquiry = add_inquiry(session, "INQ-1", "Jürgen Weißbach", "BS-2026-0117", known_amount=Decimal("100.00"))
        email, other = add_reply(session, body="Stand: 120,00 EUR"), add_reply(session, body="Stand: 130,00 EUR")
        fresh = claims.lock_for_email(session, inquiry.id, email.id)
        assert fresh.claim is not None and fresh.claim.version == 0  # opened with the inquiry's known amount
        assert (fresh.earlier_id, fresh.changed_amount) == (None, None)
        result = claims.apply(session, inquiry, change("120.00", email.id), already_locked=fresh)
        assert result.status == "applied" and result.history is not None
        held = claims.lock_for_email(session, inquiry.id, email.id)
        assert held.claim is result.claim and held.earlier_id == result.history.id
        assert held.changed_amount == Decimal("120.00")
        again = claims.apply(session, inquiry, change("120.00", email.id), already_locked=held)
        assert again.status == "already_applied" and again.history is result.history
        for_other = claims.lock_for_email(session, inquiry.id, other.id)
        assert for_other.earlier_id is None
        assert claims.apply(session, inquiry, change("130.00", other.id), already_locked=for_other).status == "applied"
        inquiry_id = inquiry.id
    with session_scope() as session:
        assert [row.new_amount for row in claims.history(session, inquiry_id)] == [
            Decimal("100.00"), Decimal("120.00"), Decimal("130.00")]
