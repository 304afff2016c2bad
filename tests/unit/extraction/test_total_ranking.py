"""The total as a ranked choice: table columns, sum rows, exclusions, future figures, corroboration."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.attachments.result import AttachmentText, TextSegment
from app.services.extraction import extract
from app.services.extraction.columns import column_role
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(text: str, *, attachments: tuple[AttachmentText, ...] = ()) -> ExtractionResult:
    return extract(parse_body(text, None), subject="AW: Forderungsaufstellung",
                   from_email="buchhaltung@lieferant.example", from_name="Lieferant AG", attachments=attachments)


def sheet(*rows: str, name: str = "Konto.csv") -> AttachmentText:
    return AttachmentText(filename=name, status="ok", detected_type="csv",
                          segments=[TextSegment(f"row {i}", row) for i, row in enumerate(rows, start=1)])


def reason_of(result: ExtractionResult, value: str) -> str | None:
    return next(a.reason for a in result.amounts if a.value == Decimal(value))


@pytest.mark.parametrize(("header", "role"), [
    ("Bereits gezahlt", "paid"), ("Zahlungseingang", "paid"), ("Payments", "paid"),
    ("Restbetrag", "open"), ("noch offen", "open"), ("Outstanding", "open"),
    ("Gesamt", "total"), ("Rechnungsbetrag", "billed"), ("Soll", "billed"),
    ("Belegdatum", "other"), ("Kundennummer", "other"),
])
def test_a_column_header_says_what_the_column_holds(header: str, role: str) -> None:
    assert column_role(header) == role


def test_the_sum_row_takes_the_open_column_not_billed_or_paid() -> None:
    result = run("Die Kontoübersicht finden Sie anbei.", attachments=(sheet(
        "Beleg | Datum | Soll | Zahlungseingang | Restbetrag",
        "R-11 | 02.03.2026 | 120,00 | 20,00 | 100,00",
        "R-12 | 04.05.2026 | 80,50 | 0,00 | 80,50",
        "Summe | | 200,50 | 20,00 | 180,50",
    ),))
    assert result.total_amount == Decimal("180.50")
    assert "paid column" in (reason_of(result, "20.00") or "")
    assert "billed column" in (reason_of(result, "200.50") or "")
    assert result.total_corroborated
    assert any("billed − paid = open" in note for note in result.total_ranking)


def test_a_sum_row_with_empty_leading_cells_lines_up_from_the_right() -> None:
    result = run("Anbei die Aufstellung.", attachments=(sheet(
        "Vorgang | Fällig am | Betrag | bezahlt | offen",
        "Abo März | 01.03.2026 | 45,00 | 45,00 | 0,00",
        "Abo April | 01.04.2026 | 45,00 | 0,00 | 45,00",
        "Gesamt | 90,00 | 45,00 | 45,00",
    ),))
    assert result.total_amount == Decimal("45.00")


def test_an_amount_the_text_says_is_not_included_is_never_the_total() -> None:
    result = run("Ihr Saldo beläuft sich heute auf 812,40 €. Die Jahresgebühr über 39,00 € wird im Januar "
                 "erhoben und ist im genannten Saldo nicht berücksichtigt.")
    assert result.total_amount == Decimal("812.40")
    assert (reason_of(result, "39.00") or "").startswith("excluded")


def test_an_amount_that_comes_on_top_is_excluded() -> None:
    result = run("Offener Betrag: 230,00 EUR. Eine Bearbeitungsgebühr von 15,00 EUR kommt gesondert hinzu.")
    assert result.total_amount == Decimal("230.00")
    assert (reason_of(result, "15.00") or "").startswith("excluded")


def test_a_negation_early_in_the_sentence_does_not_negate_a_later_due_date() -> None:
    result = run("Rückstand gesamt: 640,00 €.\nDie Jahresabrechnung über 75,00 €, die wir nicht angemahnt haben, "
                 "wird erst am 15.01.2027 fällig.")
    assert result.total_amount == Decimal("640.00")
    assert reason_of(result, "75.00") == "future amount, not yet due"


def test_a_payment_not_yet_made_is_not_read_as_paid() -> None:
    result = run("Die Rate von 60,00 € wurde noch nicht bezahlt. Der offene Saldo beträgt 360,00 €.")
    assert reason_of(result, "60.00") != "paid amount, not open"


@pytest.mark.parametrize("lead", [
    "Vorauszahlung für das erste Quartal", "Der nächste Abschlag", "künftige Rate", "Vorschuss",
])
def test_an_amount_owed_only_in_future_is_not_the_claim(lead: str) -> None:
    result = run(f"Offene Forderung: 505,10 €\n{lead}: 88,00 €")
    assert result.total_amount == Decimal("505.10")
    assert reason_of(result, "88.00") in ("future amount, not yet due", "instalment, not the claim")


@pytest.mark.parametrize("ending", ["beläuft sich unsere Forderung auf", "ist derzeit folgender Betrag offen:"])
def test_an_amount_alone_on_the_line_after_a_sentence_that_leads_to_it(ending: str) -> None:
    result = run(f"Nach Prüfung unserer Buchhaltung {ending}\n\n1.043,27 €\n\nMit freundlichen Grüßen")
    assert result.total_amount == Decimal("1043.27")


def test_a_running_sentence_with_the_currency_in_front() -> None:
    result = run("Für Ihre Mandantin ist bei uns derzeit ein Betrag von € 2.317,05 offen. Die einzelnen Posten: "
                 "Vertrag 2.100,00 € und Mahnkosten 217,05 €.")
    assert result.total_amount == Decimal("2317.05")


def test_a_subtotal_followed_by_the_items_that_complete_it_does_not_compete() -> None:
    result = run("Restforderung aus Kaufvertrag: 400,00 €\nZinsen: 12,00 €\nKosten: 8,00 €\n"
                 "Gesamtforderung: 420,00 €")
    assert result.total_amount == Decimal("420.00")
    assert result.amount_is_safe
    assert result.total_ranking[0].startswith("chosen for: explicit total label")


def test_two_unexplained_totals_make_the_choice_unsafe() -> None:
    result = run("Gesamtforderung: 950,00 €\nIhr Kontostand weist einen Saldo von 1.210,00 € aus.")
    assert result.total_amount == Decimal("950.00")
    assert not result.amount_is_safe
    assert any("nothing explains them" in r for r in result.amount_safety_reasons)
    assert any("runner-up 1.210,00 €" in note for note in result.total_ranking)


def test_a_total_named_only_by_a_generic_word_is_not_corroborated() -> None:
    result = run("Es ergibt sich ein Betrag von 318,00 €.")
    assert not result.total_corroborated
    assert not result.amount_is_safe


def test_a_named_balance_with_currency_is_corroborated_and_safe() -> None:
    result = run("Der aktuelle Kontosaldo zu Lasten Ihres Mandanten: 733,19 EUR")
    assert result.total_amount == Decimal("733.19")
    assert result.total_corroborated
    assert result.amount_is_safe


def test_components_that_add_up_back_a_total_with_a_weak_label() -> None:
    result = run("Hauptforderung 300,00 €\nZinsen 20,00 €\nInkassokosten 50,00 €\nZu zahlen sind 370,00 €")
    assert result.total_amount == Decimal("370.00")
    assert result.total_corroborated


def test_the_breakdown_in_brackets_of_a_monthly_figure_is_not_a_claim_either() -> None:
    result = run("Der monatliche Beitrag liegt bei 95,00 € (Grundbeitrag 80,00 €, Servicepauschale 15,00 €).\n"
                 "Rückstand gesamt: 285,00 €")
    assert result.total_amount == Decimal("285.00")
    assert (reason_of(result, "80.00") or "").startswith("part of 95.00")
    assert result.amount_is_safe


def test_a_bracket_that_does_not_add_up_is_no_breakdown() -> None:
    result = run("Monatlich 95,00 € (zuletzt am 01.09. gebucht: 60,00 €)\nRückstand gesamt: 285,00 €")
    assert not (reason_of(result, "60.00") or "").startswith("part of")


def test_a_net_figure_before_tax_is_never_the_claim() -> None:
    result = run("Summe netto 500,00 €\nUmsatzsteuer 19 % 95,00 €\nRechnungsbetrag brutto 595,00 €\n"
                 "Gesamtforderung: 595,00 €")
    assert reason_of(result, "500.00") == "net amount before tax, not the claim"
    assert result.total_amount == Decimal("595.00")


def test_items_that_add_up_to_a_subtotal_do_not_compete_with_the_total() -> None:
    result = run("Rechnung Mai 40,00 €\nRechnung Juni 40,00 €\nGeräterate fällig gestellt 120,00 €\n"
                 "Zwischensumme Hauptforderung 200,00 €\nMahnkosten 10,00 €\nGesamtbetrag 210,00 €")
    assert result.total_amount == Decimal("210.00")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_a_balance_reduced_by_a_payment_is_a_subtotal_of_the_smaller_total() -> None:
    result = run("Restsaldo nach Kündigung 2.000,00 €\nVerzugszinsen 40,00 €\nabzüglich Zahlung -140,00 €\n"
                 "Gesamtforderung 1.900,00 €")
    assert result.total_amount == Decimal("1900.00")
    assert result.amount_is_safe, result.amount_safety_reasons
    assert "a subtotal plus the amounts after it add up to it" in result.total_ranking[0]


def locked_pdf() -> AttachmentText:
    return AttachmentText(filename="Aufstellung.pdf", status="failed", detected_type="pdf",
                          reason="PDF is encrypted (a password is required)", locked=True)


def test_a_password_locked_attachment_does_not_block_a_corroborated_total_in_the_text() -> None:
    result = run("Das Kennwort zur Aufstellung folgt separat. Gesamtforderung heute: 1.120,00 €",
                 attachments=(locked_pdf(),))
    assert result.amount_is_safe, result.amount_safety_reasons


def test_a_locked_attachment_still_blocks_a_total_without_corroboration() -> None:
    result = run("Das Kennwort folgt separat. Es ergibt sich ein Betrag von 1.120,00 €.", attachments=(locked_pdf(),))
    assert not result.amount_is_safe
    assert any("not read: Aufstellung.pdf" in r for r in result.amount_safety_reasons)


def test_a_broken_attachment_blocks_even_a_labelled_total() -> None:
    broken = AttachmentText(filename="Konto.xlsx", status="failed", detected_type="xlsx", reason="not a zip file")
    result = run("Gesamtforderung heute: 1.120,00 €", attachments=(broken,))
    assert not result.amount_is_safe


def test_a_sum_under_a_breakdown_beats_the_breakdowns_first_line_even_if_that_says_rest() -> None:
    result = run("Restschuld aus Ratenkredit 2.400,00 €\nZinsen 60,00 €\nGebühren 15,50 €\nSumme 2.475,50 €")
    assert result.total_amount == Decimal("2475.50")
    assert result.amount_is_safe, result.amount_safety_reasons
    assert "the amounts listed with it add up to it" in result.total_ranking[0]


def test_a_total_followed_by_the_items_it_is_made_of_is_corroborated_by_them() -> None:
    result = run("Offen ist derzeit eine Forderung von 1.500,00 €. Sie setzt sich zusammen aus: Restmiete 1.200,00 €, "
                 "rückständige Nebenkosten 280,00 € und Mahnkosten 20,00 €.")
    assert result.total_amount == Decimal("1500.00")
    assert result.amount_is_safe, result.amount_safety_reasons


def test_a_closing_sum_in_plain_words_is_read_as_the_total() -> None:
    result = run("Beitrag Juli 120,00 €\nBeitrag August 120,00 €\nSäumniszuschläge 6,00 €\nDas ergibt 246,00 €.")
    assert result.total_amount == Decimal("246.00")
    assert reason_of(result, "6.00") is None
    assert result.total_corroborated


def test_an_estimate_and_the_next_due_date_are_not_owed_now() -> None:
    result = run("Gesamtforderung: 610,00 €. Die Gutachterkosten von voraussichtlich 300,00 € folgen. "
                 "Die nächste Fälligkeit über 52,00 € ist am 01.03.2027.")
    assert reason_of(result, "300.00") == "future amount, not yet due"
    assert reason_of(result, "52.00") == "future amount, not yet due"


@pytest.mark.parametrize("line", ["Nachzahlung laut Abrechnung 230,00 €", "Summe der unbezahlten Rechnungen 230,00 €"])
def test_words_that_contain_a_payment_word_are_not_payments(line: str) -> None:
    result = run(line)
    assert reason_of(result, "230.00") != "paid amount, not open"


def test_a_row_of_billed_paid_and_open_without_a_header_gives_the_open_amount() -> None:
    scan = AttachmentText(filename="scan.pdf", status="ok", detected_type="pdf", segments=[
        TextSegment("page 1, line 1", "Gebühren 2025 400,00 150,00 250,00"),
        TextSegment("page 1, line 2", "Gesamt 560,00 150,00 410,00"),
    ])
    result = run("Anbei die Aufstellung.", attachments=(scan,))
    assert result.total_amount == Decimal("410.00")
    assert reason_of(result, "560.00") == "billed amount of a row whose billed − paid = open"


def test_a_total_and_two_items_named_in_a_sentence_are_no_billed_paid_row() -> None:
    result = run("Offen sind 900,00 €, nämlich Miete 700,00 € und Nebenkosten 200,00 €.")
    assert result.total_amount == Decimal("900.00")


@pytest.mark.parametrize("sentence", [
    "Die Forderung gemäß Schuldenbereinigungsplan von 318,40 € erkennen wir an.",
    "Nach Ihrem Plan entfallen auf uns 318,40 €; wir prüfen noch.",
])
def test_a_figure_taken_from_the_firms_settlement_plan_is_not_the_creditors_statement(sentence: str) -> None:
    result = run(sentence)
    assert reason_of(result, "318.40") == "the firm's figure repeated, not the creditor's"
    assert result.total_amount is None
