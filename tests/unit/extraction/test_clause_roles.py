"""Amounts whose role is set by the clause they stand in: the firm's figure named back, a figure that is no
longer owed, and a trailing label that belongs to the next amount of the sentence."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

_FIRMS = "the firm's figure repeated, not the creditor's"


def run(text: str) -> ExtractionResult:
    return extract(parse_body(text, None), subject="AW: Ihre Anfrage", from_email="buchhaltung@gläubiger.example",
                   from_name="Gläubiger AG")


def reason_of(result: ExtractionResult, value: str) -> str | None:
    return next(found.reason for found in result.amounts if found.value == Decimal(value))


def test_an_amount_inside_a_relative_clause_of_the_firms_naming_is_the_firms_figure() -> None:
    result = run("Guten Tag,\n\neinen Vorgang zu Ihrem Mandanten finden wir nicht. Senden Sie uns bitte das Schreiben, "
                 "aus dem Sie die Kundennummer und die Summe (1.203,77 €) übernommen haben, wir prüfen dann erneut.\n")
    assert reason_of(result, "1203.77") == _FIRMS
    assert result.total_amount is None


def test_a_relative_clause_right_after_the_amount_makes_it_the_firms_figure() -> None:
    result = run("Hallo,\n\nden Betrag von 640,10 EUR, den Sie uns mitgeteilt haben, können wir nicht bestätigen. "
                 "Bitte schicken Sie uns eine Vollmacht.\n")
    assert reason_of(result, "640.10") == _FIRMS
    assert result.total_amount is None


def test_the_figure_named_in_the_firms_letter_is_not_the_creditors_total() -> None:
    result = run("Sehr geehrte Damen und Herren,\n\ndie in Ihrem Anschreiben aufgeführte Summe von 1.050,00 € stimmt "
                 "nicht mehr.\n\nNoch offen sind 930,00 €.\n")
    assert reason_of(result, "1050.00") == _FIRMS
    assert result.total_amount == Decimal("930.00")


def test_a_lowercase_sie_is_a_person_not_the_firm() -> None:
    result = run("Guten Tag,\n\ndie Mandantin schuldet uns aus der Rechnung, die sie 2025 erhalten hat, noch "
                 "offene 315,00 €.\n")
    assert reason_of(result, "315.00") is None
    assert result.total_amount == Decimal("315.00")


def test_the_figure_right_after_nicht_mehr_is_superseded_by_the_one_after_sondern() -> None:
    result = run("Guten Tag,\n\nnach Eingang einer Gutschrift liegt der offene Saldo nicht mehr bei 512,40 EUR, "
                 "sondern bei 462,40 EUR.\n")
    assert reason_of(result, "512.40") == "previous figure, superseded"
    assert result.total_amount == Decimal("462.40")
    assert not result.amount_is_safe  # two totals in one sentence: a human looks


def test_nicht_mehr_earlier_in_the_sentence_does_not_touch_the_amount() -> None:
    result = run("Guten Tag,\n\nda Ihr Mandant nicht mehr gezahlt hat, beträgt der offene Saldo 780,00 EUR.\n")
    assert reason_of(result, "780.00") is None
    assert result.total_amount == Decimal("780.00")


def test_a_label_after_the_comma_belongs_to_the_next_amount_not_to_the_one_before() -> None:
    result = run("Guten Tag,\n\nweil auch die Novemberpacht (188,20 €) nicht überwiesen wurde, beläuft sich der "
                 "Rückstand jetzt auf 1.311,70 €.\n")
    assert result.total_amount == Decimal("1311.70")
    assert all(found.label not in ("total", "balance") for found in result.amounts if found.value == Decimal("188.20"))


def test_a_relative_clause_after_the_amount_still_labels_it_when_another_amount_follows() -> None:
    result = run("Guten Tag,\n\nfür Ihren Mandanten sind 410,00 €, die noch offen sind, sowie Mahnkosten von 9,00 € "
                 "verbucht.\n")
    assert next(found.label for found in result.amounts if found.value == Decimal("410.00")) == "balance"


def test_a_row_below_does_not_label_the_amount_that_ends_the_row_above() -> None:
    result = run("Guten Tag,\n\nHauptforderung                      600,00 EUR\nPorto und Auslagen                   "
                 "12,00 EUR\nbereits bezahlt (Rate Oktober)      -100,00 EUR\nRestforderung                       "
                 "512,00 EUR\n")
    assert reason_of(result, "12.00") is None
    assert result.components.get("costs") == Decimal("12.00")
    assert result.total_amount == Decimal("512.00")


def test_a_sentence_wrapped_after_its_amount_still_runs_on_into_the_next_line() -> None:
    result = run("Guten Tag,\n\nvon Ihrem Mandanten sind 75,00 Euro\neingegangen. Offen sind noch 125,00 Euro\n")
    assert reason_of(result, "75.00") == "paid amount, not open"
    assert result.total_amount == Decimal("125.00")


def test_a_main_clause_of_the_firms_setting_a_figure_makes_it_the_firms_figure() -> None:
    result = run("Guten Tag,\n\nSie haben die Forderung unseres Hauses mit 402,00 € beziffert. Das ist überholt; "
                 "aktuell offen sind 455,60 €.\n")
    assert reason_of(result, "402.00") == _FIRMS
    assert result.total_amount == Decimal("455.60")


def test_the_firm_addressed_as_the_payer_is_no_figure_of_the_firms() -> None:
    result = run("Guten Tag,\n\nSie haben uns für Ihren Mandanten erst heute angeschrieben; offen sind 455,60 €.\n")
    assert reason_of(result, "455.60") is None
    assert result.total_amount == Decimal("455.60")
