"""attachments/pdf.py — PDF stage: every page's text layer, OCR only where none; pages capped."""

from __future__ import annotations

import math
import threading

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from app.services.attachments.base import Extracted, ReadLimits, Unreadable, numbered_lines
from app.services.attachments.ocr import OcrUnavailable, ocr_lines, require_ocr
from app.services.attachments.result import TextSegment

_PDFIUM_PASSWORD_ERROR = 4
_DRAWN_OBJECTS = (
    pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_SHADING, pdfium_c.FPDF_PAGEOBJ_FORM,
)
_MIN_TEXT_LAYER_CHARS = 16
_POINTS_PER_INCH = 72
# PDFium must not be entered from two threads at once, even for different documents; OCR
# (a tesseract subprocess) runs outside this lock.
_PDFIUM_LOCK = threading.RLock()


def read_pdf(data: bytes, limits: ReadLimits) -> Extracted:
    """Lines per page as "page N, line M"; pages with (almost) no text layer are OCR'd."""
    with _PDFIUM_LOCK:
        document = _open(data)
    try:
        with _PDFIUM_LOCK:
            page_count = len(document)
            if page_count > limits.max_pdf_pages:
                raise Unreadable(f"PDF has {page_count} pages (limit {limits.max_pdf_pages})")
            layers = [_text_layer(document, index) for index in range(page_count)]
        pages = [segments for segments, _ in layers]
        scanned = [
            index
            for index, (segments, drawn) in enumerate(layers)
            if drawn and sum(char.isalnum() for s in segments for char in s.text) < _MIN_TEXT_LAYER_CHARS
        ]
        return _with_ocr(document, pages, scanned, limits)
    finally:
        with _PDFIUM_LOCK:
            document.close()


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == _PDFIUM_PASSWORD_ERROR:
            raise Unreadable("PDF is encrypted (a password is required)", locked=True) from None
        raise Unreadable(f"broken PDF: {error}") from None


def _text_layer(document: pdfium.PdfDocument, index: int) -> tuple[list[TextSegment], bool]:
    """A page's text-layer lines, and whether it also draws images or shapes (where a scan's
    or an outlined font's text would be). A page of nothing but short text is left as it is."""
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_bounded()
        finally:
            textpage.close()
        drawn = any(True for _ in page.get_objects(filter=_DRAWN_OBJECTS, max_depth=3))
    finally:
        page.close()
    return numbered_lines(text, f"page {index + 1}, "), drawn


def _with_ocr(
    document: pdfium.PdfDocument,
    pages: list[list[TextSegment]],
    scanned: list[int],
    limits: ReadLimits,
) -> Extracted:
    """Fill in the scanned pages by OCR, or say which pages stayed unread and why."""
    if not scanned:
        return Extracted(_flatten(pages))
    if len(scanned) > limits.max_ocr_pages:
        raise Unreadable(
            f"PDF has {len(scanned)} pages without a text layer (OCR limit {limits.max_ocr_pages})"
        )
    try:
        require_ocr(limits.ocr_language)
        for index in scanned:
            image = render_page(document, index, limits)
            pages[index] = ocr_lines(image, limits, f"page {index + 1}, ")
    except OcrUnavailable as missing:
        page_list = ", ".join(str(index + 1) for index in scanned)
        reason = f"page(s) {page_list} have no text layer and OCR is unavailable: {missing.reason}"
        return Extracted(_flatten(pages), "ocr_unavailable", reason)
    return Extracted(_flatten(pages))


def render_page(document: pdfium.PdfDocument, index: int, limits: ReadLimits) -> Image.Image:
    """Render one page in grey at `limits.ocr_dpi`, scaled down to stay within the pixel cap."""
    with _PDFIUM_LOCK:
        return _render(document, index, limits)


def _render(document: pdfium.PdfDocument, index: int, limits: ReadLimits) -> Image.Image:
    page = document[index]
    try:
        width, height = page.get_size()
        scale = limits.ocr_dpi / _POINTS_PER_INCH
        area = max(width * height, 1.0)
        if area * scale * scale > limits.max_image_pixels:
            scale = math.sqrt(limits.max_image_pixels / area)
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            return bitmap.to_pil().copy()
        finally:
            bitmap.close()
    finally:
        page.close()


def _flatten(pages: list[list[TextSegment]]) -> list[TextSegment]:
    return [segment for page in pages for segment in page]
