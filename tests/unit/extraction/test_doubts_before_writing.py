"""A total read right can still be one a machine must not write alone: corrected in a postscript, stated only
roughly, closing rows that do not add up to it, or one of several accounts the reply lists separately."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(body: str) -> ExtractionResult:
    return extract(parse_body(body, None), subject="Anfrage zu Frau Tanja Roth", from_email="service@kabelnord.example",
                   from_name="KabelNord Service")


TABLE = ("Hallo,\n\nfür Frau Roth ist offen:\n\nAnschluss September   44,90 €\nAnschluss Oktober     44,90 €\n"
         "Mahnkosten             5,00 €\nSumme:                94,80 €\n")


def test_a_table_that_adds_up_is_safe() -> None:
    result = run(TABLE + "\nViele Grüße\nKabelNord Service")
    assert result.total_amount == Decimal("94.80")
    assert result.amount_is_safe


@pytest.mark.parametrize("postscript", [
    "P.S.: Korrektur, die Mahnkosten betragen nur 2,50 €, also Summe 92,30 €.",
    "PS Die Summe oben ist falsch, richtig sind 92,30 €.",
    "Nachtrag: Der offene Betrag lautet richtig 92,30 €, nicht 94,80 €.",
])
def test_a_postscript_is_read_as_the_senders_text(postscript: str) -> None:
    parsed = parse_body(TABLE + f"\nViele Grüße\nKabelNord Service\n\n{postscript}\n", None)
    assert "92,30" in parsed.reply_text
    result = run(TABLE + f"\nViele Grüße\nKabelNord Service\n\n{postscript}\n")
    assert not (result.amount_is_safe and result.total_amount == Decimal("94.80"))


def test_a_signature_without_a_postscript_stays_the_signature() -> None:
    parsed = parse_body(TABLE + "\nViele Grüße\nKabelNord Service GmbH\nPostfach 12 34, 20095 Hamburg\n", None)
    assert "Postfach" in parsed.signature_text
    assert "Postfach" not in parsed.reply_text


@pytest.mark.parametrize("lead", ["ca.", "circa", "etwa", "rund", "ungefähr", "knapp", "approx."])
def test_a_rough_figure_is_never_written_as_exact(lead: str) -> None:
    result = run(f"Hallo,\nbei Frau Roth stehen {lead} 310,00 € offen; die genaue Aufstellung folgt.\nGruß\nKabelNord")
    assert not result.amount_is_safe


def test_rows_that_miss_their_total_keep_it_from_being_written() -> None:
    body = ("Guten Tag,\n\nForderungsaufstellung Roth:\n\nHauptforderung   400,00 EUR\nZinsen            12,40 EUR\n"
            "Kosten            30,00 EUR\n-------------------------\nGesamt           452,40 EUR\n\nMfG\nKabelNord")
    result = run(body)
    assert result.total_amount == Decimal("452.40")
    assert not result.amount_is_safe
    assert any("442,40" in reason for reason in result.amount_safety_reasons)


def test_rows_below_other_figures_are_no_closed_table() -> None:
    # A group of rows after an earlier figure is one part of a longer statement, not the total's whole table.
    body = ("Guten Tag,\n\nder Vertrag lief mit 19,99 € im Monat.\n\nOffene Rechnungen   120,00 €\n"
            "Mahnkosten            7,50 €\nGesamtforderung     127,50 €\n\nMfG\nKabelNord")
    result = run(body)
    assert result.total_amount == Decimal("127.50")
    assert not any("rows listed" in reason for reason in result.amount_safety_reasons)


def test_separate_sums_for_two_accounts_go_to_a_human() -> None:
    body = ("Guten Tag,\n\nfür Frau Roth führen wir zwei Konten:\n\nA) Internet, Vertrag 71-3308\n"
            "   Grundentgelte        210,00 €\n   Mahnkosten             5,00 €\n   Summe Internet       215,00 €\n\n"
            "B) Versand, Kundenkonto 71-4412\n   Rechnung 55-201 vom 02.10.2026   80,00 €\n"
            "   Mahngebühr              8,00 €\n   Summe Rechnungskauf    88,00 €\n\n"
            "Bitte geben Sie bei Zahlungen das Konto an.\n\nMfG\nKabelNord")
    result = run(body)
    assert not result.amount_is_safe
    assert any("more than one account" in reason for reason in result.amount_safety_reasons)


def test_a_grand_total_over_two_accounts_is_read_but_goes_to_a_human() -> None:
    # Since session 16: the firm may have asked about one of the accounts (corpus_fresh43 and corpus_fresh34 label
    # the named account's figure, corpus_fresh4 the grand total), and only the letter tells which; never written alone.
    body = ("Guten Tag,\n\nFrau Roth hat bei uns zwei Kundenkonten:\n\nKonto 71-3308: offen 215,00 €\n"
            "Konto 71-4412: offen 88,00 €\n\nDie Gesamtforderung beträgt damit 303,00 €.\n\nMfG\nKabelNord")
    result = run(body)
    assert result.total_amount == Decimal("303.00")
    assert not result.amount_is_safe
    assert any("several accounts" in reason for reason in result.amount_safety_reasons)


def statement(text: str) -> ExtractionResult:
    return run(f"Guten Tag,\n\nzu Frau Tanja Roth, Kundenkonto 71-3308:\n\n{text}\n\nMfG\nKabelNord")


@pytest.mark.parametrize("text", [
    "Saldo Kundenkonto: 56,10 € Haben",
    "Kontostand: -56,10 EUR (Guthaben der Kundin)",
    "Es besteht ein Guthaben von 56,10 € zu Gunsten Ihrer Mandantin.",
    "Saldo 56,10 EUR zu Ihren Gunsten",
])
def test_a_credit_in_the_debtors_favour_is_never_a_claim(text: str) -> None:
    result = statement(text)
    assert result.total_amount != Decimal("56.10")


def test_a_balance_in_the_creditors_favour_is_the_claim() -> None:
    result = statement("Saldo zu unseren Gunsten: 56,10 €")
    assert result.total_amount == Decimal("56.10")


@pytest.mark.parametrize("text", [
    "Frau Roth hat die Forderung am 03.01. bestritten. Wir halten daran fest: offen sind 418,00 €.",
    "Der Vorgang ist als strittig markiert. Offener Betrag: 418,00 €",
    "Gegen die Rechnung wurde Widerspruch eingelegt; offen sind weiterhin 418,00 €.",
])
def test_a_claim_the_debtor_disputes_goes_to_a_human(text: str) -> None:
    result = statement(text)
    assert result.total_amount == Decimal("418.00")
    assert not result.amount_is_safe


@pytest.mark.parametrize("text", [
    "Die Forderung ist unbestritten. Offener Betrag: 418,00 €",
    "Gegen den Mahnbescheid wurde kein Widerspruch eingelegt. Offener Betrag: 418,00 €",
    "Einspruch hat Herr Roth nicht erhoben, der Bescheid ist rechtskräftig. Offener Betrag: 418,00 €",
])
def test_an_undisputed_claim_is_safe(text: str) -> None:
    result = statement(text)
    assert result.amount_is_safe, result.amount_safety_reasons


@pytest.mark.parametrize("text", [
    "Offen sind 418,00 € zzgl. Zinsen seit dem 01.09.2026.",
    "Die Forderung beträgt 418,00 € nebst 5 % Zinsen über dem Basiszinssatz seit Rechnungsdatum.",
])
def test_interest_added_in_words_only_keeps_the_total_from_being_written(text: str) -> None:
    result = statement(text)
    assert result.total_amount == Decimal("418.00")
    assert not result.amount_is_safe


def test_interest_that_runs_on_from_now_leaves_the_total_current() -> None:
    result = statement("Offen sind 418,00 € zzgl. weiterer Zinsen ab dem 01.02.2027.")
    assert result.amount_is_safe


@pytest.mark.parametrize("text", [
    "Rückstand gesamt: 418,00 €\nDer Beitrag für 02/2027 ist per Lastschrift beglichen.",
    "Folgende Rechnungen sind noch nicht beglichen:\nRechnung 1: 200,00 €\nRechnung 2: 218,00 €\n"
    "Gesamt offen: 418,00 €",
    "Gesamtforderung: 418,00 €\nDer Betrag kann per Überweisung beglichen werden.",
    "Gesamtforderung: 418,00 €\nEine frühere Forderung aus 2025 wurde im Januar vollständig beglichen.",
])
def test_a_paid_item_or_how_to_pay_beside_an_open_total_is_no_settled_account(text: str) -> None:
    result = statement(text)
    assert result.total_amount == Decimal("418.00")
    assert result.amount_is_safe


def test_a_settled_claim_beside_a_figure_still_stops_the_write() -> None:
    result = statement("Die Forderung über 418,00 € ist inzwischen beglichen.\nKontostand laut System: 418,00 €")
    assert not result.amount_is_safe


@pytest.mark.parametrize("text", [
    "Offen sind 418,00 € zzgl. der Kosten dieses Schreibens.",
    "Die Forderung beträgt 418,00 € zuzüglich unserer Gebühren für die Adressermittlung.",
])
def test_costs_added_in_words_only_keep_the_total_from_being_written(text: str) -> None:
    result = statement(text)
    assert result.total_amount == Decimal("418.00")
    assert not result.amount_is_safe


def test_parts_the_creditor_will_quantify_later_keep_the_total_from_being_written() -> None:
    result = statement("Offen sind zusammen 418,00 €. Zinsen und Mahnkosten werden wir Ihnen gesondert beziffern und "
                       "nachreichen.")
    assert not result.amount_is_safe


def test_a_figure_with_its_thousands_grouped_wrong_keeps_the_total_from_being_written() -> None:
    result = statement("Rechnung 1.380,00 €\nMahnkosten 5,00 €\nGesamtbetrag 1.3850,00 €\n"
                       "Wir bitten, den offenen Betrag von 1.385,00 € zu überweisen.")
    assert not result.amount_is_safe


@pytest.mark.parametrize("text", [
    "Offen sind 418,00 €. Die Verzugszinsen seit Juli sind darin nicht berücksichtigt.",
    "Offen sind 418,00 €.\nNicht eingerechnet sind die Kosten des gerichtlichen Mahnverfahrens.",
    "Offen sind 418,00 €. Unsere Anwaltsgebühren stehen noch nicht fest und sind noch nicht beziffert.",
    "Offen sind 418,00 €. Please note that interest and collection costs are not included.",
])
def test_interest_or_costs_said_to_be_left_out_keep_the_total_from_being_written(text: str) -> None:
    result = statement(text)
    assert result.total_amount == Decimal("418.00")
    assert not result.amount_is_safe
    assert any("leaves out interest or costs" in reason for reason in result.amount_safety_reasons)


@pytest.mark.parametrize("text", [
    "Offen sind 418,00 €. Künftig anfallende Mahngebühren sind darin nicht enthalten.",
    "Offen sind 418,00 €. Der Abschlag für März ist in diesem Betrag nicht enthalten.",
    "Offen sind 418,00 € einschließlich aller Zinsen und Kosten.",
])
def test_parts_not_yet_due_or_included_leave_the_total_safe(text: str) -> None:
    result = statement(text)
    assert result.total_amount == Decimal("418.00")
    assert result.amount_is_safe


def test_a_total_over_several_creditors_claims_goes_to_a_human() -> None:
    text = ("Mir liegen zwei Aufträge vor:\n1. Gläubigerin Nordstern Energie GmbH, Forderung 610,00 €\n"
            "2. Gläubiger Autohaus Pielke KG, Forderung 95,00 €\nZusammen offen: 705,00 €")
    result = statement(text)
    assert result.total_amount == Decimal("705.00")
    assert any("more than one creditor" in reason for reason in result.amount_safety_reasons)
    assert not result.amount_is_safe


def test_one_creditor_named_twice_is_one_creditor() -> None:
    text = ("Gläubigerin: Nordstern Energie GmbH\nStrom 2026     610,00 €\nMahnkosten       5,00 €\n"
            "Gesamt offen:  615,00 €\nBitte zahlen Sie an die Gläubigerin Nordstern Energie GmbH.")
    result = statement(text)
    assert result.total_amount == Decimal("615.00")
    assert result.amount_is_safe


@pytest.mark.parametrize("text", [
    "Offen sind 418,00 €.\nNachtrag: Ich habe mich vertippt, es sind nicht 418,00 €, sondern 481,00 €.",
    "Der Saldo beträgt nicht 418,00 €, sondern 481,00 €.",
    "Da fehlt noch eine Rechnung über 63,00 €. Also nicht 418,00 € wie in meiner letzten Mail sondern zusammen "
    "481,00 €.",
])
def test_a_figure_taken_back_gives_way_to_its_correction_for_a_human(text: str) -> None:
    result = statement(text)
    assert result.total_amount == Decimal("481.00")
    assert not result.amount_is_safe
    assert any("previous or cancelled total: 418,00 €" in reason for reason in result.amount_safety_reasons)


def test_a_total_over_several_peoples_claims_goes_to_a_human() -> None:
    result = statement("Forderungsstand:\nFrau Erika Roth        410,00 EUR\nHerr Tim Roth           95,50 EUR\n"
                       "Gesamt Haushalt        505,50 EUR")
    assert not result.amount_is_safe
    assert any("more than one person" in reason for reason in result.amount_safety_reasons)


@pytest.mark.parametrize("text", [
    "Offen sind 418,00 €. Die doppelt berechnete Gebühr von 25,00 € wird Ihrer Mandantin mit der nächsten Rechnung "
    "gutgeschrieben.",
    "Offen sind 418,00 €. Eine Gutschrift über 25,00 € ist bereits beauftragt.",
])
def test_a_credit_still_to_be_booked_keeps_the_total_from_being_written(text: str) -> None:
    result = statement(text)
    assert not result.amount_is_safe
    assert any("still to be booked" in reason for reason in result.amount_safety_reasons)


@pytest.mark.parametrize("text", [
    "Offen sind 418,00 €. Gestern kam eine Überweisung Ihrer Mandantin über 60,00 € bei uns an; sie ist noch nicht "
    "gebucht.",
    "Offen sind 418,00 €. Die Rate vom 02.11. ist bereits eingegangen, aber noch nicht verrechnet.",
    "Offen sind 418,00 €. Die noch nicht verbuchte Zahlung vom Montag ist darin enthalten.",
    "Offen sind 418,00 €. Eine genaue Aufstellung senden wir erst nach der Verbuchung der letzten Rate.",
    "The balance is 418.00 EUR. A payment of 60.00 EUR arrived this week and has not been posted yet.",
    "Offen sind 418,00 €. Heute früh kam eine Überweisung über 60,00 € herein. Diese ist im genannten Betrag noch "
    "nicht berücksichtigt.",
])
def test_a_payment_not_yet_booked_keeps_the_total_from_being_written(text: str) -> None:
    result = statement(text)
    assert not result.amount_is_safe
    assert any("still to be booked" in reason for reason in result.amount_safety_reasons)


@pytest.mark.parametrize("text", [
    "Offen sind 418,00 €. Zahlungen der letzten Tage sind gegebenenfalls noch nicht berücksichtigt.",
    "Offen sind 418,00 €. Die Zahlung vom 02.11. über 60,00 € ist bereits verbucht.",
    "Offen sind 418,00 €. Die Zahlung vom 02.11. ist eingegangen. Sie ist bereits verbucht.",
])
def test_a_standing_caveat_or_a_booked_payment_raises_no_such_doubt(text: str) -> None:
    result = statement(text)
    assert not any("still to be booked" in reason for reason in result.amount_safety_reasons)


def test_a_credit_already_booked_raises_no_doubt() -> None:
    result = statement("Offen sind 418,00 €. Eine Gutschrift über 25,00 € wurde bereits gutgeschrieben.")
    assert result.amount_is_safe


def test_a_deposit_among_the_rows_of_the_total_keeps_it_from_being_written() -> None:
    result = statement("Strom Mai bis Juli      294,00 €\nMahnkosten               12,00 €\n"
                       "Sicherheitsleistung     200,00 €\nGesamtbetrag            506,00 €")
    assert result.total_amount == Decimal("506.00")
    assert any("deposit" in reason for reason in result.amount_safety_reasons)
    assert not result.amount_is_safe


def test_a_subject_that_names_another_figure_than_the_body_keeps_the_total_from_being_written() -> None:
    body = "Guten Tag,\n\nzu Frau Tanja Roth:\nRechnungen 400,00 EUR\nZinsen 12,00 EUR\nZu zahlen 412,00 EUR\n\nGruß"

    def read(subject: str) -> ExtractionResult:
        return extract(parse_body(body, None), subject=subject, from_email="service@kabelnord.example",
                       from_name="KabelNord Service")
    stale = read("Kundenkonto 71-3308 – offener Betrag 400,00 EUR")
    assert stale.total_amount == Decimal("412.00")
    assert not stale.amount_is_safe
    assert any("subject names the claim" in reason for reason in stale.amount_safety_reasons)
    assert read("Kundenkonto 71-3308 – offener Betrag 412,00 EUR").amount_is_safe


def test_a_sentence_that_calls_another_figure_todays_claim_keeps_the_total_from_being_written() -> None:
    result = statement("Der offene Betrag auf dem Kundenkonto beträgt derzeit 380,00 €.\n\nRechnung 1     200,00 €\n"
                       "Rechnung 2     180,00 €\nMahngebühren    38,00 €\nGesamt offen   418,00 €")
    assert result.total_amount == Decimal("418.00")
    assert any("the current figure" in reason for reason in result.amount_safety_reasons)
    assert not result.amount_is_safe


def test_a_current_figure_the_sentence_adds_to_is_no_second_claim() -> None:
    result = statement("Offen sind derzeit 380,00 € zzgl. Mahngebühren von 38,00 €, zusammen 418,00 €.")
    assert result.total_amount == Decimal("418.00")
    assert result.amount_is_safe


@pytest.mark.parametrize(("text", "reason"), [
    ("Forderung lt. System: 418,00 €. Dieser Betrag ist unverbindlich, die verbindliche Aufstellung folgt.",
     "provisional"),
    ("Offen sind 418,00 € unter dem Vorbehalt der Prüfung durch unsere Rechtsabteilung.", "provisional"),
    ("Unser Kunde ist nicht Frau Roth, sondern die Roth Gartenbau GmbH.\nOffene Posten: 418,00 €", "company"),
    ("Rückstand Mietenbuchhaltung 418,00 €. Es handelt sich um eine Teilforderung.", "further parts"),
])
def test_a_provisional_partial_or_companys_claim_is_never_written_alone(text: str, reason: str) -> None:
    result = statement(text)
    assert not result.amount_is_safe
    assert any(reason in doubt for doubt in result.amount_safety_reasons)


def test_a_total_stated_as_of_a_day_long_past_is_never_written_alone() -> None:
    body = "Guten Tag,\n\nzu Frau Tanja Roth:\nAktueller Saldo zum Stichtag 30.09.2026: 418,00 EUR\n\nMfG\nKabelNord"

    def read(received: date) -> ExtractionResult:
        return extract(parse_body(body, None), subject="Tanja Roth", from_email="service@kabelnord.example",
                       from_name="KabelNord", received_on=received)
    assert not read(date(2027, 10, 2)).amount_is_safe
    assert any("stated as of 30.09.2026" in doubt for doubt in read(date(2027, 10, 2)).amount_safety_reasons)
    assert read(date(2026, 10, 2)).amount_is_safe


@pytest.mark.parametrize("text", [
    "Bei uns sind zwei Kunden mit dem Namen Tanja Roth geführt. Für die Kundin in der Gartenstraße sind "
    "offen: 212,40 €.",
    "Offen sind 212,40 €. Sollte Ihre Mandantin die 1988 geborene Frau Roth sein, teilen Sie uns das bitte mit.",
    "Offen sind 212,40 €. Das Konto lässt sich Ihrer Mandantin nicht eindeutig zuordnen.",
])
def test_a_creditor_unsure_the_figures_are_the_clients_keeps_them_from_being_written(text: str) -> None:
    result = statement(text)
    assert result.total_amount == Decimal("212.40")
    assert not result.amount_is_safe
    assert any("not sure the figures are the client's" in reason for reason in result.amount_safety_reasons)


def test_an_apology_for_an_earlier_mix_up_raises_no_identity_doubt() -> None:
    result = statement("Bitte entschuldigen Sie die Verwechslung in unserer letzten Mail. Offen sind 212,40 €.")
    assert result.amount_is_safe


@pytest.mark.parametrize("text", [
    "Der vorläufige Saldo des Kontos beträgt 212,40 €.",
    "Offen sind 212,40 €. Bitte vor Weitergabe mit der Rechtsabteilung abstimmen.",
    "Offen sind 212,40 €, der Zinslauf ab 01.12. ist noch nicht gerechnet.",
])
def test_a_provisional_or_internal_figure_is_not_written_alone(text: str) -> None:
    result = statement(text)
    assert result.total_amount == Decimal("212.40")
    assert not result.amount_is_safe


def test_a_procedure_stopped_for_now_is_no_provisional_figure() -> None:
    result = statement("Offen sind 212,40 €. Das Mahnverfahren haben wir vorläufig eingestellt.")
    assert not any("provisional" in reason for reason in result.amount_safety_reasons)


def _received(body: str, received: date) -> ExtractionResult:
    return extract(parse_body(f"Guten Tag,\n\nzu Frau Tanja Roth:\n{body}\n\nMfG\nKabelNord", None),
                   subject="Tanja Roth", from_email="service@kabelnord.example", from_name="KabelNord",
                   received_on=received)


@pytest.mark.parametrize("body", [
    # interest running by the day since a day a week before the mail
    "Offener Betrag: 640,20 EUR.\nSeit dem 25.05.2027 kommen täglich 0,19 EUR Verzugszinsen hinzu.",
    "Offen sind 640,20 EUR. Ab 26.05. berechnen wir Zinsen von 0,19 EUR je Tag.",
    # the total dated before the mail beside a daily amount
    "Saldo per 24.05.2027: 640,20 EUR\nDanach fallen Zinsen an, derzeit 0,19 EUR pro Tag.",
])
def test_a_total_that_grew_by_the_day_since_before_the_mail_is_never_written_alone(body: str) -> None:
    result = _received(body, date(2027, 6, 2))
    assert result.total_amount == Decimal("640.20")
    assert not result.amount_is_safe
    assert any("by the day" in doubt for doubt in result.amount_safety_reasons)


@pytest.mark.parametrize("body", [
    # the daily amount starts on the mail's day or later: the total is today's
    "Offen sind 640,20 EUR. Ab dem 02.06.2027 berechnen wir Zinsen von 0,19 EUR je Tag.",
    "Offen sind 640,20 EUR. Ab 15.06. fallen Standgebühren von 4,00 EUR pro Tag an.",
    # a daily amount with no day it runs from, the total not dated
    "Offen sind 640,20 EUR zzgl. weiterer Zinsen von täglich 0,19 EUR.",
])
def test_a_daily_amount_from_today_on_leaves_the_total_safe(body: str) -> None:
    result = _received(body, date(2027, 6, 2))
    assert result.total_amount == Decimal("640.20")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_a_credit_set_off_explains_a_larger_figure_before_it() -> None:
    body = ("Bis zur Schlussrechnung standen 880,40 EUR offen. Die Schlussrechnung ergab ein Guthaben von 75,20 EUR,"
            " das wir verrechnet haben. Nach Verrechnung verbleiben 805,20 EUR.")
    result = statement(body)
    assert result.total_amount == Decimal("805.20")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_a_larger_figure_a_credit_does_not_explain_still_keeps_the_total_from_being_written_alone() -> None:
    body = ("Bis zur Schlussrechnung standen 880,40 EUR offen. Die Schlussrechnung ergab ein Guthaben von 60,00 EUR,"
            " das wir verrechnet haben. Nach Verrechnung verbleiben 805,20 EUR.")
    assert not statement(body).amount_is_safe


@pytest.mark.parametrize("text", [
    "Offen sind 418,00 EUR. Für die Stundung fallen Zinsen an (0,5 % je Monat); diese werden nach ihrem Ende "
    "gesondert festgesetzt.",
    "Offen sind 418,00 EUR. Die Vollstreckungskosten setzen wir später fest; sie werden nachträglich festgesetzt.",
])
def test_interest_or_costs_to_be_fixed_later_keep_the_total_from_being_written_alone(text: str) -> None:
    result = statement(text)
    assert result.total_amount == Decimal("418.00")
    assert any("further parts later" in doubt for doubt in result.amount_safety_reasons)


def test_costs_that_are_not_charged_separately_raise_no_doubt() -> None:
    result = statement("Offen sind 418,00 EUR. Mahnkosten werden nicht gesondert festgesetzt.")
    assert result.amount_is_safe, result.amount_safety_reasons


@pytest.mark.parametrize("text", [
    "Bitte ignorieren Sie unsere Mail von heute früh. Offen sind 418,00 EUR.",
    "Unsere Aufstellung vom 02.03. zu Frau Roth war leider falsch. Richtig ist ein offener Betrag von 418,00 EUR.",
    "Please disregard our earlier e-mail. The correct balance is EUR 418.00.",
])
def test_a_figure_sent_to_correct_an_earlier_answer_is_never_written_alone(text: str) -> None:
    result = statement(text)
    assert result.total_amount == Decimal("418.00")
    assert any(doubt.startswith("the creditor withdraws or corrects") for doubt in result.amount_safety_reasons)


def test_a_withdrawal_that_promises_an_answer_is_a_persons_not_an_automatic_note() -> None:
    result = statement("Unsere gestrige Antwort zu Frau Roth ist gegenstandslos. Wir melden uns in Kürze.")
    assert result.intent != "auto_reply"


def test_the_firms_letter_called_wrong_is_no_withdrawal_of_the_creditors() -> None:
    result = statement("Ihre Aufstellung war leider falsch: offen sind 418,00 EUR.")
    assert not any(doubt.startswith("the creditor withdraws") for doubt in result.amount_safety_reasons)


def test_an_amount_added_under_the_sum_without_a_new_sum_keeps_it_from_being_written_alone() -> None:
    table = ("Hauptforderung         512,00 EUR\nMahnkosten              12,00 EUR\n-------------------------------\n"
             "Summe                   524,00 EUR\n")
    added = statement(table + "zzgl. Auslagen für die Adressermittlung 9,50 EUR")
    assert added.total_amount == Decimal("524.00")
    assert any("added after the total" in doubt for doubt in added.amount_safety_reasons)
    # a sum after the addition is the total; a cost only announced for a later case adds nothing today
    assert statement(table + "zzgl. Auslagen 9,50 EUR\nneue Summe 533,50 EUR").total_amount == Decimal("533.50")
    later = statement(table + "\nIm Fall einer Klage kämen Gerichtskosten von 105,00 EUR hinzu.")
    assert later.amount_is_safe, later.amount_safety_reasons


@pytest.mark.parametrize("text", [
    "Offen sind 1.190,00 € brutto (1.000,00 € netto). Bitte sagen Sie uns, ob wir netto oder brutto anmelden sollen.",
    "Die Forderung beträgt 1.190,00 €. Welchen Betrag sollen wir für Ihre Mandantin anmelden, mit oder ohne "
    "Umsatzsteuer?",
])
def test_a_creditor_asking_which_figure_to_file_is_a_humans(text: str) -> None:
    assert not statement(text).amount_is_safe


def test_rows_that_miss_the_total_are_compared_past_a_fees_value_named_in_passing() -> None:
    rows = ("Hauptforderung                            1.500,00 €\n"
            "Zinsen                                       62,10 €\n"
            "1,3 Geschäftsgebühr (Wert 1.500,00 €)        172,90 €\n"
            "Auslagenpauschale                            20,00 €\n")
    assert statement(rows + "Gesamt                                    1.755,00 €").amount_is_safe
    slip = statement(rows + "Gesamt                                    1.785,00 €")
    assert any("add up to 1.755,00" in doubt for doubt in slip.amount_safety_reasons)


def test_a_payment_listed_above_a_total_that_does_not_take_it_off_is_a_humans() -> None:
    rows = ("Hauptforderung    900,00 EUR\nZinsen             41,20 EUR\nKosten             58,80 EUR\n"
            "Zahlung vom 03.07. -100,00 EUR\n")
    left_in = statement(rows + "Gesamtforderung  1.000,00 EUR")
    assert any("does not take it off" in doubt for doubt in left_in.amount_safety_reasons)
    taken_off = statement(rows + "Gesamtforderung    900,00 EUR")
    assert not any("does not take it off" in doubt for doubt in taken_off.amount_safety_reasons)


@pytest.mark.parametrize("offer", [
    "Um die Sache zu erledigen, ist unser Mandant bereit, gegen eine Einmalzahlung von 700,00 EUR auf den Rest zu "
    "verzichten.",
    "Unsere Auftraggeberin würde sich mit einem Vergleichsbetrag von\n700,00 EUR begnügen, zahlbar bis 30.09.",
])
def test_a_lower_sum_offered_to_settle_beside_the_claim_is_for_the_firm_and_the_client_to_decide(offer: str) -> None:
    result = statement(f"Gesamtforderung: 1.040,00 EUR\n\n{offer}")
    assert result.total_amount == Decimal("1040.00")
    assert any("offers to settle for less" in doubt for doubt in result.amount_safety_reasons)


def test_a_one_off_payment_received_is_no_settlement_offer() -> None:
    result = statement("Ihre Einmalzahlung von 200,00 EUR ist eingegangen. Restforderung: 1.040,00 EUR")
    assert not any("offers to settle" in doubt for doubt in result.amount_safety_reasons)


def test_costs_larger_than_the_rest_left_after_a_deduction_that_explains_it_are_no_doubt() -> None:
    result = statement("Stand des Kassenzeichens:\n- Gebühren laut Bescheid: 800,00 EUR\n- Säumniszuschlag: 16,00 EUR\n"
                       "- abzüglich Zahlung vom 02.05.: -200,00 EUR\n\nNoch offen: 616,00 EUR")
    assert result.total_amount == Decimal("616.00")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_costs_larger_than_a_total_the_deduction_does_not_explain_stay_a_doubt() -> None:
    result = statement("Stand des Kassenzeichens:\n- Gebühren laut Bescheid: 800,00 EUR\n- Säumniszuschlag: 16,00 EUR\n"
                       "- abzüglich Zahlung vom 02.05.: -200,00 EUR\n\nNoch offen: 566,00 EUR")
    assert not result.amount_is_safe
    assert any("larger than the total" in reason for reason in result.amount_safety_reasons)


def test_an_earlier_answer_called_out_of_date_keeps_the_new_figure_from_being_written_alone() -> None:
    result = statement("Unsere Mitteilung vom 03.05. ist nicht mehr aktuell: nach der Schlussabrechnung beträgt die "
                       "Forderung jetzt 733,10 €.")
    assert result.total_amount == Decimal("733.10")
    assert not result.amount_is_safe
    assert any("earlier answer" in reason for reason in result.amount_safety_reasons)


def test_a_figure_changed_from_its_former_value_is_the_new_one() -> None:
    result = statement("Nach der Neuberechnung ändert sich der Saldo von bisher 512,00 € auf nunmehr 447,10 €.")
    assert result.total_amount == Decimal("447.10")
    assert [c.reason for c in result.amounts if c.value == Decimal("512.00")] == ["previous figure, superseded"]
    assert not result.amount_is_safe


def test_a_bare_amount_after_the_total_that_it_and_the_parts_between_add_up_to_keeps_it_from_being_written() -> None:
    result = statement("Die Restschuld beträgt 2.410,00 EUR. Dazu kommen Zinsen von 61,30 EUR und Kosten von "
                       "12,00 EUR.\n\n2.483,30 EUR\n\nBitte überweisen Sie diesen Betrag.")
    assert not result.amount_is_safe
    assert any("larger sum" in reason for reason in result.amount_safety_reasons)


@pytest.mark.parametrize("check", [
    "Ob die Rücklastschriftgebühr bestehen bleibt, klärt unsere Buchhaltung noch.",
    "Wir prüfen derzeit noch, ob die Mahnkosten von 5,00 € berechtigt sind.",
    "Es wird noch geprüft, ob die Gebühren zurückgenommen werden.",
])
def test_a_part_of_the_claim_still_being_checked_is_never_written_alone(check: str) -> None:
    result = run(TABLE + f"\n{check}\n\nViele Grüße\nKabelNord Service")
    assert result.total_amount == Decimal("94.80")
    assert not result.amount_is_safe
    assert any("still being checked" in reason for reason in result.amount_safety_reasons)


@pytest.mark.parametrize("outlook", [
    "Falls die Gutschrift der Krankenkasse noch eingeht, verringert sich die Forderung auf 20,00 €.",
    "Sollte der Einspruch Erfolg haben, sind nur noch die Mahnkosten offen.",
    "Liegt uns der Befreiungsausweis vor, zahlt Frau Roth nur noch den Eigenanteil.",
])
def test_a_claim_that_would_fall_once_something_open_happens_is_never_written_alone(outlook: str) -> None:
    result = run(TABLE + f"\n{outlook}\n\nViele Grüße\nKabelNord Service")
    assert result.total_amount == Decimal("94.80")
    assert not result.amount_is_safe


@pytest.mark.parametrize("outlook", [
    "Eine Gutschrift für das zurückgeschickte Gerät folgt nach Prüfung; der Saldo verringert sich dann entsprechend.",
    "Die Beiträge sind geschätzt, der Rückstand kann sich nach dem Steuerbescheid noch ändern.",
])
def test_a_figure_the_creditor_says_may_still_change_is_never_written_alone(outlook: str) -> None:
    result = run(TABLE + f"\n{outlook}\n\nViele Grüße\nKabelNord Service")
    assert result.total_amount == Decimal("94.80")
    assert not result.amount_is_safe


def test_a_figure_the_final_bill_may_turn_out_higher_or_lower_is_never_written_alone() -> None:
    result = run(TABLE + "\nDie Schlussrechnung folgt nach dem Auszug; sie kann höher oder niedriger ausfallen.\n\n"
                 "Viele Grüße\nKabelNord Service")
    assert result.total_amount == Decimal("94.80")
    assert not result.amount_is_safe


@pytest.mark.parametrize("outlook", [
    "Die Schlussrechnung wird nach der Ablesung im Mai erstellt; sie verrechnet die Abschläge.",
    "Erst aus der Endabrechnung ergibt sich der endgültige Betrag.",
])
def test_a_balance_awaiting_its_final_bill_is_never_written_alone(outlook: str) -> None:
    result = run(TABLE + f"\n{outlook}\n\nViele Grüße\nKabelNord Service")
    assert result.total_amount == Decimal("94.80")
    assert not result.amount_is_safe


def test_a_writer_holding_the_claim_only_since_a_day_is_never_written_alone() -> None:
    result = run("Sehr geehrte Damen und Herren,\n\nwir sind seit dem 02.02.2070 Inhaberin der Forderung der KabelNord "
                 "gegen Frau Roth.\n\nHauptforderung   80,00 €\nInkassokosten    14,80 €\nSumme            94,80 €\n\n"
                 "Mit freundlichen Grüßen\nForderungsankauf Ost GmbH")
    assert result.total_amount == Decimal("94.80")
    assert not result.amount_is_safe


@pytest.mark.parametrize("sentence", [
    "Der offene Betrag ändert sich damit von 301,20 € auf 221,40 €.",
    "Durch die Gutschrift ist der Saldo von 301,20 € auf nunmehr 221,40 € gesunken.",
])
def test_a_figure_changed_into_another_is_the_new_one_and_a_human_confirms(sentence: str) -> None:
    result = run(f"Hallo,\n\nFrau Roth hat den Receiver zurückgeschickt, wir haben 79,80 € gutgeschrieben. {sentence}"
                 "\n\nViele Grüße\nKabelNord Service")
    assert result.total_amount == Decimal("221.40")
    assert not result.amount_is_safe  # the old figure stands beside it
    assert any("301,20" in reason for reason in result.amount_safety_reasons)
