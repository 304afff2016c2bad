"""Only services/money.py turns text or floats into money or rounds it: nothing else builds a Decimal from a value."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"
MONEY_MODULE = APP / "services" / "money.py"


def _is_decimal(func: ast.expr) -> bool:
    return (isinstance(func, ast.Name) and func.id == "Decimal") or (
        isinstance(func, ast.Attribute) and func.attr == "Decimal"
    )


def _is_constant_number(node: ast.expr) -> bool:
    """A literal such as Decimal("0.00") or Decimal(0): a fixed constant, not money read from input."""
    return isinstance(node, ast.Constant) and isinstance(node.value, str | int) and not isinstance(node.value, bool)


def _offences(source: str, name: str) -> list[str]:
    tree = ast.parse(source, filename=name)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        where = f"{name}:{node.lineno}"
        if _is_decimal(node.func) and not all(_is_constant_number(arg) for arg in node.args):
            found.append(f"{where} builds a Decimal from a value (use money.parse / money.exact / money.to_cents)")
        if isinstance(node.func, ast.Attribute) and node.func.attr == "quantize":
            found.append(f"{where} rounds on its own (use money.to_cents)")
    return found


def test_no_module_but_money_builds_or_rounds_amounts() -> None:
    offences = [
        offence
        for path in sorted(APP.rglob("*.py"))
        if path != MONEY_MODULE
        for offence in _offences(path.read_text(encoding="utf-8"), str(path.relative_to(APP.parent)))
    ]
    assert offences == []


def test_the_check_catches_home_made_parsing_and_rounding_but_allows_constants() -> None:
    source = (
        "from decimal import Decimal\n"
        "ZERO = Decimal('0.00')\n"
        "START = Decimal(0)\n"
        "typed = Decimal(text.replace(',', '.'))\n"
        "rounded = amount.quantize(ZERO)\n"
    )
    assert [offence.split(" ")[0] for offence in _offences(source, "sample.py")] == ["sample.py:4", "sample.py:5"]
