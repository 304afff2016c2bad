"""A claim settled, said in wording written for these tests: the former balance paid in full, a remaining credit the
creditor pays out, a titled claim collected with what it held named between, "offen ist nix", an account that
"steht auf null" with a few cents written off — and remainders that stay open."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def read(body: str) -> ExtractionResult:
    return extract(parse_body(body, None), subject="AW: Anfrage Forderungshöhe",
                   from_email="info@baeckerei-ahrens.example", from_name="Bäckerei Ahrens")


@pytest.mark.parametrize("body", [
    "Offen waren zuletzt noch zwei Lieferungen, zusammen 64,80 €. Frau Ihlenfeld hat am 03.11. die 64,80 € bar "
    "bezahlt. Damit ist alles erledigt, von uns gibt es keine Forderungen mehr.",
    "Das Kundenkonto 77 120 ist ausgeglichen. Der offene Betrag (58,20 €) wurde mit dem Guthaben aus der Abrechnung "
    "verrechnet; das verbleibende Guthaben von 12,10 € überweisen wir Frau Ihlenfeld. Es bestehen somit keine offenen "
    "Forderungen.",
    "Die Forderung unserer Mandantin ist durch die Pfändung vollständig beigetrieben. Die Forderung einschließlich "
    "Zinsen und Kosten (insgesamt 1.204,50 €) ist damit erledigt.",
    "Bei Frau Ihlenfeld ist alles erledigt, sie hat im Oktober überwiesen, so ungefähr 60 € (genau 58,20). Offen ist "
    "nix.",
    "Die offenen Rechnungen von Frau Ihlenfeld sind bezahlt. Einen Restbetrag von 0,42 € haben wir ausgebucht.\n\n"
    "Das Kundenkonto 77 120 steht damit auf null.",
])
def test_a_claim_settled_in_other_words_is_settled(body: str) -> None:
    result = read(body)
    assert (result.intent, result.total_amount) == ("settled", Decimal("0.00"))


@pytest.mark.parametrize("body", [
    "Frau Ihlenfeld hat 40,00 € bezahlt. Offen ist aber noch ein Restbetrag von 24,80 €.",
    "Das Kundenkonto 77 120 steht auf 124,80 € im Soll.",
    "Offen sind noch 480,00 €. Zahlt Frau Ihlenfeld zehn Raten pünktlich, wird die Restforderung erlassen.",
])
def test_a_remainder_still_open_is_no_settlement(body: str) -> None:
    assert read(body).intent != "settled"


def test_what_a_private_lender_still_gets_is_the_claim() -> None:
    result = read("Ich habe ihm im Frühjahr 1.500 Euro geliehen, er hat inzwischen 300,- zurückgezahlt.\n\n"
                  "Also bekomme ich noch 1.200,- €. Zinsen will ich keine.")
    assert (result.intent, result.total_amount) == ("debt_statement", Decimal("1200.00"))
