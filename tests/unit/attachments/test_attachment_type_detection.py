"""Type detection looks at the bytes: magic numbers, the inside of zips, and text sniffing."""

from __future__ import annotations

import io
import random
import zipfile

import pytest
from PIL import Image

from app.services.attachments import detect_type, read_attachment
from tests.unit.attachments.samples import (
    STATEMENT,
    docx_bytes,
    image_bytes,
    pdf_bytes,
    xlsx_bytes,
)


def test_a_pdf_is_recognised_by_its_header_whatever_its_name_and_declared_type() -> None:
    data = pdf_bytes([STATEMENT])
    result = read_attachment(data, filename="rechnung.txt", declared_type="text/plain")
    assert detect_type(data).kind == "pdf"
    assert result.detected_type == "pdf"
    assert result.status == "ok"


def test_docx_and_xlsx_are_told_apart_by_the_parts_inside_the_zip() -> None:
    assert detect_type(docx_bytes(["Hallo"])).kind == "docx"
    assert detect_type(xlsx_bytes([["Hallo"]])).kind == "xlsx"


def test_a_zip_with_neither_word_nor_xl_parts_is_an_unsupported_zip() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("forderung.txt", "Gesamtforderung 767,50 €")
    result = read_attachment(buffer.getvalue(), "forderung.docx")
    assert result.detected_type == "zip"
    assert result.status == "failed"
    assert "zip" in (result.reason or "")


@pytest.mark.parametrize(
    ("fmt", "kind", "options"),
    [
        ("PNG", "png", {}),
        ("JPEG", "jpeg", {}),
        ("TIFF", "tiff", {}),
        ("GIF", "gif", {}),
        ("WEBP", "webp", {}),
    ],
)
def test_images_are_recognised_by_their_magic_numbers(
    fmt: str, kind: str, options: dict[str, object]
) -> None:
    data = image_bytes(Image.new("L", (20, 10), 255), fmt, **options)
    assert detect_type(data).kind == kind


def test_utf8_text_is_plain_text() -> None:
    detection = detect_type("Sehr geehrte Damen und Herren,\nwir bestätigen.\n".encode())
    assert (detection.kind, detection.encoding) == ("text", "utf-8")


def test_cp1252_text_is_decoded_so_umlauts_and_the_euro_sign_survive() -> None:
    data = "Rückstand: 1.545,00 €\nMahngebühren: 5,00 €\n".encode("cp1252")
    result = read_attachment(data, "rueckstand.txt")
    assert result.detected_type == "text"
    assert [s.text for s in result.segments] == ["Rückstand: 1.545,00 €", "Mahngebühren: 5,00 €"]


def test_semicolon_separated_rows_are_csv() -> None:
    data = b"Datum;Buchungstext;Betrag\n05.11.2025;Hauptforderung;398,50\n"
    detection = detect_type(data)
    assert (detection.kind, detection.delimiter) == ("csv", ";")


def test_german_lines_with_decimal_commas_are_not_taken_for_comma_separated_values() -> None:
    data = "Hauptforderung: 512,40 €\nZinsen: 38,77 €\nGesamt: 551,17 €\n".encode()
    assert detect_type(data).kind == "text"
    result = read_attachment(data)
    assert result.segments[2].text == "Gesamt: 551,17 €"


def test_an_html_attachment_is_read_as_rendered_text_not_markup() -> None:
    data = (
        b"<!DOCTYPE html><html><body><table><tr><td>Gesamtforderung</td>"
        b"<td>767,50 &euro;</td></tr></table></body></html>"
    )
    result = read_attachment(data, "aufstellung.html")
    assert result.detected_type == "html"
    assert "<td>" not in result.text
    assert "Gesamtforderung" in result.text
    assert "767,50 €" in result.text


def test_random_binary_is_unknown_and_fails_without_raising() -> None:
    data = random.Random(7).randbytes(4096)
    result = read_attachment(data, "blob.bin", "application/octet-stream")
    assert result.detected_type == "unknown"
    assert result.status == "failed"
    assert "application/octet-stream" in (result.reason or "")


def test_an_ole2_container_is_reported_as_encrypted_or_legacy_office() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)
    result = read_attachment(data, "geschuetzt.docx")
    assert result.detected_type == "ole2"
    assert result.status == "failed"
    assert "encrypted" in (result.reason or "")
    assert not result.locked  # may as well be a legacy .doc: not known to be merely password-protected


def test_an_empty_file_fails_with_a_reason() -> None:
    result = read_attachment(b"", "leer.pdf")
    assert (result.status, result.reason) == ("failed", "the file is empty")
