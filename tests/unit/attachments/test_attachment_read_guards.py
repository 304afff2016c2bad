"""Hostile or oversized files fail their own attachment with a reason, before any parser blows up."""

from __future__ import annotations

import hashlib
import io
import struct
import time
import zipfile
import zlib

from PIL import Image

from app.services.attachments import ReadLimits, read_attachment
from tests.unit.attachments.samples import STATEMENT, docx_bytes, image_bytes, pdf_bytes, xlsx_bytes


def _with_extra_part(data: bytes, name: str, content: bytes) -> bytes:
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims `width` x `height` pixels but carries almost no data."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def test_a_docx_with_a_part_that_inflates_a_thousandfold_is_refused_as_a_bomb() -> None:
    data = _with_extra_part(docx_bytes(["Hallo"]), "word/media/filler.bin", bytes(3_000_000))
    assert len(data) < 100_000
    result = read_attachment(data, "bombe.docx")
    assert result.status == "failed"
    assert "decompression bomb" in (result.reason or "")
    assert "word/media/filler.bin" in (result.reason or "")


def test_a_zip_whose_total_unpacked_size_exceeds_the_limit_is_refused() -> None:
    data = docx_bytes(["Hallo"] * 50)
    result = read_attachment(data, limits=ReadLimits(max_zip_uncompressed=20_000))
    assert result.status == "failed"
    assert "would unpack to" in (result.reason or "")


def test_an_xlsx_part_declaring_a_dtd_is_refused_before_parsing() -> None:
    entities = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    data = xlsx_bytes([["Gesamt", 1]])
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b"<worksheet", entities + b"<worksheet", 1)
            target.writestr(entry, content)
    result = read_attachment(buffer.getvalue(), "entities.xlsx")
    assert result.status == "failed"
    assert "DTD" in (result.reason or "")


def test_a_docx_with_broken_xml_fails_that_file_only() -> None:
    source = zipfile.ZipFile(io.BytesIO(docx_bytes(["Hallo"])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for entry in source.infolist():
            content = source.read(entry)
            target.writestr(entry, b"<w:document" if entry.filename == "word/document.xml" else content)
    result = read_attachment(buffer.getvalue(), "kaputt.docx")
    assert (result.detected_type, result.status) == ("docx", "failed")
    assert (result.reason or "").startswith("could not read docx")


def test_an_image_above_the_pixel_cap_is_refused_before_decoding() -> None:
    data = image_bytes(Image.new("L", (2000, 1000), 255), "PNG")
    result = read_attachment(data, "gross.png", limits=ReadLimits(max_image_pixels=1_000_000))
    assert result.status == "failed"
    assert "2000x1000 pixels" in (result.reason or "")


def test_a_png_claiming_ten_billion_pixels_fails_fast_without_being_decoded() -> None:
    started = time.monotonic()
    result = read_attachment(_png_header_only(100_000, 100_000), "bombe.png")
    assert result.status == "failed"
    assert "too large" in (result.reason or "") or "pixels" in (result.reason or "")
    assert time.monotonic() - started < 2


def test_a_pdf_with_more_pages_than_allowed_is_refused() -> None:
    data = pdf_bytes([STATEMENT] * 3)
    result = read_attachment(data, limits=ReadLimits(max_pdf_pages=2))
    assert result.status == "failed"
    assert "3 pages" in (result.reason or "")


def test_a_scan_with_more_pages_than_the_ocr_cap_is_refused_before_any_ocr() -> None:
    blank = Image.new("L", (400, 560), 255)
    data = pdf_bytes([blank, blank, blank])
    result = read_attachment(data, "scan.pdf", limits=ReadLimits(max_ocr_pages=2))
    assert result.status == "failed"
    assert "OCR limit 2" in (result.reason or "")


def test_a_file_larger_than_the_byte_limit_is_not_parsed() -> None:
    result = read_attachment(b"Gesamtforderung 1,00 EUR\n" * 10, limits=ReadLimits(max_bytes=100))
    assert result.status == "failed"
    assert result.detected_type is None
    assert "limit 100" in (result.reason or "")


def test_a_failed_result_still_carries_the_sha256_and_size_of_the_bytes() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)
    result = read_attachment(data)
    assert result.status == "failed"
    assert result.size == len(data)
    assert result.sha256 == hashlib.sha256(data).hexdigest()
