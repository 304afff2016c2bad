"""Statement tables in shapes written for these tests: a sum row whose label spans the last columns, and a running
balance that starts from the figure carried forward."""

from __future__ import annotations

from decimal import Decimal

from app.services.attachments.result import AttachmentText, TextSegment
from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(body_text: str | None, body_html: str | None = None) -> ExtractionResult:
    return extract(parse_body(body_text, body_html), subject="Kundenkonto 5590 1127", from_email="info@wasser.example",
                   from_name="Wasserverband Süd")


HTML = ("<p>Guten Tag,</p><p>für Herrn Malte Vogt (Kundenkonto 5590 1127) gilt:</p><table>"
        "<tr><th>offen</th><th>berechnet</th><th>gezahlt</th><th>Beleg</th><th>Art</th></tr>"
        "<tr><td>120,00</td><td>300,00</td><td>180,00</td><td>4471</td><td>Jahresrechnung</td></tr>"
        "<tr><td>45,50</td><td>45,50</td><td>0,00</td><td>4502</td><td>Abschlag</td></tr>"
        "<tr><td>165,50</td><td>345,50</td><td>180,00</td><td colspan='2'>Summe</td></tr>"
        "</table><p>Freundliche Grüße<br>Wasserverband Süd</p>")


def test_a_sum_row_labelled_at_its_end_keeps_its_columns() -> None:
    result = run(None, HTML)
    assert result.total_amount == Decimal("165.50")
    assert result.amount_is_safe


def test_a_sum_row_labelled_at_its_start_aligns_right() -> None:
    html = HTML.replace("<tr><td>165,50</td><td>345,50</td><td>180,00</td><td colspan='2'>Summe</td></tr>",
                        "<tr><td colspan='2'>Summe offen</td><td>165,50</td><td>345,50</td><td>180,00</td></tr>")
    html = html.replace("<th>offen</th><th>berechnet</th><th>gezahlt</th><th>Beleg</th><th>Art</th>",
                        "<th>Art</th><th>Beleg</th><th>offen</th><th>berechnet</th><th>gezahlt</th>")
    html = html.replace("<td>120,00</td><td>300,00</td><td>180,00</td><td>4471</td><td>Jahresrechnung</td>",
                        "<td>Jahresrechnung</td><td>4471</td><td>120,00</td><td>300,00</td><td>180,00</td>")
    html = html.replace("<td>45,50</td><td>45,50</td><td>0,00</td><td>4502</td><td>Abschlag</td>",
                        "<td>Abschlag</td><td>4502</td><td>45,50</td><td>45,50</td><td>0,00</td>")
    assert run(None, html).total_amount == Decimal("165.50")


def test_the_balance_carried_forward_is_a_former_figure() -> None:
    text = ("Hallo,\n\nKontoauszug Herr Malte Vogt:\n\nDatum       Text                 Betrag     Saldo\n"
            "01.04.2027  Vortrag                           812,00\n"
            "02.04.2027  Rechnung 04/27       96,00        908,00\n"
            "20.04.2027  Zahlung             -50,00        858,00\n\n"
            "Der aktuelle Saldo beträgt 858,00 EUR.\n\nGruß\nWasserverband Süd")
    result = run(text)
    assert result.total_amount == Decimal("858.00")
    assert all(a.rejected for a in result.amounts if a.value == Decimal("812.00"))


def test_a_subtotal_between_two_accounts_is_no_item_of_the_grand_total() -> None:
    text = ("Guten Tag,\n\nfür Herrn Malte Vogt führen wir zwei Konten:\n\n"
            "1) Girokonto\n   Sollsaldo                     640,20 EUR\n"
            "2) Kundenkonto Versandhandel\n   Restkapital                 1.204,00 EUR\n"
            "   Zinsen bis 30.06.              38,15 EUR\n   Zwischensumme               1.242,15 EUR\n\n"
            "Gesamtforderung:               1.882,35 EUR\n\nGruß\nWasserverband Süd")
    result = run(text)
    assert result.total_amount == Decimal("1882.35")
    assert result.amount_is_safe


def test_rows_that_open_with_their_key_lost_their_empty_last_cells() -> None:
    sheet = AttachmentText(filename="Auszug.csv", status="ok", detected_type="csv", segments=[
        TextSegment(location="row 1", text="Konto | Datum | Text | Soll EUR | Haben EUR"),
        TextSegment(location="row 2", text="4471-22 | 02.05.2034 | Abschlag Mai | 58,00"),
        TextSegment(location="row 3", text="4471-22 | 02.06.2034 | Abschlag Juni | 58,00"),
        TextSegment(location="row 4", text="4471-22 | 20.06.2034 | Summe offener Betrag | 116,00"),
    ])
    result = extract(parse_body("Guten Tag,\n\nanbei der Kontoauszug.\n\nGrüße", None), subject="Kundenkonto 4471-22",
                     from_email="info@wasser.example", from_name="Wasserverband Süd", attachments=[sheet])
    assert result.total_amount == Decimal("116.00")
    assert result.amount_is_safe


LEDGER = ("<p>Guten Tag,</p><p>die Buchungen auf dem Kundenkonto 5590 1127:</p><table>"
          "<tr><th>Datum</th><th>Vorgang</th><th>Soll</th><th>Haben</th></tr>"
          "<tr><td>01.02.</td><td>Abschlag Februar</td><td>58,00</td><td></td></tr>"
          "<tr><td>01.03.</td><td>Abschlag März</td><td>58,00</td><td></td></tr>"
          "<tr><td>12.03.</td><td>Überweisung</td><td></td><td>40,00</td></tr>"
          "<tr><td colspan='2'>Saldo zu Ihren Lasten</td><td>76,00</td><td></td></tr>"
          "</table><p>Freundliche Grüße<br>Wasserverband Süd</p>")


def test_a_balance_row_naming_the_debtors_side_is_the_open_total_though_its_label_spans_two_cells() -> None:
    result = run(None, LEDGER)
    assert result.total_amount == Decimal("76.00")



def test_of_two_balances_stated_as_of_their_days_the_later_day_is_the_claim() -> None:
    newest_first = ("Guten Tag,\n\nSaldo am 28.02.2070: -540,10 EUR\n\nBuchungen:\n27.02.2070  Zinsen  -12,10\n"
                    "03.02.2070  Gebühr  -28,00\nSaldo am 31.01.2070: -500,00 EUR\n\nViele Grüße")
    assert run(newest_first).total_amount == Decimal("540.10")
    oldest_first = ("Guten Tag,\n\nSaldo am 31.01.2070: -500,00 EUR\n\nBuchungen:\n03.02.2070  Gebühr  -28,00\n"
                    "27.02.2070  Zinsen  -12,10\nSaldo am 28.02.2070: -540,10 EUR\n\nViele Grüße")
    assert run(oldest_first).total_amount == Decimal("540.10")


def test_an_older_balance_below_a_ledger_listed_newest_first_is_never_the_safe_claim() -> None:
    result = run("Guten Tag,\n\nSaldo zu unseren Gunsten am 28.02.2070: 540,10 EUR\n\nBuchungen (neueste zuerst):\n"
                 "27.02.2070  Zinsen  -12,10\n03.02.2070  Gebühr  -28,00\n"
                 "Saldo zu unseren Gunsten am 31.01.2070: 500,00 EUR\n\nViele Grüße")
    assert result.total_amount == Decimal("540.10")


def test_the_open_balance_under_the_debit_column_of_a_spreadsheet_is_read() -> None:
    """A spreadsheet row keeps its empty cells (" | Saldo offen | 410,00"), so the balance stays under "Soll" and
    is not taken for a paid "Haben" figure."""
    sheet = AttachmentText(filename="konto.xlsx", status="ok", segments=[
        TextSegment(text=text, location=f"sheet Konto, row {n}") for n, text in enumerate(
            ("Datum | Leistung | Soll | Haben", "03.02.2031 | Reparatur | 610,00", "10.02.2031 | Anzahlung |  | 200,00",
             " | Summe | 610,00 | 200,00", " | Saldo offen | 410,00"), 1)])
    result = extract(parse_body("Anbei das Kundenkonto.", None), subject="Kundenkonto 5590 1127",
                     from_email="info@wasser.example", from_name="Wasserverband Süd", attachments=[sheet])
    assert result.total_amount == Decimal("410.00")


def test_a_sum_over_rows_of_different_customers_is_not_safe() -> None:
    """An export filtered by the firm's address lists three customers; its sum row is no one's claim."""
    sheet = AttachmentText(filename="export.xlsx", status="ok", segments=[
        TextSegment(text=text, location=f"sheet Export, row {n}") for n, text in enumerate(
            ("Kundennummer | Name | Offener Betrag", "5590 1127 | Vogt, Malte | 410,00",
             "5590 2231 | Ries, Anja | 120,50", " | Summe | 530,50"), 1)])
    result = extract(parse_body("Anbei der Auszug.", None), subject="Kundenkonto 5590 1127",
                     from_email="info@wasser.example", from_name="Wasserverband Süd", attachments=[sheet])
    assert result.total_amount == Decimal("530.50")
    assert not result.amount_is_safe
    one = AttachmentText(filename="konto.xlsx", status="ok", segments=[
        TextSegment(text=text, location=f"sheet Konto, row {n}") for n, text in enumerate(
            ("Rechnung | Kundennummer | Offener Betrag", "R-401 | 5590 1127 | 410,00", "R-433 | 5590 1127 | 120,50",
             " | Summe | 530,50"), 1)])
    own = extract(parse_body("Anbei das Kundenkonto.", None), subject="Kundenkonto 5590 1127",
                  from_email="info@wasser.example", from_name="Wasserverband Süd", attachments=[one])
    assert own.total_amount == Decimal("530.50") and own.amount_is_safe


def test_a_key_value_table_naming_the_customer_above_the_claims_rows_stays_safe() -> None:
    html = ("<table><tr><td>Kunde</td><td>Vogt, Malte</td></tr><tr><td>Kundennummer</td><td>5590 1127</td></tr>"
            "<tr><td colspan='2'>Antwort</td></tr><tr><td>Rechnung 2031-04</td><td>80,00 EUR</td></tr>"
            "<tr><td>Rechnung 2031-05</td><td>80,00 EUR</td></tr><tr><td>Mahngebühr</td><td>5,00 EUR</td></tr>"
            "<tr><td><b>Forderung gesamt</b></td><td><b>165,00 EUR</b></td></tr></table>")
    result = run(None, html)
    assert result.total_amount == Decimal("165.00")
    assert result.amount_is_safe
