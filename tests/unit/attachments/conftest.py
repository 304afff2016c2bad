"""attachments/conftest.py — unit fixtures stage: sample files in memory, OCR gated on tesseract."""

from __future__ import annotations

import pytest
from PIL import Image

from app.services.attachments.ocr import ocr_unavailable_reason
from tests.unit.attachments.samples import STATEMENT, text_image


@pytest.fixture
def statement_image() -> Image.Image:
    return text_image(STATEMENT)


@pytest.fixture
def ocr_ready() -> None:
    """Skips only where tesseract with German is not installed (scripts/install-system-deps.sh)."""
    reason = ocr_unavailable_reason("deu")
    if reason is not None:
        pytest.skip(f"real OCR needs tesseract-ocr and tesseract-ocr-deu: {reason}")


@pytest.fixture
def missing_tesseract(monkeypatch: pytest.MonkeyPatch) -> None:
    """Point pytesseract at a binary that does not exist, for this test only."""
    monkeypatch.setattr("pytesseract.pytesseract.tesseract_cmd", "/nonexistent/bin/tesseract")
