"""The one `fold`: every spelling of a word a German keyboard could produce reads the same."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.textfold import _GERMAN, _SPACES, _UNDECOMPOSED, Caseless, fold, lowered


@pytest.mark.parametrize(("written", "folded"), [
    ("Gebühr", "gebuehr"),
    ("GEBÜHR", "gebuehr"),
    ("Straße", "strasse"),
    ("Ćosić", "cosic"),
    ("Paweł Zieliński", "pawel zielinski"),
    ("Kıvanç Aydın", "kivanc aydin"),
    ("Bjørn Lykkegård", "bjorn lykkegard"),
    ("Đurđica Babić", "durdica babic"),
    ("ŁUKASZ", "lukasz"),
    ("Cæcilie", "caecilie"),
    ("Œuvre", "oeuvre"),
    ("12\u00a0500,00", "12 500,00"),
    ("plain ascii", "plain ascii"),
])
def test_fold_spells_every_letter_in_plain_ascii(written: str, folded: str) -> None:
    assert fold(written) == folded


def test_stroked_and_dotless_letters_read_like_their_plain_spelling() -> None:
    assert fold("Yıldız Kowalczyk-Głowacka") == fold("Yildiz Kowalczyk-Glowacka")


def _folded_by_definition(text: str) -> str:
    """The rule as written: lower case, the three tables, then NFKD without its combining marks."""
    lowered = text.lower().translate(_GERMAN).translate(_UNDECOMPOSED).translate(_SPACES)
    return "".join(char for char in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(char))


@settings(derandomize=True, max_examples=400, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from("äöüÄÖÜßẞıłøæœþĸ\u00a0\u202fćčéèñÅå\u0301\u0308·–€„“"),
                                  st.characters()), max_size=60))
def test_fold_reads_every_text_as_the_rule_defines(text: str) -> None:
    assert fold(text) == _folded_by_definition(text)


def test_no_ascii_character_is_a_combining_mark() -> None:
    """fold looks for combining marks among a text's non-ASCII characters only."""
    assert [code for code in range(128) if unicodedata.combining(chr(code))] == []


def test_lowering_matches_each_letter_as_ignorecase_does_except_the_unlowered_ones() -> None:
    """Every character that IGNORECASE matches to one of the letters a `Caseless` pattern is written with lowers to
    that very letter (and to nothing else), and nothing else lowers to one; lowering keeps every character one
    character, a word character (for `\\b`, `\\w`) a word character and a space a space: except ı, İ and ſ, for
    which `lowered` gives None."""
    letters = "abcdefghijklmnopqrstuvwxyzäöüß"
    any_letter = re.compile(f"[{letters}]", re.IGNORECASE)
    each = {letter: re.compile(letter, re.IGNORECASE) for letter in letters}
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lower = lowered(char)
        if lower is None:
            continue
        assert lower == char.lower() and len(lower) == 1 and lower.isspace() == char.isspace(), char
        assert (lower.isalnum() or lower == "_") == (char.isalnum() or char == "_"), char
        if any_letter.fullmatch(char):
            assert {letter for letter, pattern in each.items() if pattern.fullmatch(char)} == {lower}, char
        else:
            assert lower not in each, char


CASELESS_FRAGMENTS = ("Auftrag", "AUFTRAG", "für unsere", "FÜR UNSERE", "Für  Unsere", "Vertreten", "ı", "İ", "ſ",
                      "\u212a", "ẞ", "ß", "Ä", " ", "x", "_", "\n", "aufträg", "VERTRETEN", "auftraG")


@settings(derandomize=True, max_examples=2000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(CASELESS_FRAGMENTS), st.text(max_size=3)), max_size=8).map("".join),
       st.integers(0, 20))
def test_a_caseless_pattern_finds_what_the_case_insensitive_one_finds(text: str, pos: int) -> None:
    pattern = Caseless.compile(r"\bauftrag\w*|für\s+unsere|vertreten\b|ß")
    expected = pattern.anycase.search(text, pos)
    found = pattern.search(text, lowered(text), pos)
    assert (found and found.span()) == (expected and expected.span()), text


@pytest.mark.parametrize("pattern", [r"\S+", "Gebühr", "café"])
def test_a_caseless_pattern_is_written_in_lower_case_with_the_letters_lowering_is_checked_for(pattern: str) -> None:
    with pytest.raises(ValueError, match="lower case"):
        Caseless.compile(pattern)
