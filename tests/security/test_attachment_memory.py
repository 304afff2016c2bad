"""Issue 9, finding 3: a small DOCX or XLSX whose XML unpacks big must not take the worker's memory.

Each file is built here, written to a temp dir and read in a fresh Python process, which reports its own
peak resident set size (VmHWM); the file fails alone, with a reason, and the peak stays under 300 MB."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

PEAK_LIMIT_MIB = 300
MIB = 1024 * 1024
# Linux carries ru_maxrss over fork and execve, so a child started from a big parent would report the
# parent's peak; VmHWM is the peak of the child's own address space. ru_maxrss only where there is no /proc.
_CHILD = """
import json, pathlib, resource, sys
from app.services.attachments.text import read_attachment
data = open(sys.argv[1], "rb").read()
result = read_attachment(data, sys.argv[1])
status = pathlib.Path("/proc/self/status")
peaks = [line.split()[1] for line in status.read_text().splitlines() if line.startswith("VmHWM:")] \\
    if status.exists() else []
peak_kib = int(peaks[0]) if peaks else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"status": result.status, "reason": result.reason, "peak_mib": peak_kib / 1024}))
"""


def read_in_child(path: Path) -> dict[str, object]:
    """Read one file with the default limits in a new interpreter; its status, reason and peak RSS."""
    completed = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, timeout=300, check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    outcome: dict[str, object] = json.loads(completed.stdout.strip().splitlines()[-1])
    return outcome


def _replace_part(package: bytes, name: str, chunks: list[bytes]) -> bytes:
    """`package` with part `name` rewritten from `chunks` (streamed into the zip, never joined)."""
    source = zipfile.ZipFile(io.BytesIO(package))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            if entry.filename != name:
                target.writestr(entry.filename, source.read(entry))
        with target.open(name, "w", force_zip64=True) as part:
            for chunk in chunks:
                part.write(chunk)
    return buffer.getvalue()


def _docx_package() -> bytes:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Offener Betrag 10,00 EUR")
    document.save(buffer)
    return buffer.getvalue()


_XLSX_PARTS = {
    "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
    b'"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
    b'"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
    b'worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    "_rels/.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
    b'2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    b'<sheet name="Konto" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
    b'2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
    b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    b'</Relationships>',
    "xl/worksheets/sheet1.xml": b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
    b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
    b'</row></sheetData></worksheet>',
    "xl/sharedStrings.xml": b"",
}


def _xlsx_package() -> bytes:
    """A workbook whose one row refers to the first two shared strings (openpyxl itself writes inline ones)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in _XLSX_PARTS.items():
            archive.writestr(name, content)
    return buffer.getvalue()


_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_S = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def docx_with_paragraphs(paragraphs: int, text: bytes) -> bytes:
    rows = [b"<w:p><w:r><w:t>%s %d</w:t></w:r></w:p>" % (text, n) for n in range(paragraphs)]
    chunks = [b"<?xml version='1.0'?><w:document " + _W + b"><w:body>", *rows, b"</w:body></w:document>"]
    return _replace_part(_docx_package(), "word/document.xml", chunks)


def xlsx_with_shared_strings(strings: int, text: bytes) -> bytes:
    items = [b"<si><t>%s %d</t></si>" % (text, n) for n in range(strings)]
    chunks = [b"<?xml version='1.0'?><sst " + _S + b">", *items, b"</sst>"]
    return _replace_part(_xlsx_package(), "xl/sharedStrings.xml", chunks)


_FILLER = b"Rechnungsposten mit etwas Beschreibungstext und einer laufenden Nummer"

CASES = {
    # As in the audit: about 95 MiB of document XML or of shared strings in a file of a few MB.
    "docx with 95 MiB of XML": ("big.docx", lambda: docx_with_paragraphs(95 * MIB // 110, _FILLER), "bytes of XML"),
    "xlsx with 95 MiB of shared strings": (
        "big.xlsx", lambda: xlsx_with_shared_strings(95 * MIB // 29, b"Posten"), "bytes of XML"),
    # Under the part-size cap, but too many elements for a parser that builds the whole tree.
    "docx with too many paragraphs": ("many.docx", lambda: docx_with_paragraphs(60_000, b"x"), "paragraphs"),
    "xlsx with too many shared strings": (
        "many.xlsx", lambda: xlsx_with_shared_strings(250_000, b"x"), "shared strings"),
}


@pytest.mark.parametrize("case", CASES)
def test_an_office_file_that_unpacks_big_fails_alone_and_memory_stays_low(case: str, tmp_path: Path) -> None:
    name, build, reason_words = CASES[case]
    path = tmp_path / name
    path.write_bytes(build())
    outcome = read_in_child(path)
    assert outcome["status"] == "failed"
    assert reason_words in str(outcome["reason"])
    assert float(str(outcome["peak_mib"])) < PEAK_LIMIT_MIB, outcome


def test_an_ordinary_office_file_still_reads(tmp_path: Path) -> None:
    for name, data in (("ok.docx", docx_with_paragraphs(2_000, _FILLER)),
                       ("ok.xlsx", xlsx_with_shared_strings(2_000, _FILLER))):
        path = tmp_path / name
        path.write_bytes(data)
        outcome = read_in_child(path)
        assert outcome["status"] == "ok", outcome
