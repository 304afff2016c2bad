"""matching/normalize.py — search-key folding; inquiries are stored and emails searched with the same keys."""

from __future__ import annotations

import re
from collections.abc import Iterable
from email.utils import parseaddr
from functools import lru_cache

from app.services.textfold import fold

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"[a-z]+")
_PART = re.compile(r"[A-Za-z0-9]+")
# Letter/digit groups joined by one separator that may sit inside one written reference: "4401 882 310",
# "214/5561/0873", "OB-771923-44".
_RUN = re.compile(r"[A-Za-z0-9]+(?:[ \-/._\u00a0][A-Za-z0-9]+)*")
_DIGIT = re.compile(r"[0-9]")
_PLUS_TAG = re.compile(r"^[^@+]+\+([^@]+)@")

# Words around a person's name that are not part of it.
NAME_NOISE = frozenset({"herr", "herrn", "frau", "dr", "prof", "med", "dipl", "ing", "von", "und"})
# Legal forms and filler that do not tell one creditor from another.
COMPANY_NOISE = frozenset({
    "gmbh", "mbh", "ag", "kg", "kgaa", "eg", "ev", "se", "ug", "ohg", "gbr", "co", "und", "the",
    "haftungsbeschraenkt", "aktiengesellschaft", "gesellschaft", "e", "v", "mit", "beschraenkter",
    "haftung", "inc", "ltd", "plc", "sa", "bv", "nv",
})
# Public mailbox providers: a shared domain says nothing about which creditor wrote.
SHARED_MAIL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "web.de", "t-online.de",
    "outlook.com", "outlook.de", "hotmail.com", "hotmail.de", "live.com", "live.de", "yahoo.com",
    "yahoo.de", "icloud.com", "me.com", "aol.com", "aol.de", "freenet.de", "posteo.de", "mailbox.org",
    "mail.de", "arcor.de", "online.de", "email.de", "proton.me", "protonmail.com",
})
MIN_REFERENCE_KEY = 5
MAX_REFERENCE_KEY = 40
MAX_REFERENCE_PARTS = 6
# The matcher folds the same client and creditor names for every email: remembered per process.
_NAMES_REMEMBERED = 8192


def reference_key(value: str | None) -> str:
    """A reference without case, spaces or punctuation: "4401 882 310" → "4401882310"."""
    return _NOT_ALNUM.sub("", fold(value or ""))


# A label written in front of a creditor's reference on file ("Rg. 2027-118", "Kd.-Nr. 4471", "Vertrag 88-1"): a
# reply may write the number under another label ("Rechnung Nr. 2027-118") or none.
_REFERENCE_LABEL = re.compile(
    r"^\s*(?:rg|re|rech|rechnung|rechnungs-?(?:nr|nummer)|nr|no|kd|kunden-?(?:nr|nummer)?|vertrag|"
    r"vertrags-?(?:nr|nummer)|konto|konto-?(?:nr|nummer)|az|ref|referenz|inv|invoice|"
    # the kind of account or contract ("Kto. 120 455 803", "Darl. 33 071 552", "KK-Konto 8810 2294")
    r"kto|darl|darlehen|darlehens-?(?:nr|nummer|konto)|kredit-?(?:nr|nummer|konto)?|kk-?konto|kreditkarten-?konto|"
    r"giro-?konto|kunden-?konto|vertrags-?konto|miet-?konto|beitrags-?konto|police|policen-?(?:nr|nummer)|"
    r"versicherungs-?(?:nr|nummer|schein)|mitglieds-?(?:nr|nummer))\b\.?"
    r"(?:\s*-?\s*(?:nr|no)\b\.?)?[\s:#.-]*", re.IGNORECASE)


def reference_keys(value: str | None) -> frozenset[str]:
    """The reference's key, and where a label stands in front of it, the key of the number alone (when that
    still holds a digit and MIN_REFERENCE_KEY characters)."""
    key = reference_key(value)
    if not key:
        return frozenset()
    label = _REFERENCE_LABEL.match(value or "")
    bare = reference_key((value or "")[label.end():]) if label and label.end() else ""
    if len(bare) >= MIN_REFERENCE_KEY and any(char.isdigit() for char in bare):
        return frozenset({key, bare})
    return frozenset({key})


def name_tokens(name: str) -> list[str]:
    """The words of a person's name in "first … last" order, folded: "OSTENDORF-KRUEGER, MARLENE"
    and "Marlene Ostendorf-Krüger" both give ["marlene", "ostendorf", "krueger"]."""
    return list(_name_tokens(name))


@lru_cache(maxsize=_NAMES_REMEMBERED)
def _name_tokens(name: str) -> tuple[str, ...]:
    if "," in name:
        last, _, first = name.partition(",")
        name = f"{first} {last}"
    return tuple(word for word in _WORD.findall(fold(name)) if len(word) > 1 and word not in NAME_NOISE)


def surname_tokens(name: str) -> list[str]:
    """The words of the surname: the last written word (hyphenated parts included), or what
    precedes the comma in "Nachname, Vorname"."""
    return list(_surname_tokens(name))


@lru_cache(maxsize=_NAMES_REMEMBERED)
def _surname_tokens(name: str) -> tuple[str, ...]:
    last = name.partition(",")[0] if "," in name else (name.split() or [""])[-1]
    return tuple(word for word in _WORD.findall(fold(last)) if len(word) > 1 and word not in NAME_NOISE)


def name_key(name: str) -> str:
    """Order-free key of a full name: its folded words, sorted and joined by spaces."""
    return " ".join(sorted(name_tokens(name)))


def company_tokens(name: str) -> list[str]:
    """The distinctive words of a company name: "Kaufhaus Lindgrün Versand GmbH" →
    ["kaufhaus", "lindgruen", "versand"]."""
    return list(_company_tokens(name))


@lru_cache(maxsize=_NAMES_REMEMBERED)
def _company_tokens(name: str) -> tuple[str, ...]:
    return tuple(word for word in _NOT_ALNUM.split(fold(name)) if len(word) > 1 and word not in COMPANY_NOISE)


def folded_words(folded: str) -> list[str]:
    """Every alphabetic word (two letters or more) of a text already folded, in order."""
    return [word for word in _WORD.findall(folded) if len(word) > 1]


def alnum_words(folded: str) -> list[str]:
    """The letter/digit groups of a folded text (empty strings where it starts or ends with another character)."""
    return _NOT_ALNUM.split(folded)


def email_address(value: str | None) -> str:
    """The bare, lower-cased address of "Name <addr>" or "addr"."""
    return _bare_address(value or "")


@lru_cache(maxsize=_NAMES_REMEMBERED)
def _bare_address(value: str) -> str:
    """Remembered: the same senders and recipients come back email after email, and parsing one costs more
    than all of an email's other envelope work."""
    return parseaddr(value)[1].strip().lower()


def email_domain(value: str | None) -> str:
    return email_address(value).rpartition("@")[2]


def is_shared_domain(domain: str) -> bool:
    return domain in SHARED_MAIL_DOMAINS


def routing_keys(addresses: Iterable[str]) -> list[str]:
    """Reference keys of the plus tags in the recipients: "glaeubiger+BS-2026-0117@…" → "bs20260117"."""
    keys: list[str] = []
    for address in addresses:
        match = _PLUS_TAG.match(email_address(address))
        if match and (key := reference_key(match.group(1))):
            keys.append(key)
    return keys


# A routing tag is compared by its groups of digits alone when they hold at least this many digits: "+az272-27" is
# "272/27-OQ", "+27-m731" is "QA/M-731/27" (the groups in any order).
MIN_ROUTING_DIGITS = 4
_DIGIT_GROUP = re.compile(r"\d+")


def digit_groups(value: str | None) -> str | None:
    """The groups of digits of a written reference, sorted and joined ("QA/M-731/27" → "27-731"), or None when
    they hold fewer than MIN_ROUTING_DIGITS digits."""
    groups = _DIGIT_GROUP.findall(value or "")
    return "-".join(sorted(groups)) if sum(map(len, groups)) >= MIN_ROUTING_DIGITS else None


def routing_digit_groups(addresses: Iterable[str]) -> frozenset[str]:
    """The digit groups of the plus tags in the recipients (see digit_groups)."""
    found: set[str] = set()
    for address in addresses:
        match = _PLUS_TAG.match(email_address(address))
        if match and (groups := digit_groups(match.group(1))):
            found.add(groups)
    return frozenset(found)


def reference_windows(text: str) -> set[str]:
    """Every key a written reference in `text` could have: runs of letter/digit groups joined by
    one separator, cut into windows of consecutive groups that hold a digit. "Konto 4401 882 310"
    yields "4401882310" (and harmless neighbours such as "882310")."""
    keys: set[str] = set()
    for run in _RUN.findall(text):
        if _DIGIT.search(run):  # a run without a digit has no window with one (most runs are words)
            _collect_windows(_PART.findall(run.lower()), keys)  # the groups are ASCII: lower() is their fold
    return keys


def _collect_windows(parts: list[str], keys: set[str]) -> None:
    digits = [not part.isalpha() for part in parts]  # a group (a-z0-9) holds a digit iff it is not all letters
    for start in range(len(parts)):
        joined = ""
        has_digit = False
        for offset, part in enumerate(parts[start:start + MAX_REFERENCE_PARTS]):
            joined += part
            has_digit = has_digit or digits[start + offset]
            if len(joined) > MAX_REFERENCE_KEY:
                break
            if has_digit and len(joined) >= MIN_REFERENCE_KEY:
                keys.add(joined)


# Kölner Phonetik: German sound codes, so that "Lorenzen" and "Lorentzen" share a key.
_CODES = {
    **dict.fromkeys("aeijouy", "0"), "b": "1", **dict.fromkeys("fvw", "3"), **dict.fromkeys("gkq", "4"),
    "l": "5", **dict.fromkeys("mn", "6"), "r": "7", **dict.fromkeys("sz", "8"),
}


@lru_cache(maxsize=65536)
def sound(word: str) -> str:
    """The Kölner Phonetik code of one folded word (letters a–z only); remembered, as the same words
    come back in every email."""
    letters = [ch for ch in word if "a" <= ch <= "z"]
    digits: list[str] = []
    for index, letter in enumerate(letters):
        before = letters[index - 1] if index else ""
        after = letters[index + 1] if index + 1 < len(letters) else ""
        digits.append(_sound_of(letter, before, after, index == 0))
    collapsed: list[str] = []
    for code in "".join(digits):
        if not collapsed or collapsed[-1] != code:
            collapsed.append(code)
    if not collapsed:
        return ""
    return collapsed[0] + "".join(code for code in collapsed[1:] if code != "0")


def _sound_of(letter: str, before: str, after: str, first: bool) -> str:
    if letter == "h":
        return ""
    if letter == "p":
        return "3" if after == "h" else "1"
    if letter in "dt":
        return "8" if after in ("c", "s", "z") and after else "2"
    if letter == "x":
        return "8" if before in ("c", "k", "q") and before else "48"
    if letter == "c":
        if first:
            return "4" if after in "ahkloqrux" and after else "8"
        if before in ("s", "z") and before:
            return "8"
        return "4" if after in "ahkoqux" and after else "8"
    return _CODES.get(letter, "")
