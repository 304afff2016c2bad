"""Where text hides in real statements: nested DOCX tables, hidden sheets, legacy CSV, later PDF pages."""

from __future__ import annotations

import codecs
import io

import docx
import openpyxl
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from PIL import Image

from app.config import Settings
from app.services.attachments import ReadLimits, read_attachment
from app.services.attachments.fetch import limits_from_settings, policy_from_settings
from tests.unit.attachments.samples import pdf_bytes


def _saved(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _texts(data: bytes, limits: ReadLimits | None = None) -> list[tuple[str, str]]:
    result = read_attachment(data, limits=limits)
    assert result.status == "ok", result.reason
    return [(segment.location, segment.text) for segment in result.segments]


# --- DOCX ---------------------------------------------------------------------------------


def test_a_table_nested_in_a_layout_cell_gives_its_rows_as_bar_lines_in_document_order() -> None:
    document = docx.Document()
    document.add_paragraph("Kontoübersicht")
    frame = document.add_table(rows=1, cols=2)
    frame.cell(0, 0).paragraphs[0].text = "Kundin: Erika Beispiel"
    inner = frame.cell(0, 1).add_table(rows=2, cols=2)
    for row, values in zip(inner.rows, [("Offene Rechnungen", "310,20 €"), ("Zu zahlen", "322,70 €")], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("Mit freundlichen Grüßen")
    assert _texts(_saved(document)) == [
        ("paragraph 1", "Kontoübersicht"),
        ("table 1, row 1, cell 1, paragraph 1", "Kundin: Erika Beispiel"),
        ("table 1, row 1, cell 2, table 1, row 1", "Offene Rechnungen | 310,20 €"),
        ("table 1, row 1, cell 2, table 1, row 2", "Zu zahlen | 322,70 €"),
        ("paragraph 2", "Mit freundlichen Grüßen"),
    ]


def test_a_one_cell_frame_around_several_paragraphs_keeps_them_as_separate_lines() -> None:
    document = docx.Document()
    box = document.add_table(rows=1, cols=1).cell(0, 0)
    box.paragraphs[0].text = "Grundbetrag 400,00 €"
    box.add_paragraph("Säumniszuschlag 12,00 €")
    box.add_paragraph("Endbetrag 412,00 €")
    assert [text for _, text in _texts(_saved(document))] == [
        "Grundbetrag 400,00 €", "Säumniszuschlag 12,00 €", "Endbetrag 412,00 €",
    ]


def test_manual_line_breaks_split_a_paragraph_instead_of_gluing_its_lines_together() -> None:
    document = docx.Document()
    run = document.add_paragraph().add_run("Vertragskonto: 55 120 88")
    run.add_break()
    run.add_text("Schuldnerin: Petra Probe")
    assert _texts(_saved(document)) == [
        ("paragraph 1, line 1", "Vertragskonto: 55 120 88"),
        ("paragraph 1, line 2", "Schuldnerin: Petra Probe"),
    ]


def test_a_line_break_inside_a_table_cell_keeps_the_row_on_one_line() -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    run = table.cell(0, 0).paragraphs[0].add_run("Restschuld")
    run.add_break()
    run.add_text("per 31.10.")
    table.cell(0, 1).text = "95,00 €"
    assert _texts(_saved(document)) == [("table 1, row 1", "Restschuld per 31.10. | 95,00 €")]


def test_text_inside_a_content_control_is_read_in_its_place() -> None:
    document = docx.Document()
    document.add_paragraph("Vorher")
    control = parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>Forderung offen: 58,00 €</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    document.paragraphs[0]._p.addnext(control)
    document.add_paragraph("Nachher")
    assert [text for _, text in _texts(_saved(document))] == ["Vorher", "Forderung offen: 58,00 €", "Nachher"]


def test_a_text_box_is_read_once_after_its_paragraph_though_word_stores_it_twice() -> None:
    box = "<w:txbxContent><w:p><w:r><w:t>Restforderung 77,00 €</w:t></w:r></w:p></w:txbxContent>"
    run = parse_xml(
        f'<w:r {nsdecls("w", "wp")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        f'<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wps:wsp><wps:txbx>{box}'
        "</wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    document = docx.Document()
    paragraph = document.add_paragraph("Briefkopf")
    paragraph._p.append(run)
    assert _texts(_saved(document)) == [
        ("paragraph 1", "Briefkopf"),
        ("paragraph 1, text box 1, paragraph 1", "Restforderung 77,00 €"),
    ]


def test_tab_stop_definitions_do_not_add_spaces_but_tabs_in_the_text_do() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.tab_stops.add_tab_stop(docx.shared.Cm(12))
    paragraph.add_run("Summe\t1.000,00 €")
    assert _texts(_saved(document)) == [("paragraph 1", "Summe 1.000,00 €")]


def test_tables_nested_beyond_the_depth_cap_fail_that_attachment() -> None:
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    for _ in range(12):
        cell = cell.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "tief"
    result = read_attachment(_saved(document))
    assert result.status == "failed"
    assert "nested deeper" in (result.reason or "")


def test_a_docx_over_the_line_cap_fails_with_the_cap_in_the_reason() -> None:
    document = docx.Document()
    for number in range(30):
        document.add_paragraph(f"Position {number}")
    result = read_attachment(_saved(document), limits=ReadLimits(max_segments=10))
    assert (result.status, result.reason) == ("failed", "document has over 10 lines of text")


def test_an_identical_footer_repeated_by_every_section_is_read_once() -> None:
    document = docx.Document()
    document.sections[0].footer.paragraphs[0].text = "Sitz Musterstadt · HRB 1234"
    document.add_paragraph("Seite eins")
    document.add_section()
    document.sections[1].footer.is_linked_to_previous = False
    document.sections[1].footer.paragraphs[0].text = "Sitz Musterstadt · HRB 1234"
    texts = [text for _, text in _texts(_saved(document))]
    assert texts.count("Sitz Musterstadt · HRB 1234") == 1


# --- XLSX ---------------------------------------------------------------------------------


def _workbook_bytes(workbook: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_every_visible_sheet_is_read_and_named_in_the_location_but_a_hidden_one_is_not() -> None:
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    first.title = "Posten"
    first.append(["Rechnung 7", 80])
    summary = workbook.create_sheet("Saldo")
    summary.append(["Offen gesamt", 80])
    scratch = workbook.create_sheet("Hilfswerte")
    scratch.append(["Zwischenwert", 99999])
    scratch.sheet_state = "hidden"
    assert _texts(_workbook_bytes(workbook)) == [
        ("sheet Posten, row 1", "Rechnung 7 | 80"),
        ("sheet Saldo, row 1", "Offen gesamt | 80"),
    ]


# --- CSV ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoded", "label"),
    [
        (codecs.BOM_UTF8 + "Posten;Betrag\nGebühr Säumnis;3,00\n".encode(), "utf-8 with BOM"),
        ("Posten;Betrag\nGebühr Säumnis;3,00\n".encode(), "utf-8"),
        ("Posten;Betrag\nGebühr Säumnis;3,00\n".encode("cp1252"), "windows-1252"),
    ],
)
def test_csv_decodes_utf8_with_or_without_bom_and_windows_1252_alike(encoded: bytes, label: str) -> None:
    assert _texts(encoded) == [("row 1", "Posten | Betrag"), ("row 2", "Gebühr Säumnis | 3,00")], label


def test_a_windows_1252_csv_with_a_byte_that_code_page_leaves_undefined_is_still_read() -> None:
    data = "Konto;Stand\n".encode("cp1252") + b"Gro\xdfkunde \x81;12,00\n"
    result = read_attachment(data)
    assert result.detected_type == "csv"
    assert result.segments[1].text.startswith("Großkunde")


@pytest.mark.parametrize("delimiter", ["\t", ",", ";"])
def test_the_csv_delimiter_is_sniffed(delimiter: str) -> None:
    rows = [["Datum", "Vorgang", "offen"], ["01.02.2026", "Abschlag Februar", "61.00"], ["", "Summe", "61.00"]]
    data = "\r\n".join(delimiter.join(row) for row in rows).encode()
    assert [text for _, text in _texts(data)] == [
        "Datum | Vorgang | offen", "01.02.2026 | Abschlag Februar | 61.00", "Summe | 61.00",
    ]


def test_a_csv_over_the_line_cap_fails_that_attachment_only() -> None:
    data = "\n".join(f"{n};Zeile" for n in range(50)).encode()
    result = read_attachment(data, limits=ReadLimits(max_segments=20))
    assert (result.status, result.reason) == ("failed", "CSV has over 20 rows of text")


# --- PDF ----------------------------------------------------------------------------------


def test_every_pdf_page_is_read_and_text_layer_lines_are_not_marked_as_ocr() -> None:
    data = pdf_bytes([[("Deckblatt", None)], [("Zwischenseite", None)], [("Endsumme", "44,10 €")]])
    result = read_attachment(data)
    assert [(s.location, s.text) for s in result.segments] == [
        ("page 1, line 1", "Deckblatt"),
        ("page 2, line 1", "Zwischenseite"),
        ("page 3, line 1", "Endsumme 44,10 €"),
    ]
    assert not any(segment.ocr for segment in result.segments)


@pytest.mark.usefixtures("ocr_ready")
def test_only_lines_of_the_scanned_page_are_marked_as_read_by_ocr(statement_image: Image.Image) -> None:
    data = pdf_bytes([[("Anschreiben zur Aufstellung", None)], statement_image])
    result = read_attachment(data)
    marks = {(segment.location.split(",")[0], segment.ocr) for segment in result.segments}
    assert marks == {("page 1", False), ("page 2", True)}
    assert any("767,50" in segment.text for segment in result.segments if segment.ocr)


# --- caps from settings -------------------------------------------------------------------


def test_reading_caps_come_from_the_settings_and_reach_the_fetch_policy() -> None:
    settings = Settings(
        attachment_max_uncompressed_bytes=5_000_000,
        attachment_max_lines=300,
        attachment_max_pdf_pages=12,
        attachment_max_ocr_pages=3,
    )
    limits = limits_from_settings(settings)
    assert (limits.max_zip_uncompressed, limits.max_segments, limits.max_pdf_pages, limits.max_ocr_pages) == (
        5_000_000, 300, 12, 3,
    )
    assert policy_from_settings(settings).read_limits == limits


def test_a_docx_promising_more_than_the_uncompressed_cap_is_refused_before_parsing() -> None:
    document = docx.Document()
    document.add_paragraph("x " * 40_000)
    data = _saved(document)
    result = read_attachment(data, limits=ReadLimits(max_zip_uncompressed=50_000))
    assert result.status == "failed"
    assert "possible decompression bomb" in (result.reason or "")
    assert result.segments == []
