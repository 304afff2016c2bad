"""Amount labels, noise rejection and the decision on the current total claim."""

from __future__ import annotations

from decimal import Decimal

from app.services.attachments.result import AttachmentText, TextSegment
from app.services.extraction import extract
from app.services.extraction.labels import classify
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(text: str | None = None, html: str | None = None, *, subject: str = "AW: Ihre Anfrage",
        attachments: tuple[AttachmentText, ...] = ()) -> ExtractionResult:
    return extract(parse_body(text, html), subject=subject, from_email="forderungen@glaeubiger.example",
                   from_name="Gläubiger GmbH", attachments=attachments)


def reasons(result: ExtractionResult) -> dict[Decimal, str | None]:
    return {found.value: found.reason for found in result.amounts}


def test_labels_follow_priority_not_position() -> None:
    assert classify("Hauptforderung (Saldo Girokonto per 10.09.2026)").label == "principal"
    assert classify("Saldo Kreditkartenkonto (Hauptforderung)").label == "principal"
    assert classify("Gesamtforderung inkl. Mahnkosten").label == "total"
    assert classify("Verzugszinsen bis 07.09.2026").label == "interest"
    assert classify("Kosten (Mahn- und Kündigungsentgelte)").label == "costs"
    assert classify("Offener Betrag:").label == "balance"


def test_a_balance_is_named_by_the_word_that_says_what_it_is_not_the_verb_before_it() -> None:
    assert classify("Somit beträgt der Kontostand heute").text == "kontostand"
    assert classify("Damit beläuft sich der offene Betrag auf").text == "offene betrag"
    assert classify("beträgt").text == "betraegt"


def test_summe_with_a_component_word_is_a_subtotal_of_that_component() -> None:
    verdict = classify("Summe Kosten (Pos. 3–6)")
    assert (verdict.label, verdict.subtotal) == ("costs", True)
    assert classify("Summe offene Rechnungen").label == "principal"


def test_utility_costs_are_not_collection_costs() -> None:
    assert classify("Nebenkostennachzahlung 2025").label != "costs"
    assert classify("Betriebskostenvorauszahlung").label != "costs"


def test_statement_total_and_components_are_read_from_a_plain_table() -> None:
    result = run("Unsere Forderung:\n\nHauptforderung:   2.980,00 EUR\nZinsen:   187,32 EUR\nKosten:   45,00 EUR\n"
                 "Gesamtforderung:  3.212,32 EUR\n")
    assert result.total_amount == Decimal("3212.32")
    assert result.components == {"principal": Decimal("2980.00"), "interest": Decimal("187.32"),
                                 "costs": Decimal("45.00")}
    assert result.amount_is_safe


def test_amount_in_quoted_history_is_never_taken() -> None:
    result = run("Guten Tag,\n\ndanke für Ihre Nachricht.\n\nAm 01.09.2026 schrieb Kanzlei Muster:\n"
                 "> Nach unseren Unterlagen beläuft sich Ihre Forderung auf 3.120,45 EUR.")
    assert result.total_amount is None
    assert reasons(result)[Decimal("3120.45")] == "quoted history"


def test_all_fee_lines_are_summed_into_costs() -> None:
    result = run("Hauptforderung 149,90 EUR\nZinsen 6,18 EUR\nMahnkosten 5,00 EUR\nInkassovergütung 70,20 EUR\n"
                 "Auslagenpauschale 14,04 EUR\nRücklastschriftgebühr 3,00 EUR\nGesamtforderung 248,32 EUR")
    assert result.components["costs"] == Decimal("92.24")
    assert result.total_amount == Decimal("248.32")


def test_fee_multipliers_and_calculation_factors_are_not_amounts() -> None:
    result = run("Mahngebühren (3 x EUR 5,00)   EUR 15,00\nMiete 3 x 700,- € = 2.100,- €\nGesamtsaldo EUR 2.115,00")
    assert reasons(result)[Decimal("5.00")] == "multiplier in a calculation line"
    assert reasons(result)[Decimal("700.00")] == "multiplier in a calculation line"
    assert result.total_amount == Decimal("2115.00")


def test_instalments_are_never_the_claim() -> None:
    result = run("Gesamtforderung: 8.912,40 EUR\n35 Monatsraten à 250,00 EUR\nSchlussrate: 162,40 EUR")
    assert reasons(result)[Decimal("250.00")] == "instalment, not the claim"
    assert reasons(result)[Decimal("162.40")] == "instalment, not the claim"
    assert result.total_amount == Decimal("8912.40")


def test_paid_amounts_are_not_open_and_the_rest_is_the_total() -> None:
    result = run("Ihre Zahlung über 50,00 € vom 01.08.2026 haben wir erhalten. Die Restforderung beträgt 450,00 €.")
    assert reasons(result)[Decimal("50.00")] == "paid amount, not open"
    assert result.total_amount == Decimal("450.00")


def test_a_cancelled_overdraft_limit_is_not_the_claim() -> None:
    result = run("Der Dispositionskredit von EUR 3.000,00 wurde gekündigt. Unsere Forderung beträgt EUR 1.234,00.")
    assert reasons(result)[Decimal("3000.00")] == "credit limit or original loan, not the claim"
    assert result.total_amount == Decimal("1234.00")


def test_the_credit_drawn_from_an_overdraft_is_part_of_the_claim_not_its_limit() -> None:
    result = run("Ihr Mandant hat den Kreditrahmen von 1.500,00 € überschritten. Stand des Kontos heute:\n"
                 "in Anspruch genommener Kreditrahmen   1.730,40 €\nZinsen   61,20 €\nSaldo   1.791,60 €")
    assert reasons(result)[Decimal("1500.00")] == "credit limit or original loan, not the claim"
    assert reasons(result)[Decimal("1730.40")] is None
    assert result.total_amount == Decimal("1791.60")
    assert result.amount_is_safe


def test_a_part_named_with_an_inclusion_word_is_not_the_whole_named_after_it() -> None:
    result = run("Inklusive Einlagerung des Mobiliars mit 90,00 € beträgt unsere Forderung inzwischen 1.245,00 €.")
    assert result.total_amount == Decimal("1245.00")
    result = run("Samt der Nachberechnung über 38,40 € belaufen sich die Rückstände auf 611,90 Euro.")
    assert result.total_amount == Decimal("611.90")
    assert [found.label for found in result.amounts if found.value == Decimal("38.40")] != ["balance"]


def test_an_account_standing_in_debit_names_the_claim() -> None:
    result = run("Das Mitgliedskonto Ihrer Mandantin weist zum Monatsende 642,18 € im Minus aus.")
    assert result.total_amount == Decimal("642.18")
    result = run("Laut unserer Buchhaltung steht Frau Berger heute mit 388,00 Euro bei uns im Soll.")
    assert result.total_amount == Decimal("388.00")


def test_percentages_and_units_are_not_amounts() -> None:
    result = run("Sollzinssatz 6,49 % p. a.\nVerbrauch 1234,56 kWh\nSaldo 10,00 EUR")
    assert reasons(result)[Decimal("6.49")] == "percentage"
    assert reasons(result)[Decimal("1234.56")] == "quantity with a unit, not money"
    assert result.total_amount == Decimal("10.00")


def test_a_price_per_unit_is_not_a_claim() -> None:
    result = run("Für Rechnungskopien berechnen wir 2,50 € je Rechnung. Offener Saldo: 40,00 €")
    assert reasons(result)[Decimal("2.50")] == "price per unit, not the claim"
    assert result.total_amount == Decimal("40.00")


def test_a_corrected_total_wins_and_the_old_one_makes_it_unsafe() -> None:
    result = run("Der korrigierte Gesamtsaldo beträgt EUR 156,34 (statt bisher EUR 171,84).\n"
                 "Die Gebühr (EUR 15,50) wurde irrtümlich berechnet und ist storniert.")
    assert result.total_amount == Decimal("156.34")
    assert reasons(result)[Decimal("171.84")] == "previous figure, superseded"
    assert reasons(result)[Decimal("15.50")] == "cancelled"
    assert not result.amount_is_safe


def test_the_base_of_an_interest_calculation_is_not_owed_twice() -> None:
    result = run("Hauptforderung 1.000,00 €\nZinsen 5 %-Punkte über Basiszins aus 1.000,00 € seit 01.01.2026: 32,50 €\n"
                 "Gesamt 1.032,50 €")
    assert result.components == {"principal": Decimal("1000.00"), "interest": Decimal("32.50")}


def test_a_deducted_payment_is_used_to_check_the_components() -> None:
    result = run("Hauptforderung 149,90 EUR\nZinsen 6,18 EUR\nKosten 89,24 EUR\nabzüglich Zahlung -50,00 EUR\n"
                 "Gesamtforderung 195,32 EUR")
    assert result.total_amount == Decimal("195.32")
    assert reasons(result)[Decimal("-50.00")] == "deduction (negative line)"
    assert result.total_confidence >= 0.9


def test_weak_invoice_lines_that_do_not_add_up_give_no_principal() -> None:
    result = run("Offene Rechnungen EUR 397,80\nSchadensersatz EUR 823,62\nMahnkosten EUR 15,00\n"
                 "Gesamtforderung EUR 1.236,42")
    assert result.components == {"costs": Decimal("15.00")}


def test_amounts_in_the_footer_are_rejected() -> None:
    result = run("Die Forderung beträgt 100,00 €.\n\nMit freundlichen Grüßen\nMuster GmbH · Stammkapital 25.000,00 EUR")
    assert reasons(result)[Decimal("25000.00")] == "signature or footer"
    assert result.total_amount == Decimal("100.00")


def test_a_label_on_the_line_above_labels_a_lone_amount() -> None:
    assert run("Gesamtforderung:\n1.234,56 EUR").total_amount == Decimal("1234.56")


def test_a_negative_account_balance_is_the_claim_but_not_safe() -> None:
    result = run("Saldo per 30.09.2026: -1.234,56 EUR")
    assert result.total_amount == Decimal("1234.56")
    assert not result.amount_is_safe


def test_components_without_a_stated_total_leave_the_total_none_not_zero() -> None:
    result = run("Hauptforderung: 1.000,00 €\nZinsen: 50,00 €\nKosten: 30,00 €")
    assert result.total_amount is None
    assert result.components["principal"] == Decimal("1000.00")
    assert result.intent == "debt_statement"


def test_html_table_rows_with_entities_are_read() -> None:
    html = ("<table><tr><td>Hauptforderung</td><td>289,97&nbsp;&euro;</td></tr><tr><td>Mahnkosten</td>"
            "<td>10,00&nbsp;&euro;</td></tr><tr><td><b>Gesamtforderung</b></td><td>299,97&nbsp;&euro;</td></tr></table>")
    result = run(None, html)
    assert result.total_amount == Decimal("299.97")
    assert result.total_evidence is not None and "Gesamtforderung | 299,97 €" in result.total_evidence.text


def test_figures_only_in_an_attachment_are_read_with_their_location() -> None:
    pdf = AttachmentText(filename="Aufstellung.pdf", status="ok", detected_type="pdf", segments=[
        TextSegment("page 1, line 1", "Kreditnehmer: Max Muster, geb. 01.02.1980"),
        TextSegment("page 1, line 2", "Restkapital 8.450,00 €"),
        TextSegment("page 1, line 3", "Vertragszinsen 288,15 €"),
        TextSegment("page 1, line 4", "Verzugszinsen 114,25 €"),
        TextSegment("page 1, line 5", "Gesamtforderung 8.852,40 €"),
    ])
    result = run("Anbei die Forderungsaufstellung.", attachments=(pdf,))
    assert result.total_amount == Decimal("8852.40")
    assert result.components["interest"] == Decimal("402.40")
    assert result.total_evidence is not None
    assert (result.total_evidence.source, result.total_evidence.location) == ("Aufstellung.pdf", "page 1, line 5")


def test_spreadsheet_cells_with_bare_numbers_count_only_beside_an_amount_label() -> None:
    sheet = AttachmentText(filename="Konto.xlsx", status="ok", detected_type="xlsx", segments=[
        TextSegment("sheet Konto, row 2", "Aktenzeichen | 4711"),
        TextSegment("sheet Konto, row 3", "Hauptforderung | 398.5"),
        TextSegment("sheet Konto, row 4", "Gesamtforderung | 410.27"),
    ])
    result = run("Anbei das Forderungskonto.", attachments=(sheet,))
    assert result.total_amount == Decimal("410.27")
    assert Decimal("4711.00") not in [a.value for a in result.amounts if not a.rejected]


def test_an_unreadable_attachment_makes_the_amount_unsafe() -> None:
    broken = AttachmentText(filename="scan.png", status="ocr_unavailable", reason="tesseract missing")
    result = run("Gesamtforderung: 100,00 EUR", attachments=(broken,))
    assert result.total_amount == Decimal("100.00")
    assert not result.amount_is_safe
    assert any("scan.png" in reason for reason in result.amount_safety_reasons)


def test_a_sentence_wrapped_before_its_amount_keeps_its_meaning() -> None:
    result = run("Ihre Zahlung über\n50,00 € haben wir erhalten. Offen sind noch 20,00 €.")
    assert reasons(result)[Decimal("50.00")] == "paid amount, not open"
    assert result.total_amount == Decimal("20.00")


def test_a_sum_begun_on_the_line_before_labels_the_amount_that_ends_its_sentence() -> None:
    result = run("Die Mieten für Mai und Juni fehlen, je 510,00 €. Dazu kommt die Heizkostennachzahlung von 96,20 €.\n"
                 "Der Gesamtrückstand\nvon Herrn Albers bei uns liegt damit bei 1.116,20 €. Zinsen berechnen wir "
                 "nicht.")
    assert result.total_amount == Decimal("1116.20")
    assert next(a.label for a in result.amounts if a.value == Decimal("1116.20")) == "total"


def test_a_header_row_does_not_label_the_row_under_it() -> None:
    result = run("Offene Forderung\nRechnung 2207 vom 03.04. Strom 96,20 €\nRechnung 2291 vom 02.05. Strom 88,10 €")
    assert {a.label for a in result.amounts if a.value in (Decimal("96.20"), Decimal("88.10"))} != {"total"}


def test_a_label_after_the_amount_is_used_when_none_stands_before() -> None:
    result = run("1.250,00 € Hauptforderung\n75,30 € Zinsen\n1.325,30 € Gesamtforderung")
    assert result.total_amount == Decimal("1325.30")
    assert result.components == {"principal": Decimal("1250.00"), "interest": Decimal("75.30")}


def test_an_explanation_in_brackets_after_the_amount_does_not_relabel_it() -> None:
    result = run("Zu Kundennummer 9988776655 sind aktuell 89,97 € offen (3 Rechnungen à 29,99 €).")
    assert result.total_amount == Decimal("89.97")
    assert reasons(result)[Decimal("29.99")] == "price per unit, not the claim"
    assert result.amount_is_safe


def test_an_amount_named_by_mistake_makes_the_corrected_total_unsafe() -> None:
    result = run("In unserer Mail haben wir versehentlich 450,00 € genannt. Richtig ist eine Forderung von 405,00 €.")
    assert result.total_amount == Decimal("405.00")
    assert reasons(result)[Decimal("450.00")] == "previous figure, superseded"
    assert not result.amount_is_safe


def test_an_abbreviation_does_not_split_the_label_sentence() -> None:
    result = run("Gesamtforderung inkl. Mahnkosten: 412,05 EUR")
    assert [(a.label, a.reason) for a in result.amounts] == [("total", None)]


def test_the_firms_own_figure_repeated_by_the_creditor_is_not_the_claim() -> None:
    result = run("Die laut Ihren Unterlagen bestehende Forderung von 1.200,00 € ist nicht aktuell. "
                 "Richtig ist ein Saldo von 1.350,00 €.")
    assert reasons(result)[Decimal("1200.00")] == "the firm's figure repeated, not the creditor's"
    assert result.total_amount == Decimal("1350.00")


def test_the_figure_the_firm_put_the_claim_at_is_not_the_claim() -> None:
    result = run("Sie hatten unseren Rückstand mit 640,00 € beziffert. Tatsächlich beläuft sich die Forderung "
                 "inzwischen auf 712,30 €.")
    assert reasons(result)[Decimal("640.00")] == "the firm's figure repeated, not the creditor's"
    assert result.total_amount == Decimal("712.30")


def test_a_table_header_line_does_not_label_the_rows_below_it() -> None:
    pdf = AttachmentText(filename="Rueckstand.pdf", status="ok", detected_type="pdf", segments=[
        TextSegment("page 1, line 1", "Steuerart Zeitraum Fälligkeit Betrag"),
        TextSegment("page 1, line 2", "Einkommensteuer 2024 12.05.2026 1.654,00 €"),
        TextSegment("page 1, line 3", "Summe der Rückstände 1.654,00 €"),
    ])
    result = run("Anbei die Aufstellung.", attachments=(pdf,))
    row, total = result.amounts
    assert row.label not in ("total", "balance")
    assert total.label == "balance"
    assert result.amount_is_safe


def test_the_original_loan_amount_is_not_the_claim_and_does_not_taint_the_total() -> None:
    result = run("Ursprünglicher Nettokreditbetrag: 15 000,00 €\nGesamtforderung 12 873,55 €")
    assert reasons(result)[Decimal("15000.00")] == "credit limit or original loan, not the claim"
    assert result.amount_is_safe


def test_a_figure_on_the_line_after_a_comma_takes_the_words_of_the_line_before() -> None:
    result = run("Gegeben hab ich ihm zweitausend Euro, zurück kam bisher nichts. Das ist das Geld, das noch fehlt,\n"
                 "also die 2.000,- .")
    assert result.total_amount == Decimal("2000.00")
    assert result.intent == "debt_statement"
    assert not result.amount_is_safe  # no currency and no total word: a human confirms


def test_a_figure_said_right_after_es_sind_is_a_weak_balance_a_human_confirms() -> None:
    result = run("Die Summe lautet 845,00 €.\n\nPS: Sorry, vertippt – es sind 854,00 €, nicht 845,00 €.")
    assert result.total_amount == Decimal("854.00")
    assert not result.amount_is_safe


def test_a_whole_named_after_the_part_an_inclusion_word_opens_with_labels_the_amount() -> None:
    result = run("Der Saldo liegt bei 1.020,00 EUR. Dazu kommen Zinsen von 33,40 EUR.\nInklusive der Zinsen "
                 "beläuft sich der offene Betrag damit auf\n1.053,40 EUR.")
    assert result.total_amount == Decimal("1053.40")
    assert [found.label for found in result.amounts if found.value == Decimal("1053.40")] == ["balance"]


def test_what_is_left_after_a_payment_right_before_the_amount_is_the_balance() -> None:
    result = run("Von den 940,00 € hat sie im Mai 300,00 € bezahlt, bleiben 640,00 €.")
    assert result.total_amount == Decimal("640.00")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_the_words_after_the_last_amount_of_a_line_label_the_amount_that_opens_the_next() -> None:
    result = run("Die Restschuld beträgt 1.200,00 EUR. Hinzu kommen Zinsen von 40,00 EUR und Kosten von 9,00 EUR, "
                 "zusammen\n1.249,00 EUR.")
    assert result.total_amount == Decimal("1249.00")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_the_whole_after_a_part_an_adding_word_opens_the_clause_with_is_the_total() -> None:
    result = run("Offen ist die Rechnung 2031-88 über 430,00 €. Zuzüglich der Mahnkosten von 7,50 € sind heute "
                 "437,50 € offen.")
    assert result.total_amount == Decimal("437.50")
    assert [found.label for found in result.amounts if found.value == Decimal("437.50")] == ["balance"]


def test_a_due_date_column_is_no_column_of_open_amounts() -> None:
    html = ("<p>Please find the open items below.</p><table><tr><th>Item</th><th>Due date</th><th>Amount</th></tr>"
            "<tr><td>Invoice 77120</td><td>2026-02-08</td><td>€ 310.40</td></tr>"
            "<tr><td>Reminder fee</td><td>2026-02-22</td><td>€ 12.00</td></tr>"
            "<tr><td>Outstanding balance</td><td></td><td>€ 322.40</td></tr></table>")
    result = run(html=html)
    assert result.total_amount == Decimal("322.40")
    assert reasons(result)[Decimal("322.40")] is None
