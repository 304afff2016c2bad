"""The matching stage on a real database: the right amount lands on the right claim once, in
received order; everything doubtful opens a review; an automatic reply changes nothing."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from app.config import get_settings
from app.database import session_scope
from app.models import ClaimHistory, IncomingEmail, Inquiry, JobEvent, OutboxMessage, Review, utcnow
from app.services import claims, matching_stage
from app.services.extraction import extract
from app.services.extraction.doubts import WITHDRAWN_ANSWER
from app.services.parsing import parse_body
from tests.conftest import SetEnv
from tests.integration.matching.support import add_inquiry, add_reply, stated

WEISSBACH = "Sehr geehrte Damen und Herren,\nzum Konto 4401 882 310 Ihres Mandanten Jürgen Weißbach: 3.212,32 EUR."


def test_a_clean_statement_is_written_to_the_right_claim_with_history(database: str) -> None:
    with session_scope() as session:
        right = add_inquiry(session, "INQ-1", "Jürgen Weißbach", "BS-2026-0117", creditor_reference="4401 882 310",
                            known_amount=Decimal("3120.45"))
        add_inquiry(session, "INQ-2", "Dragan Petrović", "BS-2026-0170", creditor_reference="4401 905 772",
                    known_amount=Decimal("1985.30"))
        email = add_reply(session, body=WEISSBACH, to="glaeubiger+BS-2026-0117@kanzlei.example")
        outcome = matching_stage.match_and_apply(session, email, stated("3212.32"), get_settings())
        right_id, email_id = right.id, email.id
    assert (outcome.inquiry_id, outcome.match_status, outcome.action) == ("INQ-1", "auto_matched", "applied")
    assert outcome.auto_applied and outcome.applied_amount == Decimal("3212.32")
    with session_scope() as session:
        claim = claims.current(session, right_id)
        assert claim is not None
        assert (claim.amount, claim.version, claim.source_email_id) == (Decimal("3212.32"), 1, email_id)
        last = claims.history(session, right_id)[-1]
        assert (last.old_amount, last.new_amount, last.changed_by, last.actor_kind) == (
            Decimal("3120.45"), Decimal("3212.32"), "system", "system")
        kinds = session.scalars(select(JobEvent.kind).where(JobEvent.email_id == email_id)).all()
        assert kinds == ["match", "claim_applied"]


def test_processing_the_same_email_twice_changes_nothing_the_second_time(database: str) -> None:
    with session_scope() as session:
        inquiry = add_inquiry(session, "INQ-1", "Jürgen Weißbach", "BS-2026-0117", creditor_reference="4401 882 310")
        email = add_reply(session, body=WEISSBACH)
        first = matching_stage.match_and_apply(session, email, stated("3212.32"), get_settings())
    with session_scope() as session:
        session.add(email)
        second = matching_stage.match_and_apply(session, email, stated("3212.32"), get_settings())
        history = claims.history(session, inquiry.id)
    assert (first.action, second.action) == ("applied", "already_applied")
    assert second.claim_version == first.claim_version == 1
    assert len(history) == 2  # opened from the inquiry + one change


def known_claim_with_two_replies(session: Session) -> tuple[Inquiry, IncomingEmail, IncomingEmail]:
    """An inquiry with a known amount of 3 000 and two replies to it, five hours and one hour old."""
    now = utcnow()
    inquiry = add_inquiry(session, "INQ-1", "Jürgen Weißbach", "BS-2026-0117", creditor_reference="4401 882 310",
                          known_amount=Decimal("3000.00"))
    older = add_reply(session, body=WEISSBACH, received_at=now - timedelta(hours=5))
    newer = add_reply(session, body=WEISSBACH, received_at=now - timedelta(hours=1))
    return inquiry, older, newer


def test_an_older_reply_processed_late_does_not_overwrite_a_newer_one(database: str) -> None:
    with session_scope() as session:
        inquiry, older, newer = known_claim_with_two_replies(session)
        applied = matching_stage.match_and_apply(session, newer, stated("3212.32"), get_settings())
        late = matching_stage.match_and_apply(session, older, stated("3100.00"), get_settings())
        claim = claims.current(session, inquiry.id)
    assert (applied.action, late.action, late.auto_applied) == ("applied", "superseded", False)
    assert claim is not None and claim.amount == Decimal("3212.32")


def test_a_later_reply_supersedes_the_earlier_figures(database: str) -> None:
    now = utcnow()
    with session_scope() as session:
        inquiry = add_inquiry(session, "INQ-1", "Jürgen Weißbach", "BS-2026-0117", creditor_reference="4401 882 310",
                              known_amount=Decimal("3000.00"))
        first = add_reply(session, body=WEISSBACH, received_at=now - timedelta(hours=5))
        second = add_reply(session, body=WEISSBACH, received_at=now - timedelta(hours=1))
        matching_stage.match_and_apply(session, first, stated("3212.32"), get_settings())
        matching_stage.match_and_apply(session, second, stated("3150.00"), get_settings())
        claim = claims.current(session, inquiry.id)
    assert claim is not None and (claim.amount, claim.version) == (Decimal("3150.00"), 2)


def test_a_threefold_jump_opens_a_review_and_leaves_the_claim(database: str) -> None:
    with session_scope() as session:
        inquiry = add_inquiry(session, "INQ-1", "Jürgen Weißbach", "BS-2026-0117", creditor_reference="4401 882 310",
                              known_amount=Decimal("412.80"))
        email = add_reply(session, body=WEISSBACH)
        outcome = matching_stage.match_and_apply(session, email, stated("1236.42"), get_settings())
        claim = claims.current(session, inquiry.id)
        opened = session.get(Review, outcome.review_id)
    assert (outcome.match_status, outcome.action, outcome.auto_applied) == ("auto_matched", "review", False)
    assert claim is not None and (claim.amount, claim.version) == (Decimal("412.80"), 0)
    assert opened is not None and opened.proposed_amount == Decimal("1236.42")
    assert "+200 %" in opened.reasons[0]


def test_a_settled_reply_asks_a_human_to_close_the_claim(database: str) -> None:
    with session_scope() as session:
        inquiry = add_inquiry(session, "INQ-1", "Jürgen Weißbach", "BS-2026-0117", creditor_reference="4401 882 310",
                              known_amount=Decimal("318.00"))
        email = add_reply(session, body=WEISSBACH)
        outcome = matching_stage.match_and_apply(session, email, stated("0", intent="settled"), get_settings())
        claim = claims.current(session, inquiry.id)
    assert outcome.action == "review" and outcome.review_id is not None
    assert claim is not None and claim.amount == Decimal("318.00")


def test_an_automatic_reply_is_matched_but_changes_nothing(database: str) -> None:
    with session_scope() as session:
        add_inquiry(session, "INQ-1", "Jürgen Weißbach", "BS-2026-0117", creditor_reference="4401 882 310")
        email = add_reply(session, body=WEISSBACH)
        outcome = matching_stage.match_and_apply(session, email, stated("2.50", intent="auto_reply"), get_settings())
        reviews = session.scalar(select(func.count()).select_from(Review))
        changes = session.scalar(select(func.count()).select_from(ClaimHistory).where(ClaimHistory.version > 0))
    assert (outcome.inquiry_id, outcome.action, reviews, changes) == ("INQ-1", "ignore", 0, 0)


def test_a_debtor_who_is_no_client_writing_from_a_known_creditor_matches_nothing(database: str) -> None:
    with session_scope() as session:
        add_inquiry(session, "INQ-1", "Heinz-Günter Scholl-Ebersbach", "BS-2026-0142",
                    creditor_reference="OB-771923-44", creditor_email="service@obelis.example",
                    creditor_name="Obelis Forderungsmanagement GmbH")
        email = add_reply(session, from_email="service@obelis.example",
                          subject="Ihr Schreiben – Unser Az. OB-880045-12 – Wiesmoor, Annegret",
                          body="in der Angelegenheit Annegret Wiesmoor (Ihr Zeichen BS-2026-0099) beträgt "
                               "die Forderung 1.104,33 Euro.")
        outcome = matching_stage.match_and_apply(session, email, stated("1104.33"), get_settings())
        opened = session.get(Review, outcome.review_id)
    assert (outcome.inquiry_id, outcome.match_status, outcome.auto_applied) == (None, "no_match", False)
    assert opened is not None and opened.inquiry_id is None


def test_an_agency_writing_for_the_original_creditor_from_its_own_domain_is_matched(database: str) -> None:
    with session_scope() as session:
        add_inquiry(session, "INQ-7", "Tobias Brenninger", "BS-2026-0131", creditor_name="Modeboxx24 GmbH",
                    creditor_email="service@modeboxx24.example", creditor_reference="MB-0092214",
                    known_amount=Decimal("196.40"))
        add_inquiry(session, "INQ-6", "Tobias Brenninger", "BS-2026-0131", creditor_name="Crediva Bank AG",
                    creditor_email="kredit@crediva.example", creditor_reference="51-2291847")
        add_inquiry(session, "INQ-20", "Aylin Kaya", "BS-2026-0150", creditor_name="Alster Inkasso GmbH",
                    creditor_email="forderungen@alster-inkasso.example", creditor_reference="AI-2025-401177")
        email = add_reply(session, from_email="forderungen@alster-inkasso.example",
                          subject="Unser Az. AI-2026-118204 – Brenninger, Tobias",
                          body="im Auftrag unserer Mandantin, der Modeboxx24 GmbH, Kundennummer MB-0092214, "
                               "beträgt die Forderung gegen Herrn Tobias Brenninger 195,32 EUR.")
        outcome = matching_stage.match_and_apply(session, email, stated("195.32"), get_settings())
    assert (outcome.inquiry_id, outcome.match_status, outcome.action) == ("INQ-7", "auto_matched", "applied")


def test_a_routing_id_narrows_to_the_client_and_the_sender_picks_the_creditor(database: str) -> None:
    with session_scope() as session:
        add_inquiry(session, "INQ-1", "Jürgen Weißbach", "BS-2026-0117")
        add_inquiry(session, "INQ-2", "Jürgen Weißbach", "BS-2026-0117", creditor_name="FunkNetz Mobil GmbH",
                    creditor_email="forderung@funknetz.example")
        email = add_reply(session, from_email="forderung@funknetz.example", to="glaeubiger+BS-2026-0117@k.example",
                          body="Ihr Mandant Herr Juergen Weissbach schuldet uns 412,80 EUR.")
        outcome = matching_stage.match_and_apply(session, email, stated("412.80"), get_settings())
    assert (outcome.inquiry_id, outcome.match_status) == ("INQ-2", "auto_matched")


def test_a_routing_tag_with_the_aktenzeichens_digits_in_another_form_names_the_client(database: str) -> None:
    with session_scope() as session:
        add_inquiry(session, "INQ-1", "Jürgen Weißbach", "318/26-KW", creditor_name="FunkNetz Mobil GmbH",
                    creditor_email="forderung@funknetz.example")
        add_inquiry(session, "INQ-2", "Rainer Ostkamp", "319/26-KW", creditor_name="FunkNetz Mobil GmbH",
                    creditor_email="forderung@funknetz.example")
        body = "Herr Jürgen Weißbach schuldet uns 412,80 EUR."
        right = add_reply(session, from_email="forderung@funknetz.example", to="post+az318-26@k.example", body=body)
        outcome = matching_stage.match_and_apply(session, right, stated("412.80"), get_settings())
        assert (outcome.inquiry_id, outcome.match_status) == ("INQ-1", "auto_matched")
        other = add_reply(session, from_email="forderung@funknetz.example", to="post+az319-26@k.example", body=body)
        crossed = matching_stage.match_and_apply(session, other, stated("412.80"), get_settings())
    # Sent to Herr Ostkamp's routing address, about Herr Weißbach: neither claim is written without a human.
    assert not crossed.auto_applied


def test_two_similar_clients_at_one_creditor_go_to_review(database: str) -> None:
    with session_scope() as session:
        add_inquiry(session, "INQ-8", "Kathrin Lorenzen", "BS-2026-0138", creditor_reference="6120394471")
        add_inquiry(session, "INQ-9", "Katrin Lorentzen", "BS-2026-0139", creditor_reference="6120558102")
        email = add_reply(session, body="zu Ihrer Anfrage (Ihr Zeichen BS-2026-0139) betreffend Frau Katrin Lorenzen, "
                                        "Kundennummer 6120558102: Gesamtforderung 412,05 EUR")
        outcome = matching_stage.match_and_apply(session, email, stated("412.05"), get_settings())
    assert (outcome.inquiry_id, outcome.match_status, outcome.auto_applied) == ("INQ-9", "needs_review", False)
    assert any("name conflict" in reason for reason in outcome.reasons)


def both_delivery_targets(set_env: SetEnv) -> None:
    set_env(portal_webhook_url="http://127.0.0.1:9/hook", debt_update_email="sb@kanzlei.example",
            smtp_host="127.0.0.1")


def weissbach_reply(session: Session) -> IncomingEmail:
    add_inquiry(session, "INQ-1", "Jürgen Weißbach", "BS-2026-0117", creditor_reference="4401 882 310")
    return add_reply(session, body=WEISSBACH)


def test_an_applied_change_leaves_outbox_entries_to_send_after_commit(database: str, set_env: SetEnv) -> None:
    both_delivery_targets(set_env)
    with session_scope() as session:
        email = weissbach_reply(session)
        outcome = matching_stage.match_and_apply(session, email, stated("3212.32"), get_settings())
        channels = session.scalars(select(OutboxMessage.channel).where(OutboxMessage.id.in_(outcome.outbox_ids)))
        assert sorted(channels) == ["email", "webhook"]
    assert outcome.sync_status == "pending"


def test_a_jump_against_the_figures_a_previous_reply_set_opens_a_review(database: str) -> None:
    with session_scope() as session:
        inquiry, first, second = known_claim_with_two_replies(session)
        assert claims.changed_amount(session, inquiry.id) is None  # still the amount the inquiry opened with
        applied = matching_stage.match_and_apply(session, first, stated("3600.00"), get_settings())
        assert claims.changed_amount(session, inquiry.id) == Decimal("3600.00")
        # -17 % against the known amount would pass; -31 % against the first reply's figures does not.
        doubted = matching_stage.match_and_apply(session, second, stated("2500.00"), get_settings())
        claim = claims.current(session, inquiry.id)
    assert (applied.action, doubted.action) == ("applied", "review")
    assert any("against the current amount" in reason for reason in doubted.reasons)
    assert claim is not None and (claim.amount, claim.version) == (Decimal("3600.00"), 1)


def test_a_change_processed_again_reuses_its_outbox_entries(database: str, set_env: SetEnv) -> None:
    both_delivery_targets(set_env)
    with session_scope() as session:
        email = weissbach_reply(session)
        first = matching_stage.match_and_apply(session, email, stated("3212.32"), get_settings())
    with session_scope() as session:
        session.add(email)
        second = matching_stage.match_and_apply(session, email, stated("3212.32"), get_settings())
        entries = session.scalar(select(func.count()).select_from(OutboxMessage))
    assert (first.action, second.action) == ("applied", "already_applied")
    assert len(first.outbox_ids) == 2 and second.outbox_ids == first.outbox_ids
    assert entries == 2


def test_with_no_delivery_target_an_applied_change_touches_no_outbox_row(database: str, set_env: SetEnv) -> None:
    set_env(portal_webhook_url=None, debt_update_email=None, smtp_host=None)
    with session_scope() as session:
        add_inquiry(session, "INQ-1", "Jürgen Weißbach", "BS-2026-0117", creditor_reference="4401 882 310")
        email = add_reply(session, body=WEISSBACH)
        statements: list[str] = []
        bind = session.get_bind()
        listener = lambda *args: statements.append(args[2])  # noqa: E731  (conn, cursor, statement, …)
        event.listen(bind, "before_cursor_execute", listener)
        try:
            outcome = matching_stage.match_and_apply(session, email, stated("3212.32"), get_settings())
        finally:
            event.remove(bind, "before_cursor_execute", listener)
        entries = session.scalar(select(func.count()).select_from(OutboxMessage))
    assert (outcome.action, outcome.outbox_ids, outcome.sync_status) == ("applied", (), None)
    assert entries == 0
    assert not [statement for statement in statements if "outbox" in statement]


def test_the_stored_creditor_reference_is_the_matched_inquirys_as_the_email_writes_it(database: str) -> None:
    body = ("Sehr geehrte Damen und Herren,\nfür die Quelle Energie AG (Konto 4401882310) teilen wir zu Herrn "
            "Jürgen Weißbach mit: offen sind 3.212,32 EUR. Unser Zeichen IK-7712-04.")
    with session_scope() as session:
        add_inquiry(session, "INQ-1", "Jürgen Weißbach", "BS-2026-0117", creditor_reference="4401 882 310")
        email = add_reply(session, body=body, to="glaeubiger+BS-2026-0117@kanzlei.example")
        read = stated("3212.32", creditor_reference="IK-7712-04")
        outcome = matching_stage.match_and_apply(session, email, read, get_settings())
    assert outcome.inquiry_id == "INQ-1"
    assert outcome.extraction is not None and outcome.extraction.creditor_reference == "4401882310"


def test_an_automatic_write_carries_only_a_breakdown_that_makes_up_the_total(database: str) -> None:
    parts = {"principal": Decimal("3000.00"), "interest": Decimal("112.32"), "costs": Decimal("100.00")}
    with session_scope() as session:
        adds_up = add_inquiry(session, "INQ-1", "Jürgen Weißbach", "BS-2026-0117", creditor_reference="4401 882 310")
        stray = add_inquiry(session, "INQ-2", "Dragan Petrović", "BS-2026-0170", creditor_reference="4401 905 772")
        first = add_reply(session, body=WEISSBACH, to="glaeubiger+BS-2026-0117@kanzlei.example")
        second = add_reply(session, body="Zum Konto 4401 905 772 Ihres Mandanten Dragan Petrović: 3.212,32 EUR.",
                           to="glaeubiger+BS-2026-0170@kanzlei.example")
        written = matching_stage.match_and_apply(
            session, first, stated("3212.32", components=parts, components_add_up=True), get_settings())
        # The same parts under a total they do not make up (a fee line read wrong, say): the total alone is written.
        withheld = matching_stage.match_and_apply(
            session, second, stated("3212.32", components=parts, components_add_up=False), get_settings())
        ids = adds_up.id, stray.id
    assert (written.action, withheld.action) == ("applied", "applied")
    with session_scope() as session:
        full, bare = (claims.current(session, inquiry_id) for inquiry_id in ids)
        assert full is not None and full.components == {"principal": "3000.00", "interest": "112.32",
                                                          "costs": "100.00"}
        assert bare is not None and (bare.amount, bare.components) == (Decimal("3212.32"), {})


def test_a_routing_tag_that_writes_the_clients_own_aktenzeichen_another_way_is_no_conflict(database: str) -> None:
    """"RQ.Y 617/28" written into a routing address as "rqy617x28": the same reference, so the statement is written;
    a tag with other digits still names another client's letter."""
    with session_scope() as session:
        add_inquiry(session, "INQ-1", "Jürgen Weißbach", "BS.K 117/26", creditor_reference="4401 882 310")
        add_inquiry(session, "INQ-2", "Dragan Petrović", "BS.K 170/26", creditor_reference="4401 905 772")
        same = add_reply(session, body=WEISSBACH, to="glaeubiger+bsk117x26@kanzlei.example")
        written = matching_stage.match_and_apply(session, same, stated("3212.32", firm_reference="bsk117x26"),
                                                 get_settings())
        other = add_reply(session, body=WEISSBACH, to="glaeubiger+bsk170x26@kanzlei.example")
        doubted = matching_stage.match_and_apply(session, other, stated("3212.32", firm_reference="bsk170x26"),
                                                 get_settings())
    assert (written.inquiry_id, written.match_status, written.action) == ("INQ-1", "auto_matched", "applied")
    assert doubted.action == "review" and not doubted.auto_applied


@pytest.mark.parametrize("withdrawal", [
    "bitte ignorieren Sie unsere gestrige Antwort zu Herrn Weißbach; eine neue Aufstellung folgt.",
    "unsere Mail von gestern zu Herrn Weißbach war leider fehlerhaft. Wir melden uns mit den richtigen Zahlen.",
])
def test_a_creditor_taking_back_the_answer_a_claim_was_written_from_says_so_in_the_review(
        database: str, withdrawal: str) -> None:
    with session_scope() as session:
        add_inquiry(session, "INQ-1", "Jürgen Weißbach", "BS-2026-0117", creditor_reference="4401 882 310")
        first = add_reply(session, body=WEISSBACH)
        written = matching_stage.match_and_apply(session, first, stated("3212.32"), get_settings())
        body = f"Guten Tag,\n\n{withdrawal}\n\nKonto 4401 882 310\nNordbank Hanse AG"
        second = add_reply(session, body=body)
        reading = extract(parse_body(body, None), subject="AW: Forderungsanfrage Jürgen Weißbach",
                          from_email="forderung@nordbank.example", from_name="Nordbank Hanse AG")
        taken_back = matching_stage.match_and_apply(session, second, reading, get_settings())
    assert written.action == "applied"
    assert taken_back.action == "review"
    assert taken_back.reasons[0].startswith(WITHDRAWN_ANSWER), taken_back.reasons
