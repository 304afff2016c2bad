"""First-round replies in wording written for these tests: a sentence that wraps before its currency, or before the
parts the claim includes; the client's former circumstances are no former figure; a sum corrected in the same mail
by a payment found afterwards; more that may be added, the writer cannot say yet; items called partly paid and then
summed; the claim before instalments paid, stated above the total; a statement's "Nebenforderungen";
a balance left "nach der Gutschrift"."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

D = Decimal


def read(text: str) -> ExtractionResult:
    body = f"Guten Tag,\n\n{text}\n\nMit freundlichen Grüßen\nKornbach Versorgung GmbH"
    return extract(parse_body(body, None), subject="AW: Forderungsanfrage Ilse Vormweg – Ihr Zeichen KV-4471",
                   from_email="forderungen@kornbach-versorgung.example", from_name="Kornbach Versorgung")


def test_a_total_whose_sentence_wraps_before_the_currency_is_the_claim() -> None:
    result = read("Unser Saldo aus dem Kundenkonto 5512 0087 beläuft sich zum 30.06.2088\nEUR 1.234,56. Weitere Kosten "
                  "berechnen wir nicht.")
    assert result.total_amount == D("1234.56")
    assert result.amount_is_safe


def test_a_total_whose_line_opens_with_the_parts_it_includes_is_the_claim() -> None:
    result = read("Die Forderung gegen Frau Vormweg aus dem Stromliefervertrag beträgt\neinschließlich der "
                  "Mahngebühren heute 640,20 €.")
    assert result.total_amount == D("640.20")
    assert result.amount_is_safe
    # the part's own figure in such a line is the part's, never the whole's
    part = read("Offener Betrag gesamt\n(einschließlich Mahnkosten in Höhe von EUR 15,00):\n        EUR\n      788,35")
    assert part.total_amount != D("15.00")
    assert not part.amount_is_safe or part.total_amount == D("788.35")


def test_the_clients_former_circumstances_name_no_former_figure() -> None:
    result = read("Der Rückstand von Frau Vormweg aus ihrer früheren Wohnung in der Talstraße beträgt 812,40 €.")
    assert result.total_amount == D("812.40")
    assert result.amount_is_safe
    still = read("Die frühere Forderung von 900,00 € ist überholt, es sind jetzt 812,40 € offen.")
    assert still.total_amount == D("812.40")


def test_a_sum_put_right_by_a_payment_found_afterwards_is_the_remainder() -> None:
    result = read("Offen ist die Rechnung 77-120 über 640,00 €, dazu zwei Mahnungen zu je 5 €, macht 650,00 €.\n\n"
                  "Moment, ich sehe gerade, dass sie am 02.03. 200 € bar bezahlt hat. Dann sinds also noch "
                  "450,00 €.")
    assert result.total_amount == D("450.00")
    inverted = read("Offen ist die Rechnung 77-120 über 640,00 €, dazu zwei Mahnungen zu je 5 €, macht 650,00 €.\n\n"
                    "Sie hat aber am 02.03. 200 € bar bezahlt. Dann sind es also noch 450,00 €.")
    assert inverted.total_amount == D("450.00")


def test_more_on_top_the_writer_cannot_say_yet_holds_the_total_back() -> None:
    result = read("Zusammen sind das 1.310,00 Euro. Ob für die Reparatur am Zaun noch etwas dazukommt, kann ich "
                  "im Moment nicht sagen.")
    assert result.total_amount == D("1310.00")
    assert not result.amount_is_safe
    plain = read("Zusammen sind das 1.310,00 Euro.")
    assert plain.amount_is_safe


def test_items_called_partly_paid_and_then_summed_are_what_is_left() -> None:
    result = read("Derzeit ist ein Betrag von 305,70 € offen: die Rechnungen 01/2088 bis 03/2088 (teilweise "
                  "beglichen, zusammen 290,70 €) und Mahngebühren von 15,00 €.")
    assert result.total_amount == D("305.70")
    paid = next(a for a in result.amounts if a.value == D("290.70"))
    assert not paid.rejected


def test_the_claim_before_instalments_paid_above_the_total_is_no_rival() -> None:
    result = read("Forderung aus dem Bescheid vom 10.02. über 980,00 EUR.\nDarauf wurden bisher vier Raten zu je "
                  "40,00 EUR gezahlt.\nDer Rückstand beträgt 820,00 EUR zuzüglich Säumniszuschläge von 16,50 EUR, "
                  "insgesamt 836,50 EUR.")
    assert result.total_amount == D("836.50")
    assert result.amount_is_safe
    unexplained = read("Forderung aus dem Bescheid vom 10.02. über 990,00 EUR.\nDarauf wurden bisher vier Raten zu je "
                       "40,00 EUR gezahlt.\nDer Rückstand beträgt 820,00 EUR zuzüglich Säumniszuschläge von 16,50 "
                       "EUR, insgesamt 836,50 EUR.")
    assert not unexplained.amount_is_safe


def test_a_statements_subtotal_of_nebenforderungen_is_a_part_of_the_total() -> None:
    result = read("Hauptforderung 1.100,00\nMahngebühren 7,50\nZinsen 12,30\nSumme Nebenforderungen 19,80\n"
                  "Gesamtforderung 1.119,80 EUR")
    assert result.total_amount == D("1119.80")
    assert result.amount_is_safe


def test_the_balance_left_after_a_credit_is_owed() -> None:
    result = read("Die Retoure ist inzwischen verbucht. Nach der Gutschrift beträgt der offene Saldo nun 88,40 €.")
    assert result.total_amount == D("88.40")
    credited = read("Die Gutschrift über 31,60 € ist verbucht. Offen sind jetzt 88,40 €.")
    assert next(a for a in credited.amounts if a.value == D("31.60")).rejected
