"""Images and scanned PDF pages are read by real tesseract (German); without it they are marked."""

from __future__ import annotations

import pytest
from PIL import Image

from app.services.attachments import ReadLimits, read_attachment
from app.services.attachments.result import AttachmentText
from tests.unit.attachments.samples import image_bytes, pdf_bytes, text_image

TEXT_PAGE = [("Anschreiben zur Forderungsaufstellung", None), ("Aktenzeichen", "OB-771923-44")]


def _line_with(result: AttachmentText, needle: str) -> tuple[str, str]:
    matches = [(s.location, s.text) for s in result.segments if needle in s.text]
    assert matches, f"{needle!r} not recognised in {result.segments}"
    return matches[0]


@pytest.mark.usefixtures("ocr_ready")
def test_a_photographed_statement_is_read_with_label_and_amount_on_one_line(
    statement_image: Image.Image,
) -> None:
    result = read_attachment(image_bytes(statement_image, "PNG"), "foto.png")
    assert (result.status, result.detected_type) == ("ok", "png")
    location, text = _line_with(result, "Gesamtforderung")
    assert location.startswith("line ")
    assert "767,50" in text


@pytest.mark.usefixtures("ocr_ready")
def test_german_umlauts_and_eszett_survive_ocr() -> None:
    image = text_image([("Rückstände für Jürgen Weißbach", None)])
    result = read_attachment(image_bytes(image, "JPEG", quality=95), "scan.jpg")
    assert "Rückstände für Jürgen Weißbach" in result.text


@pytest.mark.usefixtures("ocr_ready")
def test_each_page_of_a_multipage_tiff_is_located_by_page() -> None:
    first = text_image([("Seite eins", None)])
    second = text_image([("Restforderung", "100,00 €")])
    data = image_bytes(first, "TIFF", save_all=True, append_images=[second])
    result = read_attachment(data, "fax.tif")
    location, text = _line_with(result, "Restforderung")
    assert location == "page 2, line 1"
    assert "100,00" in text


@pytest.mark.usefixtures("ocr_ready")
def test_a_scanned_pdf_without_text_layer_is_rendered_and_ocrd(
    statement_image: Image.Image,
) -> None:
    result = read_attachment(pdf_bytes([statement_image]), "scan.pdf")
    assert result.status == "ok"
    location, text = _line_with(result, "Gesamtforderung")
    assert location.startswith("page 1, line ")
    assert "767,50" in text


@pytest.mark.usefixtures("ocr_ready")
def test_only_the_scanned_page_of_a_mixed_pdf_goes_to_ocr(statement_image: Image.Image) -> None:
    result = read_attachment(pdf_bytes([TEXT_PAGE, statement_image]), "gemischt.pdf")
    assert result.status == "ok"
    assert _line_with(result, "Aktenzeichen") == ("page 1, line 2", "Aktenzeichen OB-771923-44")
    assert _line_with(result, "Gesamtforderung")[0].startswith("page 2, line ")


@pytest.mark.usefixtures("ocr_ready")
def test_a_missing_ocr_language_marks_the_image_ocr_unavailable(
    statement_image: Image.Image,
) -> None:
    limits = ReadLimits(ocr_language="xqz")
    result = read_attachment(image_bytes(statement_image, "PNG"), "foto.png", limits=limits)
    assert result.status == "ocr_unavailable"
    assert "'xqz'" in (result.reason or "")


@pytest.mark.usefixtures("missing_tesseract")
def test_without_tesseract_an_image_is_marked_ocr_unavailable_not_failed(
    statement_image: Image.Image,
) -> None:
    result = read_attachment(image_bytes(statement_image, "PNG"), "foto.png")
    assert result.status == "ocr_unavailable"
    assert "not installed" in (result.reason or "")
    assert result.sha256 is not None


@pytest.mark.usefixtures("missing_tesseract")
def test_without_tesseract_a_mixed_pdf_keeps_its_text_pages_and_names_the_unread_ones(
    statement_image: Image.Image,
) -> None:
    result = read_attachment(pdf_bytes([TEXT_PAGE, statement_image]), "gemischt.pdf")
    assert result.status == "ocr_unavailable"
    assert "page(s) 2 " in (result.reason or "")
    assert _line_with(result, "Aktenzeichen")[0] == "page 1, line 2"
    assert not any(s.location.startswith("page 2") for s in result.segments)


@pytest.mark.usefixtures("missing_tesseract")
def test_a_broken_image_fails_rather_than_being_blamed_on_missing_ocr() -> None:
    data = image_bytes(Image.new("L", (300, 300), 255), "PNG")[:120]
    result = read_attachment(data, "abgeschnitten.png")
    assert result.status == "failed"
    assert "broken image" in (result.reason or "")
