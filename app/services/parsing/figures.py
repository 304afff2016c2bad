"""parsing/figures.py — the shape of a figure with cents ("1.234,56", "4012,77"), as the parser looks for one."""

from __future__ import annotations

import re

# Whole euros (with or without thousands dots, or thousands spaced: "1 184,00") and two cents, standing alone.
FIGURE = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+),(\d{2})(?!\d)")
# What separates the thousands of a figure.
THOUSANDS = re.compile(r"[.\s]")  # \s takes the no-break spaces too
