"""Which inquiries reach the scorer, on a real database: a rare word of the client's name still finds
its inquiry among many clients with the same common names, duplicate key rows count once, and another
firm's inquiries never become candidates — whichever of the two ways the sender's inquiries are found."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from app.config import get_settings
from app.database import session_scope
from app.models import InquiryNameKey
from app.services import inquiries
from app.services.matching import candidates
from tests.integration.matching.support import NORDBANK, add_inquiry, add_reply

COMMON_NAMESAKES = candidates.MAX_CANDIDATES + 10


@pytest.fixture(params=[False, True], ids=["sender-ids", "best-hits-first"])
def big_sender(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Force either statement: both must find the same inquiries."""
    big: bool = request.param
    monkeypatch.setattr(candidates, "_big_sender", lambda *_: big)
    return big


def gathered(session: Session, body: str, from_email: str, firm_id: int = 1) -> list[tuple[str, int]]:
    email = add_reply(session, body=body, from_email=from_email)
    email.firm_id = firm_id
    facts = candidates.read_facts(email, body, None, get_settings().firm_reference_pattern)
    return [(inquiry.external_id, inquiry.firm_id) for inquiry in candidates.gather(session, facts).inquiries]


def add(session: Session, ident: str, client: str, firm_reference: str, firm_id: int = 1, **fields: Any) -> None:
    if firm_id == 1:
        add_inquiry(session, ident, client, firm_reference, **fields)
        return
    values = {**NORDBANK, "id": ident, "client_name": client, "firm_reference": firm_reference, **fields}
    inquiries.upsert(session, inquiries.InquiryFields.model_validate(values), firm_id)


@pytest.mark.parametrize("sender", ["forderung@nordbank.example", "sachbearbeitung.nordbank@gmail.com"])
def test_a_rare_name_word_finds_the_client_among_many_with_the_same_common_names(
        database: str, big_sender: bool, sender: str) -> None:
    with session_scope() as session:
        for n in range(COMMON_NAMESAKES):  # created first: every tie on shared words goes to them (lower ids)
            add(session, f"INQ-C{n:03d}", "Lena Hoffmann", f"BS-2026-{n + 1:04d}")
        add(session, "INQ-RARE", "Lena Hoffmann-Zbiranski", "BS-2026-0999")
        found = gathered(session, "betreffend Ihre Mandantin Lena Hoffmann-Zbiranski, geb. 02.03.1981, "
                                  "beträgt die Forderung 812,40 EUR.", sender)
    assert len(found) == candidates.MAX_CANDIDATES, "the common namesakes did not compete for the places"
    assert ("INQ-RARE", 1) in found


def test_duplicate_key_rows_of_one_inquiry_count_as_one_name_word(database: str, big_sender: bool) -> None:
    with session_scope() as session:
        add(session, "INQ-DUP", "Jana Wierzbicki", "BS-2026-0401")
        add(session, "INQ-BOTH", "Jana Wierzbicki", "BS-2026-0402")
        doubled = inquiries.find(session, "INQ-DUP", 1)
        assert doubled is not None
        session.add_all([InquiryNameKey(inquiry_id=doubled.id, kind=kind, value=value)
                         for kind, value in inquiries.name_keys("Wierzbicki")])
        session.flush()
        surname_only = gathered(session, "zu Herrn Wierzbicki teilen wir mit: 120,00 EUR.",
                                "forderung@stadtwerke-elbmarsch.example")
        full_name = gathered(session, "zu Frau Jana Wierzbicki teilen wir mit: 120,00 EUR.",
                             "forderung@stadtwerke-elbmarsch.example")
    assert surname_only == [], "one written word counted twice for the inquiry holding its key rows twice"
    assert full_name == [("INQ-DUP", 1), ("INQ-BOTH", 1)]


def test_another_firms_inquiries_never_become_candidates(database: str, big_sender: bool) -> None:
    shared = {"creditor_reference": "4401 882 310"}
    with session_scope() as session:
        for firm_id in (1, 2):  # the same client, creditor, references and name in both firms
            add(session, f"INQ-F{firm_id}", "Jürgen Weißbach", "BS-2026-0117", firm_id, **shared)
            for n in range(3):
                add(session, f"INQ-F{firm_id}-{n}", "Jürgen Weißbach", f"BS-2026-02{n}{firm_id}", firm_id)
        body = ("zum Konto 4401 882 310 Ihres Mandanten Jürgen Weißbach (Ihr Zeichen BS-2026-0117) beträgt die "
                "Forderung 3.212,32 EUR.")
        for firm_id in (1, 2):
            found = gathered(session, body, NORDBANK["creditor_email"], firm_id)
            assert {firm for _, firm in found} == {firm_id}
            assert (f"INQ-F{firm_id}", firm_id) in found and len(found) == 4


def test_the_senders_inquiry_is_found_by_one_rare_name_word(database: str, big_sender: bool) -> None:
    with session_scope() as session:
        for n in range(COMMON_NAMESAKES):
            add(session, f"INQ-C{n:03d}", "Lena Hoffmann", f"BS-2026-{n + 1:04d}")
        add(session, "INQ-RARE", "Lena Zbiranski", "BS-2026-0999")
        add(session, "INQ-ELSEWHERE", "Lena Zbiranski", "BS-2026-0999", creditor_name="Versandhaus Geestland AG",
            creditor_email="service@geestland.example")
        found = gathered(session, "zu Ihrem Schreiben wegen Frau Zbiranski: offen sind 99,00 EUR.",
                         NORDBANK["creditor_email"])
    assert found == [("INQ-RARE", 1)]


@pytest.mark.parametrize("sender", ["forderung@nordbank.example", "sachbearbeitung.nordbank@gmail.com"])
def test_another_firms_many_namesakes_never_crowd_out_the_firms_own_client(
        database: str, big_sender: bool, sender: str) -> None:
    with session_scope() as session:
        for n in range(COMMON_NAMESAKES):  # firm 2's, created first: every tie on the name goes to them (lower ids)
            add(session, f"INQ-B{n:03d}", "Marlene Ostendorf", f"KB-2026-{n + 1:04d}", 2)
        add(session, "INQ-A1", "Marlene Ostendorf", "KA-2026-0042")
        found = gathered(session, "Ihre Mandantin Marlene Ostendorf schuldet uns noch 230,15 EUR.", sender)
        written = [(i.external_id, i.firm_id) for i in candidates.namesakes(session, ["Marlene Ostendorf"], 1)]
        for_b = gathered(session, "Ihre Mandantin Marlene Ostendorf schuldet uns noch 230,15 EUR.", sender, 2)
    assert found == [("INQ-A1", 1)]
    assert written == [("INQ-A1", 1)]
    assert len(for_b) == candidates.MAX_CANDIDATES and {firm for _, firm in for_b} == {2}


def test_name_keys_belong_to_their_inquirys_firm_also_after_a_rename(database: str) -> None:
    with session_scope() as session:
        add(session, "INQ-7", "Dragan Petrović", "KB-2026-0007", 2)
        add(session, "INQ-7", "Dragan Kühnel", "KB-2026-0007", 2)  # the portal renamed the client
        renamed = inquiries.find(session, "INQ-7", 2)
        assert renamed is not None
        session.add(InquiryNameKey(inquiry_id=renamed.id, kind="token", value="draganovic", firm_id=1))
        session.flush()
        session.expire_all()
        keys = session.query(InquiryNameKey).filter(InquiryNameKey.inquiry_id == renamed.id).all()
        assert {key.firm_id for key in keys} == {2}, "a key row of firm 2's inquiry was given firm 1"
        assert sorted((k.kind, k.value) for k in keys if k.value != "draganovic") == \
            sorted(inquiries.name_keys("Dragan Kühnel"))
        body = "zu Herrn Dragan Kühnel teilen wir mit: 410,00 EUR."
        assert gathered(session, body, "forderung@stadtwerke-elbmarsch.example", 2) == [("INQ-7", 2)]
        assert gathered(session, body, "forderung@stadtwerke-elbmarsch.example", 1) == []
        assert gathered(session, "zu Herrn Dragan Petrović: 410,00 EUR.", "forderung@stadtwerke-elbmarsch.example",
                        2) == []


def test_a_routing_tag_in_another_form_gathers_its_clients_inquiries(database: str, big_sender: bool) -> None:
    """Sent to client A's routing address written in another form, about client B's letter: A's inquiry is gathered
    too (by the tag's digit groups), so the conflict between the address and the text can be seen."""
    with session_scope() as session:
        add(session, "INQ-A", "Gernot Ohlendorf", "28/O-054-KM")
        add(session, "INQ-B", "Roswitha Teichgräber", "28/O-051-KM")
        email = add_reply(session, body="Zu Ihrem Schreiben 28/O-051-KM (Frau Teichgräber): offen 1.301,26 EUR.",
                          to="posteingang+o054_28@kanzlei.example")
        facts = candidates.read_facts(email, email.body_text or "", None, get_settings().firm_reference_pattern)
        found = candidates.gather(session, facts)
        assert {inquiry.external_id for inquiry in found.inquiries} >= {"INQ-A", "INQ-B"}
        assert {inquiry.external_id for inquiry in found.inquiries if inquiry.routing_key in found.known_routing_keys
                or candidates.routing_groups(inquiry) in facts.routing_digits} == {"INQ-A"}
