"""A total that holds only later or under a condition is never written as the current one; an exclusion cue
("kommt hinzu", "nicht enthalten") reaches only its own clause; a part of a sum the text states is never the total.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction.future import not_yet
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(body: str) -> ExtractionResult:
    text = f"Sehr geehrte Damen und Herren,\n\n{body}\n\nMit freundlichen Grüßen\nForderungsmanagement"
    return extract(parse_body(text, None), subject="AW: Anfrage zur Forderungshöhe",
                   from_email="forderungen@stadtwerke-beispiel.example", from_name="Stadtwerke Beispielstadt")


def reason_of(result: ExtractionResult, value: str) -> str | None:
    return next(found.reason for found in result.amounts if found.value == Decimal(value))


# --- totals that hold only later or under a condition ---------------------------------------------------------

@pytest.mark.parametrize(("body", "current", "later"), [
    ("Derzeit stehen 412,50 € offen. Ab dem 15.01. erheben wir eine Kontoführungsgebühr von 7,50 €, "
     "der Saldo beträgt dann 420,00 €.", "412.50", "420.00"),
    ("Der offene Saldo beträgt 612,00 €. Sollten Sie bis zum 20.12. nicht zahlen, kommen Mahnkosten von "
     "15,00 € dazu und die Gesamtforderung beträgt 627,00 €.", "612.00", "627.00"),
    ("Rückstand: 500,00 €. Bei weiterem Verzug würden Inkassokosten von 45,00 € entstehen, die "
     "Gesamtforderung läge bei 545,00 €.", "500.00", "545.00"),
    ("Offener Betrag 300,00 €. Falls keine Zahlung eingeht, werden wir weitere 25,00 € Bearbeitungsgebühr "
     "berechnen; der Gesamtbetrag wäre 325,00 €.", "300.00", "325.00"),
    ("Offene Forderung 150,00 €. Ab Februar berechnen wir Zinsen von 3,00 €.\nDie Gesamtforderung beträgt "
     "dann 153,00 €.", "150.00", "153.00"),
    ("Offene Forderung 150,00 €. Künftig fällt eine Sperrgebühr von 5,00 € an, Gesamtbetrag 155,00 €.",
     "150.00", "155.00"),
])
def test_a_total_that_only_holds_later_is_never_the_written_total(body: str, current: str, later: str) -> None:
    result = run(body)
    assert result.total_amount != Decimal(later)
    assert result.total_amount == Decimal(current) or not result.amount_is_safe
    assert reason_of(result, later) is not None


def test_a_larger_future_total_sends_the_reply_to_a_human_even_where_it_adds_up() -> None:
    # 240 + 30 = 270 holds only if the 30,00 € is rightly read as future: a human decides, never 270 written.
    result = run("Offene Gesamtforderung 240,00 €. Ab dem 01.03. berechnen wir zusätzlich eine "
                 "Sperrgebühr von 30,00 €, der Gesamtbetrag beläuft sich dann auf 270,00 €.")
    assert result.total_amount == Decimal("240.00")
    assert not result.amount_is_safe
    assert any("future or conditional total: 270,00" in reason for reason in result.amount_safety_reasons)


@pytest.mark.parametrize("last", ["Gesamtrückstand: 2.100,00 €", "Macht 2.100,00 €"])
def test_a_dated_row_does_not_make_the_next_row_a_future_one(last: str) -> None:
    # Were the 700,00 € of September misread as future, the 1.400,00 € before it must still never be written.
    result = run(f"Rückstand bis August: 1.400,00 €\nMiete ab 01.09.2026: 700,00 €\n{last}")
    assert not (result.amount_is_safe and result.total_amount == Decimal("1400.00"))
    assert reason_of(result, "2100.00") is None


def test_a_future_total_nothing_explains_sends_the_reply_to_a_human() -> None:
    result = run("Offen sind 880,00 €. Ab dem 01.02. beträgt Ihre Gesamtforderung 910,00 €.")
    assert result.total_amount == Decimal("880.00")
    assert not result.amount_is_safe
    assert any("future or conditional total: 910,00" in reason for reason in result.amount_safety_reasons)


def test_a_future_total_alone_is_no_total() -> None:
    result = run("Ab dem 01.01. beläuft sich Ihre Gesamtforderung auf 980,00 €.")
    assert not result.amount_is_safe
    assert result.total_amount != Decimal("980.00")


@pytest.mark.parametrize("body", [
    "Die Gesamtforderung beträgt 744,20 €. Ab Januar fällt zusätzlich eine monatliche Kontogebühr von 4,00 € an.",
    "Die Gesamtforderung beträgt 744,20 €. Sollte bis Monatsende keine Zahlung eingehen, berechnen wir "
    "eine weitere Mahngebühr von 5,00 €.",
    "Falls noch nicht geschehen, überweisen Sie bitte die offene Gesamtforderung von 744,20 €.",
    "Sollten Sie Fragen haben, rufen Sie uns gern an. Die Gesamtforderung beträgt 744,20 €.",
    "Hauptforderung 700,00 €, Verzugszinsen ab dem 01.04.2026 bis heute 44,20 €, Gesamtforderung 744,20 €.",
    "Hauptforderung 700,00 €, Verzugszinsen ab 01.04.2026: 44,20 €, Gesamtforderung 744,20 €.",
    "Die Gesamtforderung von 744,20 € wird mit Ihrem Schreiben vom 02.11. bestätigt.",
])
def test_a_current_total_beside_future_or_conditional_words_stays_safe(body: str) -> None:
    result = run(body)
    assert result.total_amount == Decimal("744.20")
    assert result.amount_is_safe


@pytest.mark.parametrize(("before", "trail", "expected"), [
    ("Ab dem ###### berechnen wir Gebühren von", "", True),
    ("Ab 1. Dezember kommen", " hinzu", True),
    ("Sollte keine Zahlung eingehen, erhöhen wir die Forderung auf", "", True),
    ("Wenn Sie bis Freitag zahlen, reduziert sich der Betrag auf", "", True),
    ("Bei Nichtzahlung fallen weitere", " an", True),
    ("Der Betrag", " wird sich bis Jahresende auf diese Summe erhöhen", False),
    ("Wir werden Ihnen", " berechnen", True),
    ("Mahngebühren von", " werden zusätzlich anfallen", True),
    ("Die Forderung wird sich auf", " erhöhen", True),
    ("Die Forderung wird mit", " beziffert", False),
    ("Falls noch nicht geschehen, zahlen Sie bitte", "", False),
    ("Wir wären Ihnen dankbar, wenn Sie den Betrag von", " überweisen", False),
    ("Es wäre schön, wenn Sie die offenen", " bald überweisen", False),
    ("Wir würden uns über eine Zahlung von", " freuen", False),
    ("Zinsen ab ########## bis ##########:", "", False),
    ("Offen sind ab sofort", "", False),
    ("Säumniszuschläge ab ##########:", "", False),
])
def test_not_yet_reads_the_sentence_before_the_amount(before: str, trail: str, expected: bool) -> None:
    assert not_yet(before, trail) is expected


def test_then_refers_back_to_the_sentence_before() -> None:
    assert not_yet("Gesamtbetrag dann", "", "Ab Januar erheben wir eine Gebühr von 4,00 €.")
    assert not not_yet("Abzüglich Ihrer Zahlung verbleiben dann", "", "Wir haben Ihre Zahlung erhalten.")


# --- an exclusion cue reaches its own clause; a part of a stated sum is never the total ----------------------

@pytest.mark.parametrize(("body", "part"), [
    ("Die Restforderung aus der Rechnung beläuft sich auf 230,00 €. Die Rücklastschriftgebühr von 7,50 € "
     "kommt hinzu, das macht zusammen 237,50 €.", "230.00"),
    ("Offen sind noch 1.120,00 €; Verzugszinsen in Höhe von 14,35 € kommen noch hinzu, zusammen also "
     "1.134,35 €.", "1120.00"),
    ("Unbezahlt ist die Rechnung über 64,00 Euro. Die Mahngebühr kommt hinzu, zusammen\nsomit 69,00 Euro.",
     "64.00"),
    ("Offener Saldo 88,00 €. Dazu kommen Auslagen von 4,10 €, nicht enthalten sind dagegen Zinsen, zusammen "
     "ergibt das 92,10 €.", "88.00"),
])
def test_a_part_of_a_sum_the_creditor_states_is_never_written(body: str, part: str) -> None:
    result = run(body)
    assert not (result.amount_is_safe and result.total_amount == Decimal(part))


def test_the_stated_sum_after_an_added_part_is_the_total_and_the_part_is_never_written() -> None:
    result = run("Offen ist die Forderung über 310,00 €. Die Gebühr für die Rücklastschrift von 6,00 € kommt "
                 "hinzu, zusammen also 316,00 €.")
    assert result.total_amount == Decimal("316.00")  # "zusammen also" names the sum
    assert not result.amount_is_safe  # the claim before the fee still stands beside it: a human confirms
    assert reason_of(result, "316.00") is None  # the cue closes the clause before the sum


@pytest.mark.parametrize("body", [
    "Die Forderung beträgt 500,00 €, Zinsen kommen hinzu.",
    "Die Forderung beträgt 500,00 €, die Verzugszinsen kommen noch gesondert hinzu.",
    "Die Forderung beträgt 500,00 €. Zinsen von 12,00 € kommen hinzu.",
    "Gesamtforderung 500,00 € (Hauptforderung 455,00 €, Zinsen und Kosten zusammen 45,00 €).",
])
def test_a_claim_that_leaves_out_what_comes_on_top_is_still_the_claim(body: str) -> None:
    result = run(body)
    assert result.total_amount == Decimal("500.00")
    assert result.amount_is_safe


@pytest.mark.parametrize(("body", "value"), [
    ("Die Forderung beträgt 500,00 €. Zinsen von 12,00 € kommen hinzu.", "12.00"),
    ("Hauptforderung 500,00 €, die Zinsen von 12,00 €, die noch hinzukommen, sind nicht enthalten.", "12.00"),
    ("Nicht enthalten sind Mahnkosten von 9,00 €.", "9.00"),
    ("Die Gesamtforderung beträgt 800,00 €. Zusätzlich fallen Gutachterkosten von 95,00 € an, diese sind in der "
     "Gesamtforderung nicht enthalten.", "95.00"),
])
def test_an_amount_the_cue_is_about_is_still_excluded(body: str, value: str) -> None:
    assert (reason_of(run(body), value) or "").startswith("excluded")
