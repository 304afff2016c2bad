"""extraction/plan_figures.py — the figures a plan reply names (quota %, months, a rate, a lump sum, in digits
or in words); invariant: each figure says whether it is the plan's own figure named to be replaced (`old`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from app.services import money
from app.services.extraction.numbers import MoneyToken, find_money
from app.services.extraction.plan_sentences import clause_span, words_before
from app.services.extraction.result import CounterFigure
from app.services.extraction.vocabulary import plan as words
from app.services.extraction.vocabulary.amounts import THRESHOLD_TRAIL
from app.services.textfold import fold

_PERCENT = re.compile(r"(?<![\d,.])(\d{1,3}(?:[.,]\d{1,3})?)\s?(?:%|Prozent\b|percent\b|per cent\b|v\.\s?H\.)",
                      re.IGNORECASE)
_MONTHS = re.compile(r"(?<![\d,.])(\d{1,3})\s?(?:Monate\w*|Monatsrate\w*|Monatsbeträge\w*|months?\b|monthly"
                     r" instal\w*|Raten\b)", re.IGNORECASE)
_MONTHS_INSTEAD = re.compile(
    r"(?<![\d,.])(\d{1,3})\s+(?:statt|anstatt|anstelle von)\s+\d{1,3}\s?(?:Monate\w*|months?\b)", re.IGNORECASE)
_YEARS = re.compile(r"(?<![\d,.])(\d{1,2})\s?(?:Jahre\w*|years?\b)", re.IGNORECASE)
_TERM = re.compile(r"laufzeit|term\b|duration|ueber|über|over|innerhalb|within", re.IGNORECASE)
_CURRENCY_WORD = re.compile(r"(?:eur|euro|€)[.,;]?")
_PERCENT_IN_WORDS = re.compile(r"(?<![\w-])((?:[A-Za-zÄÖÜäöüß]+[- ])?[A-Za-zÄÖÜäöüß]+(?: and a half)?)\s+"
                               r"(?:Prozent\b|percent\b|per cent\b)", re.IGNORECASE)
_NUMBER_WORD = r"((?:[A-Za-zÄÖÜäöüß]+[- ])?[A-Za-zÄÖÜäöüß]+(?: and a half)?)"
_MONTHS_IN_WORDS = re.compile(rf"(?<![\w-]){_NUMBER_WORD}\s+(?:Monate\w*|Monatsrate\w*|Monatsbeträge\w*|months?\b"
                              r"|monthly instal\w*)", re.IGNORECASE)
_MONEY_IN_WORDS = re.compile(rf"(?<![\w-]){_NUMBER_WORD}\s+(?:Euro\b|EUR\b|€)", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """One figure in a sentence; `named` when a word says what it is (a rate, a lump sum, %, months)."""

    kind: CounterFigure
    value: Decimal
    text: str
    old: bool
    named: bool = True


# How many words before an amount may name its kind ("die monatliche Zahlung an uns beträgt mindestens 3,00 €").
# ("die monatliche Rate bei unveränderter Laufzeit von 48 Monaten auf 20,00 € angehoben")
_KIND_REACH = 9


def _money_kind(text: str, start: int, end: int) -> tuple[CounterFigure, bool]:
    """What an amount offers and whether a word names it: a monthly rate, else a total. In a table row ("Monatsrate
    auf unsere Forderung | 21,11 € | 27,32 €") the row's first cell names every figure in it."""
    before = words_before(text, start, _KIND_REACH)
    if "|" in text[:start]:
        before = f"{fold(text[:start].split('|', 1)[0])} {before}"
    following = fold(text[end:]).split()
    if following and _CURRENCY_WORD.fullmatch(following[0]):  # "5 Euro im Monat": the unit is not what it offers
        following = following[1:]
    after = " ".join(following[:2])
    lump = words.LUMP_WORDS.search(before)
    rate = words.RATE_WORDS.search(before) or words.RATE_WORDS.search(after)
    if rate and not (lump and lump.start() > rate.start()):
        return "monthly_rate", True
    return "offer_amount", lump is not None


def _below_hundred(word: str) -> int | None:
    single = {**words.NUMBER_UNITS, **words.NUMBER_TEENS, **words.NUMBER_TENS}
    if word in single:
        return single[word]
    unit, joined, tens = word.rpartition("und")
    if joined and unit in words.NUMBER_UNITS and tens in words.NUMBER_TENS:  # "fünfundzwanzig"
        return words.NUMBER_UNITS[unit] + words.NUMBER_TENS[tens]
    tens, _, unit = word.replace("-", " ").partition(" ")  # "twenty-five"
    if tens in words.NUMBER_TENS and unit in words.NUMBER_UNITS:
        return words.NUMBER_TENS[tens] + words.NUMBER_UNITS[unit]
    return None


def _below_thousand(word: str) -> int | None:
    head, hundred, rest = word.partition("hundert")
    if not hundred:
        return _below_hundred(word)
    count = words.NUMBER_UNITS.get(head) if head else 1
    rest = rest.removeprefix("und")  # "dreihundertundzwanzig"
    below = _below_hundred(rest) if rest else 0
    return None if count is None or below is None else count * 100 + below


def number_in_words(text: str) -> Decimal | None:
    """A number below a million written as one word ("zwanzig", "fünfundzwanzig", "zweihundertfünfzig",
    "eintausendzweihundert", "twenty-five", "zwölfeinhalb"), else None."""
    word = fold(text).strip()
    half = next((end for end in words.NUMBER_HALF if word.endswith(end) and word != end), None)
    if half:
        word = word[:-len(half)].strip()
    if word in ("eine", "ein", "eins", "one"):  # an article more often than a figure
        return None
    head, thousand, rest = word.partition("tausend")
    if thousand:
        count = _below_thousand(head) if head else 1
        below = _below_thousand(rest) if rest else 0
        value = None if count is None or below is None else count * 1000 + below
    else:
        value = _below_thousand(word)
    if value is None:
        return None
    return money.exact(value) + (Decimal("0.5") if half else 0)


def _in_words(pattern: re.Pattern[str], text: str) -> Iterable[tuple[Decimal, int, int]]:
    """Figures written in words before a unit (`pattern`'s group 1 is the number): (value, start, end)."""
    for match in pattern.finditer(text):
        value = number_in_words(match.group(1))
        start = match.start()
        if value is None and " " in match.group(1).strip():  # "von zwanzig Prozent": the last word alone
            last = match.group(1).rsplit(" ", 1)[1]
            value, start = number_in_words(last), match.start(1) + match.group(1).rindex(last)
        if value is not None:
            yield value, start, match.end()


def _past_period(text: str, start: int) -> bool:
    """Months of the past ("der letzten drei Monate", "seit 14 Monaten", "zwölf Monate vergangen") or a moment
    ("nach Ablauf von 30 Monaten", "alle 12 Monate"), no term offered."""
    after = fold(text[start:]).split()[2:4]
    before = words_before(text, start, 4)
    return bool(words.PAST_PERIOD.match(words_before(text, start, 1))
                or any(words.MOMENT_BEFORE.fullmatch(before, i) for i in _word_starts(before))
                or any(words.PAST_AFTER.match(word) for word in after))


def _word_starts(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\S+", text)]


def figures(text: str) -> list[Figure]:
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for match in _PERCENT.finditer(text):
        value = money.parse(match.group(1).replace(".", ","))
        if value is not None and not _INCOME_CHANGE_BEFORE.search(text[max(0, match.start() - 120):match.start()]):
            found.append(Figure("quota_percent", value, match.group(0), is_old(text, match.start())))
            taken.append(match.span())
    for value, start, end in _in_words(_PERCENT_IN_WORDS, text):
        found.append(Figure("quota_percent", value, text[start:end], is_old(text, start)))
        taken.append((start, end))
    for match in _MONTHS_INSTEAD.finditer(text):  # "wenn er 48 statt 60 Monate zahlt": the 48 are months too
        found.append(Figure("months", money.exact(int(match.group(1))), match.group(0)[:len(match.group(1))],
                            is_old(text, match.start())))
        taken.append((match.start(), match.start() + len(match.group(1))))
    for match in _MONTHS.finditer(text):
        if not _past_period(text, match.start()):
            found.append(Figure("months", money.exact(int(match.group(1))), match.group(0),
                                is_old(text, match.start())))
        taken.append(match.span())
    for value, start, end in _in_words(_MONTHS_IN_WORDS, text):
        if not _past_period(text, start) and value == value.to_integral_value():
            found.append(Figure("months", value, text[start:end], is_old(text, start)))
        taken.append((start, end))
    for value, start, end in _in_words(_MONEY_IN_WORDS, text):
        following = text[end:].split()
        if following and (following[0][0].isdigit() or number_in_words(following[0].strip(".,;")) is not None):
            continue  # "sieben Euro fünfzig": the cents are not read, so no figure
        kind, named = _money_kind(text, start, end)
        found.append(Figure(kind, money.to_cents(value), text[start:end], is_old(text, start), named))
        taken.append((start, end))
    for match in _YEARS.finditer(text):
        if _TERM.search(fold(text[max(0, match.start() - 40):match.start()])):
            months = money.exact(int(match.group(1)) * 12)
            found.append(Figure("months", months, match.group(0), is_old(text, match.start())))
            taken.append(match.span())
    for token in find_money(text):
        if token.negative and _DASH_AFTER_WORD.match(token.raw) and text[:token.start].rstrip()[-1:].isalpha():
            # "Nullplan nein – 50 € einmalig": a dash between words, no minus
            token = replace(token, value=-token.value, negative=False)
        if token.negative or any(start <= token.start < end for start, end in taken) or _threshold(text, token) \
                or _PERCENTAGE_OF.search(text[max(0, token.start - 60):token.start]) or _written_off(text, token) \
                or _RUNNING_CHARGE_BEFORE.search(text[max(0, token.start - 60):token.start]):
            continue
        kind, named = _money_kind(text, token.start, token.end)
        found.append(Figure(kind, money.to_cents(token.value), text[token.start:token.end],
                            is_old(text, token.start), named))
    return found


_DASH_AFTER_WORD = re.compile(r"[-–—]\s")
# A percentage the debtor's income would change by ("Steigt das Nettoeinkommen … um mehr als 10 %, …"): a condition
# of an improvement clause, not a quota.
_INCOME_CHANGE_BEFORE = re.compile(
    r"\b(?:\w*einkommen\w*|einkünfte|verdienst\w*|\w*lohn\w*|\w*gehalt\w*|bezüge|income|salary|earnings)\b[^.;:]{0,80}?"
    r"\b(?:um|by)\s+(?:mehr als|über|mindestens|wenigstens|more than|at least)?\s*$", re.IGNORECASE)
# The sum a percentage is taken of ("12 % auf 1.743,00 €", "20 Prozent von der Gesamtforderung 2.100 €"): the claim
# the quota applies to, nobody offers it.
_PERCENTAGE_OF = re.compile(r"(?:%|\bProzent|\bv\.\s?H\.)\s+(?:auf|von|aus)\s+(?:[^\s\d]+\s+){0,3}$",
                            re.IGNORECASE)


# What the debtor pays anyway, month by month, beside the plan ("zusätzlich zur laufenden Miete von 412,00 €
# monatlich 20,00 € auf den Rückstand"): no figure of the offer.
_RUNNING_CHARGE_BEFORE = re.compile(r"\blaufende\w*\s+(?:\S+\s+){0,2}?(?:Miete|Mietzahlung\w*|Abschl\w*|Beitr\w*"
                                    r"|Nutzungsentgelt\w*|Unterhalt\w*|Vorauszahlung\w*)\s*(?:von|in Höhe von|über"
                                    r"|i\.\s?H\.\s?v\.)?\s*(?:derzeit|zurzeit|aktuell|monatlich)?\s*$", re.IGNORECASE)


# The rest of the claim the creditor writes off once the plan is paid ("Nach Eingang der Zahlung buchen wir den
# verbleibenden Betrag von 1.049,67 EUR aus"): what the plan costs it, nobody offers it.
_REMAINDER_BEFORE = re.compile(r"\b(?:verbleibend\w*|restliche\w*|Rest)\s*(?:Betrag|Forderung|Saldo|Summe)?\s*"
                               r"(?:von|in Höhe von|über|i\.\s?H\.\s?v\.)?\s*$"
                               r"|\bRest(?:betrag|forderung|schuld|saldo)\w*\s*(?:von|in Höhe von|über)?\s*$",
                               re.IGNORECASE)
_WRITTEN_OFF = re.compile(r"\b(?:aus(?:zu)?buch\w*|ausgebucht|buchen (?:\S+ ){0,8}?aus\b|erlass\w*|verzicht\w*"
                          r"|abschreib\w*|abgeschrieben|niederschlag\w*|niedergeschlagen|written off|write off)",
                          re.IGNORECASE)


def _written_off(text: str, token: MoneyToken) -> bool:
    """The amount is the remainder its sentence writes off, not a figure of an offer."""
    return bool(_REMAINDER_BEFORE.search(text[max(0, token.start - 60):token.start])
                and _WRITTEN_OFF.search(text))


def _threshold(text: str, token: MoneyToken) -> bool:
    """A limit a rule names ("Weil die Forderung 2.500 € übersteigt, darf … nur mit Zustimmung …"): nobody offers
    it (the words the amount reader takes for a limit, THRESHOLD_TRAIL)."""
    return bool(THRESHOLD_TRAIL.match(fold(text[token.end:token.end + 40])))


_AMOUNT_WORD = re.compile(r"\d[.,]\d{2}\b")
# A figure changed into another: "von 2,20 € auf 10,00 €" (the first is the one replaced).
_RAISED_TO = re.compile(r"[\d.,]+\s*(?:€|EUR|Euro|%|Prozent)?\s*(?:monatlich\s+)?auf\s+(?:\S+\s+)?\d",
                        re.IGNORECASE)


# The thing replaced named as a noun in the genitive right before the figure ("statt des im Plan vorgesehenen Anteils
# 1.650,00 €"): the figure is what takes its place, not the plan's.
_REPLACED_NOUN_BEFORE = re.compile(r"\b(?:statt|anstatt|anstelle)\s+(?:des|eines)\s+(?:\S+\s+){0,4}?[A-ZÄÖÜ]\w*s\s*$")


def is_old(text: str, start: int) -> bool:
    """The plan's figure named to be replaced ("statt 5,91 €"), or a figure in a clause that refuses it
    ("einer Quote von 10 % stimmen wir nicht zu")."""
    if _REPLACED_NOUN_BEFORE.search(text, max(0, start - 80), start):
        return False
    window = words_before(text, start, 4).split()
    # Only the words since the amount before it: in "statt 18,96 EUR monatlich 30,00 EUR" the "statt" is 18,96's
    # (in "statt 36 Raten zu 5,98 €" the count belongs to the replaced figures).
    since_figure = max((index for index, word in enumerate(window) if _AMOUNT_WORD.search(word)), default=-1)
    if words.OLD_FIGURE.search(" ".join(window[since_figure + 1:])):
        return True
    if window[-1:] == ["von"] and _RAISED_TO.match(text, start):  # "von 2,20 € auf 10,00 € angehoben"
        return True
    clause = fold(clause_span(text, start, start + 1))
    if words.CLIENT_CANNOT.search(clause):
        return True
    return bool(words.NEGATION.search(clause) and (words.AGREE.search(clause) or words.REFUSE.search(clause))
                and not words.AGREE_DESPITE_NEGATION.search(clause))
