"""The one `fold`: every spelling of a word a German keyboard could produce reads the same."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.textfold import _GERMAN, _SPACES, _UNDECOMPOSED, fold


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
