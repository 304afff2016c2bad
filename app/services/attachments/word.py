"""attachments/word.py — DOCX stage: every visible text in document order, nested tables included."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import docx

from app.services.attachments.base import Extracted, ReadLimits, Unreadable, clean_line
from app.services.attachments.office import check_zip, row_cells
from app.services.attachments.result import TextSegment

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TBL, _TR, _TC = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_TEXT, _TAB, _BREAKS, _HYPHEN = f"{_W}t", f"{_W}tab", (f"{_W}br", f"{_W}cr"), f"{_W}noBreakHyphen"
_TEXT_BOX = f"{_W}txbxContent"
# Wrappers (content controls, custom XML) that hold blocks, rows or cells without changing them.
_WRAPPERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"})
# Properties hold tab-stop definitions (also `w:tab`); a fallback repeats its text box as VML;
# tracked deletions are not on the page.
_NOT_TEXT = frozenset(
    {f"{_W}pPr", f"{_W}rPr", f"{_W}tblPr", f"{_W}trPr", f"{_W}tcPr", f"{_W}del", f"{_W}moveFrom", _MC_FALLBACK}
)
_MAX_NESTING = 8
CELL_SEPARATOR = " | "

Element = Any  # lxml elements of python-docx's parser (python-docx ships no type information)


def read_docx(data: bytes, limits: ReadLimits) -> Extracted:
    """Body paragraphs and table rows in document order, then header and footer lines once each.

    A table row is one line, its cells joined by " | "; a row that only lays out other content
    (a cell holding a table, or a single cell of several paragraphs) gives that content's lines.
    """
    check_zip(data, limits)
    document = docx.Document(io.BytesIO(data))
    segments: list[TextSegment] = []
    for segment in _container(document.element.body, ""):
        _add(segments, segment, limits)
    seen: set[str] = set()
    even_pages = bool(document.settings.odd_and_even_pages_header_footer)
    for section in document.sections:
        for label, part in _headers_and_footers(section, even_pages):
            for segment in _container(part.part.element, f"{label}, "):
                if segment.text not in seen:
                    seen.add(segment.text)
                    _add(segments, segment, limits)
    return Extracted(segments)


def _headers_and_footers(section: Any, even_pages: bool) -> Iterator[tuple[str, Any]]:
    """The header and footer definitions Word shows for `section`."""
    parts = [("header", section.header), ("footer", section.footer)]
    if section.different_first_page_header_footer:
        parts += [("header", section.first_page_header), ("footer", section.first_page_footer)]
    if even_pages:
        parts += [("header", section.even_page_header), ("footer", section.even_page_footer)]
    # A linked part has no definition of its own; asking for `.part` would create one.
    return ((label, part) for label, part in parts if not part.is_linked_to_previous)


def _add(segments: list[TextSegment], segment: TextSegment, limits: ReadLimits) -> None:
    segments.append(segment)
    if len(segments) > limits.max_segments:
        raise Unreadable(f"document has over {limits.max_segments} lines of text")


def _container(element: Element, prefix: str, depth: int = 0) -> Iterator[TextSegment]:
    """The paragraphs and tables of a body, cell, header or text box, located under `prefix`."""
    if depth > _MAX_NESTING:
        raise Unreadable(f"tables or text boxes nested deeper than {_MAX_NESTING} levels")
    paragraph_no = table_no = 0
    for block in _children(element, (_P, _TBL)):
        if block.tag == _TBL:
            table_no += 1
            yield from _table(block, f"{prefix}table {table_no}, ", depth + 1)
            continue
        lines, boxes = _paragraph(block)
        if lines:
            paragraph_no += 1
            where = f"{prefix}paragraph {paragraph_no}"
            if len(lines) == 1:
                yield TextSegment(where, lines[0])
            else:
                yield from (TextSegment(f"{where}, line {n}", line) for n, line in enumerate(lines, start=1))
        for box_no, box in enumerate(boxes, start=1):
            yield from _container(box, f"{prefix}paragraph {paragraph_no}, text box {box_no}, ", depth + 1)


def _table(table: Element, prefix: str, depth: int) -> Iterator[TextSegment]:
    for row_no, row in enumerate(_children(table, (_TR,)), start=1):
        where = f"{prefix}row {row_no}"
        cells = list(_children(row, (_TC,)))
        texts = [_cell_lines(cell) for cell in cells]
        filled = [lines for lines in texts if lines]
        if any(_children(cell, (_TBL,)) for cell in cells) or (len(filled) == 1 and len(filled[0]) > 1):
            for cell_no, cell in enumerate(cells, start=1):
                yield from _container(cell, f"{where}, cell {cell_no}, ", depth)
        elif filled:
            # (a row with a figure keeps its columns, so a credit stays under "Haben" and a debit under "Soll")
            has_figure = any(char.isdigit() for lines in filled for line in lines for char in line)
            joined = [" ".join(lines) for lines in texts]
            yield TextSegment(where, CELL_SEPARATOR.join(row_cells(joined, keeps_columns=has_figure)))


def _cell_lines(cell: Element) -> list[str]:
    return [line for paragraph in _children(cell, (_P,)) for line in _paragraph(paragraph)[0]]


def _children(element: Element, tags: tuple[str, ...]) -> list[Element]:
    """Direct children with one of `tags`, looking through content controls and custom XML."""
    found: list[Element] = []
    for child in element:
        if child.tag in tags:
            found.append(child)
        elif child.tag in _WRAPPERS:
            found.extend(_children(child, tags))
    return found


def _paragraph(paragraph: Element) -> tuple[list[str], list[Element]]:
    """A paragraph's lines (split at manual line breaks) and the text boxes anchored in it."""
    pieces: list[str] = []
    boxes: list[Element] = []
    _collect(paragraph, pieces, boxes)
    lines = (clean_line(line) for line in "".join(pieces).split("\n"))
    return [line for line in lines if line], boxes


def _collect(element: Element, pieces: list[str], boxes: list[Element]) -> None:
    for child in element:
        tag = child.tag
        if tag == _TEXT:
            pieces.append(child.text or "")
        elif tag == _TAB:
            pieces.append("\t")
        elif tag in _BREAKS:
            pieces.append("\n")
        elif tag == _HYPHEN:
            pieces.append("-")
        elif tag == _TEXT_BOX:
            boxes.append(child)
        elif tag not in _NOT_TEXT:
            _collect(child, pieces, boxes)
