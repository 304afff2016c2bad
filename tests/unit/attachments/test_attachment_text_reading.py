"""Readers turn PDF, DOCX, XLSX, CSV and text into located lines, amounts kept beside labels."""

from __future__ import annotations

import io
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from app.services.attachments import read_attachment
from app.services.attachments.office import format_cell
from app.services.attachments.result import AttachmentText
from tests.unit.attachments.samples import STATEMENT, docx_bytes, pdf_bytes, xlsx_bytes


def _segment(result: AttachmentText, needle: str) -> tuple[str, str]:
    matches = [(s.location, s.text) for s in result.segments if needle in s.text]
    assert matches, f"{needle!r} not in {result.segments}"
    return matches[0]


# --- PDF ----------------------------------------------------------------------------------


def test_a_pdf_text_layer_keeps_label_and_right_aligned_amount_on_one_line() -> None:
    result = read_attachment(pdf_bytes([STATEMENT]), "aufstellung.pdf")
    assert result.status == "ok"
    assert _segment(result, "Gesamtforderung") == ("page 1, line 5", "Gesamtforderung 767,50 €")


def test_pdf_lines_are_numbered_per_page() -> None:
    second_page = [("Seite zwei", None), ("Restforderung", "100,00 €")]
    result = read_attachment(pdf_bytes([STATEMENT, second_page]))
    assert _segment(result, "Restforderung") == ("page 2, line 2", "Restforderung 100,00 €")
    assert result.segments[0].location == "page 1, line 1"


def test_a_password_protected_pdf_fails_that_attachment_with_the_reason() -> None:
    result = read_attachment(pdf_bytes([STATEMENT], encrypt="geheim"), "geschuetzt.pdf")
    assert result.status == "failed"
    assert "encrypted" in (result.reason or "")
    assert result.locked  # locked on purpose, not broken
    assert result.segments == []


def test_a_truncated_pdf_fails_instead_of_raising() -> None:
    data = pdf_bytes([STATEMENT])[:300]
    result = read_attachment(data, "kaputt.pdf")
    assert (result.detected_type, result.status) == ("pdf", "failed")
    assert "PDF" in (result.reason or "")


# --- DOCX ---------------------------------------------------------------------------------


def test_docx_paragraphs_and_table_rows_come_out_in_order_with_cells_joined_by_bars() -> None:
    data = docx_bytes(
        ["Mietkontoauszug", "", "Stand: 25.09.2026"],
        [["Monat", "Rückstand"], ["07/2026", "770,00 €"], ["Gesamtrückstand", "1.545,00 €"]],
    )
    result = read_attachment(data, "konto.docx")
    assert [(s.location, s.text) for s in result.segments] == [
        ("paragraph 1", "Mietkontoauszug"),
        ("paragraph 2", "Stand: 25.09.2026"),
        ("table 1, row 1", "Monat | Rückstand"),
        ("table 1, row 2", "07/2026 | 770,00 €"),
        ("table 1, row 3", "Gesamtrückstand | 1.545,00 €"),
    ]


def test_a_docx_row_of_figures_keeps_its_empty_cells_so_each_figure_stays_in_its_column() -> None:
    data = docx_bytes([], [["Datum", "", "Text", "Soll", "Haben", ""], ["05.11.", "", "Gutschrift", "", "129,99", ""],
                           ["Summe Mietrückstand", "", "", "1.540,00 €", "", ""]])
    texts = [segment.text for segment in read_attachment(data).segments]
    # a row of words has no columns to keep; a row with a figure keeps them up to its last filled cell
    assert texts == ["Datum | Text | Soll | Haben", "05.11. |  | Gutschrift |  | 129,99",
                     "Summe Mietrückstand |  |  | 1.540,00 €"]


# --- XLSX ---------------------------------------------------------------------------------


def test_xlsx_rows_are_located_by_sheet_and_row_with_german_number_text() -> None:
    data = xlsx_bytes(
        [["Aktenzeichen", "AI-2025-401177"], [], ["Gesamtforderung", 1234.5]],
        {"B3": '#,##0.00 "€"'},
    )
    result = read_attachment(data, "konto.xlsx")
    assert [(s.location, s.text) for s in result.segments] == [
        ("sheet Konto, row 1", "Aktenzeichen | AI-2025-401177"),
        ("sheet Konto, row 3", "Gesamtforderung | 1.234,50 €"),
    ]


def test_a_spreadsheet_row_of_figures_keeps_its_empty_cells_so_each_figure_stays_in_its_column() -> None:
    data = xlsx_bytes([["Datum", "Buchung", "Soll", "Haben"], [None, "Übertrag", None, 120.0],
                       [None, "Saldo offen", 310.0, None], [None, "Hinweis", None, None]])
    texts = [s.text for s in read_attachment(data, "konto.xlsx").segments]
    assert texts == ["Datum | Buchung | Soll | Haben", " | Übertrag |  | 120", " | Saldo offen | 310", "Hinweis"]


def test_xlsx_formula_cells_show_the_value_excel_computed_not_the_formula() -> None:
    data = xlsx_bytes([["Hauptforderung", 700], ["Gesamt", "=SUM(B1:B1)"]], {"B2": "0.00"})
    # openpyxl writes no cached result; put in the one Excel would have saved.
    data = _rewrite_part(data, "xl/worksheets/sheet1.xml", b"<v></v>", b"<v>700</v>")
    result = read_attachment(data)
    assert result.segments[1].text == "Gesamt | 700,00"
    assert "SUM" not in result.text


@pytest.mark.parametrize(
    ("value", "number_format", "text"),
    [
        (1234.5, "General", "1234,50"),
        (1234.5, "#,##0.00", "1.234,50"),
        (-1234.5, '#,##0.00 "€"', "-1.234,50 €"),
        (504.31000000000006, "0.00", "504,31"),
        (55201847, "General", "55201847"),
        (700, "#,##0.00 [$€-407]", "700,00 €"),
        (0.05, "0.00%", "5,00 %"),
        (True, "General", "WAHR"),
    ],
)
def test_numeric_cells_read_correctly_to_a_german_eye(
    value: object, number_format: str, text: str
) -> None:
    assert format_cell(value, number_format) == text


# --- CSV and text -------------------------------------------------------------------------


def test_csv_rows_become_cell_bar_cell_lines() -> None:
    data = 'Datum;Buchungstext;Betrag\n05.11.2025;"Hauptforderung; Rechnung 08/2025";398,50\n'
    result = read_attachment(data.encode("cp1252"), "konto.csv")
    assert result.detected_type == "csv"
    assert [(s.location, s.text) for s in result.segments] == [
        ("row 1", "Datum | Buchungstext | Betrag"),
        ("row 2", "05.11.2025 | Hauptforderung; Rechnung 08/2025 | 398,50"),
    ]


def test_plain_text_lines_are_numbered_skipping_blank_lines() -> None:
    result = read_attachment(b"Gesamtforderung 767,50 EUR\n\n\nBitte zahlen Sie bis 30.09.\n")
    assert [(s.location, s.text) for s in result.segments] == [
        ("line 1", "Gesamtforderung 767,50 EUR"),
        ("line 2", "Bitte zahlen Sie bis 30.09."),
    ]


# --- the dev corpus -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "needle", "location", "text"),
    [
        ("E015-forderungsaufstellung.pdf", "Gesamtforderung", "page 1, line 16",
         "Gesamtforderung 767,50 €"),
        ("E017-forderungsaufstellung.pdf", "Gesamtforderung", "page 1, line 14",
         "Gesamtforderung 8.912,40 €"),
        ("E022-rueckstandsaufstellung.pdf", "Summe der", "page 1, line 11",
         "Summe der Rückstände 1.810,97 €"),
        ("E023-forderungskonto.xlsx", "Gesamtforderung", "sheet Forderungskonto, row 16",
         " | Gesamtforderung | 504,31 €"),
        ("E027-mietkontoauszug.docx", "Gesamtrückstand", "table 1, row 8",
         "Gesamtrückstand |  |  | 1.545,00 €"),
    ],
)
def test_the_dev_corpus_attachments_yield_their_totals_with_locations(
    corpus_dir: Path, name: str, needle: str, location: str, text: str
) -> None:
    path = corpus_dir / "attachments" / name
    result = read_attachment(path.read_bytes(), name)
    assert result.status == "ok", result.reason
    assert _segment(result, needle) == (location, text)


def test_the_dev_corpus_xlsx_dates_read_as_german_dates(corpus_dir: Path) -> None:
    data = (corpus_dir / "attachments" / "E023-forderungskonto.xlsx").read_bytes()
    result = read_attachment(data)
    assert _segment(result, "Geburtsdatum")[1] == "Geburtsdatum | 11.04.1996"


def test_pdfs_read_from_several_threads_at_once_give_the_same_text(corpus_dir: Path) -> None:
    files = sorted((corpus_dir / "attachments").glob("*.pdf"))
    expected = {path.name: read_attachment(path.read_bytes()).text for path in files}
    with ThreadPoolExecutor(max_workers=4) as pool:
        texts = list(pool.map(lambda p: (p.name, read_attachment(p.read_bytes()).text), files * 8))
    assert all(text == expected[name] for name, text in texts)
    assert all(expected.values())


def _rewrite_part(data: bytes, part: str, old: bytes, new: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            content = source.read(entry)
            target.writestr(entry, content.replace(old, new) if entry.filename == part else content)
    return buffer.getvalue()
