"""The breakdown of a claim (principal, interest, costs): what each line is, and when it may go into a record."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def run(text: str) -> ExtractionResult:
    return extract(parse_body(text, None), subject="AW: Forderungsaufstellung",
                   from_email="forderung@glaeubiger.example", from_name="Gläubiger GmbH")


def money(**parts: str) -> dict[str, Decimal]:
    return {name: Decimal(value) for name, value in parts.items()}


def test_the_main_claim_under_a_label_of_its_own_is_the_principal_by_difference() -> None:
    result = run("Guten Tag,\nfür Ihren Mandanten ist offen:\nLieferung Waschmaschine vom 04.05.2026: 549,00 €\n"
                 "Verzugszinsen: 12,35 €\nMahnkosten: 7,50 €\nGesamtforderung: 568,85 €\nMit freundlichen Grüßen")
    assert result.total_amount == Decimal("568.85")
    assert result.components == money(principal="549.00", interest="12.35", costs="7.50")
    # Found only by difference: shown on the job, never written with the claim.
    assert not result.components_add_up


def test_no_principal_is_made_up_from_a_difference_no_line_states() -> None:
    result = run("Guten Tag,\nVerzugszinsen: 12,35 €\nMahnkosten: 7,50 €\nGesamtforderung: 568,85 €")
    assert result.components == money(interest="12.35", costs="7.50")


def test_a_late_payment_surcharge_counts_in_the_sum_but_is_no_component() -> None:
    result = run("Sehr geehrte Damen und Herren,\nBeiträge Juni bis August: 420,00 EUR\n"
                 "Säumniszuschläge: 12,50 EUR\nMahngebühr: 4,00 EUR\nGesamtbetrag: 436,50 EUR\nMit freundlichen Grüßen")
    assert result.total_amount == Decimal("436.50")
    assert result.components == money(principal="420.00", costs="4.00")
    assert result.components_add_up  # 420 + 4 + the surcharge of 12,50 make up the total


def test_a_charge_for_what_the_creditor_provides_is_no_cost_of_collection() -> None:
    result = run("Guten Tag,\nNutzungsgebühr Oktober: 640,00 €\nGrundgebühr Kabelanschluss: 9,90 €\n"
                 "Mahngebühr: 5,00 €\nGesamtrückstand: 654,90 €\nFreundliche Grüße")
    assert result.components.get("costs") == Decimal("5.00")


def test_a_fee_alone_making_up_the_whole_claim_is_not_written_as_a_breakdown() -> None:
    result = run("Guten Tag,\nMahn- und Inkassokosten insgesamt: 312,40 €\nGesamtforderung: 312,40 €")
    assert result.total_amount == Decimal("312.40")
    assert not result.components_add_up


def test_a_breakdown_that_makes_up_the_total_may_be_written() -> None:
    result = run("Guten Tag,\nHauptforderung: 1.200,00 €\nZinsen: 31,20 €\nInkassokosten: 89,25 €\n"
                 "Gesamtforderung: 1.320,45 €\nMit freundlichen Grüßen")
    assert result.components == money(principal="1200.00", interest="31.20", costs="89.25")
    assert result.components_add_up


def test_a_breakdown_that_does_not_make_up_the_total_is_not_written() -> None:
    result = run("Guten Tag,\nHauptforderung: 1.200,00 €\nZinsen: 31,20 €\nInkassokosten: 89,25 €\n"
                 "Gesamtforderung: 1.400,00 €\nMit freundlichen Grüßen")
    assert result.total_amount == Decimal("1400.00")
    assert not result.components_add_up
