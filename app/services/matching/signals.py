"""matching/signals.py — one scored piece of evidence per rule; every point given or taken has a reason."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from app.models import Inquiry
from app.services.matching import normalize
from app.services.matching.candidates import Candidates, EmailFacts, routing_groups

# Points towards "this is the client" (full at CLIENT_FULL) and "this is the creditor" (CREDITOR_FULL).
ROUTING = 35
FIRM_REFERENCE = 40
CREDITOR_REFERENCE_CLIENT = 40
CREDITOR_REFERENCE_CREDITOR = 50
NAME_EXACT = 30
NAME_CLOSE = 24
SURNAME_ONLY = 12
BIRTH_DATE = 20
SENDER_ADDRESS = 45
SENDER_DOMAIN = 35
CREDITOR_NAMED = 30
CONFLICT = -40
CREDITOR_CONFLICT = -50

NAME_EXACT_SCORE = 95.0
NAME_CLOSE_SCORE = 88.0
MIN_SURNAME_LENGTH = 4
_LETTERS = re.compile(r"^[a-z]*")


@dataclass(frozen=True)
class Signal:
    """One piece of evidence: its code, the points it gives (or takes), and why."""

    code: str
    client: int
    creditor: int
    why: str
    conflict: bool = False


class NameWindows:
    """The email's words cut into windows of 1–6 consecutive words, each size built once per email
    when a name first asks for it (most names need sizes 1–4), so every candidate's name is compared
    against the same strings (fuzzy, order-free). Each window is kept with its words sorted, so
    comparing it by plain `ratio` with sorted name words is rapidfuzz's `token_sort_ratio` without
    sorting the window again for every candidate."""

    MAX_SIZE = 6

    def __init__(self, words: tuple[str, ...]) -> None:
        self._words = words
        self._by_size: dict[int, list[str]] = {}
        self._by_sizes: dict[range, list[str]] = {}
        # Candidates share names (a client's several letters, namesakes found by the same words): each
        # (name, sizes) is compared against the windows once per email.
        self._best: dict[tuple[str, range], float] = {}

    def _of_size(self, size: int) -> list[str]:
        windows = self._by_size.get(size)
        if windows is None:
            if not 1 <= size <= self.MAX_SIZE:
                return []
            windows = self._by_size[size] = list(dict.fromkeys(self._windows(size)))
        return windows

    def _windows(self, size: int) -> Iterable[str]:
        """Every run of `size` consecutive words, its words sorted and joined by spaces, in text order. Built by
        zip and map (no Python frame per window): a long email has thousands."""
        words = self._words
        if size == 1:
            return words
        # The shifted copies are of unequal length on purpose: zip stops with the last full window.
        return map(" ".join, map(sorted, zip(*(words[offset:] for offset in range(size)), strict=False)))

    def best(self, tokens: list[str], sizes: range) -> float:
        """Best token-sort similarity (0–100) of `tokens` against windows of the given sizes."""
        name = " ".join(sorted(tokens))
        score = self._best.get((name, sizes))
        if score is None:
            score = self._best[name, sizes] = self._compare(name, sizes)
        return score

    def _compare(self, name: str, sizes: range) -> float:
        windows = self._by_sizes.get(sizes)
        if windows is None:
            windows = self._by_sizes[sizes] = [window for size in sizes for window in self._of_size(size)]
        found = process.extractOne(name, windows, scorer=fuzz.ratio)
        return float(found[1]) if found is not None else 0.0


def name_score(client: str, facts: EmailFacts, windows: NameWindows) -> tuple[float, bool]:
    """(similarity 0–100 of the client's full name to the email's best match, surname-only hit)."""
    tokens = normalize.name_tokens(client)
    if not tokens:
        return 0.0, False
    score = windows.best(tokens, range(max(1, len(tokens) - 1), min(6, len(tokens) + 1) + 1))
    if len(tokens) == 1:
        score = min(score, NAME_CLOSE_SCORE - 1)
    if facts.client_name:
        score = max(score, float(fuzz.token_sort_ratio(" ".join(tokens), " ".join(
            normalize.name_tokens(facts.client_name)))))
    surname = normalize.surname_tokens(client)
    surname_hit = (len("".join(surname)) >= MIN_SURNAME_LENGTH
                   and windows.best(surname, range(len(surname), len(surname) + 1)) >= NAME_EXACT_SCORE)
    return score, surname_hit


def _prefix(key: str) -> str:
    match = _LETTERS.match(key)
    return match.group() if match else ""


def _same_scheme(mentioned: str, own: str) -> bool:
    """A mentioned reference looks like one of ours: same letter prefix (or both purely numeric
    and of equal length)."""
    if _prefix(own):
        return _prefix(mentioned) == _prefix(own)
    return not _prefix(mentioned) and len(mentioned) == len(own)


def routing(inquiry: Inquiry, facts: EmailFacts, found: Candidates) -> Signal | None:
    if inquiry.routing_key in facts.routing_keys:
        return Signal("routing_id", ROUTING, 0, f"sent to the client's routing address (+{inquiry.routing_id})")
    if routing_groups(inquiry) in facts.routing_digits:
        return Signal("routing_id", ROUTING, 0,
                      f"sent to a routing address with the digits of the client's (+{inquiry.routing_id})")
    if found.known_routing_keys:
        return Signal("routing_id_other_client", CONFLICT, 0,
                      "sent to the routing address of another client", conflict=True)
    return None


def firm_reference(inquiry: Inquiry, facts: EmailFacts, found: Candidates) -> Signal | None:
    if inquiry.firm_reference_key in facts.reference_keys or inquiry.firm_reference_key in facts.firm_reference_keys:
        return Signal("firm_reference", FIRM_REFERENCE, 0, f"names the firm reference {inquiry.firm_reference}")
    mentioned = (facts.firm_reference_keys | found.known_firm_keys) - found.known_creditor_keys
    # The same Aktenzeichen written another way (a routing tag's "rqy617x28" for "RQ.Y 617/28") is no other one.
    own_groups = normalize.digit_groups(inquiry.firm_reference)
    others = [key for key in mentioned if _same_scheme(key, inquiry.firm_reference_key)
              and not (own_groups and normalize.digit_groups(key) == own_groups)]
    if others:
        return Signal("firm_reference_other", CONFLICT, 0,
                      f"names another firm reference ({', '.join(sorted(others)).upper()})", conflict=True)
    return None


def reference_named(inquiry: Inquiry, facts: EmailFacts) -> bool:
    """The mail names the inquiry's creditor reference: as on file, or its number under another label ("Kto. 230 566
    914" on file, "Girokonto 230 566 914" in the mail)."""
    return inquiry.creditor_reference_key in facts.reference_keys or bool(
        normalize.reference_keys(inquiry.creditor_reference) & facts.reference_keys)


def creditor_reference(inquiry: Inquiry, facts: EmailFacts, found: Candidates, named_at_creditor: frozenset[str],
                       named_in_subject: frozenset[str] = frozenset()) -> Signal | None:
    key = inquiry.creditor_reference_key
    if key and reference_named(inquiry, facts):
        if named_in_subject and key not in named_in_subject:
            # Both of a client's claims at this creditor named, the other one in the subject ("AW: … Ihr Zeichen
            # DF-5520417"): the subject says which letter the mail answers; this one is named in passing.
            return Signal("creditor_reference_other", 0, CREDITOR_CONFLICT,
                          "names this reference in passing; its subject names another inquiry's at this creditor",
                          conflict=True)
        return Signal("creditor_reference", CREDITOR_REFERENCE_CLIENT, CREDITOR_REFERENCE_CREDITOR,
                      f"names the creditor's reference {inquiry.creditor_reference}")
    if key and named_at_creditor - {key}:
        return Signal("creditor_reference_other", 0, CREDITOR_CONFLICT,
                      "names the reference of another inquiry at this creditor", conflict=True)
    return None


def sender(inquiry: Inquiry, facts: EmailFacts) -> Signal | None:
    if inquiry.creditor_email_key and facts.sender == inquiry.creditor_email_key:
        return Signal("sender_address", 0, SENDER_ADDRESS, "sent from the address the inquiry went to")
    domain = inquiry.creditor_domain
    if domain and facts.sender_domain == domain and not normalize.is_shared_domain(domain):
        return Signal("sender_domain", 0, SENDER_DOMAIN, f"sent from the creditor's domain {domain}")
    return None


def creditor_named(creditor: str, facts: EmailFacts) -> Signal | None:
    """The creditor's name in the text (as sender's signature, or an agency writing "im Auftrag
    unserer Mandantin X"), or the extractor's creditor/agent name close to it."""
    tokens = normalize.company_tokens(creditor)
    present = sum(token in facts.alnum_words for token in tokens)
    named = bool(tokens) and (present == len(tokens) or (len(tokens) > 3 and present >= 0.75 * len(tokens)))
    if not named and facts.creditor_name and tokens:
        written = " ".join(normalize.company_tokens(facts.creditor_name))
        named = fuzz.token_set_ratio(" ".join(tokens), written) >= NAME_CLOSE_SCORE
    if named:
        return Signal("creditor_name", 0, CREDITOR_NAMED, f"names the creditor {creditor}")
    return None


def client_name(score: float, surname_hit: bool, inquiry: Inquiry) -> Signal | None:
    if score >= NAME_EXACT_SCORE:
        return Signal("client_name", NAME_EXACT, 0, f"names the client {inquiry.client_name} ({score:.0f} %)")
    if score >= NAME_CLOSE_SCORE:
        return Signal("client_name_close", NAME_CLOSE, 0,
                      f"names a close spelling of {inquiry.client_name} ({score:.0f} %)")
    if surname_hit:
        return Signal("client_surname", SURNAME_ONLY, 0, "names the client's surname only")
    return None


def surname_from_the_creditor(found: Iterable[Signal]) -> Signal | None:
    """The client's surname and nothing else of the client's, written from the inquiry's creditor's own address or
    domain: a private landlord or a tradesman writes "Frau Kleinschmidt" and no reference. Worth as much again, so
    a human is shown the letter (the review threshold), never a match alone (score.py grants it only when one
    client of the creditor has that surname)."""
    found = list(found)
    about_the_client = {signal.code for signal in found if signal.client}
    if about_the_client == {"client_surname"} and {signal.code for signal in found} & {"sender_address",
                                                                                        "sender_domain"}:
        return Signal("client_surname_from_creditor", SURNAME_ONLY, 0,
                      "names the client's surname, writing from the creditor's own address")
    return None


# What the creditor side gains when the client's full name and the creditor's name are all a mail has: just
# enough, with the client's name (30 of 60), for the review threshold (0.5 × 36/45 = 0.4).
NAMES_ALONE = 6


def names_alone(found: Iterable[Signal]) -> Signal | None:
    """The client's full name and the creditor's name, and nothing else (no routing address, no reference, no
    sender the inquiry knows): a small creditor writing from a private address to the plain inbox ("Herrn Reinold
    Drögemöller … Sanitätshaus Püschel e.K."). Enough for a human to be shown the letter, never a match alone
    (score.py grants it only when one client of the candidates has both names)."""
    codes = {signal.code for signal in found}
    if codes == {"client_name", "creditor_name"}:
        return Signal("names_alone", 0, NAMES_ALONE, "names the client and the creditor, and nothing else")
    return None


def birth_date(inquiry: Inquiry, facts: EmailFacts) -> Signal | None:
    born = inquiry.client_birth_date
    if born is None:
        return None
    if born in facts.dates:
        return Signal("birth_date", BIRTH_DATE, 0, f"states the client's birth date {born:%d.%m.%Y}")
    if facts.birth_dates:
        return Signal("birth_date_other", CONFLICT, 0, "states a different birth date", conflict=True)
    return None
