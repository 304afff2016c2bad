"""A table the text part of a mail wrote one cell per paragraph (an empty cell as one more pair of blank lines) is
read in rows again; running text, and lists that do not open with a header of column names, stay as written."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.parsing import parse_body
from app.services.parsing.cell_paragraphs import rows_from_cell_paragraphs

TABLE = ("Guten Tag,\n\nfür Frau Olga Remmers ist offen:\n\nPosition\n\nfällig\n\nBetrag\n\n"
         "Abrechnung Wasser 2098\n\n01.02.2099\n\n212,40 €\n\nMahnung\n\n\n\n3,00 €\n\n"
         "Gesamt\n\n\n\n215,40 €\n\nFreundliche Grüße\nStadtwerke Holm")


def test_cells_written_as_paragraphs_become_rows_with_the_empty_cells_dropped() -> None:
    rows = rows_from_cell_paragraphs(TABLE).split("\n")
    assert "Position | fällig | Betrag" in rows
    assert "Abrechnung Wasser 2098 | 01.02.2099 | 212,40 €" in rows
    assert "Mahnung | 3,00 €" in rows
    assert "Gesamt | 215,40 €" in rows
    assert "für Frau Olga Remmers ist offen:" in rows


def test_the_rows_label_their_amounts() -> None:
    result = extract(parse_body(TABLE, None), subject="AW: Anfrage Remmers", from_email="inkasso@sw-holm.example",
                     from_name="Stadtwerke Holm")
    assert result.total_amount == Decimal("215.40")
    assert result.components == {"principal": Decimal("212.40"), "costs": Decimal("3.00")}


def test_paragraphs_without_a_header_of_column_names_stay_as_written() -> None:
    text = "Hallo,\n\nRechnung März\n\n212,40 €\n\nMahnung\n\n3,00 €\n\nGruß"
    assert rows_from_cell_paragraphs(text) == text


def test_a_header_whose_rows_do_not_end_in_amounts_stays_as_written() -> None:
    text = "Datum\n\nBetrag\n\nam Montag\n\nkommt der Techniker\n\nam Dienstag\n\nder Zähler"
    assert rows_from_cell_paragraphs(text) == text
