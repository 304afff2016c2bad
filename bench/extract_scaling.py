"""bench/extract_scaling.py — extraction time against email length; invariant: measures only, asserts nothing.

Usage: .venv/bin/python bench/extract_scaling.py [--lines 1000 2000 4000] [--repeat 3]
For each shape of tests/security/test_extraction_scaling.py, prints the best of `repeat` runs of extract()
per line count, and the ratio to the previous count (2.0 for linear growth when the count doubles).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the shapes live with their test

from app.services.extraction import extract
from app.services.parsing import parse_body
from tests.security.test_extraction_scaling import SHAPES, email_of


def best_of(text: str, repeat: int) -> float:
    parsed = parse_body(text, None)
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        extract(parsed, subject="Ihre Anfrage", from_email="team@forderung.example", from_name="Team")
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, nargs="+", default=[1000, 2000, 4000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"machine: {platform.platform()}, {os.cpu_count()} cpus, Python {sys.version.split()[0]}")
    for name, shape in SHAPES.items():
        previous: float | None = None
        cells = []
        for lines in args.lines:
            seconds = best_of(email_of(shape, lines), args.repeat)
            ratio = f" (×{seconds / previous:.1f})" if previous else ""
            cells.append(f"{lines} lines {seconds:6.2f} s{ratio}")
            previous = seconds
        print(f"{name:28} " + "   ".join(cells))


if __name__ == "__main__":
    main()
