"""A line with a run of thousands of spaces (an HTML table flattened to text, a form padded to a fixed width, or
mail written to stall the worker) is read as fast as a narrow one and the same way.

Several patterns once let two or three whitespace runs share one gap in every possible split, so a failed match
tried each split: a 1 000-space gap after an amount took 12 s, a 4 000-space one would take minutes. The reading
runs in a child process with a watchdog that the linear reading never comes near (it takes about a second
together); what is asserted is that it finishes and reads a wide gap as it reads a narrow one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WIDE = 4_000
WATCHDOG_SECONDS = 120

_READ_SHAPES = r"""
import json, sys
from app.services.extraction import extract
from app.services.parsing import parse_body

gap = " " * int(sys.argv[1])
shapes = {
    "a figure, a gap, a word": f"Guten Tag,\n\nder Saldo beträgt 1.234,56 EUR{gap}x\n\nGruß\nA. Maier",
    "a figure, a gap, a note": f"Guten Tag,\n\nder Saldo beträgt 1.234,56 EUR{gap}(Stand)\n\nGruß\nA. Maier",
    "a figure, a gap, a dash": f"Guten Tag,\n\nder Saldo beträgt 1.234,56 EUR{gap}-- x\n\nGruß\nA. Maier",
    "padded rows": f"Guten Tag,\n\nPosten{gap}x{gap}120,00 EUR mit\nsumme{gap}y{gap}1.234,56 EUR\n\nGruß\nA. Maier",
    "a denied figure, a gap, its replacement":
        f"Guten Tag,\n\ndie Forderung beträgt nicht 1.234,56 EUR,{gap}sondern 1.300,00 EUR.\n\nGruß\nA. Maier",
}
read = {}
for name, body in shapes.items():
    found = extract(parse_body(body, None), subject="Ihre Anfrage", from_email="a.maier@inkasso.example",
                    from_name="A. Maier")
    read[name] = [str(found.total_amount), found.amount_is_safe, found.intent]
print(json.dumps(read))
"""


def _read(gap: int) -> dict[str, list[object]]:
    done = subprocess.run([sys.executable, "-c", _READ_SHAPES, str(gap)], cwd=ROOT, capture_output=True, text=True,
                          timeout=WATCHDOG_SECONDS, check=True)
    result: dict[str, list[object]] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.fixture(scope="module")
def narrow() -> dict[str, list[object]]:
    return _read(3)


def test_a_wide_gap_is_read_to_the_end_and_like_a_narrow_one(narrow: dict[str, list[object]]) -> None:
    try:
        wide = _read(WIDE)
    except subprocess.TimeoutExpired:  # pragma: no cover (the failure this test exists for)
        pytest.fail(f"reading lines with {WIDE}-space gaps did not finish in {WATCHDOG_SECONDS} s")
    assert wide == narrow


def test_the_shapes_are_read_as_a_clerk_would(narrow: dict[str, list[object]]) -> None:
    # what the gap-width comparison above holds constant
    assert narrow["a figure, a gap, a word"][:2] == ["1234.56", True]
    assert narrow["padded rows"][0] == "1234.56"
    # the denied figure is a former one; the figure put in its place is the total, for a human to confirm
    assert narrow["a denied figure, a gap, its replacement"][:2] == ["1300.00", False]
