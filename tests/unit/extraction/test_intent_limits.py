"""Intent cues that say less than they seem to, in wording written for these tests: a refusal word taken back by
a negation, an invitation to propose instalments, and "no arrears" limited to a part of the account."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

TABLE = "Grundsteuer 2026     412,00 €\nSäumniszuschlag       12,00 €\nRückstand insgesamt  424,00 €"


def statement(text: str) -> ExtractionResult:
    body = (f"Sehr geehrte Damen und Herren,\n\nfür Frau Inge Falk bestehen folgende Rückstände:\n\n{TABLE}\n\n"
            f"{text}\n\nMit freundlichen Grüßen\nStadtkasse Nordheim")
    return extract(parse_body(body, None), subject="Kassenzeichen 61.204.77", from_email="kasse@nordheim.example",
                   from_name="Stadtkasse Nordheim")


def test_a_refusal_word_taken_back_by_a_negation_refuses_nothing() -> None:
    result = statement("Einem Antrag auf Stundung stehen wir nicht grundsätzlich ablehnend gegenüber.")
    assert result.intent == "debt_statement"
    assert result.total_amount == Decimal("424.00") and result.amount_is_safe
    refused = statement("Eine Stundung lehnen wir ab.")
    assert refused.intent == "rejection"


def test_an_invitation_to_propose_instalments_offers_none() -> None:
    result = statement("Wenn Sie eine Ratenzahlung vorschlagen möchten, antworten Sie einfach auf diese Nachricht.")
    assert result.intent == "debt_statement" and result.amount_is_safe
    offered = statement("Wir bieten Ihrer Mandantin eine Ratenzahlung von monatlich 50,00 € an.")
    assert offered.intent == "payment_plan"


def test_no_arrears_for_a_part_of_the_account_does_not_settle_it() -> None:
    result = statement("Die Abfallgebühren zahlt der Vermieter; insoweit bestehen keine Rückstände.")
    assert result.total_amount == Decimal("424.00") and result.amount_is_safe
    settled = statement("Es bestehen keine Rückstände mehr.")
    assert not settled.amount_is_safe


def test_a_receipt_confirmed_above_figures_of_its_own_is_a_persons_answer() -> None:
    body = ("Sehr geehrte Damen und Herren,\n\nwir bestätigen den Eingang Ihres Schreibens zu Frau Inge Falk. Nach "
            "Abschluss des gerichtlichen Mahnverfahrens wird sich unsere Forderung auf 1.204,50 EUR belaufen.\n\n"
            "Mit freundlichen Grüßen\nStadtkasse Nordheim")
    result = extract(parse_body(body, None), subject="Kassenzeichen 61.204.77", from_email="kasse@nordheim.example",
                     from_name="Stadtkasse Nordheim")
    assert result.intent != "auto_reply"
    receipt = extract(parse_body("Wir bestätigen den Eingang Ihres Schreibens und melden uns.\n\nStadtkasse", None),
                      subject="Eingangsbestätigung", from_email="kasse@nordheim.example", from_name="Stadtkasse")
    assert receipt.intent == "auto_reply"
