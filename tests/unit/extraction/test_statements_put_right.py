"""Statements in wording written for these tests: a creditor's own correction (by its subject, or by naming its
earlier dated statement as void or incomplete) goes to a human; a part of the claim whose bracket names the balance
it came from is that part, not the total; a remainder after a payment less a charge added since is the claim; the
French words for what is left to pay name the total."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

WITHDRAWN = "the creditor withdraws or corrects an earlier answer"


def read(body: str, subject: str = "AW: Ihre Anfrage vom 03.02.") -> ExtractionResult:
    return extract(parse_body(body, None), subject=subject, from_email="team@forderung-ostsee.example",
                   from_name="Forderungsteam Ostsee")


STATEMENT = ("Sehr geehrte Damen und Herren,\n\nHauptforderung 702,10 EUR\nZinsen 18,40 EUR\nKosten 45,00 EUR\n"
             "Gesamtforderung 765,50 EUR\n\nMit freundlichen Grüßen")


EARLIER = "In unserer Forderungsaufstellung vom 12.01. über 812,30 EUR fehlte die Gutschrift vom 08.01.\n\n"


@pytest.mark.parametrize("subject", ["Korrektur Forderungsaufstellung 44-1029",
                                     "Berichtigung: Kontostand Ihrer Mandantin",
                                     "korrigierte Aufstellung Akte 44-1029"])
def test_a_correction_naming_the_earlier_figure_goes_to_a_human(subject: str) -> None:
    result = read(STATEMENT.replace("Sehr geehrte Damen und Herren,\n\n", EARLIER), subject=subject)
    assert result.total_amount == Decimal("765.50")
    assert not result.amount_is_safe
    assert any(reason.startswith(WITHDRAWN) and "812,30" in reason for reason in result.amount_safety_reasons)


def test_a_correction_that_states_only_the_new_figure_is_written_like_any_statement() -> None:
    # "Korrektur" above a statement sent again for the right account: one clear total, nothing earlier named
    result = read(STATEMENT, subject="Korrektur: Kundenkonto 44-1029 – richtige Anlage")
    assert result.total_amount == Decimal("765.50")
    assert result.amount_is_safe


def test_a_reply_to_the_firms_letter_is_no_correction() -> None:
    result = read(STATEMENT.replace("Sehr geehrte Damen und Herren,\n\n", EARLIER),
                  subject="AW: Forderungsanfrage Akte 44-1029")
    assert not any(reason.startswith(WITHDRAWN) for reason in result.amount_safety_reasons)


@pytest.mark.parametrize("sentence", [
    "Unsere Aufstellung vom 12.01. über 812,30 EUR ist damit überholt.",
    "Die Forderungsaufstellung vom 12.01.2031 (Gesamtforderung 812,30 EUR) ist hiermit gegenstandslos.",
    "In unserer Aufstellung vom 12.01. über 812,30 EUR wurde die Gutschrift aus der Jahresabrechnung leider nicht "
    "berücksichtigt.",
])
def test_a_dated_earlier_statement_called_void_or_incomplete_is_a_correction(sentence: str) -> None:
    result = read(STATEMENT.replace("Mit freundlichen", f"{sentence}\n\nMit freundlichen"))
    assert result.total_amount == Decimal("765.50")
    assert not result.amount_is_safe


def test_an_update_after_a_payment_naming_no_earlier_figure_is_written() -> None:
    result = read(STATEMENT.replace("Mit freundlichen", "Unsere Aufstellung vom 12.01. ist damit überholt.\n\n"
                                    "Mit freundlichen"))
    assert result.amount_is_safe


def test_a_part_whose_bracket_names_the_balance_it_came_from_is_that_part() -> None:
    result = read("Die Forderung beläuft sich auf 1.540,80 EUR und setzt sich zusammen aus:\n"
                  "- Hauptforderung (Restsaldo nach Kündigung am 03.05.): 1.320,00 EUR\n"
                  "- Zinsen: 140,80 EUR\n- Kosten: 80,00 EUR\n")
    assert result.total_amount == Decimal("1540.80")
    assert result.components["principal"] == Decimal("1320.00")


def test_a_remainder_after_a_payment_less_a_charge_is_the_claim() -> None:
    result = read("Rechnung Nr. 8812 vom 02.03.: Gesamtbetrag 960,00 €.\nAm 20.03. hat er 250,00 € bezahlt. Für die "
                  "zweite Mahnung berechnen wir 7,50 € Mahngebühr.\nNoch offen: 717,50 €\n")
    assert result.total_amount == Decimal("717.50")


@pytest.mark.parametrize("label", ["Reste à payer", "Reste dû", "Solde restant"])
def test_the_french_words_for_what_is_left_name_the_total(label: str) -> None:
    result = read(f"Facture 2031-118\nTotal TTC : 540,00 €\nAcompte payé : 140,00 €\n{label} : 400,00 €\n")
    assert result.total_amount == Decimal("400.00")


@pytest.mark.parametrize("body", [
    "Rechnung 2031-118\nTotal TTC : 540,00 €\nAvoir : 140,00 €\nReste à payer : 400,00 €\n",
    "Rechnung 2031-118\nSumme: 540,00 €\nZahlung: 140,00 €\nRest: 400,00 €\n",
    "Rechnung 2031-118\nRechnungsbetrag gesamt 540,00 €\nGutgeschriebene Retoure 140,00 €\nnoch offen 400,00 €\n",
])
def test_the_sum_before_what_is_left_is_never_written_as_the_claim(body: str) -> None:
    # what stands between may be a payment or a credit whichever word names it; the first sum is not the claim
    result = read(body)
    assert result.total_amount == Decimal("400.00") or not result.amount_is_safe


def test_a_rest_amount_inside_a_breakdown_after_the_total_stays_an_item() -> None:
    result = read("Die Forderung beträgt 905,60 €. Sie setzt sich zusammen aus:\nHauptforderung 540,00 €\n"
                  "Zinsen 63,80 €\nKosten 31,80 €\nRestbetrag aus dem Altvertrag 270,00 €\n")
    assert result.total_amount == Decimal("905.60")
    assert not any("400" in reason or "270,00" in reason for reason in result.amount_safety_reasons
                   if "nothing explains" in reason)


def test_a_claim_grown_by_interest_to_a_figure_is_that_figure() -> None:
    result = read("Unsere Forderung ist seit Ihrer Anfrage durch weitere Zinsen auf 2.306,18 EUR angewachsen.")
    assert result.total_amount == Decimal("2306.18")


def test_interest_charged_on_a_base_stays_no_claim() -> None:
    result = read("Offen sind 512,00 EUR zuzüglich 5 % Zinsen auf 480,00 EUR seit dem 01.03.")
    assert Decimal("480.00") not in {a.value for a in result.amounts if not a.rejected}


def test_a_figure_the_creditor_had_told_the_firm_before_is_a_former_one() -> None:
    result = read("in meiner Nachricht vom 02.02. hatte ich Ihnen für Herrn Ostrowski einen Rückstand von 930,40 € "
                  "genannt. Die Grundsteuer (96,00 €) war aber schon am 28.01. bezahlt.\n\n"
                  "Der Rückstand beträgt richtig 834,40 €.")
    assert result.total_amount == Decimal("834.40")
    assert not result.amount_is_safe


def test_a_claim_drawn_from_a_credit_line_stays_a_claim_when_its_sentence_wraps() -> None:
    result = read("wir teilen mit, dass sich unsere Forderung gegen Herrn Ostrowski aus dem gekündigten\n"
                  "Dispositionskredit per 30.04. auf 1.874,20 EUR beläuft.")
    assert result.total_amount == Decimal("1874.20")


def test_a_credit_limit_named_over_a_wrapped_line_stays_no_claim() -> None:
    result = read("Ihr Dispositionskredit\nvon 2.000,00 EUR wurde gekündigt. Offen sind 1.480,00 EUR.")
    assert result.total_amount == Decimal("1480.00")
