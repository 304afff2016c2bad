"""Search keys: umlauts and ß folded, names in any order and case, references without punctuation."""

from __future__ import annotations

import re
from email.utils import parseaddr

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.matching import normalize


@pytest.mark.parametrize(("written", "stored"), [
    ("Jürgen Weißbach", "Juergen Weissbach"),
    ("Dörte Kühnel", "DOERTE KUEHNEL"),
    ("Friedhelm Große", "Friedhelm Grosse"),
    ("Dragan Petrović", "Dragan Petrovic"),
    ("Marlene Ostendorf-Krüger", "OSTENDORF-KRUEGER, MARLENE"),
    ("Heinz-Günter Scholl-Ebersbach", "Scholl-Ebersbach, Heinz Günter"),
])
def test_spellings_of_one_name_share_a_key(written: str, stored: str) -> None:
    assert normalize.name_key(written) == normalize.name_key(stored)


def test_titles_are_not_part_of_a_name() -> None:
    assert normalize.name_tokens("Frau Dr. Aylin Kaya") == ["aylin", "kaya"]


def test_the_surname_is_the_last_word_or_what_precedes_the_comma() -> None:
    assert normalize.surname_tokens("Marlene Ostendorf-Krüger") == ["ostendorf", "krueger"]
    assert normalize.surname_tokens("Weißbach, Jürgen") == ["weissbach"]


def test_references_compare_without_spaces_punctuation_or_case() -> None:
    assert normalize.reference_key("4401 882 310") == normalize.reference_key("4401-882-310") == "4401882310"
    assert normalize.reference_key("bs-2026-0117") == normalize.reference_key("BS 2026/0117")


def test_a_reference_written_with_separators_is_found_in_running_text() -> None:
    windows = normalize.reference_windows("zum Darlehenskonto 4401 882 310 Ihres Mandanten (StNr. 214/5561/0873)")
    assert {"4401882310", "21455610873"} <= windows


def test_reference_windows_need_a_digit_and_stop_at_wide_gaps() -> None:
    windows = normalize.reference_windows("Kundennummer  12345 und Vertrag")
    assert "12345" in windows
    assert not any(key.startswith("kundennummer") for key in windows)
    assert "vertrag" not in windows


def test_the_routing_id_is_the_plus_tag_of_a_recipient() -> None:
    keys = normalize.routing_keys(["Kanzlei <glaeubiger+BS-2026-0117@kanzlei.example>", "other@x.example"])
    assert keys == ["bs20260117"]


@pytest.mark.parametrize(("one", "other"), [("lorenzen", "lorentzen"), ("kathrin", "katrin"),
                                            ("mueller", "muller"), ("meyer", "maier")])
def test_similar_sounding_surnames_share_a_sound_code(one: str, other: str) -> None:
    assert normalize.sound(one) == normalize.sound(other) != ""


def test_different_names_have_different_sound_codes() -> None:
    assert normalize.sound("lorenzen") != normalize.sound("brenninger")


def test_public_mail_providers_are_shared_domains() -> None:
    assert normalize.is_shared_domain("gmx.de")
    assert not normalize.is_shared_domain("nordbank-hanse.example")


def test_company_names_lose_their_legal_form() -> None:
    assert normalize.company_tokens("Kaufhaus Lindgrün Versand GmbH") == ["kaufhaus", "lindgruen", "versand"]
    assert normalize.company_tokens("Modeboxx24 GmbH") == ["modeboxx24"]


def _windows_by_definition(text: str) -> set[str]:
    """The rule as written: groups of ASCII letters/digits, a run continues across a gap of exactly one
    separator, every window of 1–6 consecutive groups of a run that holds a digit and has 5–40 characters."""
    runs: list[list[str]] = []
    previous_end = None
    for match in re.finditer(r"[A-Za-z0-9]+", text):
        gap = text[previous_end:match.start()] if previous_end is not None else None
        if gap is None or not (len(gap) == 1 and gap in " -/._\u00a0"):
            runs.append([])
        runs[-1].append(match.group().lower())
        previous_end = match.end()
    keys = set()
    for parts in runs:
        for start in range(len(parts)):
            for end in range(start + 1, min(start + 6, len(parts)) + 1):
                joined = "".join(parts[start:end])
                if len(joined) > 40:
                    break
                if len(joined) >= 5 and any(ch.isdigit() for ch in joined):
                    keys.add(joined)
    return keys


@settings(derandomize=True, max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ09 -/._\u00a0,:;\nÄäİß4x"), max_size=60))
def test_reference_windows_follow_the_rule_as_written(text: str) -> None:
    assert normalize.reference_windows(text) == _windows_by_definition(text)


@pytest.mark.parametrize(("written", "bare"), [
    ("Nordbank Hanse AG <Forderung@Nordbank.example>", "forderung@nordbank.example"),
    ("forderung@nordbank.example", "forderung@nordbank.example"),
    ('"Müller, Jürgen" <j.mueller@example.org>', "j.mueller@example.org"),
    ("", ""), (None, ""), ("not an address", "not"),
])
def test_an_address_is_read_the_same_however_often_it_comes_back(written: str | None, bare: str) -> None:
    assert [normalize.email_address(written) for _ in range(3)] == [bare] * 3
    assert normalize.email_address(written) == parseaddr(written or "")[1].strip().lower()


def test_a_routing_tag_is_also_compared_by_its_groups_of_digits_when_they_hold_enough() -> None:
    tags = normalize.routing_digit_groups(["post+az272-27@kanzlei.example", "post+Q17@kanzlei.example",
                                            "post+27-m731@kanzlei.example"])
    assert tags == frozenset({"27-272", "27-731"})
    assert normalize.digit_groups("272/27-OQ") == "27-272"
    assert normalize.digit_groups("QA/M-731/27") == "27-731"
    assert normalize.digit_groups("Q17") is None
