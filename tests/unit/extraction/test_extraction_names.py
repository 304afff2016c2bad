"""Client and creditor names, including reversed bank forms and agencies writing for a creditor."""

from __future__ import annotations

import pytest

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(text: str, subject: str = "Anfrage", from_name: str | None = "Muster Bank AG") -> ExtractionResult:
    return extract(parse_body(text, None), subject=subject, from_email="x@bank.example", from_name=from_name)


def test_herrn_first_last_after_mandant_is_the_client() -> None:
    result = run("zum Darlehenskonto Ihres Mandanten Herrn Jürgen Weißbach beziffern wir")
    assert result.client_name == "Jürgen Weißbach"


def test_reversed_upper_case_bank_form_is_normalised() -> None:
    assert run("Kreditnehmerin: OSTENDORF-KRUEGER, MARLENE, geb. 03.03.1969").client_name == "Marlene Ostendorf-Krueger"


def test_reversed_name_with_hyphenated_first_name() -> None:
    assert run("Kontoinhaber: Scholl-Ebersbach, Heinz-Günter").client_name == "Heinz-Günter Scholl-Ebersbach"


def test_a_contact_person_is_not_taken_for_the_client() -> None:
    result = run("in Vertretung von Frau Haselhorst antworten wir. Für Rückfragen steht Ihnen Frau Kemper unter "
                 "069 555 zur Verfügung. Unsere Kundin Frau Ramona Streletz schuldet 5,00 EUR.")
    assert result.client_name == "Ramona Streletz"


def test_debtor_after_the_against_sign_in_the_subject() -> None:
    assert run("Guten Tag", subject="Az. 1 – Muster GmbH ./. Brenninger, Tobias").client_name == "Tobias Brenninger"


def test_agency_writing_for_an_original_creditor_names_both() -> None:
    result = run("Die Forderung unserer Auftraggeberin, der Nordlicht Versicherung AG, beläuft sich auf 10,00 EUR.\n\n"
                 "Mit freundlichen Grüßen\n\nObelis Forderungsmanagement GmbH\nLeinstraße 18", from_name="Obelis")
    assert result.creditor_name == "Nordlicht Versicherung AG"
    assert result.agent_name == "Obelis Forderungsmanagement GmbH"


def test_the_senders_company_is_the_creditor_when_nobody_else_is_named() -> None:
    result = run("Saldo 5,00 EUR\n\nMit freundlichen Grüßen\nKreissparkasse Elbtal – Sanierung\nElbuferweg 5",
                 from_name="Haselhorst, Birgit")
    assert result.creditor_name == "Kreissparkasse Elbtal"
    assert result.agent_name is None


def test_the_sender_name_is_used_without_a_signature() -> None:
    assert run("Saldo 5,00 EUR", from_name="Telvana Kommunikation – Forderungsservice").creditor_name == (
        "Telvana Kommunikation")


@pytest.mark.parametrize(("text", "client"), [
    ("Ihre Mandantin Frau Şebnem Çakır schuldet uns noch den Betrag aus dem Vertrag.", "Şebnem Çakır"),
    ("Schuldner: Łukasz Żmuda, geb. 14.02.1988", "Łukasz Żmuda"),
    ("Kontoinhaber: DVOŘÁK, JIŘÍ", "Jiří Dvořák"),
    ("für Herrn Ștefan Țurcanu teilen wir den Stand mit", "Ștefan Țurcanu"),
    ("Unsere Kundin Frau Begoña Muñoz-Peña hat das Konto eröffnet.", "Begoña Muñoz-Peña"),
    ("Ihr Mandant Herr João Simões ist bei uns Kunde.", "João Simões"),
    ("Mieterin: Søren-Åsa Kjærgård", "Søren-Åsa Kjærgård"),
    ("betreffend Frau Nguyễn Thị Hằng", "Nguyễn Thị Hằng"),
])
def test_client_names_in_any_latin_alphabet_are_read_whole(text: str, client: str) -> None:
    # A letter missing from the name's alphabet used to end the name there ("Gülşen" read as "Gül") or lose it.
    assert run(text).client_name == client


def test_an_account_word_after_the_name_ends_it() -> None:
    result = run("Abrechnung für Ihre Mandantin:\nKundin: Lena Marquardt Kundenkonto 4471-0098\nSaldo 212,40 EUR")
    assert result.client_name == "Lena Marquardt"


def test_the_contract_partner_named_in_the_reply_is_read_as_the_client() -> None:
    result = run("Für das Vertragskonto 204 611 508 (Vertragspartner: Holger Kampe, Lieferstelle Am Anger 3) sind "
                 "offen: 212,40 €.")
    assert "Holger Kampe" in [found.value for found in result.names if found.role == "client"]



def test_the_holder_named_in_brackets_is_read_as_the_client() -> None:
    result = run("vielen Dank für Ihre Anfrage zum Kundenkonto WF-4410 (Inhaber: Jonas Brehm). Offen sind 310,65 €.")
    assert "Jonas Brehm" in [found.value for found in result.names if found.role == "client"]


def test_a_person_named_in_sachen_is_the_client() -> None:
    result = run("in Sachen Frauke Detmering, geb. 14.02.1979, teilen wir die Forderung mit: 512,40 EUR.")
    assert "Frauke Detmering" in [found.value for found in result.names if found.role == "client"]


@pytest.mark.parametrize("text, client", [
    ("bezüglich unseres Kunden Malte Osterkamp, Kundennummer 55 120 8, stimmen wir nicht zu.", "Malte Osterkamp"),
    ("die Beiträge unseres Mitglieds Frau Ilka Rotermund sind seit März offen: 240,00 EUR.", "Ilka Rotermund"),
    ("zum Mietkonto unseres Mieters Bernd Hagedorn teilen wir mit: offen sind 1.310,00 EUR.", "Bernd Hagedorn"),
])
def test_a_person_after_a_genitive_our_customer_is_the_client(text: str, client: str) -> None:
    result = run(text)
    assert client in [found.value for found in result.names if found.role == "client"]
