"""attachments/result.py — the text an attachment yields, line by line, with where each line came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

AttachmentStatus = Literal["ok", "failed", "skipped", "ocr_unavailable"]


@dataclass(frozen=True)
class TextSegment:
    """One line (or table row) of text and where it stands: `location` reads like
    "page 1, line 7", "sheet Konto, row 12" or "paragraph 4". `ocr` marks text recognised from
    pixels, which may hold misread digits, rather than read from the file's own text."""

    location: str
    text: str
    ocr: bool = False


@dataclass
class AttachmentText:
    """What reading one attachment gave: its segments, or why there are none."""

    filename: str
    status: AttachmentStatus
    detected_type: str | None = None
    sha256: str | None = None
    size: int | None = None
    reason: str | None = None
    segments: list[TextSegment] = field(default_factory=list)
    locked: bool = False

    @property
    def text(self) -> str:
        return "\n".join(segment.text for segment in self.segments)
