"""commands/output.py — how a command answers; invariant: JSON with `--json` or when stdout is no terminal
(the shapes scripts rely on), rich tables otherwise; amounts read in German notation on the terminal."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from app.services import money

DASH = "—"


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true",
                        help="print JSON even on a terminal (it is the default when stdout is piped)")


def wants_json(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False)) or not sys.stdout.isatty()


def print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def console() -> Console:
    """The terminal console (stdout)."""
    return Console(highlight=False)


Cell = str | Text


def plain(cell: Cell) -> Text:
    """Text shown as written: brackets in an email's subject are not rich markup."""
    return cell if isinstance(cell, Text) else Text(cell)


def table(title: str | None, columns: Sequence[str], rows: Iterable[Sequence[Cell]]) -> Table:
    shown = Table(title=title, title_justify="left", header_style="bold")
    for column in columns:
        shown.add_column(column, overflow="fold")
    for row in rows:
        shown.add_row(*(plain(cell) for cell in row))
    return shown


def pairs(title: str | None, items: Iterable[tuple[str, Cell]]) -> Table:
    """A two-column name/value block."""
    shown = Table(title=title, title_justify="left", show_header=False, box=None, pad_edge=False)
    shown.add_column(style="bold")
    shown.add_column(overflow="fold")
    for name, value in items:
        shown.add_row(plain(name), plain(value))
    return shown


def amount(value: Decimal | str | None) -> str:
    if value is None or value == "":
        return DASH
    return money.format_eur(money.exact(value))


def when(value: datetime | str | None) -> str:
    if value is None:
        return DASH
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def text(value: object) -> str:
    return DASH if value is None or value == "" else str(value)
