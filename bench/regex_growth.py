"""bench/regex_growth.py — which of the service's patterns take more than linear time on a long run of one shape;
invariant: measures only, asserts nothing.

Usage: .venv/bin/python bench/regex_growth.py [--sizes 40 80 160] [--show 40]
Every compiled pattern at module level under app/services is searched and matched against a run of one "pump"
(spaces, tabs, digits, short words, dashes, …) of each size followed by a character that makes it fail. Growth
per doubling is 2 for linear work, 4 for quadratic, 8 or more for cubic: a pattern whose failed match tries every
split of one run between several whitespace or punctuation quantifiers. Patterns applied with `match` to the rest
of a line are quadratic only under `search`; the table says which call grew.
tests/security/test_wide_gaps.py holds the shapes that once stalled a worker."""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import platform
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import app.services

PUMPS = (" ", "\t", " x", "a", "a ", "ab ", "1", "1 ", "1.", "12.", "0,", "-", ".", " .", ", ", "\n", " \n", "=",
         "*", " -", "EUR ", " €", "|", " |", "aa-", "x.", "a\n")
ENDINGS = ("!", "x", "\n#", " 1")


def module_patterns() -> dict[str, re.Pattern[str]]:
    found: dict[int, tuple[str, re.Pattern[str]]] = {}
    for module_info in pkgutil.walk_packages(app.services.__path__, "app.services."):
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.setdefault(id(value), (f"{module_info.name.removeprefix('app.services.')}.{name}", value))
    return dict(found.values())


def seconds(call: Callable[[str], object], text: str, repeat: int = 3) -> float:
    """The best of `repeat` runs: a busy box only ever adds time."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        call(text)
        best = min(best, time.perf_counter() - started)
    return best


def growth(pattern: re.Pattern[str], sizes: list[int]) -> tuple[float, str, float]:
    """The largest per-doubling growth over all pumps, endings and calls, with what grew and its time at the
    largest size."""
    worst = (0.0, "", 0.0)
    for pump in PUMPS:
        for ending in ENDINGS:
            for call_name in ("search", "match"):
                call = getattr(pattern, call_name)
                timings = [seconds(call, pump * size + ending) for size in sizes]
                if timings[-1] < 2e-4:
                    continue  # too fast to tell growth from noise
                ratio = (timings[-1] / max(timings[0], 1e-7)) ** (1 / max(len(sizes) - 1, 1))
                if ratio > worst[0]:
                    worst = (ratio, f"{call_name} {pump!r}×n+{ending!r}", timings[-1])
    return worst


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[40, 80, 160])
    parser.add_argument("--show", type=int, default=40)
    args = parser.parse_args()
    print(f"machine: {platform.platform()}, {os.cpu_count()} cpus, Python {sys.version.split()[0]}")
    patterns = module_patterns()
    rows = sorted(((growth(pattern, args.sizes), name) for name, pattern in patterns.items()), reverse=True)
    print(f"{len(patterns)} patterns; growth per doubling of the run (2 linear, 4 quadratic, ≥ 8 cubic):")
    for (ratio, what, last), name in rows[:args.show]:
        if ratio:
            print(f"{ratio:6.1f}×  {last * 1000:8.2f} ms at n={args.sizes[-1]:<5d} {name}  ({what})")
    print(f"cubic or worse: {sum(1 for (ratio, _, _), _ in rows if ratio >= 6)}")


if __name__ == "__main__":
    main()
