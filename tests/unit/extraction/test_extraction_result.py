"""The result model: versioned, evidence on every value, JSON-serialisable, deterministic."""

from __future__ import annotations

import json
from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

TEXT = ("Sehr geehrte Damen und Herren,\n\nHauptforderung 100,00 EUR\nMahnkosten 5,00 EUR\nGesamtforderung 105,00 EUR"
        "\n\nMit freundlichen Grüßen\nMuster GmbH\nIBAN DE00 1234 5678 9012 3456 78")


def run() -> ExtractionResult:
    return extract(parse_body(TEXT, None), subject="AW: Anfrage – Ihr Zeichen 12345678 – Unser Az. BS-2026-0001",
                   from_email="a@muster.example", from_name="Muster GmbH")


def test_result_serialises_to_json_and_back() -> None:
    result = run()
    data = result.model_dump(mode="json")
    assert data["schema_version"] == 1
    assert data["total_amount"] == "105.00"
    restored = ExtractionResult.model_validate(json.loads(json.dumps(data)))
    assert restored == result


def test_every_amount_and_decision_carries_evidence_with_a_line_location() -> None:
    result = run()
    assert result.total_evidence is not None
    assert (result.total_evidence.source, result.total_evidence.part, result.total_evidence.location) == (
        "body", "reply", "line 5")
    assert result.component_evidence["costs"][0].text == "Mahnkosten 5,00 EUR"
    assert all(0 <= found.confidence <= 1 for found in result.amounts)
    assert result.total_amount == Decimal("105.00")


def test_safe_amount_lists_the_reason_it_is_safe() -> None:
    result = run()
    assert result.amount_is_safe
    assert "Gesamtforderung".lower() in result.amount_safety_reasons[0].lower()


def test_extraction_is_deterministic() -> None:
    assert run().model_dump(mode="json") == run().model_dump(mode="json")


def test_an_empty_email_gives_a_valid_result_without_amounts() -> None:
    result = extract(parse_body(None, None), subject=None, from_email="a@b.example", from_name=None)
    assert result.total_amount is None
    assert result.amounts == []
    assert not result.amount_is_safe
