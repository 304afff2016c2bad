"""Cheap prechecks in extraction must never change a result: wherever a precheck says "no match", the full
rule finds nothing either. Texts are built from the rules' own words and shapes (any case, with the characters
that fold onto ASCII under IGNORECASE such as "ſ" and the Kelvin sign) and random characters."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.services.extraction import amounts, intent, intent_cues, labels, names, numbers
from app.services.extraction.vocabulary import intent as vocab_intent
from app.services.extraction.vocabulary import labels as label_words
from app.services.extraction.vocabulary import spam
from app.services.textfold import fold

FRAGMENTS = (
    "Tel.", "Telefon:", "tel", "TEL", "Fon", "fax", "Telefax", "Mobil", "Handy", "Hotline", "Durchwahl", "Phone",
    "Ruf", "Servicenummer", "Fon-Nr.", "Tel.-Nr.:", "+49 30 1234567", "+43", "(030) 123 456", "0171-1234567",
    "030/123 45 67", "HRB 12345", "HRA 123 B", "GnR 4", "VR 77-1", "PR 3", "GsR 9", "RD 12", "hrb 1", "St.-Nr.",
    "Steuernummer", "USt-IdNr.", "ust-id", "DE123456789", "12/345/67890", "§ 286 Abs. 1", "§§ 280", "12.03.2024",
    "1.2.", "3. 4. 25", "2024-03-12", "2024-03-12T10:15", "12/03/2024", "03/2024", "1-3/2024", "10:15", "10:15:30",
    "DE89 3704 0044 0532 0130 00", "12345 Berlin", "80331 München", "EUR", "€", "1.234,56", "0,00", " ", "  ",
    ".", ",", ":", "-", "/", "+", "(", ")", "0", "R", "s", "t", "ſ", "K", "\u212a", "İ", "ı", "\u00a0", "\n",
    "ST.-NR", "USt.-Id.-Nr.", "UST-IDNR", "uſt-ıd", "Steuer-Nr.", "STEUER", "T", "I", "n", "id", "nr", "Nr",
    "+ 49 (0) 30", "Tel.:(0", "Fax: 0", "Phone", "0", "00", "1", "12", "Über", "Öd", " Ä", "52499 Übach",
    "\t", "DE", "AB12",
)
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=3)), max_size=12).map("".join)


def full_scan(text: str) -> tuple[tuple[str, int, int], ...]:
    """Every noise pattern over the whole text, no precheck."""
    return tuple((kind, match.start(), match.end()) for kind, pattern in numbers.NOISE_PATTERNS
                 for match in pattern.finditer(text))


@settings(derandomize=True, max_examples=3000, deadline=None)
@given(texts)
def test_a_noise_pattern_skipped_by_its_precheck_would_have_found_nothing(text: str) -> None:
    for index, needs in numbers._NEEDS.items():
        for need in needs if isinstance(needs, tuple) else (needs,):
            if need.search(text) is None:
                assert numbers.NOISE_PATTERNS[index][1].search(text) is None, (index, need.pattern, text)


@settings(derandomize=True, max_examples=3000, deadline=None)
@given(texts)
def test_noise_spans_with_prechecks_are_the_full_scans_spans(text: str) -> None:
    numbers.forget_lines()
    assert numbers.noise_spans(text) == full_scan(text)


def test_the_prechecks_let_every_shape_through() -> None:
    for line in ("Tel. 030 1234567", "Erreichbar unter +49 30 1234567", "HRB 12345", "am 12.03.2024",
                 "St.-Nr. 12/345/67890", "§ 286 Abs. 1 BGB", "10115 Berlin", "0171 1234567"):
        numbers.forget_lines()
        assert numbers.noise_spans(line) == full_scan(line) != ()


LABEL_PATTERNS = {name: getattr(label_words, name) for name in (
    "CLAIM_TOTAL", "TOTALIZER", "STRONG_TOTALIZER", "PRINCIPAL", "PRINCIPAL_WEAK", "INTEREST", "COSTS", "BALANCE",
    "INCLUSION")}


@settings(derandomize=True, max_examples=2000, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="abcdefghijklmnopqrstuvwxyz"), max_size=40))
def test_no_label_word_is_found_in_folded_text_without_an_ascii_letter(text: str) -> None:
    folded = fold(text)
    assume(re.search("[a-z]", folded) is None)
    for name, pattern in LABEL_PATTERNS.items():
        assert pattern.search(folded) is None, (name, text)
    verdict = labels.classify(text)
    assert verdict.label in ("other", "unlabelled")


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(("Gesamtforderung", "Summe", "insgesamt", "Kosten", "Zinsen", "Hauptforderung",
                                 "Rechnung", "Saldo", "offen", "inkl.", "Zinsen und Kosten", "gesamt", " ", ": ",
                                 "1.234,56", "€", "#", "–", "Äß", "ſ", "\u00a0", "zzgl.", "Nebenkosten", "x", ", ")),
                max_size=8).map("".join))
def test_a_label_is_the_first_telling_verdict_of_its_texts_each_classified_once(text: str) -> None:
    """_label classifies each distinct text once; its verdict is the one the texts give in their order."""
    pieces = [text, text[: len(text) // 2], "", text[len(text) // 2:]]
    for lead, clause, prefix, trail in itertools.permutations(pieces):
        verdict = amounts._label(lead, clause, prefix, trail, None)
        telling = [labels.classify(t) for t in (lead, clause, prefix)]
        expected = next((v for v in telling if v.label not in ("other", "unlabelled")), None)
        if expected is None:
            # words after the amount and before a clause's comma are its own; a new clause names something else
            head = re.split(r",\s", trail, maxsplit=1)[0]
            trailing = labels.classify(head if head != trail and labels.WORD.search(head) else trail)
            expected = trailing if trailing.label not in ("other", "unlabelled") else labels.classify(prefix)
        assert verdict == expected


@settings(derandomize=True, max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(("bezahlt", "ausgeglichen", "Forderung", "erledigt", ". ", "! ", "\n", "nicht ",
                                 "falls ", "Eingang", "Rate", "  ", "x")), max_size=20).map("".join),
       st.integers(min_value=0, max_value=4))
def test_hits_stops_at_its_limit_with_the_same_first_matches(text: str, limit: int) -> None:
    for pattern in (re.compile(r"\w+"), re.compile(r"bezahlt|erledigt"), re.compile(r"\s+")):
        assert intent_cues.hits(pattern, text, limit) == [
            " ".join(m.group(0).split()) for m in pattern.finditer(text)][:limit]


def test_cached_cues_hand_out_lists_a_caller_may_change() -> None:
    reply = fold("Es bestehen keine offenen Forderungen mehr. Vielen Dank. Die Forderung ist erloschen.")
    first, again = intent_cues.sentences(reply), intent_cues.settled_account(reply)
    assert again, "the example must hold a settled cue"
    first.clear()
    again.append("changed")
    assert len(intent_cues.sentences(reply)) == 3
    assert "changed" not in intent_cues.settled_account(reply)
    assert "changed" not in intent_cues.settled_any(reply)


NAME_FRAGMENTS = (
    "Ihre", "ihrer", "IHREN", "Mandantin", "mandanten", "MANDANT", "Herr", "Herrn", "Frau", "herrn", "frau",
    "Kunde", "Schuldnerin", "Mieter", "Kontoinhaber", ":", "|", " | ", ": ", "unsere", "Unserer", "UNSEREN",
    "Kundin", "Mitglied", "./.", " ./. ", "für", "FÜR", "Betr.", "betreffend", "Sache", "Angelegenheit",
    "Forderungsanfrage", "Anfrage", "Anna", "Maria", "Müller", "Schmidt-Weber", "Łukasz", "Öztürk", "Yıldırım",
    ", ", " ", "  ", "\n", ".", "/", "GmbH", "ſ", "\u212a", "İ", "Kd", "kdin", "SCHU", "Mitgl", "VN", "d",
)
# Each trigger of each client pattern, in its cases, before a name: the hints must let all of them through.
TRIGGERS = ("Ihre Mandantin", "ihrer Mandanten", "IHREM MANDANT", "Kunde:", "Schuldnerin |", "mieter:",
            "Kontoinhaberin:", "DEBITOR:", "Unsere Kundin", "unserem Mitglied", "UNSERER MIETERIN", "Bank ./.", "für",
            "FÜR", "Betreffend", "betr.", "Sache", "Angelegenheit", "Forderungsanfrage", "ANFRAGE", "Herr", "Frau",
            "Kd.", "KDIN.", "schu.", "Schuldn.", "Mitgl.", "VN.")


def with_names(trigger: str) -> list[str]:
    return [f"{trigger}{between}{name}" for between in (" ", " Herrn ", " frau ", "  ")
            for name in ("Anna Müller", "Müller, Anna", "Anna Maria Schmidt-Weber")]


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_each_client_trigger_passes_the_hint_of_every_pattern_it_matches(trigger: str) -> None:
    for text in with_names(trigger):
        for _confidence, pattern, hint in names._CLIENT_SCANS:
            if pattern.search(text):
                assert hint.search(text), (pattern.pattern[:40], text)
        if names._SURNAME_ONLY.search(text):
            assert names._SURNAME_HINT.search(text), text


@settings(derandomize=True, max_examples=3000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(NAME_FRAGMENTS), st.sampled_from(TRIGGERS).map(lambda t: with_names(t)[4]),
                          st.text(max_size=2)), max_size=10).map("".join))
def test_a_client_pattern_skipped_by_its_hint_would_have_found_nothing(text: str) -> None:
    for _confidence, pattern, hint in names._CLIENT_SCANS:
        if hint.search(text) is None:
            assert pattern.search(text) is None, (pattern.pattern[:40], text)
    if names._SURNAME_HINT.search(text) is None:
        assert names._SURNAME_ONLY.search(text) is None, text


def test_the_client_hints_let_every_pattern_through() -> None:
    lines = ("Ihre Mandantin Frau Anna Müller", "Schuldnerin: Maria Schmidt", "unsere Kundin Anna Müller",
             "Bank ./. Anna Müller", "Kd. Anna Müller", "betreffend Herrn Anna Müller",
             "Betreff: Anna Müller, geb. 01.02.1980", "Kundenkonto KK24-90177 (Anna Müller)",
             "Kundenkonto MÜLLER, ANNA", "Herr Max Müller")
    for (_confidence, pattern, hint), line in zip(names._CLIENT_SCANS, lines, strict=True):
        assert pattern.search(line) and hint.search(line), line


@settings(derandomize=True, max_examples=1000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.characters(categories=("Zs", "Cc", "Zl", "Zp"))),
                max_size=12).map("".join))
def test_masking_keeps_exactly_the_characters_str_isspace_keeps(text: str) -> None:
    numbers.forget_lines()
    masked = numbers.mask_noise(text)
    expected = list(text)
    for _kind, start, end in full_scan(text):
        expected[start:end] = [ch if ch.isspace() else "#" for ch in text[start:end]]
    assert masked == "".join(expected)


def test_the_mask_pattern_and_str_isspace_agree_on_every_code_point() -> None:
    differing = [code for code in range(0x110000)
                 if (numbers._NOT_SPACE.match(chr(code)) is None) != chr(code).isspace()]
    assert differing == []


@settings(derandomize=True, max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(("Newsletter", "Angebot", "Gewinnspiel", "Passwort", "Konto gesperrt", "Bestellung",
                                 "Ihre Bestellung", "abmelden", "Rabatt", "Forderung", " ", ". ", "\n", "x")),
                max_size=12).map("".join), st.booleans())
def test_the_no_case_rules_answer_as_their_full_scan_would(text: str, about_a_case: bool) -> None:
    mail = intent_cues.MailText.read(text, text, text, ("sender cue",))
    signals = intent.IntentSignals(has_positive_total=False, has_zero_total=False, total_is_fallback=False,
                                   instalment_amounts=0, has_reference=False, attachments_read=0,
                                   has_claim_amounts=False, amounts_in_reply=0, about_a_case=about_a_case)
    joined = "\n".join((mail.subject, mail.reply, mail.footer))
    assert intent._marketing(mail, signals) == intent._not_a_case(
        intent._quote("cue", intent_cues.hits(spam.MARKETING, joined)), signals)
    assert intent._phishing(mail, signals) == intent._not_a_case(
        [*mail.sender, *intent._quote("cue", intent_cues.hits(spam.PHISHING, mail.subject + "\n" + mail.reply))],
        signals)
    assert intent._own_purchase(mail, signals) == intent._not_a_case(
        intent._quote("cue", intent_cues.hits(spam.OWN_PURCHASE, mail.subject + "\n" + mail.reply)), signals)


SETTLED_WORDS = ("Die Forderung ist erloschen", "keine offenen Forderungen", "nicht", "falls", "wenn", "sofern",
                 "bezahlt", "ausgeglichen", "Zahlung erhalten", "lehnen wir ab", "Wir lehnen", "abgelehnt", "keine",
                 "Rate", ". ", "! ", "? ", "\n", " ", "Forderungen bestehen nicht", "paid in full", "x", "insoweit",
                 "Eine Forderung besteht nicht mehr", "mehr")


def _affirmed_in_full(pattern: re.Pattern[str], text: str, negation: re.Pattern[str],
                      limited: re.Pattern[str] | None = None) -> list[str]:
    found: list[str] = []
    for sentence in intent_cues.sentences(text):
        if vocab_intent.CONDITIONAL.search(sentence) or (limited is not None and limited.search(sentence)):
            continue
        for match in pattern.finditer(sentence):
            before = " ".join(sentence[:match.start()].split()[-3:])
            own = re.sub(r"\s*\bnicht(?: mehr)?$", "", match.group(0))  # "… besteht nicht mehr" says it, not undoes it
            if negation.search(before) or negation.search(own):
                continue
            found.append(" ".join(match.group(0).split()))
    return found[:3]


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(SETTLED_WORDS), max_size=16).map("".join))
def test_settled_and_refusal_cues_skip_the_condition_scan_without_changing_a_cue(text: str) -> None:
    reply = fold(text)
    account = _affirmed_in_full(vocab_intent.SETTLED_ACCOUNT, reply, vocab_intent.SETTLED_NEGATION,
                                vocab_intent.LIMITED_SCOPE)
    assert intent_cues.settled_account(reply) == account
    assert intent_cues.settled_any(reply) == (
        account + _affirmed_in_full(vocab_intent.SETTLED_PAYMENT, reply, vocab_intent.SETTLED_NEGATION))[:3]
    assert intent_cues.refusals(reply) == [
        " ".join(match.group(0).split()) for sentence in intent_cues.sentences(reply)
        if not vocab_intent.CONDITIONAL.search(sentence) for match in vocab_intent.REFUSAL.finditer(sentence)
        if not vocab_intent.REFUSAL_NEGATION.search(" ".join(sentence[:match.start()].split()[-3:]))][:3]
