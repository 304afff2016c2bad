"""attachments/detect.py — detection stage: a file's type comes from its bytes, not its name."""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass

READABLE_KINDS = frozenset(
    {"pdf", "docx", "xlsx", "png", "jpeg", "tiff", "gif", "webp", "csv", "text", "html"}
)
IMAGE_KINDS = frozenset({"png", "jpeg", "tiff", "gif", "webp"})

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole2"),
    (b"{\\rtf", "rtf"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "rar"),
)
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_CSV_DELIMITERS = (";", "\t", ",", "|")
_HTML_START = re.compile(
    rb"^\s*(<!doctype\s+html|<html|<head|<body|<table|<div|<p>)", re.IGNORECASE
)
_DECIMAL_COMMA = re.compile(r"\d,\d")
_QUOTED = re.compile(r'"[^"]*"')
_TEXT_SAMPLE_CHARS = 65_536
_MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True)
class Detection:
    """What the bytes are; `encoding` and `delimiter` are set for text kinds."""

    kind: str
    encoding: str | None = None
    delimiter: str | None = None

    @property
    def readable(self) -> bool:
        return self.kind in READABLE_KINDS


def detect_type(data: bytes) -> Detection:
    """Classify `data` by magic numbers, zip contents or, failing those, as text/CSV/HTML."""
    if not data:
        return Detection("empty")
    if b"%PDF-" in data[:1024]:
        return Detection("pdf")
    if data.startswith(_ZIP_MAGIC):
        return Detection(_zip_kind(data))
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return Detection("webp")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return Detection(kind)
    return _text_kind(data)


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return "zip"
    if any(name.startswith("word/") for name in names):
        return "docx"
    if any(name.startswith("xl/") for name in names):
        return "xlsx"
    if any(name.startswith("ppt/") for name in names):
        return "pptx"
    return "zip"


def _text_kind(data: bytes) -> Detection:
    decoded = decode_text(data)
    if decoded is None:
        return Detection("unknown")
    text, encoding = decoded
    if _HTML_START.match(data[:1024].lstrip(codecs.BOM_UTF8)):
        return Detection("html", encoding=encoding)
    delimiter = sniff_delimiter(text)
    if delimiter is not None:
        return Detection("csv", encoding=encoding, delimiter=delimiter)
    return Detection("text", encoding=encoding)


def decode_text(data: bytes) -> tuple[str, str] | None:
    """Decode as UTF-8 (BOM-aware), UTF-16 with a BOM, or cp1252; None when it is not text.

    cp1252 leaves five byte values undefined; a legacy export holding one of them is still
    text, so they become U+FFFD rather than turning the whole file into "unknown".
    """
    candidates: tuple[str, ...]
    if data.startswith(codecs.BOM_UTF8):
        candidates = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ("utf-16",)
    elif b"\x00" in data:
        return None
    else:
        candidates = ("utf-8", "cp1252")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            if encoding != "cp1252":
                continue
            text = data.decode(encoding, errors="replace")
        return (text, encoding) if looks_like_text(text) else None
    return None


def looks_like_text(text: str) -> bool:
    """True when nearly no characters are controls other than line breaks and tabs."""
    sample = text[:_TEXT_SAMPLE_CHARS]
    if not sample.strip():
        return False
    controls = sum(
        1 for char in sample if char not in "\r\n\t\f" and unicodedata.category(char) == "Cc"
    )
    return controls / len(sample) <= _MAX_CONTROL_SHARE


def sniff_delimiter(text: str) -> str | None:
    """The delimiter that splits most sample rows into the same number (>= 2) of fields.

    A comma only counts when no unquoted digit-comma-digit appears: in German text that
    is a decimal comma (`512,40 €`), and splitting there would tear amounts apart.
    """
    sample = text[:_TEXT_SAMPLE_CHARS]
    lines = [line for line in sample.splitlines() if line.strip()][:50]
    if len(lines) < 2:
        return None
    best: tuple[float, int, str] | None = None
    for delimiter in _CSV_DELIMITERS:
        if delimiter == "," and any(_DECIMAL_COMMA.search(_QUOTED.sub("", ln)) for ln in lines):
            continue
        rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
        width, count = Counter(len(row) for row in rows).most_common(1)[0]
        share = count / len(rows)
        if width < 2 or share < 0.8:
            continue
        if best is None or (share, width) > best[:2]:
            best = (share, width, delimiter)
    return best[2] if best else None
