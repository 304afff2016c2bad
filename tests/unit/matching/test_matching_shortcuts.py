"""The matcher's shortcuts read the same as the rules they stand for: the name windows built by zip and
remembered per email, the name search keys taken from each distinct word once, the rival check that tests the
name scores first, evidence remembered per client and creditor name, the letter choice that reads the reply's
plan topic and dates only for sibling letters. Each is compared with the rule written out plainly, on generated
inputs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from app.models import Inquiry
from app.services.extraction.plan_reply import speaks_of_plan
from app.services.matching import candidates, decide, normalize, score, signals
from app.services.matching.candidates import EmailFacts
from app.services.matching.letters import Reply, choose_letters, dates_named
from app.services.matching.score import Scored, client_identity, creditor_identity
from app.services.matching.signals import NameWindows, Signal

# Few distinct words, so that windows repeat and names hit them; noise words and short words included.
WORDS = st.sampled_from(["anna", "muller", "mueller", "schulz", "jana", "janna", "herr", "frau", "von", "konto",
                         "ab", "xy", "lorenzen", "lorentzen", "kathrin", "katrin", "peter", "und", "dr"])
EMAIL_WORDS = st.lists(WORDS, max_size=40).map(tuple)


def windows_as_written(words: tuple[str, ...], size: int) -> list[str]:
    """Every run of `size` words with its words sorted, each once, in text order; none outside 1–6."""
    if not 1 <= size <= NameWindows.MAX_SIZE:
        return []
    runs = [" ".join(sorted(words[start:start + size])) for start in range(len(words) - size + 1)]
    return list(dict.fromkeys(runs))


def best_as_written(words: tuple[str, ...], tokens: list[str], sizes: range) -> float:
    name = " ".join(sorted(tokens))
    scores = [fuzz.ratio(name, window) for size in sizes for window in windows_as_written(words, size)]
    return float(max(scores, default=0.0))


@settings(derandomize=True, max_examples=400, deadline=None)
@given(EMAIL_WORDS, st.lists(st.integers(min_value=0, max_value=7), max_size=10))
def test_windows_of_each_size_are_the_sorted_runs_of_words(words: tuple[str, ...], sizes: list[int]) -> None:
    windows = NameWindows(words)
    for size in sizes:  # in any order, each size more than once: built once, read again
        assert windows._of_size(size) == windows_as_written(words, size)


NAMES = st.lists(WORDS, min_size=1, max_size=4)
SIZES = st.builds(lambda low, width: range(low, low + width), st.integers(0, 6), st.integers(0, 4))


@settings(derandomize=True, max_examples=400, deadline=None)
@given(EMAIL_WORDS, st.lists(st.tuples(NAMES, SIZES), max_size=12))
def test_a_remembered_name_score_is_the_score_of_the_name_against_the_windows(
        words: tuple[str, ...], asked: list[tuple[list[str], range]]) -> None:
    windows = NameWindows(words)
    for tokens, sizes in asked + asked:  # every question twice: the second answer is the remembered one
        assert windows.best(tokens, sizes) == best_as_written(words, tokens, sizes)


def test_a_remembered_name_score_belongs_to_its_own_name_and_sizes() -> None:
    windows = NameWindows(("anna", "schulz", "zahlt"))
    assert windows.best(["anna", "schulz"], range(2, 3)) == 100.0
    assert windows.best(["schulz", "anna"], range(2, 3)) == 100.0  # the name's words in any order
    assert windows.best(["anna", "schulz"], range(3, 4)) < 100.0
    assert windows.best(["anna", "schulze"], range(2, 3)) < 100.0


def search_keys_as_written(words: tuple[str, ...]) -> tuple[list[str], list[str]]:
    tokens = {word for word in words if len(word) >= candidates.MIN_TOKEN and word not in normalize.NAME_NOISE}
    sounds = {normalize.sound(word) for word in tokens if len(word) >= candidates.MIN_SOUND_WORD}
    return (sorted(tokens)[:candidates.MAX_NAME_KEYS],
            sorted(code for code in sounds if len(code) >= candidates.MIN_SOUND)[:candidates.MAX_NAME_KEYS])


@settings(derandomize=True, max_examples=400, deadline=None)
@given(st.lists(st.one_of(WORDS, st.text(alphabet="abcehknrsz", max_size=7)), max_size=60).map(tuple))
def test_name_search_keys_are_read_off_the_distinct_words(words: tuple[str, ...]) -> None:
    assert candidates.name_search_keys(words) == search_keys_as_written(words)


def name_rival_as_written(best: Scored, others: list[Scored]) -> Scored | None:
    """The rule in its own order: same client skipped, other creditor skipped, then the name scores."""
    best_born = any(signal.code == "birth_date" for signal in best.signals)
    for other in others:
        if client_identity(other.inquiry) == client_identity(best.inquiry):
            continue
        if creditor_identity(other.inquiry) != creditor_identity(best.inquiry):
            continue
        if other.name_score < decide.RIVAL_NAME_SCORE or best.name_score - other.name_score >= decide.NAME_MARGIN:
            continue
        rival_born = any(signal.code == "birth_date" for signal in other.signals)
        if best_born and not rival_born and other.inquiry.client_birth_date is not None:
            continue
        return other
    return None


def _scored(number: int, client: str, creditor: str, domain: str | None, born: bool, name_score: float,
            born_signal: bool) -> Scored:
    inquiry = Inquiry(id=number, external_id=f"INQ-{number}", client_name=client, client_name_key=client.lower(),
                      firm_reference_key=client[:2].lower(), creditor_name=creditor, creditor_domain=domain,
                      client_birth_date=date(1980, 1, 1) if born else None)
    signals = (Signal("birth_date", 20, 0, "states the birth date"),) if born_signal else ()
    return Scored(inquiry, signals, 0, 0, 0.5, name_score)


SCORED = st.builds(_scored, st.integers(1, 10_000), st.sampled_from(["Anna Schulz", "Jana Schulz", "Anna Schulz"]),
                   st.sampled_from(["Nordbank AG", "Lindgruen GmbH"]),
                   st.sampled_from([None, "gmx.de", "nordbank.example"]), st.booleans(),
                   st.sampled_from([0.0, 80.0, 84.9, 85.0, 86.0, 88.0, 89.0, 90.0, 100.0]), st.booleans())


@settings(derandomize=True, max_examples=600, deadline=None)
@given(SCORED, st.lists(SCORED, max_size=8))
def test_the_name_rival_is_the_rule_as_written(best: Scored, others: list[Scored]) -> None:
    assert decide.name_rival(best, others) is name_rival_as_written(best, others)


CLIENTS = st.sampled_from(["Anna Schulz", "Janna Schulz", "Schulz, Anna", "Peter Mueller", "Kathrin Lorenzen",
                           "Katrin Lorentzen", "Herr Dr. Konto", "X", ""])
CREDITORS = st.sampled_from(["Nordbank AG", "Konto Schulz GmbH", "Lorenzen Versand GmbH & Co. KG", "GmbH", ""])


def _facts(words: tuple[str, ...], client: str | None, creditor: str | None) -> EmailFacts:
    return EmailFacts(sender="", sender_domain="", routing_keys=frozenset(), reference_keys=frozenset(),
                      firm_reference_keys=frozenset(), words=words, alnum_words=frozenset(words), dates=frozenset(),
                      birth_dates=frozenset(), client_name=client, creditor_name=creditor)


FACTS = st.builds(_facts, EMAIL_WORDS, st.one_of(st.none(), CLIENTS), st.one_of(st.none(), CREDITORS))


@settings(derandomize=True, max_examples=300, deadline=None)
@given(FACTS, st.lists(st.tuples(CLIENTS, CREDITORS), max_size=12))
def test_evidence_remembered_by_name_is_the_evidence_worked_out_afresh(
        facts: EmailFacts, candidates_named: list[tuple[str, str]]) -> None:
    by_name = score._ByName(facts)
    for client, creditor in candidates_named + candidates_named:
        assert by_name.client(client) == signals.name_score(client, facts, NameWindows(facts.words))
        assert by_name.creditor(creditor) == signals.creditor_named(creditor, facts)


def choose_letters_as_written(ranked: list[Scored], about_plan: bool, received_at: datetime | None,
                              dates: frozenset[date]) -> list[Scored]:
    """The letter choice with the plan topic and the named dates read up front, for every reply."""
    def sent(scored: Scored) -> tuple[bool, datetime]:
        at = scored.inquiry.sent_at
        if at is None:
            return (True, datetime.min)
        arrived = received_at.replace(tzinfo=None) if received_at is not None else None
        return (arrived is None or at.replace(tzinfo=None) <= arrived, at.replace(tzinfo=None))

    groups: dict[tuple[str, str], list[Scored]] = {}
    for scored in ranked:
        groups.setdefault((client_identity(scored.inquiry), creditor_identity(scored.inquiry)), []).append(scored)
    chosen = []
    claims: list[list[Scored]] = []
    for pair in groups.values():
        keys = {s.inquiry.creditor_reference_key for s in pair if s.inquiry.creditor_reference_key}
        if len(keys) < 2:  # one claim's letters
            claims.append(pair)
            continue
        by_reference: dict[str, list[Scored]] = {}
        for s in pair:  # two claims at one creditor: each claim's letters on their own
            by_reference.setdefault(s.inquiry.creditor_reference_key or "", []).append(s)
        claims.extend(by_reference.values())
    for siblings in claims:
        best = siblings[0]
        eligible = [s for s in siblings if sent(s)[0]] or list(siblings)
        dated = [s for s in eligible if s.inquiry.sent_at is not None and s.inquiry.sent_at.date() in dates]
        if len(dated) == 1:
            letter = dated[0]
        else:
            plans = [s for s in eligible if s.inquiry.letter_type == "plan"]
            letter = max(plans if about_plan and plans else eligible, key=lambda s: (sent(s)[1], s.confidence))
        chosen.append(best if letter is best else replace(best, inquiry=letter.inquiry))
    return sorted(chosen, key=lambda s: (-s.confidence, -(s.client_points + s.creditor_points), s.inquiry.id))


SENT = st.sampled_from([None, datetime(2026, 9, 1, 10), datetime(2026, 10, 2, 9), datetime(2026, 11, 2, 8)])


def _letter(number: int, client: str, creditor: str, sent_at: datetime | None, plan: bool,
            confidence: float, reference: str | None = None) -> Scored:
    inquiry = Inquiry(id=number, external_id=f"INQ-{number}", client_name=client, client_name_key=client.lower(),
                      firm_reference_key=client[:2].lower(), creditor_name=creditor, creditor_domain=None,
                      sent_at=sent_at, letter_type="plan" if plan else "inquiry", creditor_reference_key=reference)
    return Scored(inquiry, (), 30, 30, confidence, 90.0)


LETTERS = st.lists(st.builds(_letter, st.integers(1, 10_000), st.sampled_from(["Anna Schulz", "Jana Schulz"]),
                             st.sampled_from(["Nordbank AG", "Lindgruen GmbH"]), SENT, st.booleans(),
                             st.sampled_from([0.4, 0.5, 0.9]), st.sampled_from([None, "kto4401", "darl5520"])),
                   max_size=7, unique_by=lambda s: s.inquiry.id)
TEXTS = st.lists(st.sampled_from(["Ihr Schreiben vom 02.11.2026", "vom 2.10.2026", "am 01.09.2026", "Forderung",
                                  "zum Schuldenbereinigungsplan", "Vergleichsangebot", "31.02.2026", " "]),
                 max_size=4).map(" ".join)


@settings(derandomize=True, max_examples=600, deadline=None)
@given(LETTERS, st.one_of(st.none(), TEXTS), TEXTS, st.one_of(st.none(), SENT))
def test_letters_chosen_with_the_reply_read_on_demand_are_the_letters_chosen_as_written(
        ranked: list[Scored], subject: str | None, body: str, received_at: datetime | None) -> None:
    eager = choose_letters_as_written(ranked, speaks_of_plan(subject, body), received_at, dates_named(subject, body))
    assert choose_letters(ranked, Reply(subject, body, received_at)) == eager


def test_a_reply_without_sibling_letters_is_not_read_for_the_plan_or_dates() -> None:
    reply = Reply("Schuldenbereinigungsplan", "Ihr Schreiben vom 02.11.2026", None)
    ranked = [_letter(1, "Anna Schulz", "Nordbank AG", None, False, 0.9),
              _letter(2, "Jana Schulz", "Nordbank AG", None, True, 0.5)]
    assert choose_letters(ranked, reply) == ranked
    assert "about_plan" not in vars(reply) and "dates" not in vars(reply)
