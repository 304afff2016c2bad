"""Faster ways of reading a line must read it as the plain rule did: each fast path here is checked against the
rule it replaced, written out in full, on texts built from the rule's own marks and words (any case, with the
characters that change length or fold onto ASCII when lowered) and random characters."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.services.extraction import amounts, names, numbers, references, vocabulary
from app.services.textfold import Caseless, lowered

SENTENCE_FRAGMENTS = (
    ". ", ".  ", ".\n", ".\t", "; ", "! ", "? ", ".", ";", "!", "?", "..", ". .", " ", "\n", "Nr. ", "nr.", "inkl. ",
    "INKL.", "ca. ", "z. ", "a. ", "İ. ", "ı. ", "ſtr. ", "Str.", "\u212ato. ", "#. ", "##. ", "12. ", "_. ", "abc. ",
    "Zinsen", "Betrag", "Ärger", "Öl", "Über", "über", "x", "A", "B", "é", "1.234,56", "€", ",", "(", ")", "-",
    "... ", "EUR", "Euro", "Eurobon", "CHF ",
)
texts = st.lists(st.one_of(st.sampled_from(SENTENCE_FRAGMENTS), st.text(max_size=3)), max_size=14).map("".join)

# The sentence-break rule written plainly: the word before each mark read by the pattern itself; a semicolon
# ends a clause whatever follows it ("…; offen sind 610,00 €"); leader dots before a currency code end nothing.
SENTENCE_BREAK = re.compile(r"(?P<word>[\w#]*)(?:(?P<mark>[.!?])\s+(?=[A-ZÄÖÜ])|;\s+(?=\S))")
CURRENCY_CODE = re.compile(r"(?:EUR|Euro|CHF|USD|GBP)\b")


# On a line with no capital letter (a writer who capitalises nothing) a mark before a small letter ends a sentence
# too, unless it is the second of two dots.
LOWER_CASE_BREAK = re.compile(r"(?P<word>[\w#]*)(?P<mark>[.!?])\s+(?=[a-zäöüß])")
CAPITAL = re.compile(r"[A-ZÄÖÜ]")
# On any other line, a full stop after a word that starts small and ends in three small letters, before a small letter
# ("… bezahlt. offen sind …"), unless the word is a known short form.
SMALL_WORD_BREAK = re.compile(r"(?P<word>[\w#]*)(?P<mark>\.)\s+(?=[a-zäöüß])")
SMALL_LETTERS = re.compile(r"[a-zäöüß]{3}$")


def clause_start_by_the_rule(masked: str, position: int) -> int:
    start = 0
    breaks = list(SENTENCE_BREAK.finditer(masked, 0, position))
    if not CAPITAL.search(masked.replace("EUR", "")):
        breaks += [match for match in LOWER_CASE_BREAK.finditer(masked, 0, position)
                   if not (match.group("mark") == "." and match.start("mark") > 0
                           and masked[match.start("mark") - 1] == ".")]
    else:
        breaks += [match for match in SMALL_WORD_BREAK.finditer(masked, 0, position)
                   if SMALL_LETTERS.search(match.group("word")) and match.group("word")[:1].islower()]
    for match in breaks:
        word = match.group("word").lower()
        if match.group("mark") == "." and (len(word) == 1 or word in amounts._ABBREVIATIONS):
            continue
        mark = match.start("mark")
        if match.group("mark") == "." and mark > 0 and masked[mark - 1] == "." \
                and CURRENCY_CODE.match(masked, match.end()):
            continue
        start = max(start, match.end())
    return start


@settings(derandomize=True, max_examples=3000, deadline=None)
@given(texts, st.data())
def test_clause_start_is_the_rules_at_every_position(text: str, data: st.DataObject) -> None:
    amounts._sentence_starts.cache_clear()
    positions = {0, len(text), data.draw(st.integers(0, len(text)))}
    for position in positions:
        assert amounts._clause_start(text, position) == clause_start_by_the_rule(text, position), (text, position)


def test_clause_start_skips_abbreviations_and_keeps_sentence_ends() -> None:
    text = "Zahlung inkl. Zinsen. Der Betrag Nr. 5 ist offen! Bitte zahlen Sie 100,00 EUR"
    for position in range(len(text) + 1):
        assert amounts._clause_start(text, position) == clause_start_by_the_rule(text, position)
    assert amounts._clause_start(text, len(text)) == text.index("Bitte")


NUMBER_FRAGMENTS = (
    "-", "−", "–", "—", " ", "  ", "EUR", "EUR ", "€", "Euro", "1.234,56", "12,-", "12,--", "1 234,56", "1,234.56",
    "89.90", "500", "0", "7", "\u0663", "\uff11", "#", ",", ".", "/", "x", "Nr.", "a", "\n", "\u00a0",
)
number_texts = st.lists(st.one_of(st.sampled_from(NUMBER_FRAGMENTS), st.text(max_size=3)), max_size=12).map("".join)


def spans(match: re.Match[str] | None) -> tuple[tuple[int, int], ...] | None:
    return None if match is None else tuple(match.span(group) for group in range(match.re.groups + 1))


@settings(derandomize=True, max_examples=3000, deadline=None)
@given(number_texts, st.data())
def test_the_next_number_is_the_one_a_search_from_the_position_finds(text: str, data: st.DataObject) -> None:
    for position in {0, data.draw(st.integers(0, len(text)))}:
        expected = numbers._NUMBER.search(text, position)
        assert spans(numbers._next_number(text, position)) == spans(expected), (text, position)


LABEL_FRAGMENTS = (
    "Kundennummer", "Kd.-Nr.", "kundenkonto", "Mitgliedsnummer", "Ratenkreditvertrag", "Vertragskonto", "Police",
    "Versicherungsschein-Nr.", "Darlehenskonto", "Kassenzeichen", "Beitragsnummer", "Customer  Account", "CLIENT ID",
    "Loan number", "Steuer-Nr.", "St.-Nr.", "Rechnungsnummer", "Beleg-Nr.", "Az.", "AKTENZEICHEN", "Ticketzeichen",
    "Zeichen", "Gz.", "Geschäftszeichen", "GESCHÄFTSZEICHEN", "Geschaeftszeichen", "Vorgangs-Nr.", "Referenz",
    "Fall-Nr.", "Ihr ", "Unser ", " ", ": ", "-", ".", "#", "4711", "\n", "\u00a0", "ı", "İ", "ſ", "\u212a", "K",
    "Ä", "ä", "ẞ", "ß", "Polıce", "Mıtglieds", "KUNDEN", "Kaſſenzeichen", "\u212aundennummer", "Gİro", "x", "_",
    "Mieterkonto", "Nutzungsvertrag", "Patienten-Nr.", "Vers.-Nr.", "Telefonnummer", "Ref.", "reference", "MIETER",
)
label_texts = st.lists(st.one_of(st.sampled_from(LABEL_FRAGMENTS), st.text(max_size=3)), max_size=10).map("".join)


def label_kinds_by_the_rule(text: str) -> set[str]:
    if not references._ANY_LABEL.anycase.search(text):
        return set()
    return {kind for (kind, _pattern), label in zip(references._ALL_LABELS, references._KIND_LABEL, strict=True)
            if label.anycase.search(text)}


@settings(derandomize=True, max_examples=3000, deadline=None)
@given(label_texts)
def test_label_kinds_in_the_lowered_line_are_the_case_insensitive_ones(text: str) -> None:
    assert references._label_kinds(text) == label_kinds_by_the_rule(text), text


@settings(derandomize=True, max_examples=2000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(("1", "0", "9", "\u0663", "\uff11", "²", " ", "a", "#")),
                          st.text(max_size=2)), max_size=8).map("".join))
def test_three_digits_is_three_ascii_digits(text: str) -> None:
    assert (references._THREE_DIGITS.search(text) is not None) == (sum(map(text.count, "0123456789")) >= 3), text


CASELESS = [(name, value) for module in (names, references) for name, value in vars(module).items()
            if isinstance(value, Caseless)]
CASELESS += [("_CLIENT_HINTS", hint) for hint in names._CLIENT_HINTS if isinstance(hint, Caseless)]
CASELESS += [("_KIND_LABEL", label) for label in references._KIND_LABEL]
HINT_FRAGMENTS = ("Mandantin", "MANDANT", "Unsere", "UNSERER", "für", "FÜR", "Betr.", "Sache", "ANFRAGE", "Auftrag",
                  "Für Unsere", "hat uns mit der", "VERTRETEN", "./.")
caseless_texts = st.lists(st.one_of(st.sampled_from((*LABEL_FRAGMENTS, *HINT_FRAGMENTS)), st.text(max_size=3)),
                          max_size=10).map("".join)


@settings(derandomize=True, max_examples=2000, deadline=None)
@given(caseless_texts)
def test_each_caseless_pattern_finds_in_the_lowered_line_what_it_finds_in_the_line(text: str) -> None:
    assert len(CASELESS) >= 10
    for name, pattern in CASELESS:
        found, expected = pattern.search(text, lowered(text)), pattern.anycase.search(text)
        assert (found and found.span()) == (expected and expected.span()), (name, text)


def plain_phrases(entries: Iterable[str], *, whole_words: bool = True) -> re.Pattern[str]:
    """`vocabulary.phrases` as it was: every alternative as written, a word start checked before them all."""
    folded = sorted({vocabulary._fold_pattern(entry) for entry in entries if entry.strip()}, key=len, reverse=True)
    body = "|".join(f"(?:{entry})" for entry in folded)
    return re.compile(rf"(?<!\w)(?:{body})" if whole_words else body)


def vocabulary_pairs() -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    """(name, pattern as built now, pattern as built before) for every phrase list of every vocabulary module,
    read from fresh copies of the modules (the loaded ones stay as they are)."""
    pairs: list[tuple[str, re.Pattern[str], re.Pattern[str]]] = []
    built = vocabulary.phrases

    def recording(entries: Iterable[str], *, whole_words: bool = True) -> re.Pattern[str]:
        entries = list(entries)
        pattern = built(entries, whole_words=whole_words)
        pairs.append((entries[0], pattern, plain_phrases(entries, whole_words=whole_words)))
        return pattern

    folder = Path(vocabulary.__file__).parent
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(vocabulary, "phrases", recording)
        for path in sorted(folder.glob("[!_]*.py")):
            spec = importlib.util.spec_from_file_location(f"fresh_vocabulary_{path.stem}", path)
            assert spec is not None and spec.loader is not None
            spec.loader.exec_module(importlib.util.module_from_spec(spec))
    return pairs


PAIRS = vocabulary_pairs()
VOCABULARY_WORDS = sorted({word for _name, _now, before in PAIRS for word in re.findall(r"[a-z]{2,}", before.pattern)})
SEPARATORS = (" ", "  ", "\n", ".", ",", "-", "_", "1", "x", "ä", "ß")
vocabulary_texts = st.lists(st.one_of(st.sampled_from(VOCABULARY_WORDS), st.sampled_from(SEPARATORS)),
                            max_size=12).map("".join)


def found(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], str]]:
    return [(match.span(), match.group(0)) for match in matches]


def test_phrase_lists_not_of_whole_words_are_led_by_a_first_character() -> None:
    assert len(PAIRS) > 80
    rewritten = [before.pattern for _name, now, before in PAIRS if now.pattern != before.pattern]
    assert len(rewritten) >= 15
    assert not any(pattern.startswith(r"(?<!\w)") for pattern in rewritten)


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(vocabulary_texts, st.integers(0, 12))
def test_each_phrase_list_finds_what_it_found_when_written_plainly(text: str, pos: int) -> None:
    for name, now, before in PAIRS:
        assert found(now.finditer(text, pos)) == found(before.finditer(text, pos)), (name, text)
        assert found(filter(None, [now.match(text, pos)])) == found(filter(None, [before.match(text, pos)])), name
        assert bool(now.fullmatch(text)) == bool(before.fullmatch(text)), (name, text)


# Phrase shapes the rewrite must leave as written or rewrite exactly: optional or repeated first characters, an
# alternation, `\b` before a non-word character, lookbehinds, a character class right after.
SHAPES = ("s?x", r"\bs?x", "(?<!a)b*c", r"\bx{2}y", "a|bc", r"\ba|bc", r"\b§x", r"\bx\w*", "(?<!ab)cd",
          "(?<!a)(?<!b)c", r"\bin summe\b", "§+ ?1", "c[d]", r"\bd\b", "(?:a|b)c", r"\b(?<!c)ab", "x(?=y)", "ab")


shape_texts = st.lists(st.one_of(st.sampled_from(("§x", "ab", "bc", "cd", "xy", "in summe", "in  summe", "§§ 1", "xxy",
                                                   " ", "\n", "_", "1")),
                                  st.text(alphabet="abcdxys§ _\n1", max_size=2)), max_size=6).map("".join)


@settings(derandomize=True, max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(SHAPES), min_size=1, max_size=4), st.booleans(), shape_texts, st.integers(0, 6))
@example([r"\b§x"], False, "a§x", 0)
@example([r"\bs?x"], False, "ax", 0)
@example(["(?<!a)b*c"], False, "ac", 0)
@example(["(?<!ab)cd"], False, "abcd", 0)
def test_phrases_of_every_shape_find_what_they_found_when_written_plainly(
        entries: list[str], whole_words: bool, text: str, pos: int) -> None:
    now, before = vocabulary.phrases(entries, whole_words=whole_words), plain_phrases(entries, whole_words=whole_words)
    assert found(now.finditer(text, pos)) == found(before.finditer(text, pos)), (now.pattern, text)
    assert bool(now.fullmatch(text)) == bool(before.fullmatch(text)), (now.pattern, text)
