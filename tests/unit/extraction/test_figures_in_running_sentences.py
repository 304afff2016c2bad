"""Claims written in running sentences, as small creditors write them, in wording written for these tests: a sum
after "also" with a comma before it, months "nicht bezahlt" summed up, and what is "noch … offen" after a part
payment."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def reply(text: str) -> ExtractionResult:
    body = f"Hallo,\n\n{text}\n\nGruß\nTischlerei Ohlwein"
    return extract(parse_body(body, None), subject="Re: Forderungsanfrage Merten 31-044",
                   from_email="info@tischlerei-ohlwein.example", from_name="Tischlerei Ohlwein")


def test_a_sum_after_a_comma_and_also_is_the_total() -> None:
    result = reply("Die Rechnung 31-044 über 418,00 € ist offen. Zweimal gemahnt, je Mahnung 4 Euro, also "
                   "426,00 € gesamt.")
    assert result.total_amount == Decimal("426.00")
    assert result.amount_is_safe


def test_months_not_paid_summed_up_are_owed_not_paid() -> None:
    result = reply("Die Werkstattmiete ist 350 Euro im Monat. Für Mai und Juni hat er nichts bezahlt, das sind "
                   "zusammen 700,- €.")
    assert result.total_amount == Decimal("700.00")


def test_what_is_still_open_after_a_part_payment_outranks_the_bills_figure() -> None:
    result = reply("Herr Merten hat 150,00 überwiesen. Die Rechnung 31-044 war 418,00, es sind also noch 268,00 "
                   "offen.")
    assert result.total_amount == Decimal("268.00")
    assert not result.amount_is_safe
    whole = reply("Die Rechnung 31-044 über 418,00 € ist noch offen.")
    assert whole.total_amount == Decimal("418.00")


def test_a_sum_opened_by_zusammen_with_its_verb_after_it_is_the_total() -> None:
    result = reply("Die Werkstattmiete ist 350,- im Monat, für März bis Mai fehlt sie. Dazu kommt die Nachzahlung "
                   "über 96,50, die seit Mai fällig ist. Zusammen sind das 1.146,50 Euro.")
    assert result.total_amount == Decimal("1146.50")


def test_a_reason_given_after_the_figure_does_not_make_it_paid() -> None:
    result = reply("Der Rückstand aus der Werkstattmiete beträgt inzwischen 1.146,50 €, weil die Junimiete nur zum "
                   "Teil gezahlt wurde.")
    assert result.total_amount == Decimal("1146.50")
    paid = reply("Die Junimiete über 350,00 € wurde gezahlt.")
    assert paid.total_amount is None
