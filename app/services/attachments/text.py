"""attachments/text.py — reading stage entry: bytes in, one AttachmentText out, never raises."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable
from dataclasses import replace

import structlog
from inscriptis import get_text

from app.services.attachments.base import (
    Extracted,
    ReadLimits,
    Unreadable,
    clean_line,
    numbered_lines,
)
from app.services.attachments.detect import IMAGE_KINDS, Detection, detect_type
from app.services.attachments.result import AttachmentText, TextSegment
from app.services.safetext import clean

logger = structlog.get_logger(__name__)

Reader = Callable[[bytes, Detection, ReadLimits], Extracted]

_UNSUPPORTED_REASONS = {
    "empty": "the file is empty",
    "ole2": "encrypted Office file or legacy .doc/.xls format (OLE2); not supported",
    "rtf": "RTF documents are not supported",
    "pptx": "presentations are not supported",
    "zip": "zip archives other than DOCX/XLSX are not supported",
}
DEFAULT_LIMITS = ReadLimits()


def read_attachment(
    data: bytes,
    filename: str | None = None,
    declared_type: str | None = None,
    *,
    limits: ReadLimits | None = None,
) -> AttachmentText:
    """Detect the type from `data` and read its text; failures come back as status "failed".

    `filename` and `declared_type` only label the result: they never choose the reader.
    """
    limits = limits or DEFAULT_LIMITS
    name = filename or "attachment"
    result = AttachmentText(
        filename=name, status="failed", sha256=hashlib.sha256(data).hexdigest(), size=len(data)
    )
    if len(data) > limits.max_bytes:
        result.reason = f"file is {len(data)} bytes (limit {limits.max_bytes})"
        return result
    detection = detect_type(data)
    result.detected_type = detection.kind
    reader = _reader_for(detection.kind)
    if reader is None:
        result.reason = _UNSUPPORTED_REASONS.get(
            detection.kind, f"unrecognised file type (declared as {declared_type or 'unknown'})"
        )
        return result
    try:
        extracted = reader(data, detection, limits)
    except Unreadable as unreadable:
        result.reason = unreadable.reason
        result.locked = unreadable.locked
    except Exception as error:  # any library error fails this one file only
        # The message may quote the file's own text, so it stays out of reason and info logs.
        logger.warning("attachment_reader_crashed", kind=detection.kind, error=type(error).__name__)
        logger.debug("attachment_reader_crash_detail", detail=str(error)[:500])
        result.reason = f"could not read {detection.kind} ({type(error).__name__})"
    else:
        _fill(result, extracted, limits)
    logger.debug("attachment_read", kind=detection.kind, status=result.status, size=len(data))
    return result


def _fill(result: AttachmentText, extracted: Extracted, limits: ReadLimits) -> None:
    if len(extracted.segments) > limits.max_segments:
        result.reason = f"file yields more than {limits.max_segments} lines of text"
        return
    result.status = extracted.status
    result.reason = extracted.reason
    # A file's own text may hold NUL or lone surrogates, which PostgreSQL refuses in the stored result.
    result.segments = [replace(s, location=clean(s.location), text=clean(s.text)) for s in extracted.segments]
    if result.status == "ok" and not result.segments:
        result.reason = "no text found"


def _reader_for(kind: str) -> Reader | None:
    if kind in IMAGE_KINDS:
        return _image
    return _READERS.get(kind)


# The PDF, office and image readers are imported on first use: pypdfium2, PIL, pytesseract, python-docx and
# openpyxl cost a worker tens of MB and most replies have no attachment (tests/unit/test_lazy_imports.py).
def _pdf(data: bytes, _detection: Detection, limits: ReadLimits) -> Extracted:
    from app.services.attachments.pdf import read_pdf  # noqa: PLC0415

    return read_pdf(data, limits)


def _docx(data: bytes, _detection: Detection, limits: ReadLimits) -> Extracted:
    from app.services.attachments.word import read_docx  # noqa: PLC0415

    return read_docx(data, limits)


def _xlsx(data: bytes, _detection: Detection, limits: ReadLimits) -> Extracted:
    from app.services.attachments.office import read_xlsx  # noqa: PLC0415

    return read_xlsx(data, limits)


def _image(data: bytes, _detection: Detection, limits: ReadLimits) -> Extracted:
    from app.services.attachments.ocr import read_image  # noqa: PLC0415

    return read_image(data, limits)


def _decoded(data: bytes, detection: Detection) -> str:
    return data.decode(detection.encoding or "utf-8", errors="replace")


def _plain(data: bytes, detection: Detection, _limits: ReadLimits) -> Extracted:
    """Plain text: one segment per non-blank line, "line N"."""
    return Extracted(numbered_lines(_decoded(data, detection)))


def _html(data: bytes, detection: Detection, _limits: ReadLimits) -> Extracted:
    """HTML rendered to text the way a browser lays it out (table cells side by side)."""
    return Extracted(numbered_lines(get_text(_decoded(data, detection))))


def _csv(data: bytes, detection: Detection, limits: ReadLimits) -> Extracted:
    """CSV rows as "cell | cell" (empty cells dropped), located as "row N"; stops at the line cap."""
    text = _decoded(data, detection)
    reader = csv.reader(io.StringIO(text), delimiter=detection.delimiter or ";")
    segments: list[TextSegment] = []
    try:
        for row_no, row in enumerate(reader, start=1):
            cells = [text for text in map(clean_line, row) if text]
            if not cells:
                continue
            if len(segments) == limits.max_segments:
                raise Unreadable(f"CSV has over {limits.max_segments} rows of text")
            segments.append(TextSegment(f"row {row_no}", " | ".join(cells)))
    except csv.Error as error:
        raise Unreadable(f"broken CSV: {error}") from None
    return Extracted(segments)


_READERS: dict[str, Reader] = {
    "pdf": _pdf,
    "docx": _docx,
    "xlsx": _xlsx,
    "text": _plain,
    "csv": _csv,
    "html": _html,
}
