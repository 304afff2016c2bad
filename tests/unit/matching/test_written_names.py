"""A client name written in a reply: the matched client's own name passes in any spelling a keyboard
makes of it; another client's name, a relative's, or an unconfirmed near-spelling goes to a human."""

from __future__ import annotations

from typing import Any

import pytest

from app.models import Inquiry
from app.services.extraction.result import Evidence, NameFound
from app.services.inquiries import InquiryFields, apply_fields
from app.services.matching.score import Scored
from app.services.matching.signals import Signal
from app.services.matching.written_names import any_stranger, doubts, full_names, relation, surname_only


def inquiry(ident: str, client: str, firm_reference: str, **extra: Any) -> Inquiry:
    data = InquiryFields(id=ident, client_name=client, firm_reference=firm_reference,
                         creditor_name=extra.pop("creditor_name", "Versandhaus Elbwiese GmbH"),
                         creditor_email=extra.pop("creditor_email", "inkasso@elbwiese.example"), **extra)
    row = Inquiry(external_id=ident)
    apply_fields(row, data)
    return row


def written(value: str, confidence: float = 0.85, part: str = "reply") -> NameFound:
    evidence = Evidence(source="body", part=part, location="line 2", text=value)  # type: ignore[arg-type]
    return NameFound(value=value, role="client", confidence=confidence, evidence=evidence)


def best(row: Inquiry, *codes: str) -> Scored:
    signals = tuple(Signal(code, 20, 0, code) for code in codes)
    return Scored(row, signals, 60, 45, 1.0, 100.0)


@pytest.mark.parametrize(("name", "client"), [
    ("Jörg Weißgerber", "Joerg Weissgerber"),
    ("JOERG WEISSGERBER", "Jörg Weißgerber"),
    ("Weißgerber, Jörg", "Jörg Weißgerber"),
    ("Paweł Kołodziej", "Pawel Kolodziej"),
    ("Kıvanç Aydın", "Kivanc Aydin"),
    ("Sigrun Holm-Bakke", "Sigrun Holm Bakke"),
    ("Ines Thalberg", "Ines Marlene Thalberg"),
    ("Marlene Thalberg", "Ines Marlene Thalberg"),
    ("Frau Dr. Ines Thalberg", "Ines Thalberg"),
    ("Frau Brandt-Oldigs", "Ines Brandt-Oldig"),
    ("Ines Thalbergs", "Ines Thalberg"),
    # the surname in the genitive, then what is the client's: "Herrn Thalbergs Abrufkredit"
    ("Thalbergs Abrufkredit", "Jens Thalberg"),
    ("Brandt-Oldigs Girokonto", "Ines Brandt-Oldig"),
])
def test_the_clients_own_name_in_any_spelling_is_the_same_name(name: str, client: str) -> None:
    assert relation(name, client) == "same"


@pytest.mark.parametrize(("name", "client"), [
    ("Fenja Roloff", "Fenna Roloff"),
    ("Niklas Bergmeier", "Nicklas Bergmeier"),
    ("Konstantin Wahl", "Constantin Wahl"),
    ("Ilka Dammann", "Ilka Damann"),
    ("Yusuf El Amrani", "Youssef El-Amrani"),
    ("Ilka Sophie Dammann", "Ilka Dammann"),
    ("Ute Meyerhoff", "Ute Maierhof"),
])
def test_close_spellings_are_variants(name: str, client: str) -> None:
    assert relation(name, client) == "variant"


@pytest.mark.parametrize(("name", "client", "expected"), [
    ("Gerda Roloff", "Fenna Roloff", "relative"),
    ("Bernd Kranich", "Bernadette Kranich", "relative"),
    ("Fenna Lindqvist", "Fenna Roloff", "unrelated"),
    ("Tarik Okonkwo", "Fenna Roloff", "unrelated"),
    ("Roloff", "Fenna Roloff", "unrelated"),
    ("Hans Roloffs", "Fenna Roloff", "relative"),
    ("Roloffs Tochter", "Fenna Roloff", "relative"),  # the surname in the genitive, then a relative of hers
])
def test_another_first_name_or_another_surname_is_another_person(name: str, client: str, expected: str) -> None:
    assert relation(name, client) == expected


def test_the_clients_name_passes_even_when_another_client_has_a_similar_one() -> None:
    client = inquiry("Q-1", "Fenna Roloff", "AZ-11")
    other = inquiry("Q-2", "Fenja Roloff", "AZ-12")
    assert doubts(best(client), [written("Fenna Roloff")], [other]) == []


def test_the_exact_name_of_another_client_goes_to_review_even_when_the_firm_reference_confirms() -> None:
    client = inquiry("Q-1", "Fenna Roloff", "AZ-11")
    other = inquiry("Q-2", "Fenja Roloff", "AZ-12", creditor_email="forderung@stromnetz.example")
    reasons = doubts(best(client, "firm_reference"), [written("Fenja Roloff")], [client, other])
    assert len(reasons) == 1
    assert "another client, Fenja Roloff (AZ-12)" in reasons[0] and "Fenna Roloff" in reasons[0]


def test_a_near_spelling_of_another_client_goes_to_review() -> None:
    client = inquiry("Q-1", "Niklas Bergmeier", "AZ-21")
    other = inquiry("Q-2", "Nicolas Bergmeier", "AZ-22")
    reasons = doubts(best(client, "birth_date"), [written("Nicklas Bergmeier")], [other])
    assert reasons and "close spelling of the name of another client, Nicolas Bergmeier" in reasons[0]


def test_a_spelling_variant_passes_when_birth_date_or_firm_reference_confirms() -> None:
    client = inquiry("Q-1", "Ilka Damann", "AZ-31")
    for code in ("birth_date", "firm_reference", "routing_id"):
        assert doubts(best(client, code), [written("Ilka Dammann")], []) == []


def test_an_unconfirmed_spelling_variant_goes_to_review() -> None:
    client = inquiry("Q-1", "Ilka Damann", "AZ-31")
    reasons = doubts(best(client, "creditor_reference", "client_name_close"), [written("Ilka Dammann")], [])
    assert reasons and "neither the birth date nor the firm reference" in reasons[0]


def test_a_relative_goes_to_review_even_when_confirmed() -> None:
    client = inquiry("Q-1", "Bernadette Kranich", "AZ-41")
    reasons = doubts(best(client, "firm_reference", "birth_date"), [written("Bernd Kranich", 0.6)], [])
    assert reasons and "another first name than the client Bernadette Kranich" in reasons[0]


def test_an_unrelated_name_under_a_client_label_goes_to_review() -> None:
    client = inquiry("Q-1", "Fenna Roloff", "AZ-11")
    reasons = doubts(best(client, "firm_reference"), [written("Tarik Okonkwo", 0.9)], [])
    assert reasons == ["name conflict: the text names 'Tarik Okonkwo' (reply) as the client, not Fenna Roloff"]


def test_a_weakly_read_unrelated_name_is_taken_for_a_contact_person() -> None:
    client = inquiry("Q-1", "Fenna Roloff", "AZ-11")
    unrelated_client = inquiry("Q-5", "Tarika Okonkwo", "AZ-15")
    assert doubts(best(client), [written("Tarik Okonkwo", 0.6)], [unrelated_client]) == []


def test_a_weakly_read_name_that_is_exactly_another_clients_goes_to_review() -> None:
    client = inquiry("Q-1", "Fenna Roloff", "AZ-11")
    other = inquiry("Q-5", "Tarik Okonkwo", "AZ-15")
    assert doubts(best(client), [written("Herr Tarik Okonkwo", 0.6)], [other])


def test_the_same_client_on_another_inquiry_is_no_rival() -> None:
    client = inquiry("Q-1", "Ilka Damann", "AZ-31")
    same_client_elsewhere = inquiry("Q-2", "Ilka Damann", "AZ-31", creditor_email="post@stadtwerke.example")
    assert doubts(best(client, "firm_reference"), [written("Ilka Dammann")], [same_client_elsewhere]) == []


def test_only_full_client_names_are_judged_each_spelling_once() -> None:
    creditor = NameFound(value="Versandhaus Elbwiese", role="creditor", confidence=0.9,
                         evidence=Evidence(source="body", part="reply", location="line 1", text="x"))
    names = [written("Roloff", 0.35), written("Fenja Roloff", 0.6), written("FENJA ROLOFF", 0.85), creditor]
    kept = full_names(names)
    assert [(name.value, name.confidence) for name in kept] == [("FENJA ROLOFF", 0.85)]


def test_a_labelled_stranger_next_to_our_client_in_the_creditors_text_is_no_conflict() -> None:
    client = inquiry("Q-1", "Fenna Roloff", "AZ-11")
    names = [written("Fenna Roloff", 0.85), written("Offener Saldo", 0.85, part="attachment")]
    assert doubts(best(client, "firm_reference"), names, []) == []


def test_our_client_named_only_in_the_subject_does_not_excuse_a_labelled_stranger() -> None:
    client = inquiry("Q-1", "Fenna Roloff", "AZ-11")
    names = [written("Fenna Roloff", 0.75, part="subject"), written("Tarik Okonkwo", 0.9)]
    assert len(doubts(best(client, "firm_reference"), names, [])) == 1


def test_only_a_name_that_is_not_plainly_the_clients_is_a_stranger() -> None:
    assert not any_stranger(["Fenna Roloff", "ROLOFF, FENNA", "Frau Fenna Roloff"], "Fenna Roloff")
    assert any_stranger(["Fenna Roloff", "Fenja Roloff"], "Fenna Roloff")
    assert any_stranger(["Tarik Okonkwo"], "Fenna Roloff")
    assert not any_stranger([], "Fenna Roloff")


def in_attachment(value: str, source: str) -> NameFound:
    evidence = Evidence(source=source, part="attachment", location="page 1, line 3", text=value)
    return NameFound(value=value, role="client", confidence=0.9, evidence=evidence)


def test_a_debtor_labelled_in_an_attachment_counts_although_the_mail_names_the_client() -> None:
    row = inquiry("Q-31", "Greta Olsson", "RW-34-0512")
    found = [written("Greta Olsson"), in_attachment("Henrik Baumeister", "Aufstellung.pdf")]
    assert any("Henrik Baumeister" in reason for reason in doubts(best(row), found, []))


def test_a_co_debtor_in_an_attachment_that_also_names_the_client_raises_nothing() -> None:
    row = inquiry("Q-31", "Greta Olsson", "RW-34-0512")
    found = [in_attachment("Greta Olsson", "Aufstellung.pdf"), in_attachment("Henrik Baumeister", "Aufstellung.pdf")]
    assert doubts(best(row), found, []) == []


# Two clients of one family, each with a letter at the same utility: a reply that calls the client by the surname
# alone ("Frau Quellmann") and sent to the firm's general inbox cannot say whose claim it is, whatever account number
# it writes.
_HUSBAND = dict(creditor_name="Stadtwerke Auenried GmbH", creditor_email="forderung@sw-auenried.example")


def test_a_surname_alone_shared_by_two_clients_of_the_creditor_goes_to_a_human() -> None:
    matched = inquiry("INQ-H", "Torben Quellmann", "AZ-51", creditor_reference="VK 7716", **_HUSBAND)
    wife = inquiry("INQ-W", "Saskia Quellmann", "AZ-52", creditor_reference="VK 7715", **_HUSBAND)
    reasons = surname_only(best(matched, "creditor_reference"), [written("Quellmann", 0.35)], [wife])
    assert len(reasons) == 1 and "Quellmann" in reasons[0] and "Saskia Quellmann" in reasons[0]


def test_the_first_name_written_or_no_namesake_at_that_creditor_leaves_the_surname_alone() -> None:
    matched = inquiry("INQ-H", "Torben Quellmann", "AZ-51", **_HUSBAND)
    wife_here = inquiry("INQ-W", "Saskia Quellmann", "AZ-52", **_HUSBAND)
    wife_elsewhere = inquiry("INQ-X", "Saskia Quellmann", "AZ-52")  # her letter went to another creditor
    surname = written("Quellmann", 0.35)
    # the creditor also writes the matched client's first name: it knows whom it means
    assert surname_only(best(matched), [surname, written("Torben Quellmann")], [wife_here]) == []
    assert surname_only(best(matched), [surname], [wife_elsewhere]) == []
    # the same client's second letter is no namesake
    second = inquiry("INQ-H2", "Torben Quellmann", "AZ-51", **_HUSBAND)
    assert surname_only(best(matched), [surname], [second]) == []
    # the answer came to the matched client's own routing address: it is in that letter's thread
    assert surname_only(best(matched, "routing_id"), [surname], [wife_here]) == []
    # a surname only in the quoted letter is the firm's own word
    assert surname_only(best(matched), [written("Quellmann", 0.35, part="quoted")], [wife_here]) == []
