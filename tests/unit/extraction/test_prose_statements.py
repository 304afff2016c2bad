"""A claim told in sentences rather than a table: the sum said in words, a breakdown after the total, what is left
after part payments, a day written with its month's name, and a creditor that never held a claim."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def reply(text: str) -> ExtractionResult:
    body = f"Guten Tag,\n\nzu Ihrer Anfrage wegen Frau Marlene Voigt:\n\n{text}\n\nViele Grüße\nPetra Sanders"
    return extract(parse_body(body, None), subject="AW: Marlene Voigt", from_email="info@sanders-optik.example",
                   from_name="Optik Sanders")


def test_a_day_written_with_its_months_name_does_not_end_the_amounts_sentence() -> None:
    result = reply("Offen ist nichts mehr: Die 245,00 Euro für die Gläser hat Frau Voigt am 3. März 2041 bar bezahlt.")
    assert result.total_amount is None or result.total_amount == Decimal("0.00")
    assert not result.amount_is_safe


@pytest.mark.parametrize("text", [
    "Gegen Frau Voigt haben wir keinerlei Forderungen.",
    "Wir haben gegen Frau Voigt keine Forderung; die Brille über 310,00 Euro hat sie bei Abholung bezahlt.",
    "Auf ihrem Kundenkonto war zu keinem Zeitpunkt etwas offen.",
])
def test_a_creditor_that_never_held_a_claim_says_it_is_settled(text: str) -> None:
    result = reply(text)
    assert result.intent == "settled"
    assert not result.amount_is_safe


def test_a_claim_given_away_is_still_no_settled_account() -> None:
    result = reply("Eine Forderung haben wir nicht an Dritte abgetreten; offen sind 310,00 Euro.")
    assert result.intent == "debt_statement"


def test_the_remainder_after_a_part_payment_is_no_instalment() -> None:
    result = reply("Von der Märzrechnung ist nach einer Teilzahlung noch ein Restbetrag von 120,00 Euro offen.")
    assert result.total_amount == Decimal("120.00")


def test_a_breakdown_in_sentences_after_the_total_backs_it() -> None:
    result = reply(
        "Der Rückstand beträgt heute 655,00 Euro.\n"
        "Er ergibt sich so: Von der Aprilmiete ist nach einer Teilzahlung noch ein Restbetrag von 150,00 Euro offen,\n"
        "die Maimiete über 450,00 Euro ist ganz offen. Hinzu kommen Mahnkosten von insgesamt 55,00 Euro für drei\n"
        "Schreiben.")
    assert result.total_amount == Decimal("655.00")
    assert result.amount_is_safe


def test_a_sum_said_in_words_that_adds_up_is_the_total() -> None:
    result = reply("Offen sind die Fahrstunden mit 700,00 Euro, die Prüfungsgebühr mit 120 Euro und die Lernsoftware "
                   "mit 45 Euro. Das macht 865,00 Euro.")
    assert result.total_amount == Decimal("865.00")


def test_a_sum_said_in_words_that_does_not_add_up_is_no_total() -> None:
    result = reply("Offen sind die Fahrstunden mit 700,00 Euro, die Prüfungsgebühr mit 120 Euro und die Lernsoftware "
                   "mit 45 Euro. Das macht 900,00 Euro.")
    assert result.total_amount != Decimal("900.00")
    assert not result.amount_is_safe


def test_added_up_in_words_names_the_total() -> None:
    result = reply("Die Jahresabrechnung schloss mit einer Nachforderung von 310,40 Euro. Aus dem Vorjahr ist ein "
                   "Restbetrag von 55,10 Euro stehen geblieben.\nZusammengerechnet sind heute 368,50 Euro fällig; "
                   "darin steckt auch eine kleine Gebühr.")
    assert result.total_amount == Decimal("368.50")


@pytest.mark.parametrize(("text", "figure"), [
    ("Geliehen habe ich ihr 1.500 Euro, zurück kamen 300 Euro. Es bleiben also 1.200,00 Euro.", "1200.00"),
    ("Wir haben also noch 84,00 € von ihr zu bekommen.", "84.00"),
])
def test_what_remains_said_plainly_is_read(text: str, figure: str) -> None:
    assert reply(text).total_amount == Decimal(figure)


def test_what_the_creditor_is_still_to_receive_alone_is_never_safe() -> None:
    assert not reply("Wir haben also noch 84,00 € von ihr zu bekommen.").amount_is_safe


def test_a_fee_per_month_is_no_claim() -> None:
    result = reply("Bitte schicken Sie uns zuerst die Vollmacht. Der Beitrag liegt übrigens bei 14 Euro im Monat.")
    assert result.total_amount is None


def test_the_loans_own_history_is_no_instalment_offer() -> None:
    result = reply("Frau Voigt wurde 2039 ein Ratenkredit über 4.000,00 EUR gewährt, zurückzuzahlen in monatlichen "
                   "Raten zu 95,00 EUR.\nUnsere Gesamtforderung beträgt heute 2.310,55 EUR.")
    assert result.intent == "debt_statement"
    assert result.total_amount == Decimal("2310.55")


def test_monthly_payments_that_would_close_the_matter_are_an_instalment_offer() -> None:
    result = reply("Der Rückstand beträgt 240,00 €. Wenn Frau Voigt ab April monatlich 60,00 € zahlt, ist die Sache "
                   "für uns erledigt.")
    assert result.intent == "payment_plan"
    assert not result.amount_is_safe


def test_what_remains_after_the_payments_named_is_the_claim() -> None:
    result = reply("Das sind zusammen 1.200,00 €.\nBezahlt hat sie im Mai 200,00 € bar und im Juni nochmals 150,00 € "
                   "per Überweisung.\nOffen sind damit noch 850,00 €.")
    assert result.total_amount == Decimal("850.00")
    assert result.amount_is_safe


def test_what_would_remain_after_an_announced_payment_is_not_the_claim() -> None:
    result = reply("Die Gesamtforderung beträgt 1.200,00 €.\nFrau Voigt hat eine Zahlung von 300,00 € bis zum "
                   "20.05. angekündigt. Nach Eingang dieser Zahlung verbleiben 900,00 €.")
    assert not (result.amount_is_safe and result.total_amount == Decimal("900.00"))


def test_a_clause_of_result_names_its_own_amount() -> None:
    result = reply("Die Rechnung über 280,00 Euro ist offen. Dazu kommt eine Mahngebühr von 4,00 Euro, sodass heute "
                   "284,00 Euro offen sind.")
    assert result.total_amount == Decimal("284.00")
    assert result.components == {"principal": Decimal("280.00"), "costs": Decimal("4.00")}


def test_items_named_after_their_amounts_keep_their_own_names() -> None:
    result = reply("Offen ist die Rechnung über 900,00 EUR. Dazu kommen 12,00 EUR Mahngebühren und 18,40 EUR "
                   "Verzugszinsen bis heute, macht 930,40 EUR.")
    assert result.total_amount == Decimal("930.40")
    assert result.components == {"principal": Decimal("900.00"), "interest": Decimal("18.40"),
                                 "costs": Decimal("12.00")}


def test_a_grand_total_over_several_accounts_is_never_written_alone() -> None:
    result = reply("Frau Voigt hat bei uns zwei Konten.\nDarlehen Nr. 4410: Forderung 3.100,00 EUR\n"
                   "Girokonto Nr. 5520: Saldo 240,00 EUR\nGesamtforderung 3.340,00 EUR")
    assert result.total_amount == Decimal("3340.00")
    assert not result.amount_is_safe
    assert any("several accounts" in reason for reason in result.amount_safety_reasons)


def test_a_loan_that_the_amounts_after_it_add_up_to_is_not_the_claim() -> None:
    result = reply("Also: Sie hat sich im Mai 3000 Euro von mir geliehen.\nIm Herbst hat sie 800 Euro zurückgegeben. "
                   "Offen sind also noch 2.200,- Euro.")
    assert result.total_amount == Decimal("2200.00")
    assert not (result.amount_is_safe and result.total_amount == Decimal("3000.00"))


def test_what_a_figure_includes_is_not_its_label() -> None:
    result = reply("Auf dem Kundenkonto sind heute einschließlich der Mahnkosten 286,40 EUR offen.")
    assert result.total_amount == Decimal("286.40")


def test_asking_the_firm_for_a_proposal_offers_no_instalments() -> None:
    result = reply("Rückständig sind insgesamt 1.456,00 €. Für eine Stundung oder einen Vergleich benötigen wir Ihren "
                   "Vorschlag.")
    assert result.intent == "debt_statement"


def test_an_offer_that_lists_its_instalments_after_a_colon_is_an_instalment_offer() -> None:
    result = reply("Für die offene Forderung von 640,00 EUR können wir Frau Voigt Folgendes anbieten:\n"
                   "4 Monatsraten zu je 160,00 EUR, fällig jeweils zum Monatsersten.")
    assert result.intent == "payment_plan"


def test_the_firms_figure_named_as_coming_from_its_letter_is_not_the_creditors() -> None:
    result = reply("Mit dem Betrag von 410,00 EUR aus Ihrem Schreiben können wir nichts anfangen. Bitte teilen Sie uns "
                   "mit, worauf er sich bezieht.")
    assert result.total_amount is None


def test_a_creditor_putting_its_own_earlier_mail_right_is_never_written_alone() -> None:
    result = reply("ich muss meine Mail von gestern berichtigen. Richtig ist:\nRechnungen 310,00 EUR\n"
                   "Schlussrechnung 44,20 EUR\noffen 354,20 EUR")
    assert result.total_amount == Decimal("354.20")
    assert not result.amount_is_safe



def test_the_standing_of_today_under_a_list_is_the_total_despite_a_request_for_an_address() -> None:
    result = reply("Für Ihren Mandanten ist offen:\n\nWasserrechnung 2070        212,40 EUR\n"
                   "Mahnkosten                   4,00 EUR\nStand heute                216,40 EUR\n\n"
                   "Damit wir die Endabrechnung zustellen können, teilen Sie uns bitte seine neue Anschrift mit.")
    assert (result.intent, result.total_amount) == ("debt_statement", Decimal("216.40"))


def test_the_clients_own_figure_named_in_a_condition_is_no_claim_of_the_creditor() -> None:
    result = reply("Für Frau Voigt bestehen bei uns derzeit keine Rückstände.\n\nUnter dem Kundenkonto 4471 wird ihr "
                   "Abonnement geführt; das Konto ist ausgeglichen.\n\nSofern Ihre Mandantin von einem Rückstand über "
                   "210,00 € ausgeht, betrifft das vermutlich den Zweckverband.")
    assert (result.intent, result.total_amount) == ("settled", Decimal("0.00"))


@pytest.mark.parametrize("asked", [
    "Bitte senden Sie uns eine Aufstellung, wie sich der pfändbare Betrag von 31,00 € errechnet.",
    "Wir benötigen eine Bestätigung der Familie, dass der Betrag von 900,00 € tatsächlich bereitsteht.",
])
def test_a_figure_the_creditor_asks_about_is_no_claim(asked: str) -> None:
    assert reply(asked).total_amount is None


def test_a_claim_stated_beside_the_garnishable_part_is_still_read() -> None:
    result = reply("Der pfändbare Betrag von 31,00 € reicht uns nicht. Unsere Forderung beträgt 1.240,00 €.")
    assert result.total_amount == Decimal("1240.00")
