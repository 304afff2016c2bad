"""Old forms that split amounts into a euro and a cent column: the pair is one amount under such a header only."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import extract
from app.services.extraction.cent_columns import join_cent_columns
from app.services.extraction.lines import SourceLine
from app.services.parsing import parse_body

FORM = """<html><body><p>Guten Tag,</p><p>die offene Forderung gegen Ihren Mandanten setzt sich so zusammen:</p>
<table><tr><th>Nr.</th><th>Position</th><th>Euro</th><th>Cent</th></tr>
<tr><td>1</td><td>Hauptforderung Vertrag 77-310</td><td>1.204</td><td>50</td></tr>
<tr><td>2</td><td>Verzugszinsen</td><td>31</td><td>08</td></tr>
<tr><td>3</td><td>Mahngebühren</td><td>12</td><td>00</td></tr>
<tr><td></td><td>Gesamtbetrag</td><td>1.247</td><td>58</td></tr></table>
<p>Mit freundlichen Grüßen<br>Forderungsstelle Nordmark</p></body></html>"""


def rows(*texts: str) -> list[SourceLine]:
    return [SourceLine(source="body", part="reply", location=f"line {n}", text=t, key=n)
            for n, t in enumerate(texts, 1)]


def test_a_euro_and_cent_column_pair_gives_the_total_and_its_parts() -> None:
    result = extract(parse_body(None, FORM), subject="AW: Az. KW-2026-0518", from_email="forderung@nordmark.example",
                     from_name="Nordmark Forderungsstelle")
    assert (result.intent, result.total_amount) == ("debt_statement", Decimal("1247.58"))
    assert result.components == {"principal": Decimal("1204.50"), "interest": Decimal("31.08"),
                                 "costs": Decimal("12.00")}


def test_cells_are_joined_only_under_a_header_naming_both_columns() -> None:
    texts = [line.text for line in join_cent_columns(rows(
        "Posten | Menge | Stück", "Porto | 4 | 20", "Bezeichnung | EUR | Ct", "Saldo | 88 | 05"))]
    assert texts == ["Posten | Menge | Stück", "Porto | 4 | 20", "Bezeichnung | EUR", "Saldo | 88,05 EUR"]


def test_a_cell_that_is_no_plain_cent_figure_is_left_alone() -> None:
    texts = [line.text for line in join_cent_columns(rows("Art | EUR | Ct", "Zinsen | 12 | 5", "Kosten | 3,40 | 00"))]
    assert texts[1:] == ["Zinsen | 12 | 5", "Kosten | 3,40 | 00"]


def test_running_text_ends_the_table() -> None:
    texts = [line.text for line in join_cent_columns(rows("Art | EUR | Ct", "Bitte beachten Sie:", "Frist | 14 | 30"))]
    assert texts[2] == "Frist | 14 | 30"
