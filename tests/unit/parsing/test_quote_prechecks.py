"""A line is tried as an attribution only when it ends in ":"; the attribution pattern itself never matches a
stripped text that does not, so the shortcut changes no split."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.parsing import quotes

PIECES = ("Am", "am", "On", "on", " ", "  ", "\t", "12.03.2026", "um 10:15", "schrieb", "SCHRIEB", "wrote", "Wrote",
          "schrieb am", "Zitat von", "quoting", "Quoting", "Max Müller", "<max@example.de>", ":", " :", ": ", "\u00a0",
          "\u2028", "\x1c", ",", "Uhr", "x")


@settings(derandomize=True, max_examples=3000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=2)), max_size=12).map("".join))
def test_a_stripped_text_not_ending_in_a_colon_is_never_an_attribution(text: str) -> None:
    joined = text.strip()
    if not joined.endswith(":"):
        assert quotes._ATTRIBUTION.match(joined) is None, joined


def test_attributions_over_one_to_three_lines_are_still_found() -> None:
    for lines in (["Am 12.03.2026 um 10:15 schrieb Max Müller <max@example.de>:", "> alt"],
                  ["Am 12.03.2026 um 10:15 schrieb Max Müller", "<max@example.de>:", "> alt"],
                  ["On Mon, 12 Mar 2026,", "Max Müller", "wrote:", "> old"]):
        assert quotes._attribution_span(lines, 0) == len(lines) - 1, lines
