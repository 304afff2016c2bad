"""attachments/office.py — zip guard and XLSX stage: no zip reaches a parser before the bomb checks."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import zipfile
from typing import Any

import openpyxl
from lxml import etree

from app.services.attachments.base import Extracted, ReadLimits, Unreadable, clean_line
from app.services.attachments.result import TextSegment

_XML_SUFFIXES = (".xml", ".rels", ".vml")
_XML_HEAD_BYTES = 4096
# Worksheets are read row by row (openpyxl's read-only mode); every other part is loaded whole.
_STREAMED_PART = re.compile(r"^xl/worksheets/[^/]+\.xml$", re.IGNORECASE)
_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
_QUOTED_OR_BRACKETED = re.compile(r'"[^"]*"|\[[^\]]*\]')
_DECIMAL_PLACES = re.compile(r"\.([0#?]+)")
_GERMAN_SEPARATORS = str.maketrans(",.", ".,")


def check_zip(data: bytes, limits: ReadLimits) -> None:
    """Refuse archives whose directory promises too much output, or whose XML declares a DTD.

    Python's zipfile never inflates an entry past its declared size, so checking the
    declared sizes bounds what python-docx and openpyxl can be made to decompress.
    OOXML parts never need a DOCTYPE; refusing one rules out entity-expansion bombs.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            _check_sizes(entries, limits)
            xml_parts = [entry for entry in entries if entry.filename.lower().endswith(_XML_SUFFIXES)]
            for entry in xml_parts:
                with archive.open(entry) as handle:
                    head = handle.read(_XML_HEAD_BYTES).upper()
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise Unreadable(f"zip part {entry.filename} declares a DTD; refused")
            _check_counts(archive, [e for e in xml_parts if not _STREAMED_PART.match(e.filename)], limits)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as error:
        raise Unreadable(f"broken zip container: {error}") from None
    except NotImplementedError as error:
        raise Unreadable(f"unsupported zip feature: {error}") from None


def _check_sizes(entries: list[zipfile.ZipInfo], limits: ReadLimits) -> None:
    if len(entries) > limits.max_zip_entries:
        raise Unreadable(f"zip holds {len(entries)} entries (limit {limits.max_zip_entries})")
    total = sum(entry.file_size for entry in entries)
    if total > limits.max_zip_uncompressed:
        raise Unreadable(
            f"zip would unpack to {total} bytes (limit {limits.max_zip_uncompressed}); "
            "possible decompression bomb"
        )
    for entry in entries:
        if entry.flag_bits & 0x1:
            raise Unreadable("zip entries are encrypted", locked=True)
        if entry.file_size > limits.max_xml_part_bytes and entry.filename.lower().endswith(_XML_SUFFIXES) \
                and not _STREAMED_PART.match(entry.filename):
            raise Unreadable(
                f"zip part {entry.filename} holds {entry.file_size} bytes of XML "
                f"(limit {limits.max_xml_part_bytes})"
            )
        if entry.file_size <= limits.zip_ratio_floor:
            continue
        ratio = entry.file_size / max(entry.compress_size, 1)
        if ratio > limits.max_zip_ratio:
            raise Unreadable(
                f"zip entry {entry.filename} expands {ratio:.0f}:1 "
                f"(limit {limits.max_zip_ratio:.0f}:1); possible decompression bomb"
            )


def _check_counts(archive: zipfile.ZipFile, parts: list[zipfile.ZipInfo], limits: ReadLimits) -> None:
    """Stream the parts a parser loads whole and stop at the first paragraph, cell or string over its cap."""
    caps = {"p": (limits.max_paragraphs, "paragraphs"), "tc": (limits.max_table_cells, "table cells"),
            "si": (limits.max_shared_strings, "shared strings")}
    tags = {f"{{{namespace}}}{name}": name for namespace in _NAMESPACES for name in caps}
    counts = dict.fromkeys(caps, 0)
    for entry in parts:
        with archive.open(entry) as handle, contextlib.suppress(etree.XMLSyntaxError):
            # A broken part is left to the parser that needs it, which reports it as that file's failure.
            events = etree.iterparse(handle, events=("end",), resolve_entities=False, no_network=True)
            for _, element in events:
                name = tags.get(element.tag)
                if name is not None:
                    counts[name] += 1
                    cap, what = caps[name]
                    if counts[name] > cap:
                        raise Unreadable(f"file has over {cap} {what} (found in {entry.filename})")
                # Finished elements are dropped, so the pass holds one element's ancestors, never the tree.
                element.clear()
                while element.getprevious() is not None:
                    del element.getparent()[0]


# --- XLSX -------------------------------------------------------------------------------


def read_xlsx(data: bytes, limits: ReadLimits) -> Extracted:
    """Every visible sheet's non-empty rows as "cell | cell", located as "sheet X, row N".

    Formula cells give the value Excel stored when it last saved the file; a hidden sheet
    is left out, as its reader on screen never sees it.
    """
    check_zip(data, limits)
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        segments: list[TextSegment] = []
        for sheet in workbook.worksheets:
            if getattr(sheet, "sheet_state", "visible") != "visible":
                continue
            if hasattr(sheet, "reset_dimensions"):
                sheet.reset_dimensions()
            for row in sheet.iter_rows():
                segment = _sheet_row_segment(sheet.title, row)
                if segment is None:
                    continue
                segments.append(segment)
                if len(segments) > limits.max_segments:
                    raise Unreadable(f"spreadsheet has over {limits.max_segments} rows of text")
        return Extracted(segments)
    finally:
        workbook.close()


def _sheet_row_segment(title: str, row: tuple[Any, ...]) -> TextSegment | None:
    values = [getattr(cell, "value", None) for cell in row]
    filled_rows = (getattr(cell, "row", None) for cell, value in zip(row, values, strict=True) if value is not None)
    row_no = next((number for number in filled_rows if number), None)
    texts = ["" if value is None else clean_line(format_cell(value, getattr(cell, "number_format", "General")))
             for cell, value in zip(row, values, strict=True)]
    if not any(texts):
        return None
    keeps_columns = any(isinstance(value, (int, float)) for value in values)
    return TextSegment(f"sheet {title}, row {row_no}", " | ".join(row_cells(texts, keeps_columns=keeps_columns)))


def row_cells(texts: list[str], *, keeps_columns: bool) -> list[str]:
    """A table row's cell texts as they are joined. A row of figures keeps its empty cells, so each figure stays under
    its column's heading ("Saldo offen" in B and its figure under "Soll" in C, with A and D empty); only empty cells
    past the last filled one go. A line of words (a title, a note) has no columns to keep: only its filled cells."""
    if not keeps_columns:
        return [text for text in texts if text]
    kept = list(texts)
    while kept and not kept[-1]:
        kept.pop()
    return kept


def format_cell(value: object, number_format: str | None = "General") -> str:
    """A cell as a German reader of the sheet would see it: `1.234,50 €`, `21.09.2026`."""
    if isinstance(value, bool):
        return "WAHR" if value else "FALSCH"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.strftime("%d.%m.%Y")
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, int | float):
        return format_number(value, number_format)
    return str(value)


def format_number(value: float, number_format: str | None) -> str:
    """German digits for a numeric cell, honouring decimals, grouping, % and € of its format."""
    section = (number_format or "General").split(";")[0]
    pattern = _QUOTED_OR_BRACKETED.sub("", section)
    percent = "%" in pattern
    if percent:
        value = value * 100
    currency = " €" if "€" in section else " EUR" if "EUR" in section.upper() else ""
    if "0" not in pattern and "#" not in pattern:
        return _general_number(value) + (" %" if percent else "") + currency
    match = _DECIMAL_PLACES.search(pattern)
    decimals = len(match.group(1)) if match else 0
    integer_part = pattern.split(".")[0]
    grouped = "," in integer_part
    text = f"{abs(value):,.{decimals}f}" if grouped else f"{abs(value):.{decimals}f}"
    text = text.translate(_GERMAN_SEPARATORS)
    sign = "-" if value < 0 and float(text.replace(".", "").replace(",", ".")) != 0 else ""
    return sign + text + (" %" if percent else "") + currency


def _general_number(value: float) -> str:
    """Excel's "General" in German: integers bare, fractions with a comma and >= 2 decimals."""
    if isinstance(value, int) or (value.is_integer() and abs(value) < 1e15):
        return str(int(value))
    text = f"{value:.10f}".rstrip("0")
    whole, _, fraction = text.partition(".")
    return f"{whole},{fraction.ljust(2, '0')}"
