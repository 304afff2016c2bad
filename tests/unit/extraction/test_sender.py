"""Sender cues: a display name borrowed from another domain, and payment links that lead elsewhere."""

from __future__ import annotations

from app.services.extraction.sender import (
    display_name_elsewhere,
    payment_links_elsewhere,
    registrable_domain,
    sender_cues,
)


def test_the_registrable_domain_drops_subdomains_and_keeps_short_second_levels() -> None:
    assert registrable_domain("pay.shop.example") == "shop.example"
    assert registrable_domain("mail.shop.co.uk") == "shop.co.uk"


def test_a_brand_in_the_address_but_not_in_the_domain_is_borrowed() -> None:
    assert display_name_elsewhere("Lumenwerk Service", "lumenwerk-info@konto-check.example") == "lumenwerk"


def test_a_brand_in_a_link_subdomain_of_a_foreign_domain_is_borrowed() -> None:
    links = ["https://lumenwerk.konto-check.example/login"]
    assert display_name_elsewhere("Lumenwerk", "info@konto-check.example", links) == "lumenwerk"


def test_a_display_name_found_in_its_own_domain_is_no_cue() -> None:
    assert display_name_elsewhere("Lumenwerk Kundenservice", "noreply@lumenwerk.example") is None
    assert display_name_elsewhere("Finanzamt Tannau", "poststelle@fa-tannau.example") is None


def test_a_display_name_of_only_department_words_is_no_cue() -> None:
    assert display_name_elsewhere("Team Buchhaltung", "buchhaltung@other.example") is None


def test_a_persons_own_name_in_their_own_mailbox_is_no_cue() -> None:
    assert display_name_elsewhere("Katrin Oberndorfer", "k.oberndorfer@stadtwerke-tannau.example") is None
    assert display_name_elsewhere("Oberndorfer, Katrin", "katrin_oberndorfer2@tannau-bank.example") is None
    assert display_name_elsewhere("Katrin Oberndorfer", "oberndorferk@tannau-bank.example") is None


def test_a_persons_name_beside_other_words_in_a_foreign_mailbox_stays_a_cue() -> None:
    assert display_name_elsewhere("Katrin Oberndorfer", "oberndorfer-zahlung@konto-check.example") == "oberndorfer"
    links = ["https://oberndorfer.konto-check.example/login"]
    assert display_name_elsewhere("Katrin Oberndorfer", "k.oberndorfer@konto-check.example", links) == "oberndorfer"


def test_a_one_word_brand_as_the_whole_mailbox_stays_a_cue() -> None:
    assert display_name_elsewhere("Lumenwerk Kundenservice", "lumenwerk@konto-check.example") == "lumenwerk"


def test_a_payment_link_to_another_domain_is_a_cue_but_one_to_the_own_domain_is_not() -> None:
    links = ["https://checkout-secure.example/pay?id=1", "https://portal.lumenwerk.example/zahlung"]
    assert payment_links_elsewhere("billing@lumenwerk.example", links) == ["checkout-secure.example"]


def test_a_plain_link_to_another_domain_is_no_payment_cue() -> None:
    assert payment_links_elsewhere("info@lumenwerk.example", ["https://news.other.example/artikel"]) == []


def test_sender_cues_are_reasons_for_the_job() -> None:
    cues = sender_cues("Lumenwerk", "lumenwerk@konto-check.example", ["https://elsewhere.example/pay"])
    assert cues == ("display name 'lumenwerk' but sent from konto-check.example",
                    "payment link to another domain (elsewhere.example)")


def test_a_nickname_made_from_the_persons_own_name_is_no_cue() -> None:
    assert display_name_elsewhere("Jannik Vollrather", "jannik.vollri88@freepost.example") is None
    assert display_name_elsewhere("Jannik Vollrather", "vollrath.j@freepost.example") is None


def test_a_foreign_word_beside_the_persons_name_stays_a_cue() -> None:
    assert display_name_elsewhere("Jannik Vollrather", "vollrather-konto@pruefung.example") == "vollrather"
