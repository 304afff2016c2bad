"""attachments/samples.py — test helpers: small sample files built in memory, never downloaded."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import docx
import openpyxl
import reportlab
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
# reportlab ships Bitstream Vera (DejaVu's ancestor): the fallback when fonts-dejavu is absent.
VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"

Row = tuple[str, str | None]
STATEMENT: list[Row] = [
    ("Forderungsaufstellung", None),
    ("Hauptforderung", "512,40 €"),
    ("Zinsen bis 11.09.2026", "38,77 €"),
    ("Mahnkosten", "7,50 €"),
    ("Gesamtforderung", "767,50 €"),
]


def font_file() -> Path:
    return DEJAVU if DEJAVU.exists() else VERA


def text_image(rows: Sequence[Row], *, size: int = 36) -> Image.Image:
    """A white page with black German text; the amounts stand far right of their labels."""
    font = ImageFont.truetype(str(font_file()), size)
    image = Image.new("L", (1800, 120 + 90 * len(rows)), 255)
    draw = ImageDraw.Draw(image)
    for index, (label, amount) in enumerate(rows):
        y = 60 + 90 * index
        draw.text((80, y), label, font=font, fill=0)
        if amount:
            draw.text((1350, y), amount, font=font, fill=0)
    return image


def image_bytes(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def pdf_bytes(
    pages: Sequence[Sequence[Row] | Image.Image], *, encrypt: str | None = None
) -> bytes:
    """A PDF with one page per item: rows become a text layer, an image becomes a scan."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt)
    width, height = A4
    for page in pages:
        if isinstance(page, Image.Image):
            scale = (width - 80) / page.width
            pdf.drawImage(
                ImageReader(page), 40, height - 40 - page.height * scale,
                width=page.width * scale, height=page.height * scale,
            )
        else:
            pdf.setFont("Helvetica", 11)
            for index, (label, amount) in enumerate(page):
                y = height - 80 - 18 * index
                pdf.drawString(60, y, label)
                if amount:
                    pdf.drawRightString(width - 60, y, amount)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def docx_bytes(paragraphs: Sequence[str], table: Sequence[Sequence[str]] = ()) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(rows: Sequence[Sequence[object]], formats: dict[str, str] | None = None) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Konto"
    for row in rows:
        sheet.append(list(row))
    for coordinate, number_format in (formats or {}).items():
        sheet[coordinate].number_format = number_format
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
