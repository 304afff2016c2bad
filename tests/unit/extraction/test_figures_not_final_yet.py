"""Figures the creditor itself says are not final, in wording written for these tests: a sum still to be set off, a
statement "nicht abschließend" or "unter dem Vorbehalt" of a decision, a share that shrinks if an application is
granted, parts left out, a figure "erst mal vorläufig", a part someone will settle after a holiday, a correction
named in the subject, and a later figure after an afterthought. None of them is written alone; a statement that
only says how payments are booked in general still is."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

STATEMENT = "Rückständig sind:\nBeitrag 01.01.-30.06.     212,40 EUR\nMahnkosten                  3,00 EUR\n" \
            "Summe                     215,40 EUR\n\n"


def read(body: str, subject: str = "AW: Anfrage Forderungshöhe") -> ExtractionResult:
    return extract(parse_body(f"Sehr geehrte Damen und Herren,\n\n{body}\n\nMit freundlichen Grüßen\nBeitragskonto",
                              None), subject=subject, from_email="beitrag@nordkueste-vv.example",
                   from_name="Nordküste VV")


@pytest.mark.parametrize("note", [
    "Der Beitrag für die Monate nach der Kündigung wird noch abgerechnet; der anteilige Betrag wird dann mit dem "
    "Rückstand verrechnet.",
    "Bitte betrachten Sie die Summe nicht als abschließend, die Kosten unseres Anwalts folgen.",
    "Die genannte Summe steht unter dem Vorbehalt der Entscheidung über den Härtefallantrag.",
    "Wird der Antrag auf Beitragsermäßigung bewilligt, verringert sich der Rückstand um den Erstattungsbetrag.",
    "Nicht enthalten ist die Nachforderung aus der Jahresabrechnung, die erst im Mai vorliegt.",
    "Das ist aber erst mal vorläufig: die Zinsen kommen noch.",
    "Ob der Säumniszuschlag bestehen bleibt, klärt Herr Tamm nach seiner Rückkehr.",
])
def test_a_figure_the_creditor_says_is_not_final_is_never_safe(note: str) -> None:
    result = read(STATEMENT + note)
    assert result.total_amount == Decimal("215.40")
    assert not result.amount_is_safe


def test_how_payments_are_booked_in_general_leaves_the_statement_safe() -> None:
    result = read(STATEMENT + "Eingehende Zahlungen werden mit dem Saldo verrechnet.")
    assert result.total_amount == Decimal("215.40")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_a_correction_named_at_the_end_of_the_subject_with_the_earlier_figure_goes_to_a_human() -> None:
    body = "Die korrigierte Forderung beträgt 212,40 € statt 215,40 € (Mahnkosten storniert)."
    corrected = read(body, subject="AW: Anfrage Forderungshöhe – Korrektur")
    plain = read(body)
    assert corrected.total_amount == plain.total_amount == Decimal("212.40")
    assert not corrected.amount_is_safe
    assert any("correct" in reason or "earlier" in reason for reason in corrected.amount_safety_reasons)


def test_charges_billed_by_mistake_in_the_earlier_mail_make_a_correction() -> None:
    result = read("In unserer Mail vom 02.05. haben wir versehentlich Mahnkosten berechnet. Die Forderung beträgt "
                  "212,40 € statt 215,40 €.")
    assert result.total_amount == Decimal("212.40")
    assert not result.amount_is_safe


def test_a_later_figure_after_an_afterthought_keeps_the_earlier_one_from_being_written() -> None:
    result = read("Sie hat mir im Mai 200,- € gegeben, also sind noch 800,- € offen.\n\nNachtrag: im Juni kamen "
                  "noch einmal 50,- €. Es sind also nur noch 750,- €.")
    assert not (result.total_amount == Decimal("800.00") and result.amount_is_safe)


@pytest.mark.parametrize("note", [
    # a threat for later, not a change announced to today's figure
    "Geht keine Zahlung ein, erhöht sich die Forderung um weitere Mahnkosten.",
    # a part the firm's own estimate lacks, not the creditor's
    "Die Nachzahlung aus der Jahresabrechnung ist in der Schätzung Ihres Mandanten vermutlich noch nicht enthalten.",
    # a request not fully handled, not a figure called provisional
    "Ihre Anfrage wurde unter Vorgang 4471 erfasst, aber leider nicht abschließend bearbeitet.",
    # a set-off far ahead, the claim standing in full until then
    "Das Geschäftsguthaben wird erst nach Feststellung des Jahresabschlusses mit der Forderung verrechnet; bis dahin "
    "besteht die Forderung in voller Höhe.",
])
def test_remarks_that_leave_todays_figure_as_it_is_keep_the_statement_safe(note: str) -> None:
    result = read(STATEMENT + note)
    assert result.total_amount == Decimal("215.40")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_the_writers_own_earlier_word_put_right_goes_to_a_human() -> None:
    result = read("ich habe nachgesehen: es waren 5 Stunden. Also nicht 120 €, wie ich letztens geschrieben habe, "
                  "sondern 150,00 €.")
    assert result.total_amount == Decimal("150.00")
    assert not result.amount_is_safe


def test_costs_that_arose_elsewhere_and_are_not_named_keep_the_figure_from_being_written() -> None:
    result = read("Der Mietrückstand beträgt unverändert 2.340,00 €. Wir haben die Sache unserem Anwalt übergeben; "
                  "dort sind zusätzlich Anwaltskosten entstanden, deren Höhe wir Ihnen nicht nennen können.")
    assert result.total_amount == Decimal("2340.00")
    assert not result.amount_is_safe


def test_a_part_named_in_brackets_after_the_total_is_no_rival() -> None:
    result = read("Offen sind 199,97 € (Bestellung 189,97 € + Mahngebühr 10,00 €).")
    assert result.total_amount == Decimal("199.97")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_a_collectors_mandate_taken_back_leaves_the_creditors_figure_whole() -> None:
    handed = "Die Forderung hatten wir im März der Nordmark Inkasso KG zum Einzug übergeben."
    back = handed + " Den Auftrag haben wir zum 31.05. zurückgenommen, das Konto wird wieder von uns selbst geführt."
    assert not read(STATEMENT + handed).amount_is_safe
    assert read(STATEMENT + back).amount_is_safe, read(STATEMENT + back).amount_safety_reasons


@pytest.mark.parametrize("note", [
    "Ich bin mir aber nicht sicher, ob die Zinsen für April da schon drin sind.",
    "Eine verbindliche Forderungsaufstellung schickt Ihnen Frau Ahlers, wenn sie wieder im Haus ist.",
])
def test_a_stand_in_unsure_of_the_figure_or_announcing_the_binding_one_goes_to_a_human(note: str) -> None:
    result = read(STATEMENT + note)
    assert result.total_amount == Decimal("215.40")
    assert not result.amount_is_safe
