"""Through the real pipeline (parse, extract, match, gate) on a real database: a reply whose reference
points to one client but whose text names another client of the firm opens a review with the reason
on the job and writes nothing; the same reply naming the right client is written."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select

from app.config import get_settings
from app.database import session_scope
from app.models import ClaimHistory, JobEvent, OutboxMessage, Review
from app.services import claims, pipeline
from tests.integration.matching.support import add_inquiry, add_reply

STROMNETZ = {"creditor_name": "Stromnetz Elbmarsch GmbH", "creditor_email": "forderungen@stromnetz-elbmarsch.example"}


def reply_naming(client: str) -> str:
    return (
        "Sehr geehrte Damen und Herren,\n\n"
        f"zu Ihrem Schreiben (Ihr Zeichen BS-2026-0311) betreffend Ihre Mandantin {client} teilen wir mit:\n\n"
        "Hauptforderung 512,40 EUR\nMahngebühren 15,00 EUR\nGesamtforderung 527,40 EUR\n\n"
        "Mit freundlichen Grüßen\nIhr Forderungsteam\n"
    )


def _inquiries() -> tuple[int, int]:
    with session_scope() as session:
        matched = add_inquiry(session, "INQ-31", "Fenna Roloff", "BS-2026-0311", known_amount=Decimal("498.00"),
                              **STROMNETZ)
        other = add_inquiry(session, "INQ-32", "Fenja Roloff", "BS-2026-0312", known_amount=Decimal("120.00"),
                            creditor_name="Versandhaus Geestland AG", creditor_email="service@geestland.example")
        return matched.id, other.id


def test_a_reply_naming_another_client_opens_a_review_and_writes_nothing(database: str) -> None:
    matched_id, other_id = _inquiries()
    with session_scope() as session:
        email = add_reply(session, body=reply_naming("Fenja Roloff"), from_email=STROMNETZ["creditor_email"])
        result = pipeline.run(session, email, get_settings())
        email_id = email.id
    match = result.columns["extracted_data"]["match"]
    assert (match["inquiry_id"], match["action"], match["auto_applied"]) == ("INQ-31", "review", False)
    assert any("Fenja Roloff" in reason and "another client" in reason for reason in match["reasons"])
    with session_scope() as session:
        for inquiry_id, amount in ((matched_id, Decimal("498.00")), (other_id, Decimal("120.00"))):
            claim = claims.current(session, inquiry_id)
            assert claim is not None and (claim.amount, claim.version) == (amount, 0)
        assert session.scalar(select(func.count()).select_from(ClaimHistory)
                              .where(ClaimHistory.source_email_id == email_id)) == 0
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 0
        review = session.scalars(select(Review).where(Review.email_id == email_id)).one()
        assert any("another client, Fenja Roloff (BS-2026-0312)" in reason for reason in review.reasons)
        opened = session.scalars(select(JobEvent).where(JobEvent.email_id == email_id,
                                                        JobEvent.kind == "review_opened")).one()
        assert opened.message is not None and "Fenja Roloff" in opened.message


def test_the_same_reply_naming_the_matched_client_is_written(database: str) -> None:
    matched_id, _ = _inquiries()
    with session_scope() as session:
        email = add_reply(session, body=reply_naming("Fenna Roloff"), from_email=STROMNETZ["creditor_email"])
        result = pipeline.run(session, email, get_settings())
    match = result.columns["extracted_data"]["match"]
    assert (match["inquiry_id"], match["action"], match["reasons"]) == ("INQ-31", "applied", [])
    with session_scope() as session:
        claim = claims.current(session, matched_id)
        assert claim is not None and claim.amount == Decimal("527.40")
