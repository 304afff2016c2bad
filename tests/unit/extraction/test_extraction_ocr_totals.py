"""A total that only OCR could read is reported as such and is never safe to write automatically."""

from __future__ import annotations

from decimal import Decimal

from app.services.attachments.result import AttachmentText, TextSegment
from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

_ROWS = (
    ("Beitragsrückstand 2026", "180,00 €"),
    ("Mahngebühr", "6,00 €"),
    ("Gesamtbetrag offen", "186,00 €"),
)


def _statement(*, ocr: bool) -> AttachmentText:
    segments = [
        TextSegment(f"page 1, line {n}", f"{label} {amount}", ocr=ocr) for n, (label, amount) in enumerate(_ROWS, 1)
    ]
    return AttachmentText(filename="Aufstellung.pdf", status="ok", detected_type="pdf", segments=segments)


def _run(attachment: AttachmentText) -> ExtractionResult:
    body = "Guten Tag,\n\nanbei unsere aktuelle Aufstellung zu Ihrem Schreiben.\n\nMit freundlichen Grüßen"
    return extract(
        parse_body(body, None), subject="AW: Forderungsanfrage Jonas Probst", from_email="konto@verein.example",
        from_name="Sportverein Probstheide", attachments=(attachment,),
    )


def test_a_total_read_by_ocr_is_found_but_flagged_and_not_safe() -> None:
    result = _run(_statement(ocr=True))
    assert result.total_amount == Decimal("186.00")
    assert result.total_from_ocr is True
    assert result.amount_is_safe is False
    assert "total read only by OCR" in result.amount_safety_reasons


def test_the_same_total_from_a_text_layer_carries_no_ocr_doubt() -> None:
    result = _run(_statement(ocr=False))
    assert result.total_amount == Decimal("186.00")
    assert result.total_from_ocr is False
    assert "total read only by OCR" not in result.amount_safety_reasons
