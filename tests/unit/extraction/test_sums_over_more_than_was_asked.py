"""A sum that reaches beyond the claim the firm asked about, in wording written for these tests: two contract
accounts of one client added up, a further bill mentioned in passing and added, a balance "before the payment" beside
the new one, and instalments agreed with the client in person. None of these totals may be written alone."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def reply(text: str, html: str | None = None) -> ExtractionResult:
    body = f"Guten Tag,\n\n{text}\n\nMit freundlichen Grüßen\nTorfmoor Versorgung GmbH" if text else ""
    return extract(parse_body(body, html), subject="AW: Forderungsanfrage Ilse Brakhage – Ihr Zeichen 5521 880 14",
                   from_email="forderungen@torfmoor-versorgung.example", from_name="Torfmoor Versorgung")


def test_a_grand_total_over_two_contract_accounts_is_not_safe() -> None:
    result = reply("Frau Brakhage hat bei uns zwei Vertragskonten, Wasser und Abwasser.\n\n"
                   "Vertragskonto 5521 880 14 (Wasser)\n- Jahresabrechnung 2030: 412,10 EUR\n- Mahnkosten: 2,50 EUR\n"
                   "= 414,60 EUR\n\nVertragskonto 5521 880 15 (Abwasser)\n- Abschlag Mai 2031: 96,00 EUR\n\n"
                   "Insgesamt sind 510,60 EUR offen.")
    assert result.total_amount == Decimal("510.60")
    assert not result.amount_is_safe
    assert any("several accounts" in reason for reason in result.amount_safety_reasons)


def test_one_account_whose_items_add_up_stays_safe() -> None:
    result = reply("Für das Vertragskonto 5521 880 14 sind folgende Forderungen offen:\n\n"
                   "- Jahresabrechnung 2030: 412,10 EUR\n- Abschlag Mai 2031: 96,00 EUR\n- Mahnkosten: 2,50 EUR\n\n"
                   "Insgesamt sind 510,60 EUR offen.")
    assert result.total_amount == Decimal("510.60")
    assert result.amount_is_safe


def test_a_further_bill_added_in_passing_is_not_safe() -> None:
    result = reply("Brakhage: Rechnung 31-207 vom 04.02. (Hausanschluss) 250,00 + 4,00 Mahngebühr = 254,00 €\n\n"
                   "Dann haben wir noch die 31-355 vom 11.03. über 80,40 an sie, die ist auch nicht bezahlt. "
                   "Macht insgesamt 334,40.")
    assert not result.amount_is_safe


def test_the_balance_before_a_payment_beside_the_new_one_is_not_safe() -> None:
    html = ("<p>Im Vorgang 5521 880 14 wurde eine Zahlung gebucht.</p><table>"
            "<tr><td>Saldo vor Zahlungseingang</td><td>640,00 €</td></tr>"
            "<tr><td>Zahlung vom 02.06.</td><td>-150,00 €</td></tr>"
            "<tr><td>Neuer Saldo</td><td>490,00 €</td></tr></table>")
    result = reply("", html)
    assert result.total_amount == Decimal("490.00")
    assert not result.amount_is_safe
    plain = reply("Offener Saldo zum 02.06.: 490,00 €.")
    assert plain.total_amount == Decimal("490.00") and plain.amount_is_safe


def test_instalments_agreed_with_the_client_in_person_are_a_payment_plan() -> None:
    result = reply("Offen ist die Jahresabrechnung über 610,00 €. Frau Brakhage war gestern bei uns; abgesprochen "
                   "haben wir, dass sie ab Juli jeden Monat 50,00 € zahlt.")
    assert result.intent == "payment_plan"
    statement = reply("Offen ist die Jahresabrechnung über 610,00 €.")
    assert statement.intent == "debt_statement"


def test_a_grand_total_over_accounts_of_different_kinds_under_one_customer_number_stays_safe() -> None:
    result = reply("Für Frau Brakhage (Kundennummer 77120455) führen wir zwei Konten mit Rückständen:\n\n"
                   "1) Girokonto\n   Sollsaldo                     300,00 EUR\n"
                   "2) Ratenkredit\n   Restkapital                   900,00 EUR\n\n"
                   "Gesamtforderung:               1.200,00 EUR")
    assert result.total_amount == Decimal("1200.00")
    assert result.amount_is_safe


def test_a_provisional_balance_before_the_final_bill_is_not_safe() -> None:
    result = reply("Da Frau Brakhage zum 31.05. ausgezogen ist, steht die Endabrechnung noch aus. Bis dahin:\n\n"
                   "Abschlag April   96,00 €\nAbschlag Mai     96,00 €\nOffener Betrag (vorläufig)   192,00 €")
    assert result.total_amount == Decimal("192.00")
    assert not result.amount_is_safe
    final = reply("Abschlag April   96,00 €\nAbschlag Mai     96,00 €\nOffener Betrag   192,00 €")
    assert final.amount_is_safe


def test_a_further_claim_under_review_to_be_made_separately_is_not_safe() -> None:
    result = reply("Der Rückstand beträgt insgesamt 192,00 €.\n\nUnsere Rechtsabteilung prüft außerdem einen "
                   "Regress aus dem Wasserschaden vom Januar; dieser Anspruch würde gesondert geltend gemacht.")
    assert not result.amount_is_safe


def test_a_figure_that_may_move_either_way_is_not_safe() -> None:
    result = reply("Der Rückstand beträgt insgesamt 192,00 €. Mit der Jahresabrechnung kann sich der Betrag "
                   "dann auch noch nach oben oder nach unten verändern.")
    assert not result.amount_is_safe


def test_work_done_and_still_to_be_billed_keeps_the_figure_from_being_written_alone() -> None:
    result = reply("Offen sind die Rechnungen 31-207 über 250,00 € und 31-355 über 80,40 €, zusammen 330,40 €.\n\n"
                   "Der Einsatz vom 12.06. ist noch nicht abgerechnet; die Rechnung folgt mit dem Monatsabschluss.")
    assert result.total_amount == Decimal("330.40")
    assert not result.amount_is_safe
    done = reply("Offen sind die Rechnungen 31-207 über 250,00 € und 31-355 über 80,40 €, zusammen 330,40 €.")
    assert done.amount_is_safe
