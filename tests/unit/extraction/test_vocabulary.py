"""The vocabulary: phrases in normal spelling match every way a reply may write them."""

from __future__ import annotations

import pytest

from app.services.extraction.labels import classify, is_weak_balance
from app.services.extraction.vocabulary import fold, phrases
from app.services.extraction.vocabulary.amounts import EXCLUDED, PAID_LEAD, SUPERSEDED_LEAD


@pytest.mark.parametrize("written", ["Mahngebühr", "MAHNGEBÜHR", "Mahngebuehr", "mahngebühr"])
def test_a_phrase_in_normal_spelling_matches_every_spelling_of_it(written: str) -> None:
    assert phrases(["Gebühr"], whole_words=False).search(fold(written))


def test_whole_words_keep_a_phrase_from_matching_inside_another_word() -> None:
    pattern = phrases(["Rate"])
    assert pattern.search(fold("die erste Rate"))
    assert not pattern.search(fold("Karate-Kurs"))


def test_a_space_in_a_phrase_matches_any_run_of_white_space() -> None:
    assert PAID_LEAD.search(fold("bereits\u00a0 gezahlt"))


def test_an_optional_space_inside_an_abbreviation_stays_optional() -> None:
    assert PAID_LEAD.search(fold("Zahlung i.H. von"))
    assert PAID_LEAD.search(fold("Zahlung i. H. von"))


@pytest.mark.parametrize("text", [
    "ist darin nicht enthalten", "wurde dabei noch nicht berücksichtigt", "kommt noch gesondert hinzu",
    "wird separat in Rechnung gestellt", "is not included",
])
def test_exclusion_phrases(text: str) -> None:
    assert EXCLUDED.search(fold(text))


def test_a_correction_marks_the_earlier_figure() -> None:
    assert SUPERSEDED_LEAD.search(fold("irrtümlich genannt waren"))
    assert SUPERSEDED_LEAD.search(fold("der frühere Stand"))


@pytest.mark.parametrize(("label", "role"), [
    ("Restschuld per heute", "total"), ("Gesamtrückstände", "total"), ("Outstanding balance", "total"),
    ("Mahnauslagen", "costs"), ("Verzugszinsen", "interest"), ("Restkapital", "principal"),
    ("Außenstände", "balance"), ("Nebenkosten", "other"),
    ("drei weitere Mahnungen zu je", "costs"), ("Gebühr der Sperrandrohung", "costs"), ("Sperrandrohung vom", "costs"),
])
def test_label_words_name_the_role_of_an_amount(label: str, role: str) -> None:
    assert classify(label).label == role


def test_a_bare_verb_is_a_weak_balance_word_but_a_named_balance_is_not() -> None:
    assert is_weak_balance(classify("beläuft").text)
    assert not is_weak_balance(classify("Kontostand").text)
