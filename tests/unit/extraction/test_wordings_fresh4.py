"""Wordings from banks and utilities: a bank's "Gesamtobligo" over several accounts, a sum "so far" that a later
waiver replaces."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(text: str, *, subject: str = "AW: Ihre Anfrage") -> ExtractionResult:
    return extract(parse_body(text, None), subject=subject, from_email="forderung@bank.example",
                   from_name="Volksbank Beispieltal", attachments=())


def test_a_banks_obligo_sums_the_accounts_listed_above_it() -> None:
    result = run("Guten Tag,\n\nfür Ihre Mandantin führen wir folgende Konten:\n\n"
                 "Kontokorrent   1122 334 455   Stand 02.03.2026   1.610,20 S\n"
                 "Ratenkredit    7788 990       Stand 02.03.2026     945,15 S\n"
                 "                                                   ----------\n"
                 "Gesamtobligo                                       2.555,35 S\n\n"
                 "Mit freundlichen Grüßen\nVolksbank Beispieltal")
    assert result.total_amount == Decimal("2555.35")


def test_a_sum_so_far_is_replaced_by_what_remains_after_a_waiver() -> None:
    result = run("Hallo,\n\nIhr Mandant schuldete uns:\n\n"
                 "offene Rechnungen       480,00 EUR\n"
                 "Mahngebühren             15,00 EUR\n"
                 "Summe bisher            495,00 EUR\n\n"
                 "Auf die Mahngebühren verzichten wir. Offen bleiben somit 480,00 EUR.\n\nGruß\nStadtwerke")
    assert result.total_amount == Decimal("480.00")


def test_a_running_total_labelled_bisher_gesamt_is_not_the_claim() -> None:
    result = run("Sehr geehrte Damen und Herren,\n\n"
                 "Warenlieferung            300,00 EUR\n"
                 "Zinsen                     9,10 EUR\n"
                 "bisher insgesamt         309,10 EUR\n\n"
                 "Nach einer Gutschrift über 50,00 EUR verbleibt eine Forderung von 259,10 EUR.\n\n"
                 "Freundliche Grüße")
    assert result.total_amount == Decimal("259.10")


def test_willing_in_principle_but_asking_the_firm_to_propose_offers_no_plan() -> None:
    result = run("Guten Tag,\n\ndie offene Forderung aus dem Kreditvertrag beträgt 3.412,08 EUR.\n"
                 "Einer Ratenzahlung stehen wir grundsätzlich offen gegenüber und sind bereit, bitten Sie aber "
                 "um einen konkreten Vorschlag Ihrerseits.\n\nMit freundlichen Grüßen")
    assert result.intent == "debt_statement"
    assert result.total_amount == Decimal("3412.08")


def test_a_creditor_that_asks_for_an_offer_of_instalments_offers_none() -> None:
    result = run("Hallo,\n\nes sind noch 760,00 € offen. Zu Raten sind wir bereit, machen Sie uns einfach einen "
                 "Vorschlag.\n\nGruß")
    assert result.intent == "debt_statement"


def test_a_creditor_that_offers_instalments_itself_still_offers_a_plan() -> None:
    result = run("Guten Tag,\n\ndie Forderung beträgt 1.200,00 EUR. Wir bieten Ihrem Mandanten eine Ratenzahlung "
                 "von monatlich 100,00 EUR an.\n\nMit freundlichen Grüßen")
    assert result.intent == "payment_plan"


def test_an_account_at_nil_in_a_one_line_reply_is_settled() -> None:
    result = run("Frau Beispiel hat alles bezahlt, Kundenkonto 0,00. VG Huber\n\nVon meinem Smartphone gesendet",
                 subject="AW: Anfrage Beispiel")
    assert result.intent == "settled"
    assert result.total_amount == Decimal("0")
    assert not result.amount_is_safe


def test_a_claim_in_swiss_francs_is_read_but_never_safe() -> None:
    result = run("Grüezi\n\nDer offene Saldo Ihrer Klientin:\n\n"
                 "Rechnung 2026-118          CHF 310.00\n"
                 "Mahnspesen                 CHF  15.00\n"
                 "Total offen                CHF 325.00\n\nFreundliche Grüsse")
    assert result.intent == "debt_statement"
    assert result.total_amount == Decimal("325.00")
    assert not result.amount_is_safe
    assert any("another currency" in reason for reason in result.amount_safety_reasons)


def test_a_pound_sterling_balance_is_never_safe() -> None:
    result = run("Dear Sir or Madam,\n\nthe outstanding balance on the account is GBP 1,204.50.\n\nKind regards")
    assert result.total_amount == Decimal("1204.50")
    assert not result.amount_is_safe


def test_the_last_running_balance_of_a_debit_credit_statement_is_the_claim() -> None:
    result = run("Guten Tag,\n\nhier der Kontoverlauf Ihres Mandanten:\n\n"
                 "Datum       Vorgang                 Soll      Haben     Saldo\n"
                 "01.03.2026  Beitrag 03/26            62,00               62,00\n"
                 "01.04.2026  Beitrag 04/26            62,00              124,00\n"
                 "12.04.2026  Überweisung                        62,00     62,00\n"
                 "01.05.2026  Beitrag 05/26            62,00              124,00\n"
                 "20.05.2026  Mahngebühr                3,50              127,50\n\n"
                 "Mit freundlichen Grüßen\nKrankenkasse")
    assert result.total_amount == Decimal("127.50")


def test_an_earlier_running_balance_is_never_the_total() -> None:
    result = run("Hallo,\n\nDatum       Text            Belastung   Gutschrift   Kontostand\n"
                 "02.02.2026  Rechnung 118      400,00                    400,00\n"
                 "02.03.2026  Zahlung                       150,00       250,00\n\nGruß")
    assert result.total_amount == Decimal("250.00")


def test_a_note_below_a_running_balance_statement_is_no_row_of_it() -> None:
    result = run("Guten Tag,\n\nDatum       Text               Soll      Haben     Saldo\n"
                 "01.09.2026  Miete 09/2026      650,00               650,00\n"
                 "01.10.2026  Miete 10/2026      650,00             1.300,00\n"
                 "05.10.2026  Zahlung                      300,00   1.000,00\n"
                 "Die Miete für November (650,00 €) ist darin nicht enthalten.\n\nMit freundlichen Grüßen")
    assert result.total_amount == Decimal("1000.00")


def test_a_principal_named_in_prose_and_again_as_a_line_of_the_sum_does_not_compete() -> None:
    result = run("Guten Tag,\n\nder Kredit wurde gekündigt. Die Restschuld beträgt 2.480,00 EUR.\n\n"
                 "Kapital             2.480,00 EUR\n"
                 "Verzugszinsen          31,20 EUR\n"
                 "Gesamtforderung     2.511,20 EUR\n\nMit freundlichen Grüßen\nBeispielbank")
    assert result.total_amount == Decimal("2511.20")
    assert result.amount_is_safe


def test_a_prose_total_that_is_no_line_of_the_sum_still_competes() -> None:
    result = run("Sehr geehrte Damen und Herren,\n\ndie Restschuld beträgt 2.400,00 EUR.\n\n"
                 "Restschuld          2.480,00 EUR\n"
                 "Verzugszinsen          31,20 EUR\n"
                 "Gesamtforderung     2.511,20 EUR\n\nMit freundlichen Grüßen\nBeispielbank")
    assert not result.amount_is_safe
