"""attachments/ocr.py — OCR stage: pixels capped before decoding; no tesseract = ocr_unavailable."""

from __future__ import annotations

import io
import math
import warnings
from functools import lru_cache

import pytesseract
import structlog
from PIL import Image, ImageOps, UnidentifiedImageError

from app.services.attachments.base import Extracted, ReadLimits, Unreadable, numbered_lines
from app.services.attachments.result import TextSegment

logger = structlog.get_logger(__name__)

# psm 4 reads the page as one column of lines of varying size: a table row such as
# "Gesamtforderung ........ 767,50 €" stays one line instead of two separate blocks.
_TESSERACT_CONFIG = "--psm 4"


class OcrUnavailable(Exception):
    """Tesseract, or its language data, is not installed here."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def ocr_unavailable_reason(language: str = "deu") -> str | None:
    """None when tesseract with `language` can run; otherwise why not."""
    return _probe(str(pytesseract.pytesseract.tesseract_cmd), language)


@lru_cache(maxsize=8)
def _probe(command: str, language: str) -> str | None:
    try:
        languages = pytesseract.get_languages(config="")
    except pytesseract.TesseractNotFoundError:
        return f"tesseract is not installed (looked for {command!r})"
    except (OSError, RuntimeError, pytesseract.TesseractError) as error:
        return f"tesseract does not run: {type(error).__name__}"
    if language not in languages:
        return f"tesseract language {language!r} is not installed"
    return None


def require_ocr(language: str) -> None:
    """Raise OcrUnavailable when OCR in `language` cannot run on this machine."""
    reason = ocr_unavailable_reason(language)
    if reason is not None:
        raise OcrUnavailable(reason)


def ocr_lines(image: Image.Image, limits: ReadLimits, prefix: str = "") -> list[TextSegment]:
    """Recognise one page image; lines are located as "<prefix>line N" and marked as OCR."""
    prepared = image.convert("L")
    pixels = prepared.width * prepared.height
    if pixels > limits.ocr_target_pixels:
        factor = math.sqrt(limits.ocr_target_pixels / pixels)
        size = (max(1, int(prepared.width * factor)), max(1, int(prepared.height * factor)))
        prepared = prepared.resize(size, Image.Resampling.LANCZOS)
    try:
        text = pytesseract.image_to_string(
            prepared,
            lang=limits.ocr_language,
            config=_TESSERACT_CONFIG,
            timeout=limits.ocr_timeout_seconds,
        )
    except pytesseract.TesseractNotFoundError:
        raise OcrUnavailable("tesseract is not installed") from None
    except RuntimeError as error:
        if "timeout" in str(error).lower():
            raise Unreadable(f"OCR took longer than {limits.ocr_timeout_seconds:g} s") from None
        raise
    except pytesseract.TesseractError as error:
        raise Unreadable(f"OCR failed: {error.message[:200]}") from None
    return numbered_lines(text, prefix, ocr=True)


def read_image(data: bytes, limits: ReadLimits) -> Extracted:
    """OCR an image file (each TIFF page in turn); pixel count is checked before decoding."""
    image = open_image(data, limits)
    frames = getattr(image, "n_frames", 1) if image.format == "TIFF" else 1
    if frames > limits.max_ocr_pages:
        raise Unreadable(f"image has {frames} pages (OCR limit {limits.max_ocr_pages})")
    first = _frame(image, 0, limits)
    reason = ocr_unavailable_reason(limits.ocr_language)
    if reason is not None:
        return Extracted([], "ocr_unavailable", reason)
    segments: list[TextSegment] = []
    try:
        for index in range(frames):
            page = first if index == 0 else _frame(image, index, limits)
            prefix = f"page {index + 1}, " if frames > 1 else ""
            segments.extend(ocr_lines(page, limits, prefix))
    except OcrUnavailable as missing:
        return Extracted(segments, "ocr_unavailable", missing.reason)
    return Extracted(segments)


def open_image(data: bytes, limits: ReadLimits) -> Image.Image:
    """Open lazily (header only) and refuse images above the pixel cap before decoding."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise Unreadable(f"image is too large to decode: {error}") from None
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise Unreadable(f"broken image: {type(error).__name__}") from None
    check_pixels(image, limits)
    return image


def check_pixels(image: Image.Image, limits: ReadLimits) -> None:
    """Refuse an image (or frame) with more pixels than `limits.max_image_pixels`."""
    width, height = image.size
    if width * height > limits.max_image_pixels:
        raise Unreadable(
            f"image is {width}x{height} pixels (limit {limits.max_image_pixels} pixels)"
        )


def _frame(image: Image.Image, index: int, limits: ReadLimits) -> Image.Image:
    """Decode frame `index` after checking its size; the first frame is turned upright (EXIF)."""
    try:
        image.seek(index)
        check_pixels(image, limits)
        image.load()
        return ImageOps.exif_transpose(image) if index == 0 else image.copy()
    except (OSError, ValueError, SyntaxError, EOFError) as error:
        raise Unreadable(f"broken image: {type(error).__name__}") from None
