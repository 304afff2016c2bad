"""extraction/numbers.py — where amounts stand in a line; invariant: dates, IBANs, phones, registers are no amounts.

The value of each amount found is read by services/money.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from app.services import money
from app.services.extraction.labels import classify

_MASK = "#"

# Noise spans; each is blanked out (same length) before any number is read.
NOISE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iban", re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b")),
    # "10.06." is a date, but not right after a currency ("EUR 10.00." ends an English sentence).
    ("date", re.compile(r"(?<!EUR )(?<!EUR)(?<!€ )(?<!€)"
                        r"(?<![\d,])\d{1,2}\.\s?\d{1,2}\.(?:\d{4}|\d{2}(?![\d,]))?(?!\d)")),
    ("date", re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\b")),
    ("date", re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}/\d{4}\b|\b\d{1,2}[–-]\d{1,2}/\d{4}\b")),
    ("time", re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")),
    (
        "phone",
        re.compile(
            r"(?:\b(?:tel(?:efon)?|fon|fax|telefax|mobil|handy|hotline|durchwahl|phone|ruf|servicenummer)"
            r"(?:[.-]?\s?nr)?\.?\s*:?\s*|(?<![\w,.])(?=\+\d))"
            r"(?:\+|\(|0)[\d ()/\-.+]{5,}\d",
            re.IGNORECASE,
        ),
    ),
    ("phone", re.compile(r"(?<![\w,.])0\d{2,5}(?:\s?/\s?|\s|-)\d{2,}(?:[ -]\d{1,5})*(?![\d,])")),
    ("register", re.compile(r"\b(?:HRB|HRA|GnR|VR|PR|GsR|RD)\s*\d[\d ]*(?:-\d+)?(?:\s?[A-Z]\b)?")),
    (
        "tax number",
        re.compile(
            r"(?:steuer-?nr\.?|steuernummer|st\.?-?nr\.?|ust\.?-?id\.?-?nr\.?|ust-?idnr\.?|ust-?id)\s*:?\s*"
            r"[A-Z]{0,2}[\d/ ]*\d",
            re.IGNORECASE,
        ),
    ),
    ("postcode", re.compile(r"(?<![\d,.])\d{5}(?=\s+[A-ZÄÖÜ][a-zäöüß])")),
    ("paragraph", re.compile(r"§+\s*\d+[a-z]?(?:\s*(?:abs\.?|satz|nr\.?)\s*\d+)*", re.IGNORECASE)),
    # "am 12. Oktober 2039": a day written with its month's name. Left in, its ordinal's dot ended the clause, so a
    # figure's own sentence ("189,00 Euro hat sie am 12. Oktober … bezahlt") lost the words after the date.
    ("date", re.compile(r"(?<![\d,.])\d{1,2}\.\s?(?:Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August"
                        r"|September|Oktober|November|Dezember|(?:Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sept?|Okt|Nov|Dez)\.)"
                        r"(?:\s\d{4}(?![\d,]))?")),
)

_DIGIT = re.compile(r"\d")
_NOT_SPACE = re.compile(r"\S")
# Lower case too, as typed on a phone ("655,00 eur"), but never the end of a word ("Monteur 45,00").
_CURRENCY = r"(?:EUR|Euro|EURO|Eur|€|(?<![A-Za-zÄÖÜäöüß])euro?)"
# An apostrophe (straight or typographic) groups thousands in Swiss notation: "1'248.70" is read whole, and no
# number is ever taken from beside an apostrophe between digits (its fragment "1" or "248.70" is no amount).
_NUMBER = re.compile(
    r"(?:(?<=EUR)|(?<![\w.,/#'’-]))(?P<sign>[-−–]\s?)?(?P<num>"
    r"\d{1,3}(?:\.\d{3})+(?:,(?:\d{2}|[-–—]{1,2}))?"
    r"|\d{1,3}(?:[ ]\d{3})+,(?:\d{2}|[-–—]{1,2})"
    r"|\d+,(?:\d{2}|[-–—]{1,2})"
    r"|(?P<en>\d{1,3}(?:,\d{3})+\.\d{2}|\d{1,3}(?:['’]\d{3})+(?:\.\d{2})?|\d{1,3}(?:[ ]\d{3})+\.\d{2}|\d+\.\d{2})"
    r"|\d+"
    r")(?![\d#])(?!,\d)(?!\.\d)(?!['’]\d)"
)
_EN_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+\.\d{2}")
_CURRENCY_AFTER = re.compile(rf"^\s?{_CURRENCY}(?![A-Za-z])")
_CURRENCY_BEFORE = re.compile(rf"{_CURRENCY}\s?[:|]?\s?$")  # "Saldo offen in EUR | 334,55": the cell before
# A column of figures right-aligned after its currency ("EUR    84.00" under "EUR 1,020.00"): a wider gap, read only
# for a figure with cents, which a count or a number in the next column is not.
_CURRENCY_BEFORE_ALIGNED = re.compile(rf"{_CURRENCY}\s{{2,8}}$")
_CENTS = re.compile(r"[.,]\d\d$")
# Another currency than the euro: its amounts are read (a reply may state its claim in it), yet a total in it can
# never replace the EUR amount on file unseen (extraction/__init__.py).
_FOREIGN = r"(?:CHF|SFr\.?|USD|US\$|GBP|£|\$|PLN|CZK|HUF|DKK|SEK|NOK)"
_FOREIGN_AFTER = re.compile(rf"^\s?{_FOREIGN}(?![A-Za-z])")
_FOREIGN_BEFORE = re.compile(rf"(?<![A-Za-z]){_FOREIGN}\s{{0,3}}:?\s?$")
_FOREIGN_AMOUNT = re.compile(rf"(?<![A-Za-z]){_FOREIGN}\s{{0,3}}:?\s?\d|\d\s?{_FOREIGN}(?![A-Za-z])")
_SPACE_GROUPED = re.compile(r"\d{1,3} (?P<rest>\d{3},\d\d)\b")
_GROUP_BLOCKERS = re.compile(r"(?:\b(?:nr|pos|posten|position|nummer|no|ziffer|zeile)\.?|[x×*])\s*$", re.IGNORECASE)
_PLAIN_CELL = re.compile(r"^\s*(?P<sign>-)?(?P<num>\d+(?:\.\d{1,2})?)\s*(?:€|EUR)?\s*$")


@dataclass(frozen=True)
class MoneyToken:
    """An amount-shaped number in a line: its span (within the line), value and form."""

    start: int
    end: int
    value: Decimal
    raw: str
    has_currency: bool
    has_cents: bool
    negative: bool


def noise_spans(text: str) -> tuple[tuple[str, int, int], ...]:
    """(kind, start, end) for every date, IBAN, phone/fax, register, tax number or postcode. Cached: a line's
    spans serve its amounts, its labels and its references (`forget_lines` clears them per email)."""
    if not _DIGIT.search(text):  # every noise pattern needs a digit; most lines have none
        return ()
    return _noise_spans(text)


# A shape (or several) every match of these patterns contains (in the pattern's own case rule): a line without it
# is not scanned for that pattern. Each shape starts with a literal or a character class, which the regex engine
# looks for with a fast scan; the patterns themselves start with a lookbehind or `\b` and are tried at every
# position. Indexes into NOISE_PATTERNS; the others are always scanned.
# tests/unit/extraction/test_precheck_agreement.py checks each against its pattern.
_NEEDS: dict[int, re.Pattern[str] | tuple[re.Pattern[str], ...]] = {
    0: re.compile(r"[A-Z][A-Z]\d\d"),  # an IBAN's country and check digits
    1: re.compile(r"\.\s?\d\d?\."),  # d.m. dates: the dot, the month and its dot
    2: re.compile(r"-\d\d-"),  # the month of an ISO date
    3: re.compile("/"),
    4: re.compile(r":\d\d"),  # the minutes
    # The number every phone match ends in; then, more narrowly, that number from its "+", or from its "(" or "0"
    # right after the last letter of a phone word ("tel", "telefon", "fax", …, "nr") and dots, colons, spaces.
    5: (re.compile(r"[+(0][\d ()/\-.+]{5,}\d"),
        re.compile(r"\+[\d ()/\-.+]{5,}\d|[LNXYEFRlnxyefr][.\s:]*[(0][\d ()/\-.+]{5,}\d")),
    6: re.compile(r"0\d\d"),  # a national number starts with 0 and an area code
    7: re.compile("R"),  # every register's abbreviation holds an R
    # the "t" of every tax-number word: "steuer…", or "st"/"ust" before "nr"/"id" (i also as ı, İ under IGNORECASE)
    8: re.compile(r"[Tt](?:[Ee][Uu][Ee][Rr]|\.?-?[NnIi\u0130\u0131])"),
    9: re.compile(r"\d\d\d\d\d\s+[A-ZÄÖÜ]"),  # a postcode before a capitalised place name
    10: re.compile("§"),
    11: re.compile(r"\d\.\s?[JFMASOND]"),  # a day's dot before its month's capital
}
_SCANS = tuple((kind, pattern, needs if isinstance(needs, tuple) else (needs,))
               for index, (kind, pattern) in enumerate(NOISE_PATTERNS)
               for needs in (_NEEDS.get(index, ()),))


@lru_cache(maxsize=4096)
def _noise_spans(text: str) -> tuple[tuple[str, int, int], ...]:
    spans: list[tuple[str, int, int]] = []
    for kind, pattern, needs in _SCANS:
        for need in needs:
            if need.search(text) is None:
                break
        else:
            spans.extend((kind, match.start(), match.end()) for match in pattern.finditer(text))
    return tuple(spans)


def forget_lines() -> None:
    """Drop the cached spans and masks of the previous email's lines (no other email has them)."""
    _noise_spans.cache_clear()
    mask_noise.cache_clear()


@lru_cache(maxsize=2048)
def mask_noise(text: str) -> str:
    """The same text with every noise span replaced by '#' (positions are kept). Cached because a line is
    masked once for its amounts and once for its labels (extraction/amounts.py clears it per email)."""
    spans = noise_spans(text)
    if not spans:
        return text
    chars = list(text)
    for _kind, start, end in spans:
        chars[start:end] = _NOT_SPACE.sub(_MASK, text[start:end])  # \s is str.isspace: spaces stay
    return "".join(chars)


def _blocks_space_grouping(text: str, start: int) -> bool:
    """"Pos. 1 250,00": a counter before; "Kupplungssatz 1 389,00 389,00": a quantity, its line's total (the price
    again) right after it."""
    if _GROUP_BLOCKERS.search(text[max(0, start - 12) : start]):
        return True
    grouped = _SPACE_GROUPED.match(text, start)
    return grouped is not None and text[grouped.end():].lstrip().startswith(grouped.group("rest"))


def _token(masked: str, match: re.Match[str]) -> MoneyToken | None:
    raw = match.group("num")
    english = match.group("en") is not None
    has_cents = "," in raw or (english and "." in raw)
    after = masked[match.end() :]
    before = masked[: match.start()]
    has_currency = bool(_CURRENCY_AFTER.match(after) or _CURRENCY_BEFORE.search(before)
                        or _FOREIGN_AFTER.match(after) or _FOREIGN_BEFORE.search(before)
                        or (_CENTS.search(raw) and _CURRENCY_BEFORE_ALIGNED.search(before)))
    # "HF 214.95", "Ges. 309.61", "HF 1.930": a clerk's figures without cents or with dot decimals, right after a
    # word for a part of a claim or its sum
    shaped = _DOT_THOUSANDS.fullmatch(raw) is not None or (english and _DOT_CENTS.fullmatch(raw) is not None)
    named = not has_currency and shaped and (_named_right_before(before) or _open_right_after(before, after))
    if not named and (not has_cents or (english and not _EN_GROUPED.fullmatch(raw))) and not has_currency:
        # Integers and "89.90"-style decimals count only beside a currency ("EUR 500", "89.90 EUR"); a figure with
        # comma thousands and decimal cents ("6,244.10", in a table headed "Amount (EUR)") is money as it stands.
        return None
    value = money.parse(raw)  # read only for a number that can count
    if value is None:
        return None
    negative = bool(match.group("sign"))
    return MoneyToken(
        start=match.start(),
        end=match.end(),
        value=-value if negative else value,
        raw=masked[match.start() : match.end()],
        has_currency=has_currency,
        has_cents=has_cents,
        negative=negative,
    )


_DOT_CENTS = re.compile(r"\d+\.\d\d")
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")  # "HF 1.930": whole euros grouped by a dot
# The words right before a figure, back to the previous figure or bracket or sign: only a label ("HF", "Zinsen",
# "Ges.:"), no word of a date ("vom", "am", "per") that would make "14.09" a day.
_LABEL_TAIL = re.compile(r"(?:^|[\d(),;+=/|])\s*([A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß.\- ]{0,24}?)\s*:?\s*$")
_DATE_WORD = re.compile(r"\b(?:vom|am|bis|ab|seit|per|zum|den|stand|datum|bis zum)\W*$", re.IGNORECASE)


# The word for what is owed right after the figure ("also noch 1200.00 offen"), as a writer on a phone puts it.
_OPEN_AFTER = re.compile(r"\s*(?:noch\s+)?(?:offen|ausstehend|rückständig|unbezahlt)\b", re.IGNORECASE)


def _open_right_after(before: str, after: str) -> bool:
    """The figure is called open right after it, and no word of a date stands before it ("seit 14.09 offen")."""
    return _OPEN_AFTER.match(after) is not None and not _DATE_WORD.search(before[-12:])


def _named_right_before(before: str) -> bool:
    """A word for a part of a claim or its sum stands right before the figure (`labels.classify`)."""
    tail = _LABEL_TAIL.search(before[-40:])
    if tail is None or _DATE_WORD.search(tail.group(1)):
        return False
    return classify(tail.group(1)).label in ("total", "balance", "principal", "interest", "costs")


def _next_number(masked: str, position: int) -> re.Match[str] | None:
    """`_NUMBER.search(masked, position)`, started where it can first match: at most a sign and a space before
    the next digit. The pattern begins with lookbehinds and would be tried at every position up to there."""
    digit = _DIGIT.search(masked, position)
    if digit is None:
        return None
    return _NUMBER.search(masked, max(position, digit.start() - 2))


def foreign_currency(text: str) -> str | None:
    """The first amount in `text` written in another currency than the euro ("CHF 512.85", "48,00 GBP"), or None."""
    match = _FOREIGN_AMOUNT.search(text)
    return match.group(0).strip() if match else None


# Euros and cents said as they are spoken, "212 Euro 64," (the cents end the phrase or "Cent" follows them): read as
# "212,64 Euro", which keeps every position on the line.
_EURO_THEN_CENTS = re.compile(r"(?<![\d.,])(?P<whole>\d{1,6}) (?P<cur>Euro|EUR) (?P<cents>\d\d)"
                              r"(?=\s*(?:[,;:)!?]|\.(?!\d)|$)| (?:Cent|ct)\b)")


def _cents_before_currency(match: re.Match[str]) -> str:
    return f"{match['whole']},{match['cents']} {match['cur']}"


def find_money(text: str) -> list[MoneyToken]:
    """Amount-shaped numbers in one line: with a decimal comma (or ",-") or next to a currency.
    Plain integers without a currency, one-decimal figures ("48213,4") and noise are skipped."""
    if not _DIGIT.search(text):  # every amount holds a digit; masking only ever takes digits away
        return []
    masked = mask_noise(text.replace("\u00a0", " ").replace("\u202f", " "))
    if " Euro " in masked or " EUR " in masked:  # (the spoken "212 Euro 64" is rare: most lines skip the pattern)
        masked = _EURO_THEN_CENTS.sub(_cents_before_currency, masked)
    tokens = []
    position = 0
    while (match := _next_number(masked, position)) is not None:
        raw = match.group("num")
        if " " in raw and _blocks_space_grouping(masked, match.start("num")):
            # "Pos. 1 250,00": the leading "1" is a counter, not a thousands group.
            group_start = match.start("num")
            first_group_end = group_start + raw.index(" ")
            masked = masked[:group_start] + _MASK * (first_group_end - group_start) + masked[first_group_end:]
            position = first_group_end
            continue
        token = _token(masked, match)
        if token is not None:
            tokens.append(token)
        position = match.end()
    return tokens


def parse_cell_number(cell: str) -> Decimal | None:
    """A spreadsheet cell holding a plain number ("398.5", "504.31", "-50"): its value to the cent."""
    match = _PLAIN_CELL.match(cell)
    if not match:
        return None
    value = money.parse(match.group("num"))
    if value is None:
        return None
    return -value if match.group("sign") else value
