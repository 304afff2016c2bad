"""A sum of one group inside a statement, a currency named only as the last column title, and letters the client's
side passes on, in statements written for these tests."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.attachments.result import AttachmentText, TextSegment
from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(text: str, *, attachments: tuple[AttachmentText, ...] = ()) -> ExtractionResult:
    return extract(parse_body(text, None), subject="AW: Ihre Anfrage", from_email="konto@gaswerk-lindholm.example",
                   from_name="Gaswerk Lindholm", attachments=attachments)


def pdf(*lines: str) -> AttachmentText:
    return AttachmentText(filename="Aufstellung.pdf", status="ok", detected_type="pdf",
                          segments=[TextSegment("page 1", "\n".join(lines))])


def test_a_group_of_fees_summed_inside_the_list_does_not_rival_the_whole() -> None:
    result = run("die Forderung setzt sich zum 02.02. so zusammen:\n\n"
                 "Kaufpreis Einbauküche                 2.318,00 EUR\n"
                 "Zinsen seit 01.09.                       61,25 EUR\n"
                 "Kosten des Mahnverfahrens\n"
                 "   Gerichtskosten           38,00 EUR\n"
                 "   Auslagen                 12,40 EUR\n"
                 "   zusammen                                 50,40 EUR\n"
                 "Summe der Forderung                    2.429,65 EUR")
    assert result.total_amount == Decimal("2429.65")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_two_accounts_each_summed_and_added_up_stay_rivals() -> None:
    result = run("Stromkonto 11\nRechnung März     140,00 EUR\nMahnkosten          5,00 EUR\n"
                 "offen Strom       145,00 EUR\n\nGaskonto 12\nRechnung März     210,00 EUR\n"
                 "Mahnkosten          5,00 EUR\n"
                 "offen Gas         215,00 EUR\n\nZusammen sind 360,00 EUR offen.")
    assert not result.amount_is_safe


def test_fees_summed_above_the_total_leave_the_total_safe() -> None:
    result = run("Offen sind zwei Abschläge zu je 96,00 EUR (zusammen 192,00 EUR) und die Schlussrechnung über "
                 "58,10 EUR. Dazu kommen zwei Rücklastschriften, insgesamt 9,00 EUR.\n\n"
                 "Die Forderung beläuft sich damit heute auf 259,10 EUR.")
    assert result.total_amount == Decimal("259.10")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_a_remainder_after_the_chosen_sum_still_rivals_it() -> None:
    result = run("aus dem Bescheid vom 03.03. besteht eine Forderung über 1.200,00 EUR. Seit April verrechnen wir "
                 "monatlich 50,00 EUR (bisher 4 Monate, zusammen 200,00 EUR).\n\n"
                 "Restforderung Stand heute: 1.000,00 EUR")
    assert not (result.amount_is_safe and result.total_amount == Decimal("1200.00"))


@pytest.mark.parametrize("header", ["Fälligkeit Posten EUR", "Datum | Vorgang | €", "Monat Beitrag (EUR)"])
def test_a_currency_named_as_the_last_column_title_counts_for_the_rows(header: str) -> None:
    sheet = pdf("Stadt Lindholm – Kasse", "Rückstandsaufstellung 5.11.204.88", header,
                "15.02. Hundesteuer 60,00", "15.05. Hundesteuer 60,00", "Mahngebühr 7,50", "Rückstand 127,50")
    result = run("anbei die Aufstellung.", attachments=(sheet,))
    assert result.total_amount == Decimal("127.50")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_a_title_row_in_a_sentence_is_no_currency_header() -> None:
    sheet = pdf("Stadt Lindholm – Kasse", "Zahlungen bitte in EUR auf das unten genannte Konto.",
                "15.02. Hundesteuer 60,00", "15.05. Hundesteuer 60,00", "Rückstand 120,00")
    assert not run("anbei die Aufstellung.", attachments=(sheet,)).amount_is_safe


@pytest.mark.parametrize("writer", [
    "ich bin der Sohn von Herrn Egon Lindqvist. Mein Vater hat diesen Brief bekommen und weiß nicht weiter.",
    "anbei die Mahnung, die meine Mutter letzte Woche bekommen hat.",
    "Meinem Mann ist das unangenehm, deshalb schreibe ich Ihnen.",
])
def test_a_letter_passed_on_by_the_clients_family_is_never_written_alone(writer: str) -> None:
    result = run(f"Guten Tag,\n\n{writer}\n\nOffener Gesamtbetrag: 412,30 EUR\n\nViele Grüße\nMarta Lindqvist")
    assert result.total_amount == Decimal("412.30")
    assert not result.amount_is_safe
    assert any("relative" in reason for reason in result.amount_safety_reasons)


def test_a_creditor_writing_with_her_husband_as_one_party_is_not_held_as_the_clients_family() -> None:
    result = run("Hallo,\n\noffen sind zwei Monatsmieten.\n\nOffener Gesamtbetrag: 412,30 EUR\n\n"
                 "Mein Mann und ich möchten nur, dass das geregelt wird.\n\nGruß\nKonstanze Feulner")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_a_clerk_writing_about_the_client_is_not_held_as_family() -> None:
    result = run("Sehr geehrte Damen und Herren,\n\nfür Frau Lindqvist ist noch ein Betrag offen.\n\n"
                 "Offener Gesamtbetrag: 412,30 EUR\n\nMit freundlichen Grüßen\nGaswerk Lindholm")
    assert result.amount_is_safe, result.amount_safety_reasons


@pytest.mark.parametrize(("said", "disputed"), [
    ("Der Kunde hat die Montage wegen angeblicher Mängel beanstandet.", True),
    ("Eine Mängelrüge liegt uns vor, wir halten sie für unbegründet.", True),
    ("Die Lieferung wurde vom Kunden nicht beanstandet.", False),
    ("Die beanstandete Frachtpauschale haben wir herausgenommen; im Übrigen ist die Forderung unbestritten.", False),
])
def test_defects_the_debtor_complained_of_are_a_dispute(said: str, disputed: bool) -> None:
    result = run(f"Die Forderung beträgt 830,00 EUR.\n\n{said}")
    assert any("disputes" in reason for reason in result.amount_safety_reasons) is disputed


def test_an_earlier_letters_figure_in_the_past_tense_is_not_todays_claim() -> None:
    result = run("am 03.03. sind 300,00 EUR eingegangen.\n\nUnser Schreiben vom 14.02. nannte eine Forderung von "
                 "4.410,00 EUR. Nach Abzug der Zahlung beläuft sich die Forderung heute auf 4.110,00 EUR.")
    assert result.total_amount == Decimal("4110.00")
    assert any(a.value == Decimal("4410.00") and a.rejected for a in result.amounts)


def test_a_minus_row_of_a_calculation_is_taken_off() -> None:
    result = run("Damit ergibt sich:\nRestschuld per Kündigung: 3.200,00 EUR\n+ Zinsen bis heute: 41,50 EUR\n"
                 "– Zahlung der Bürgin: 600,00 EUR\n= Restforderung: 2.641,50 EUR")
    assert result.total_amount == Decimal("2641.50")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_a_dash_list_without_a_calculation_is_no_deduction() -> None:
    result = run("Offen sind:\n– Rechnung März: 120,00 EUR\n– Rechnung April: 120,00 EUR\nGesamt: 240,00 EUR")
    assert result.total_amount == Decimal("240.00")
    assert result.amount_is_safe, result.amount_safety_reasons


@pytest.mark.parametrize(("said", "sold"), [
    ("Die Forderung ist nicht an Dritte abgetreten.", False),
    ("Die Forderung wurde weder verkauft noch abgetreten.", False),
    ("Die Forderung wurde an die Hanse Inkasso GmbH abgetreten.", True),
])
def test_a_claim_not_assigned_keeps_its_creditor(said: str, sold: bool) -> None:
    result = run(f"Die Forderung beträgt 548,90 EUR.\n\n{said}\n\nMit freundlichen Grüßen\nH. Brandt")
    assert any("sold or assigned" in reason for reason in result.amount_safety_reasons) is sold


def test_an_earlier_statement_called_out_of_date_is_a_former_total() -> None:
    result = run("Unsere Forderungsaufstellung vom 20.03. über 912,40 EUR ist überholt.\n\n"
                 "Hauptforderung 800,00 EUR\nKosten 62,40 EUR\nRestforderung 862,40 EUR\n\n"
                 "Mit freundlichen Grüßen\nKasse")
    assert result.total_amount == Decimal("862.40")
    assert any("previous or cancelled total" in reason for reason in result.amount_safety_reasons)


def test_an_old_reminders_figure_called_out_of_date_names_no_earlier_answer() -> None:
    result = run("Unsere Zahlungserinnerung vom 20.03. über 912,40 EUR ist damit überholt.\n\n"
                 "Hauptforderung 800,00 EUR\nKosten 62,40 EUR\nGesamtforderung 862,40 EUR\n\n"
                 "Mit freundlichen Grüßen\nKasse")
    assert result.total_amount == Decimal("862.40")
    assert result.amount_is_safe, result.amount_safety_reasons
