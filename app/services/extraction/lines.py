"""extraction/lines.py — the lines extractors read; invariant: each knows its source, part and location."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.services.attachments.result import AttachmentText
from app.services.extraction.result import Evidence, EvidencePart
from app.services.parsing import ParsedBody

_SPREADSHEET_TYPES = ("xlsx", "xls", "csv", "ods", "spreadsheet", "sheet", "excel")


@dataclass(frozen=True)
class SourceLine:
    """One line of readable text: from the body (`source` "body"), the subject, or one attachment.

    `key` orders lines within their source; `tabular` marks spreadsheet rows, whose cells may hold
    plain numbers such as "398.5" that are amounts there and nowhere else; `ocr` marks text recognised
    from a scan or photo, whose digits may be misread."""

    source: str
    part: EvidencePart
    location: str
    text: str
    key: int
    tabular: bool = False
    ocr: bool = False

    def evidence(self, text: str | None = None) -> Evidence:
        return Evidence(source=self.source, part=self.part, location=self.location, text=text or self.text.strip())


def body_lines(parsed: ParsedBody) -> list[SourceLine]:
    """Every line of the body with its part (reply / signature / quoted)."""
    return [SourceLine(source="body", part=part, location=f"line {number}", text=text, key=number)
            for number, part, text in parsed.numbered()]


def _is_spreadsheet(attachment: AttachmentText) -> bool:
    kind = (attachment.detected_type or "").lower()
    name = attachment.filename.lower()
    return any(token in kind for token in _SPREADSHEET_TYPES) or name.endswith((".xlsx", ".xls", ".csv", ".ods"))


def attachment_lines(attachments: Sequence[AttachmentText]) -> list[SourceLine]:
    """The segments of every attachment that was read; failed or skipped ones give none."""
    lines: list[SourceLine] = []
    for attachment in attachments:
        if attachment.status != "ok":
            continue
        tabular = _is_spreadsheet(attachment)
        for index, segment in enumerate(attachment.segments):
            for offset, text in enumerate(segment.text.split("\n")):
                location = segment.location if offset == 0 else f"{segment.location} (+{offset})"
                lines.append(
                    SourceLine(
                        source=attachment.filename,
                        part="attachment",
                        location=location,
                        text=text,
                        key=index * 1000 + offset,
                        tabular=tabular,
                        ocr=segment.ocr,
                    )
                )
    return lines


def subject_line(subject: str | None) -> SourceLine | None:
    if not subject or not subject.strip():
        return None
    return SourceLine(source="subject", part="subject", location="subject", text=subject.strip(), key=0)
