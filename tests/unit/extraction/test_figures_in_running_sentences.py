"""Claims written in running sentences, as small creditors write them, in wording written for these tests: a sum
after "also" with a comma before it, months "nicht bezahlt" summed up, what is "noch … offen" after a part
payment, "zusammen also", a part added with "hinzu kommen" and named after its figure, an included part's own
figure before the whole, and a claim grown "mit den … aufgelaufenen Zinsen"."""

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


def test_a_sum_said_with_zusammen_and_a_word_of_consequence_is_the_total() -> None:
    for text in ("Offen ist die Rechnung 31-044 mit 418,00 €, hinzu kommen 8,00 € Mahnkosten, zusammen also "
                 "426,00 €.",
                 "Die Rechnung 31-044 über 418,00 € und 8,00 € Mahnkosten sind offen, also zusammen 426,00 €."):
        result = reply(text)
        assert result.total_amount == Decimal("426.00"), text
        assert result.components.get("costs") == Decimal("8.00"), text


def test_an_included_parts_own_figure_is_that_part_and_the_whole_follows() -> None:
    result = reply("Die Forderung aus der Rechnung 31-044 beträgt einschließlich Mahnkosten von 8,00 € heute "
                   "426,00 €.")
    assert result.total_amount == Decimal("426.00")
    assert result.components.get("costs") == Decimal("8.00")
    alone = reply("Die Forderung beträgt einschließlich Mahnkosten von 426,00 €. Weitere Kosten fallen nicht an.")
    assert alone.total_amount == Decimal("426.00")


def test_a_claim_grown_by_interest_since_a_date_is_the_whole_not_the_interest() -> None:
    result = reply("Unsere Forderung beläuft sich mit den seit der Kündigung im Februar aufgelaufenen Zinsen heute "
                   "auf 426,00 €.")
    assert result.total_amount == Decimal("426.00")
    assert "interest" not in result.components
