"""Returned forms and generated letters, in texts written for these tests: an unticked option says nothing, a total
field left blank or a template field left where a figure belongs keeps the total from being written alone, an
example sum in a notice is no claim, and a debtor written with a birth date is the client."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(text: str) -> ExtractionResult:
    return extract(parse_body(text, None), subject="AW: Forderungsabfrage",
                   from_email="forderung@wasserverband.example", from_name="Wasserverband Ostmoor")


FORM = ("Guten Tag,\n\nanbei unsere Rückmeldung.\n\n"
        " {ticked} Es besteht folgende Forderung:\n"
        "     Hauptforderung:     410,00 EUR\n"
        "     Mahnkosten:          7,50 EUR\n"
        "     Gesamt:            417,50 EUR\n"
        " {unticked} Die Forderung ist vollständig beglichen.\n"
        " {unticked} Die Forderung wurde an ein Inkassobüro abgetreten.\n\n"
        "Wasserverband Ostmoor")


@pytest.mark.parametrize(("ticked", "unticked"), [("[X]", "[ ]"), ("☒", "☐"), ("(x)", "( )")])
def test_an_unticked_option_of_a_returned_form_says_nothing(ticked: str, unticked: str) -> None:
    result = run(FORM.format(ticked=ticked, unticked=unticked))
    assert (result.intent, result.total_amount) == ("debt_statement", Decimal("417.50"))
    assert result.amount_is_safe, result.amount_safety_reasons


def test_a_ticked_settled_option_still_speaks() -> None:
    text = FORM.replace(" {unticked} Die Forderung ist vollständig", " [X] Die Forderung ist vollständig")
    result = run(text.format(ticked="[X]", unticked="[ ]"))
    assert not result.amount_is_safe


@pytest.mark.parametrize("blank", ["Gesamtbetrag: ......... ______", "Summe offen:  ________ EUR",
                                   "Gesamt: ----------"])
def test_a_form_whose_total_field_is_blank_states_no_total_to_write(blank: str) -> None:
    result = run(f"anbei der Vordruck.\n\n  Offene Abschläge: ..... 318,00 EUR\n  Mahnkosten: ...... 5,00 EUR\n"
                 f"  {blank}\n\nGruß\nWasserverband")
    assert not result.amount_is_safe
    assert any("total field is left blank" in reason for reason in result.amount_safety_reasons)


def test_a_blank_part_field_does_not_hold_back_a_stated_total() -> None:
    result = run("Hauptforderung:   318,00 EUR\nZinsen:           ________ EUR\nKosten:             5,00 EUR\n"
                 "Gesamtforderung:  323,00 EUR")
    assert result.amount_is_safe, result.amount_safety_reasons


@pytest.mark.parametrize("field", ["{Zinsen} EUR", "«ZINSBETRAG» €", "<<zinsen>> EUR", "EUR [ZINSEN]"])
def test_a_template_field_left_where_a_figure_belongs_holds_the_total_back(field: str) -> None:
    result = run(f"Forderungsstand:\n\nHauptforderung           290,00 EUR\nZinsen seit 01.02.   {field}\n"
                 f"Kosten                    12,00 EUR\nGesamtforderung          309,85 EUR")
    assert result.total_amount == Decimal("309.85")
    assert not result.amount_is_safe
    assert any("template field" in reason for reason in result.amount_safety_reasons)


def test_a_template_field_beside_the_real_figure_in_a_sentence_names_no_figure() -> None:
    result = run("Ihr offener Betrag «OFFEN» beläuft sich auf 302,00 EUR (290,00 EUR Hauptforderung und 12,00 EUR "
                 "Kosten).")
    assert not any("template field" in reason for reason in result.amount_safety_reasons)


def test_an_example_sum_in_a_general_notice_is_no_claim() -> None:
    result = run("Offen sind 2 Rechnungen zu je 61,00 EUR, zusammen 122,00 EUR.\n\nHinweis: Verzugszinsen betragen "
                 "5 Prozentpunkte über dem Basiszins; bei einer Forderung von zum Beispiel 1.000,00 EUR also etwa "
                 "62,70 EUR im Jahr.")
    assert result.total_amount == Decimal("122.00")
    assert any(a.value == Decimal("1000.00") and a.reason == "an example figure, not the claim" for a in result.amounts)


@pytest.mark.parametrize("line", ["Betreff: Ottilie Brennecke, geb. 14.03.1961", "Schuldnerin – Ottilie Brennecke "
                                  "(geboren am 14.3.1961)", "Ottilie Brennecke, geb. 14.03.1961"])
def test_a_person_written_with_a_birth_date_is_the_client(line: str) -> None:
    result = run(f"{line}\n\nDem Antrag wird nicht entsprochen.")
    assert result.client_name == "Ottilie Brennecke"
