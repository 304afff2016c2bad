"""bench/hostile_attachments.py — how fast hostile files fail; invariant: measures only, asserts nothing.

Usage: .venv/bin/python bench/hostile_attachments.py
Builds each file in memory, reads it with the default limits and prints status, reason and time:
a failed file should fail within milliseconds and never take the process down. The office files that
unpack big are then read each in a fresh process, which reports its peak resident set size.
"""

from __future__ import annotations

import io
import logging
import struct
import sys
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import docx
import structlog
from reportlab.pdfgen import canvas

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the big office files are built by their test

from app.services.attachments.text import read_attachment
from tests.security.test_attachment_memory import CASES as BIG_OFFICE_FILES
from tests.security.test_attachment_memory import read_in_child


def _docx() -> bytes:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Gesamtbetrag 10,00 €")
    document.save(buffer)
    return buffer.getvalue()


def zip_bomb_docx() -> bytes:
    """A DOCX with an extra part of 300 MB of zeros (about 300 KB compressed)."""
    buffer = io.BytesIO(_docx())
    block = b"\x00" * (1 << 20)
    with (
        zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/media/filler.xml", "w", force_zip64=True) as part,
    ):
        for _ in range(300):
            part.write(block)
    return buffer.getvalue()


def entity_bomb_docx() -> bytes:
    """A DOCX whose document part declares nested entities (the "billion laughs")."""
    entities = "".join(f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">' for n in range(1, 10))
    body = f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e0 "ha">{entities}]><d>&e9;</d>'.encode()
    buffer = io.BytesIO(_docx())
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/extra.xml", body)
    return buffer.getvalue()


def deeply_nested_docx() -> bytes:
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    for _ in range(60):
        cell = cell.add_table(rows=1, cols=1).cell(0, 0)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def million_row_csv() -> bytes:
    return b"".join(b"%d;Posten;1,00\n" % n for n in range(1_000_000))


def png_claiming_ten_billion_pixels() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(
        b"IEND", b""
    )


def thousand_page_pdf() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for page in range(1000):
        pdf.drawString(60, 700, f"Seite {page + 1}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


CASES: dict[str, Callable[[], bytes]] = {
    "zip bomb DOCX (300 MB part)": zip_bomb_docx,
    "entity bomb DOCX": entity_bomb_docx,
    "tables nested 60 deep": deeply_nested_docx,
    "CSV with 1,000,000 rows": million_row_csv,
    "PNG claiming 10^10 pixels": png_claiming_ten_billion_pixels,
    "PDF with 1,000 pages": thousand_page_pdf,
}


def main() -> None:
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.ERROR))
    for label, build in CASES.items():
        data = build()
        started = time.perf_counter()
        result = read_attachment(data, label)
        elapsed = time.perf_counter() - started
        print(f"{label:30} {len(data):>11,} bytes  {elapsed * 1000:8.1f} ms  {result.status:8} {result.reason}")
    print("\nread in a fresh process (peak RSS of that process):")
    with tempfile.TemporaryDirectory() as folder:
        for label, (name, build_big, _) in BIG_OFFICE_FILES.items():
            path = Path(folder) / name
            path.write_bytes(build_big())
            started = time.perf_counter()
            outcome = read_in_child(path)
            elapsed = time.perf_counter() - started
            print(f"{label:36} {path.stat().st_size:>11,} bytes  {elapsed:6.1f} s  peak {outcome['peak_mib']:6.1f} MiB"
                  f"  {outcome['status']:8} {outcome['reason']}")


if __name__ == "__main__":
    main()
