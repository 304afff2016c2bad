"""A creditor that passed the claim or the letter on to its collector or lawyer, in wording written for these tests:
a person's referral, which a human reads, not an automatic forwarding note that is filed away."""

from __future__ import annotations

import pytest

from app.services.extraction import extract
from app.services.parsing import parse_body


def intent_of(reply: str) -> str:
    body = f"Guten Tag,\n\n{reply}\n\nFreundliche Grüße\nKundenservice Lindqvist Versand"
    return extract(parse_body(body, None), subject="AW: Forderungsanfrage Frau Pia Brehm",
                   from_email="service@lindqvist-versand.example", from_name="Lindqvist Versand").intent


@pytest.mark.parametrize("reply", [
    "Ihre Anfrage haben wir an unsere Inkassokanzlei weitergeleitet, die das Konto für uns führt.",
    "We have handed the account over to our debt collection agency; they will contact you.",
    "The open balance was transferred to our lawyers, who deal with all settlement requests.",
])
def test_a_claim_or_letter_passed_to_a_collector_is_a_referral_a_human_reads(reply: str) -> None:
    assert intent_of(reply) == "rejection"


def test_a_letter_passed_to_a_department_stays_an_automatic_note() -> None:
    assert intent_of("Ihre Nachricht wurde an die zuständige Fachabteilung weitergeleitet.") == "auto_reply"


def test_figures_given_by_someone_who_cannot_speak_bindingly_for_the_claim_are_not_written_alone() -> None:
    body = ("Guten Tag,\n\nnach der mir vorliegenden Aufstellung ergibt sich:\n\nHauptforderung      980,00 €\n"
            "Zinsen               41,15 €\nGesamtbetrag      1.021,15 €\n\nZur Forderung selbst kann ich keine "
            "verbindliche Auskunft erteilen; insoweit verweise ich auf die Gläubigerin.\n\nFreundliche Grüße\n"
            "Obergerichtsvollzieherin Jansen")
    result = extract(parse_body(body, None), subject="DR I 88/05 – Ihr Schreiben – Frau Pia Brehm",
                     from_email="gv.jansen@gv-hollerdorf.example", from_name="Obergerichtsvollzieherin Jansen")
    assert result.total_amount is not None and str(result.total_amount) == "1021.15"
    assert not result.amount_is_safe


def test_an_account_at_nil_because_the_claim_was_assigned_is_no_settlement() -> None:
    assert intent_of("Eine Forderungsaufstellung können wir Ihnen nicht mehr geben, wir können Ihnen keine "
                     "Aufstellung mehr erteilen: Das Darlehen wurde zum 01.02. an die Ostwall Inkasso GmbH abgetreten. "
                     "Bei uns steht das Konto seitdem auf 0,00 EUR.") == "rejection"


@pytest.mark.parametrize("reply", [
    "wir bestätigen den Eingang Ihres Schreibens. Auskünfte zum Beitragskonto geben wir ausschließlich gegenüber der "
    "Versicherten selbst.",
    "wir bestätigen den Eingang Ihres Schreibens. Zum Beitragskonto sagen wir nichts, das gilt auch dann, wenn eine "
    "Vollmacht beiliegt.",
    "wir bestätigen den Eingang Ihres Schreibens. Von weiteren Anfragen in dieser Sache bitten wir künftig abzusehen.",
])
def test_a_receipt_that_refuses_even_with_a_power_of_attorney_is_a_refusal(reply: str) -> None:
    assert intent_of(reply) == "rejection"


def test_an_english_receipt_that_waits_for_a_signed_consent_asks_the_firm_first() -> None:
    assert intent_of("We have received your letter. Under our data protection rules we may only release account "
                     "details to third parties if we hold a consent signed by the customer. As soon as we receive it, "
                     "we will send you a statement.") == "inquiry"


@pytest.mark.parametrize("reply", [
    "Als Sozialversicherungsträger beteiligen wir uns grundsätzlich nicht an einem außergerichtlichen "
    "Einigungsversuch.",
    "Eine aktuelle Forderungsaufstellung für Ihren Plan senden wir Ihnen aus diesem Grund nicht.",
])
def test_no_part_in_the_settlement_and_no_statement_is_a_refusal(reply: str) -> None:
    assert intent_of(reply) == "rejection"
