"""The one `fold`: every spelling of a word a German keyboard could produce reads the same."""

from __future__ import annotations

import pytest

from app.services.textfold import fold


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
