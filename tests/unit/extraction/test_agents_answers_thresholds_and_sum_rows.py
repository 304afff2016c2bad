"""First-round replies in wording written for these tests: instalments offered only from a claim size are no
offer; the original claim of an authority's notice, with what was set off since, is no earlier answer; cash handed
over is paid; a revolving credit's interest is no instalment; a ticket's "answer above this line" asks nothing; one
answer for two clients; a sum row of invoices under a later whole; a loan that "valutiert"; a creditor passing on
its billing centre's answer; the sum of the payments just named; a number to call about instalments; a relative
helping with the mail; monthly payments agreed with the debtor; a credit line's limit named before its figure."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

D = Decimal


def read(text: str, sender: str = "konto@sieglinger-versand.example") -> ExtractionResult:
    body = f"Guten Tag,\n\n{text}\n\nMit freundlichen Grüßen\nSieglinger Versand"
    return extract(parse_body(body, None, sender), subject="AW: Forderungsanfrage Timo Brackel – Kd.-Nr. 7714220",
                   from_email=sender, from_name="Sieglinger Versand")


def test_instalments_only_from_a_claim_size_are_no_offer() -> None:
    result = read("Offen ist die Rechnung 55-1021 über 64,90 EUR zuzüglich Mahngebühren von 5,00 EUR.\n\nOffener "
                  "Betrag insgesamt: 69,90 EUR\n\nRatenzahlungen gewähren wir nur bei einer Forderung von mehr als "
                  "150,00 EUR.")
    assert result.intent == "debt_statement"
    assert result.amount_is_safe
    offered = read("Offener Betrag insgesamt: 69,90 EUR\n\nGerne gewähren wir Herrn Brackel Raten von monatlich "
                   "20,00 EUR.")
    assert offered.intent == "payment_plan"


def test_the_notices_original_sum_less_what_was_set_off_is_no_earlier_answer() -> None:
    result = read("Aus dem Erstattungsbescheid vom 02.02. besteht eine Forderung von ursprünglich 1.800,00 EUR. Seit "
                  "März wurden monatlich 45,00 EUR aufgerechnet, bis heute so insgesamt 270,00 EUR getilgt.\n\nDie "
                  "Restforderung beträgt 1.530,00 EUR.")
    assert result.total_amount == D("1530.00")
    assert result.amount_is_safe
    other = read("Aus dem Erstattungsbescheid vom 02.02. besteht eine Forderung von ursprünglich 1.900,00 EUR. Seit "
                 "März wurden monatlich 45,00 EUR aufgerechnet, bis heute so insgesamt 270,00 EUR getilgt.\n\nDie "
                 "Restforderung beträgt 1.530,00 EUR.")
    assert not other.amount_is_safe


def test_cash_handed_over_is_paid() -> None:
    result = read("Die Rechnung 2093-044 war 980,00 €. Im April hat er mir 200 € in bar vorbeigebracht, seitdem "
                  "nichts mehr. Offen also 780,- €.")
    assert next(a for a in result.amounts if a.value == D("200")).rejected
    assert result.total_amount == D("780.00")
    assert result.amount_is_safe


def test_a_revolving_credits_interest_is_interest_not_an_instalment() -> None:
    result = read("Saldo Kartenkonto per 30.04.:            880,00 EUR\n"
                  "Teilzahlungszinsen 01.02.-30.04.:          31,20 EUR\n"
                  "Mahnentgelte:                              10,00 EUR\n"
                  "Gesamt:                                   921,20 EUR")
    interest = next(a for a in result.amounts if a.value == D("31.20"))
    assert not interest.rejected
    assert result.total_amount == D("921.20")
    assert result.amount_is_safe


def test_a_tickets_answer_line_asks_the_firm_nothing() -> None:
    result = read("##- Bitte geben Sie Ihre Antwort oberhalb dieser Zeile ein -##\n\nDie Forderung wurde an unser "
                  "Inkassobüro abgegeben. Wir können Ihnen dazu keine Auskunft mehr erteilen.")
    assert result.intent == "rejection"


def test_one_answer_for_two_clients_is_never_written_alone() -> None:
    result = read("Ich antworte Ihnen hier für beide, Herr und Frau Brackel haben ja einen gemeinsamen Vertrag.\n\n"
                  "Offen sind insgesamt 1.240,00 €.")
    assert result.total_amount == D("1240.00")
    assert not result.amount_is_safe
    assert any("two people" in reason for reason in result.amount_safety_reasons)


def test_a_sum_row_of_invoices_under_a_later_whole_is_a_subtotal() -> None:
    html = ("<p>Guten Tag,</p><p>für das Kundenkonto 7714220 sind folgende Rechnungen offen:</p><table>"
            "<tr><th>Rechnung</th><th>Datum</th><th>Betrag</th><th>offen</th></tr>"
            "<tr><td>R-11</td><td>05.02.</td><td>49,90 €</td><td>49,90 €</td></tr>"
            "<tr><td>R-12</td><td>05.03.</td><td>59,90 €</td><td>29,90 €</td></tr>"
            "<tr><td colspan='3'>Summe Rechnungen offen</td><td>79,80 €</td></tr>"
            "<tr><td colspan='3'>Mahngebühren</td><td>7,50 €</td></tr>"
            "<tr><td colspan='3'><b>Aktuell offener Betrag</b></td><td><b>87,30 €</b></td></tr></table>"
            "<p>Mit freundlichen Grüßen<br>Sieglinger Versand</p>")
    result = extract(parse_body(None, html, "konto@sieglinger-versand.example"), subject="AW: Anfrage Brackel",
                     from_email="konto@sieglinger-versand.example", from_name="Sieglinger Versand")
    assert result.total_amount == D("87.30")
    assert result.amount_is_safe


def test_a_loan_that_valutiert_states_its_balance() -> None:
    result = read("Das Darlehen Nr. 4410 valutiert derzeit mit 6.512,08 EUR einschließlich der Verzugszinsen.")
    assert result.total_amount == D("6512.08")
    # a bank's word for a loan's standing, weaker than "Saldo": beside a named balance the balance wins
    both = read("Der Sollsaldo des Girokontos beträgt 1.012,36 EUR. Das Darlehen Ihres Sohnes, für das Frau Brackel "
                "bürgt, valutiert derzeit mit 8.914,55 EUR.")
    assert both.total_amount == D("1012.36")


def test_a_creditor_passing_on_its_billing_centres_answer_states_the_claim() -> None:
    body = ("Guten Tag,\n\nhier die Antwort unserer Abrechnungsstelle zu Herrn Brackel.\n\nGruß\nPraxis Dr. Hesse\n\n"
            "-------- Weitergeleitete Nachricht --------\nVon: MedAbrechnung Nord <service@medabrechnung.example>\n"
            "Datum: 03.06.2092 14:20\nAn: praxis@dr-hesse.example\nBetreff: Anfrage Brackel\n\n"
            "Sehr geehrte Frau Lenz,\n\nfür Herrn Brackel ist aus der Rechnung 2091-77 noch offen:\n"
            "Forderung gesamt 412,60 EUR\n\nViele Grüße\nMedAbrechnung Nord\n")
    result = extract(parse_body(body, None, "praxis@dr-hesse.example"), subject="WG: Anfrage Brackel",
                     from_email="praxis@dr-hesse.example", from_name="Praxis Dr. Hesse")
    assert result.total_amount == D("412.60")
    # "nach unserer Buchhaltung" passes nothing on: the firm's own letter quoted below stays the firm's
    firms = ("Guten Tag,\n\nnach unserer Buchhaltung beträgt der Rückstand 388,00 EUR.\n\nGruß\nPraxis Dr. Hesse\n\n"
             "-----Ursprüngliche Nachricht-----\nVon: Kanzlei Weber <plan+KW-12@kanzlei-weber.example>\n"
             "Gesendet: Montag, 3. Juni 2092 09:00\nAn: praxis@dr-hesse.example\nBetreff: Forderungsanfrage Brackel"
             "\n\nDer Plan umfasst Forderungen von insgesamt 5.447,70 EUR.\n")
    told = extract(parse_body(firms, None, "praxis@dr-hesse.example"), subject="AW: Forderungsanfrage Brackel",
                   from_email="praxis@dr-hesse.example", from_name="Praxis Dr. Hesse")
    assert told.total_amount == D("388.00")
    assert all(a.rejected for a in told.amounts if a.value == D("5447.70"))
    debtor = body.replace("hier die Antwort unserer Abrechnungsstelle", "hier die Mail von Herrn Brackel")
    unnamed = extract(parse_body(debtor, None, "praxis@dr-hesse.example"), subject="WG: Anfrage Brackel",
                      from_email="praxis@dr-hesse.example", from_name="Praxis Dr. Hesse")
    assert unnamed.total_amount is None


def test_the_sum_of_the_payments_just_named_is_paid() -> None:
    result = read("Für die Rechnung 99-41 über 1.200,00 € hat Herr Brackel im Mai und Juni jeweils 100,00 € gezahlt, "
                  "insgesamt 200,00 €. Es verbleibt ein offener Betrag von 1.000,00 €.")
    assert next(a for a in result.amounts if a.value == D("200.00")).rejected
    assert result.total_amount == D("1000.00")


def test_a_number_to_call_about_instalments_offers_no_terms() -> None:
    result = read("Offener Saldo: 327,10 €\n\nHerr Brackel kann uns gerne unter 06021 555-4410 wegen einer "
                  "Ratenzahlung anrufen.")
    assert result.intent == "debt_statement"
    offered = read("Offener Saldo: 327,10 €\n\nWir bieten Herrn Brackel Raten von 40,00 € monatlich an.")
    assert offered.intent == "payment_plan"


def test_a_relative_helping_the_writer_with_the_mail_is_no_relative_in_debt() -> None:
    helped = read("Ihren Brief wegen Herrn Brackel habe ich bekommen, meine Tochter hilft mir mit der Mail.\n\nHerr "
                  "Brackel hat die Miete für März und April nicht bezahlt. Offen sind insgesamt 1.120,00 €.")
    assert helped.total_amount == D("1120.00")
    assert helped.amount_is_safe
    kin = read("Der Brief kam an meine Tochter, sie hat die Miete für März und April nicht bezahlt. Offen sind "
               "insgesamt 1.120,00 €.")
    assert not kin.amount_is_safe


def test_monthly_payments_agreed_with_the_debtor_hold_the_total_back() -> None:
    result = read("Herr Brackel hat bei uns noch 740,00 € offen. Er war gestern bei uns und wir haben besprochen, dass "
                  "er ab März monatlich 45 € zahlt, immer zum 10.")
    assert result.total_amount == D("740.00")
    assert not result.amount_is_safe
    assert read("Herr Brackel hat bei uns noch 740,00 € offen.").amount_is_safe


def test_a_credit_lines_limit_named_before_its_figure_is_no_claim() -> None:
    result = read("Die Forderung aus dem Girokonto (gekündigter Dispositionskredit, Rahmen 2.500,00 EUR) haben wir an "
                  "die Nordforderung GmbH abgetreten.")
    assert result.total_amount is None
    assert next(a for a in result.amounts if a.value == D("2500.00")).rejected

