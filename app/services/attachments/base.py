"""attachments/base.py — reading stage: the limits every reader obeys, and shared outcomes."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.services.attachments.result import AttachmentStatus, TextSegment

MIB = 1024 * 1024


@dataclass(frozen=True)
class ReadLimits:
    """Caps that keep one hostile or huge file from exhausting memory or time."""

    max_bytes: int = 20 * MIB
    max_segments: int = 20_000
    max_pdf_pages: int = 300
    max_ocr_pages: int = 20
    ocr_dpi: int = 250
    ocr_language: str = "deu"
    ocr_timeout_seconds: float = 60.0
    max_image_pixels: int = 50_000_000
    ocr_target_pixels: int = 12_000_000
    max_zip_entries: int = 2_000
    max_zip_uncompressed: int = 100 * MIB
    max_zip_ratio: float = 200.0
    zip_ratio_floor: int = 1 * MIB
    # python-docx and openpyxl build a whole tree (or list) from these parts, at 10-20 times their size.
    max_xml_part_bytes: int = 8 * MIB
    max_paragraphs: int = 50_000
    max_table_cells: int = 200_000
    max_shared_strings: int = 200_000


class Unreadable(Exception):
    """This one file cannot be read; `reason` says why in words an operator understands. `locked`: it is
    protected by a password (which the sender sends some other way), not broken."""

    def __init__(self, reason: str, *, locked: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.locked = locked


@dataclass
class Extracted:
    """What a reader produced before it is wrapped into an `AttachmentText`."""

    segments: list[TextSegment] = field(default_factory=list)
    status: AttachmentStatus = "ok"
    reason: str | None = None


def clean_line(text: str) -> str:
    """Drop control characters (keeping tabs as spaces) and surrounding whitespace."""
    kept = (" " if char == "\t" else char for char in text if _is_kept(char))
    return "".join(kept).strip()


def _is_kept(char: str) -> bool:
    return char == "\t" or (char >= " " and not "\x7f" <= char <= "\x9f")


def numbered_lines(text: str, prefix: str = "", *, ocr: bool = False) -> list[TextSegment]:
    """Split text into non-blank lines located as "<prefix>line N" (N counts non-blank lines)."""
    segments: list[TextSegment] = []
    for raw in text.splitlines():
        line = clean_line(raw)
        if line:
            segments.append(TextSegment(f"{prefix}line {len(segments) + 1}", line, ocr=ocr))
    return segments
