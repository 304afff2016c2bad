"""One client with two claims at one creditor (a loan and a current account), each asked in its own letter on the
same day: the letters are two claims, not one claim's first and plan letters. A reply that names one account's
number, under whatever label, answers that inquiry; one that names both answers the one its subject names; one that
names neither goes to a human, however well it fits the client."""

from __future__ import annotations

from decimal import Decimal

from app.config import get_settings
from app.database import session_scope
from app.services import matching_stage
from tests.integration.matching.support import add_inquiry, add_reply, stated

ROUTED = "glaeubiger+KV-3114-27@kanzlei.example"


def two_claims() -> None:
    with session_scope() as session:
        add_inquiry(session, "INQ-LOAN", "Dorota Wyrwinska", "KV-3114/27", creditor_reference="Darl. 41 208 553",
                    known_amount=Decimal("9800.00"))
        add_inquiry(session, "INQ-ACCOUNT", "Dorota Wyrwinska", "KV-3114/27", creditor_reference="Kto. 230 566 914",
                    known_amount=Decimal("1150.00"))


def test_the_account_number_under_another_label_picks_the_accounts_inquiry(sqlite_database: str) -> None:
    two_claims()
    with session_scope() as session:
        email = add_reply(session, subject="Girokonto 230 566 914 – Forderungsaufstellung Dorota Wyrwinska",
                          to=ROUTED, body="zum Girokonto 230 566 914 Ihrer Mandantin Frau Dorota Wyrwinska beträgt "
                                          "die Forderung heute 1.104,52 EUR.")
        outcome = matching_stage.match_and_apply(session, email, stated("1104.52", creditor_reference="230 566 914"),
                                                 get_settings())
    assert (outcome.inquiry_id, outcome.match_status) == ("INQ-ACCOUNT", "auto_matched")
    assert outcome.auto_applied and outcome.applied_amount == Decimal("1104.52")


def test_a_reply_naming_neither_claim_is_never_matched_to_one_of_them_alone(sqlite_database: str) -> None:
    two_claims()
    with session_scope() as session:
        email = add_reply(session, subject="Forderungsaufstellung Dorota Wyrwinska", to=ROUTED,
                          body="die Forderung gegen Ihre Mandantin Frau Dorota Wyrwinska beträgt heute 9.640,00 EUR.")
        outcome = matching_stage.match_and_apply(session, email, stated("9640.00"), get_settings())
    assert outcome.match_status == "needs_review"
    assert not outcome.auto_applied
    assert any("ambiguous" in reason for reason in outcome.reasons), outcome.reasons


def test_a_reply_naming_both_claims_answers_the_one_its_subject_names(sqlite_database: str) -> None:
    two_claims()
    with session_scope() as session:
        email = add_reply(session, subject="AW: Forderungsanfrage Dorota Wyrwinska – Ihr Zeichen Kto. 230 566 914",
                          to=ROUTED, body="zum Girokonto 230 566 914 beträgt die Forderung heute 1.104,52 EUR. Zum "
                                          "Darlehen 41 208 553 erhalten Sie gesondert Nachricht.")
        outcome = matching_stage.match_and_apply(session, email, stated("1104.52"), get_settings())
    assert (outcome.inquiry_id, outcome.match_status) == ("INQ-ACCOUNT", "auto_matched")
    with session_scope() as session:  # the same words under the loan's subject answer the loan's letter
        other = add_reply(session, subject="AW: Forderungsanfrage Dorota Wyrwinska – Ihr Zeichen Darl. 41 208 553",
                          to=ROUTED, body="zum Darlehen 41 208 553 beträgt die Forderung heute 9.640,00 EUR. Zum "
                                          "Girokonto 230 566 914 erhalten Sie gesondert Nachricht.")
        answered = matching_stage.match_and_apply(session, other, stated("9640.00"), get_settings())
    assert (answered.inquiry_id, answered.match_status) == ("INQ-LOAN", "auto_matched")
