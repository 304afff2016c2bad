"""extraction/amounts.py — label and judge every amount; invariant: quoted, footer and noise amounts are rejected."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from itertools import groupby, pairwise

from app.services.extraction.columns import (
    CELL_SEPARATOR,
    CellPlace,
    aligned_headers,
    aligned_role,
    cells,
    column_role,
    headers_by_line,
    place,
)
from app.services.extraction.future import NOT_YET, not_yet
from app.services.extraction.labels import WORD, LabelVerdict, classify, fold, is_claim_label, is_weak_balance
from app.services.extraction.lines import SourceLine
from app.services.extraction.numbers import MoneyToken, find_money, forget_lines, mask_noise, parse_cell_number
from app.services.extraction.result import AmountFound, AmountLabel
from app.services.extraction.unit_counts import charged_now, factor_count, unit_count
from app.services.extraction.vocabulary.amounts import (
    BEFORE_PAYMENT_LEAD,
    CANCELLED_LEAD,
    CANCELLED_TRAIL,
    CREDIT_DRAWN,
    CREDIT_LEAD,
    CREDIT_LIMIT_LEAD,
    CREDIT_TRAIL,
    EXAMPLE_LEAD,
    EXCLUDED,
    FIGURE_CONFIRMED,
    FIRMS_CLAUSE_START,
    FIRMS_CLAUSE_VERB,
    FIRMS_FIGURE_LEAD,
    FIRMS_FIGURE_TRAIL,
    FUTURE_LEAD,
    FUTURE_TRAIL,
    HANDED_OVER_TRAIL,
    INSTALMENT_ARREARS,
    INSTALMENT_LEAD,
    LEADS_TO_NEXT_LINE,
    MARKED_WRONG,
    NET_OF_TAX_LEAD,
    NOT_FOUND_TRAIL,
    OTHER_VALUE_LEAD,
    PAID_LEAD,
    PAID_TRAIL,
    PART_PAYMENT_MADE,
    PASSING_VALUE_LEAD,
    PAST_TRAIL,
    PERIODIC_LEAD,
    REMAINDER_AFTER_INSTALMENT,
    SHARE_COLUMN,
    SUPERSEDED_LEAD,
    SUPERSEDED_TRAIL,
    THRESHOLD_LEAD,
    THRESHOLD_TRAIL,
)
from app.services.extraction.vocabulary.labels import BALANCE, CLAIM_TOTAL, INCLUSION, STRONG_TOTALIZER

CREDIT_REASON = "a credit in the debtor's favour, not a claim"
INSTALMENT_REASON = "instalment, not the claim"
PAID_REASON = "paid amount, not open"
OTHER_VALUE_REASON = "settlement offer or other value, not the claim"
PASSING_VALUE = "a value the row names in passing (a fee's Gegenstandswert), not an amount owed"
SUPERSEDED_REASON = "previous figure, superseded"
MARKED_WRONG_REASON = "a figure the creditor marks as wrong"
CREDIT_LIMIT_REASON = "credit limit or original loan, not the claim"
# Words in the text just before an amount that make it something other than the open claim.
_LEAD_REJECTIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (CREDIT_REASON, CREDIT_LEAD),
    (INSTALMENT_REASON, INSTALMENT_LEAD),
    (SUPERSEDED_REASON, BEFORE_PAYMENT_LEAD),
    (PAID_REASON, PAID_LEAD),
    ("cancelled", CANCELLED_LEAD),
    (CREDIT_LIMIT_REASON, CREDIT_LIMIT_LEAD),
    (SUPERSEDED_REASON, SUPERSEDED_LEAD),
    (PASSING_VALUE, PASSING_VALUE_LEAD),
    ("periodic increase, not the claim", PERIODIC_LEAD),
    (OTHER_VALUE_REASON, OTHER_VALUE_LEAD),
    ("threshold or bound, not the claim", THRESHOLD_LEAD),
    ("an example figure, not the claim", EXAMPLE_LEAD),
    ("net amount before tax, not the claim", NET_OF_TAX_LEAD),
)
# Words right after an amount (up to the end of its clause) that make it something else.
_TRAIL_REJECTIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (PAID_REASON, PAID_TRAIL),
    ("cancelled", CANCELLED_TRAIL),
    ("future amount, not yet due", FUTURE_TRAIL),
    (SUPERSEDED_REASON, PAST_TRAIL),
    ("the figure the claim was handed over with to another collector", HANDED_OVER_TRAIL),
    ("a figure the creditor cannot find or confirm", NOT_FOUND_TRAIL),
    (CREDIT_REASON, CREDIT_TRAIL),  # after paid: "… wurde mit dem Guthaben verrechnet" is paid by a credit
    ("threshold or bound, not the claim", THRESHOLD_TRAIL),
)
_EXCLUDED = EXCLUDED_REASON = "excluded: the text says it is not part of the figure"
# A feature: the amount's own clause names it a sum of what came before ("zusammen also", "macht", "ergibt").
STATES_A_SUM = "its clause names it a sum"
_FUTURE = "future amount, not yet due"
_NEGATIVE_LINE = "deduction (negative line)"
# A negation counts only right before the word it negates ("nicht bezahlt"), not anywhere in the clause.
_NEGATION_BEFORE = re.compile(r"(?:\bnicht|\bnichts|\bnix|\bnoch nicht|\bkein\w*|\bnoch)\s+(?:\S+\s+){0,2}$")
# Items the debtor paid only in part ("offen: die Rechnungen … (teilweise beglichen, …)"): the figure is not paid.
_PAID_IN_PART = re.compile(r"\b(?:teilweise|teilw\.|zum teil)\s+(?:be)?(?:zahlt|glichen)\b")
_PAID_TRAIL_EN = re.compile(r"\b(?:was|were|has been|have been) (?:\w+ )?(?:received|paid|credited)\b")
_FIRMS_FIGURE = "the firm's figure repeated, not the creditor's"
_PER_UNIT = "price per unit, not the claim"
_MULTIPLIER = "multiplier in a calculation line"
_NEGATION = re.compile(r"\bnichts?\b|\bnix\b|\bnoch\b|\bkein\w*")
# The figure left after a credit, named by its verb ("Nach der Gutschrift beträgt der offene Saldo nun 139,90 €"): owed.
_LEFT_AFTER_CREDIT = re.compile(r"\bnach (?:der |dem |erfolgter |dieser )?(?:gutschrift|verrechnung|zahlung)\w* "
                                r"(?:\S+ ){0,5}?(?:betraegt|belaeuft|verbleib\w*|bleib\w*|steht|ergibt)\b")
# The interest a revolving credit's instalment facility runs up ("Sollzinsen Teilzahlung (16,90 % p.a.) …: 48,75 EUR",
# "Teilzahlungszinsen"): interest owed, no instalment.
_INTEREST_ON_INSTALMENTS = re.compile(r"\b\w*zinsen (?:\S+ )?teilzahlung\w*|\bteilzahlungszins\w*")
# The sum of the payments the amount before named ("jeweils 150,00 € gezahlt, insgesamt 450,00 €"): paid too.
_PAYMENTS_SUMMED = re.compile(r"^\W*(?:eur\w*\W+)?(?:gezahlt|bezahlt|ueberwiesen|getilgt|geleistet|eingezahlt"
                              r"|abbezahlt)\W+(?:also |somit )?(?:insgesamt|zusammen|in summe)\W*$")
# The limit's own word right before the figure ("Dispositionskredit, Rahmen 3.000,00 EUR"): the limit, however the
# sentence speaks of the claim drawn on it.
# (the bare word as an item of its own: "in Anspruch genommener Kreditrahmen 1.730,40 €" is the credit drawn)
_LIMIT_RIGHT_BEFORE = re.compile(r"(?:^|[,(;:]\s*)(?:rahmen|limit)\W*$")
# Items called partly paid, then summed: "die offenen Rechnungen (teilweise bezahlt, zusammen 214,85 €)" sums what is
# left of them, not a payment.
_PARTLY_PAID_SUMMED = re.compile(r"\b(?:teilweise|teilw\.|zum teil|anteilig) (?:be)?(?:zahlt|glichen)\b,? "
                                 r"(?:(?:noch|also|somit) )?(?:zusammen|insgesamt|gesamt|offen|rest)\W*$")
# "5 % Zinsen aus 1.000 €": the base interest runs on. Not "… beläuft sich inkl. Zinsen … auf 497,35 €".
_INTEREST_BASE = re.compile(r"zins.{0,80}\b(?:aus|auf)\s*(?:€|eur|euro)?\s*$")
_STATED_AS_OWED = re.compile(r"\b(?:belaeuft|belaufen|betraegt|betragen)\b|(?:inkl|inklusive|einschl|einschliesslich"
                             r"|samt|nebst|including|incl)\b\.?\s+(?:\S+\s+){0,2}?\S*zins")
# "… durch Zinsen auf 7.918,44 EUR angewachsen": the figure the claim grew to, not a base interest runs on.
_GROWN_TO = re.compile(r"^\W*(?:eur|euro|€)?\W*(?:an)?(?:gewachsen|gestiegen|erhoeht|angelaufen|aufgelaufen)\b")
_PERCENT_AFTER = re.compile(r"^\s*(?:%|prozent|v\.\s?h\.|p\.\s?a\.)", re.IGNORECASE)
_UNIT_AFTER = re.compile(
    r"^\s*+(?:€|eur|euro)?\s*+(?:kwh|mwh|m3|m³|m2|m²|qm|kg|km|liter|stück|stk|std|stunden|tage|monate|jahre|kw)\b",
    re.IGNORECASE,
)
_PER_UNIT_AFTER = re.compile(
    r"^\s*+(?:€|eur|euro)?\s*+(?:(?:je|pro)\s+\w|/\s*(?:monat|jahr|stk|stück|std|stunde|tag|woche|kwh|quartal|rechnung"
    r"|mahnung|einheit|person|mt?l)|(?:monatlich|mtl\.|jährlich|wöchentlich|täglich|im (?:monat|jahr|quartal)"
    r"|per month|a month|monthly"
    r"|per year|per day)\b)",
    re.IGNORECASE,
)
_PER_UNIT_BEFORE = re.compile(r"(?:\bje|\bà|\bá|\ba|\bzu je|\bpro)\s*(?:€|eur|euro)?\s*$", re.IGNORECASE)
_FACTOR_BEFORE = re.compile(r"\d\s*[x×*]\s*(?:€|eur|euro)?\s*$", re.IGNORECASE)
# A middle dot or bullet between items ("Smartwatch EUR 329.00 · Shipping EUR 4.99 · Invoice total EUR 655.80") ends
# an item as a full stop would: the next item's name is not the amount's before it.
# (a title's or a common abbreviation's dot ends nothing: "(… auf Anforderung von Dr. med. P. L.) ist … beglichen")
_CLAUSE_END = re.compile(r"(?<!\bDr)(?<!\bmed)(?<!\bNr)(?<!\bProf)(?<!\bdent)(?<!\bvet)(?<!\bbzw)(?<!\bca)(?<!\bvgl)"
                         r"(?<!\binkl)(?<!\bzzgl)(?<!\bgeb)[.;!?](?:\s|$)|\n|\s[·•]\s")
# A clause that gives the reason for the figure before it ("1.260,00 €, weil die Februarmiete nur teilweise gezahlt
# wurde"): it says why the amount is what it is, not that the amount was paid.
_REASON_CLAUSE = re.compile(r",\s*(?:weil|da|denn|zumal|nachdem|obwohl)\b", re.IGNORECASE)
# "noch" right before an amount ("es sind also noch 75,40 offen"): what its trail names is what is still open.
_STILL_BEFORE = re.compile(r"\bnoch\s*(?:€|eur|euro)?\s*$")
# A figure changed into the one right after it: "von 318,45 € auf 238,34 €".
_CHANGED_FROM = re.compile(r"\bvon\s*(?:€|eur|euro)?\s*$")
_CHANGED_TO = re.compile(r"^\s*(?:€|eur\b|euro\b)?\s*auf\s+(?:(?:nunmehr|nur noch|noch|jetzt|nun|heute|aktuell"
                         r"|derzeit)\s+)?(?:€\s*|eur\s+)?\d[\d.' ]*,\d\d(?!\d)")
# Only an adding phrase right before an amount ("…, hinzu kommen 8,00 € Mahnkosten", "dazu noch 5,00 € Porto", "über
# 418,00 € und 8,00 € Mahnkosten"): the amount is named after it, not by the sentence's subject before the phrase.
_ADDING_LEAD = re.compile(r"^\W*(?:(?:und|sowie|ausserdem|ferner)\s+)?(?:(?:hinzu|dazu)(?:\s+(?:kommen|kommt|kamen))?"
                          r"|(?:kommen|kommt)\s+(?:noch\s+)?(?:hinzu|dazu)|und|sowie|plus|zzgl\.?|zuzueglich)"
                          r"(?:\s+(?:noch|weitere|jeweils|je))*\s*(?:€|eur|euro)?\s*$")
# Inside a sentence: the marks between its clauses.
_CLAUSE_COMMA = re.compile(r",\s")  # (a decimal comma has a digit after it)
_CLAUSE_MARK_INSIDE = re.compile(r"[,;]|\s[–-]\s")
# A part a later clause may name of its own, so that a cue in it is about that part, not an amount before. The
# claim or the total it names ("…, diese sind in der Gesamtforderung nicht enthalten") is what the cue compares with.
_NAMED_PARTS = ("principal", "interest", "costs")
# Words that make an amount a sum of what came before it ("zusammen also", "macht", "ergibt", "insgesamt").
_NAMES_A_SUM = re.compile(r"\b(?:zusammen|insgesamt|gesamt\w*|summe|somit|also|macht|ergibt|ergeben|in total"
                          r"|altogether)\b")
_RESULT_CLAUSE = re.compile(r"^\s*(?:so dass|sodass|womit|wodurch|weshalb|weswegen)\b"
                            # or only the words of a sum: "…, 21,37 EUR Verzugszinsen bis heute, macht 1.215,99 EUR"
                            r"|^\s*(?:(?:das|dies|also|somit|damit|zusammen|insgesamt)\s+)*(?:macht|ergibt|ergeben"
                            r"|sind)(?:\s+(?:das|dies|zusammen|insgesamt|also|somit))*\s*(?:€|EUR|Euro)?\s*$",
                            re.IGNORECASE)
# Between two amounts of a list written "amount, then its name": the currency, the name, and the word that joins
# (or the word that sums them: "740 euro …, dazu 15 euro mahnkosten macht 755,-").
_PREVIOUS_ITEMS_NAME = re.compile(
    r"^\s*(?:€|EUR|Euro)\s+[A-Za-zÄÖÜäöüß][\w.-]*\s+(?:und|sowie|plus|zzgl\.?|zuzüglich|macht|ergibt|ergeben|also"
    r"|somit)\s*$", re.IGNORECASE)
_EQUALS_LEAD = re.compile(r"^\s*(?:€|EUR|Euro)?\s*=\s*(?:€|EUR|Euro)?\s*$", re.IGNORECASE)
# The sum said in words right before it: "zuzüglich 12,00 EUR Mahngebühren sind das 384,90 EUR".
_SUM_WORDS_LEAD = re.compile(r"\b(?:(?:sind|macht|ergibt|ergeben) (?:das|dies|es|sich)|das (?:sind|macht|ergibt)"
                             r"|(?:that|which) makes)\s*(?:€|EUR|Euro)?\s*$", re.IGNORECASE)
_ENDS_LINE = re.compile(r"^\s*(?:€|EUR|Euro)?\s*$", re.IGNORECASE)
# A row's label: up to four words, each a capitalised noun, a number or a small joining word, before its figure.
_NOUN_ROW = re.compile(r"^\s*[-–•*]?\s*[A-ZÄÖÜ][\w./-]*(?:\s+(?:[A-ZÄÖÜ\d][\w./-]*|für|vom|von|bis|aus|der|des|im|am"
                       r"|und|inkl\.|zzgl\.)){0,3}\s*:?\s*$")
_COLUMN_GAP = re.compile(r"(?:(?<! ) {2,}+|\t|\|)\s*+(?:€|EUR|Euro)?\s*+[-−–]?\s*+$", re.IGNORECASE)
_CELL_SPLIT = re.compile(r"\s*\|\s*|\t")
# A sentence mark and the spaces after it, before a capital. The word before the mark is read only where it
# matters (an abbreviation's "."): a pattern that starts with the word is tried at every position of a line.
# "…; offen sind 610,00 €" is a clause of its own. Leader dots before a currency code ("Gesamtforderung ........
# EUR 1.140,00") end no sentence: the words before them are the amount's label.
_SENTENCE_MARK = re.compile(r"(?:(?<!\.)\.|[!?])\s+(?=[A-ZÄÖÜ])|(?<=\.)\.\s+(?=[A-ZÄÖÜ])(?!(?:EUR|Euro|CHF|USD|GBP)\b)"
                            r"|;\s+(?=\S)")
# A writer who capitalises nothing ("die is noch komplett offen 1186,- euro. hab ihm 2 mahnungen …") starts a sentence
# in lower case: on a line without a capital letter, a mark before a small letter ends a sentence too.
_LOWER_CASE_SENTENCE_MARK = re.compile(r"(?:(?<!\.)\.|[!?])\s+(?=[a-zäöüß])")
# … and on any line, a full stop after a small-letter word goes on in small letters ("hat am 18.07. 200,- € bezahlt.
# offen sind 1.260,00 €"): verbs and adjectives end sentences, while short forms of nouns ("Hauptford. und Zinsen")
# start with a capital and the small-letter ones are known.
_AFTER_SMALL_WORD_MARK = re.compile(r"(?<=[a-zäöüß]{3})\.\s+(?=[a-zäöüß])")
_CAPITAL = re.compile(r"[A-ZÄÖÜ]")
_ABBREVIATIONS = frozenset(
    ("inkl", "zzgl", "abzgl", "bzw", "ca", "nr", "gem", "pos", "evtl", "str", "geb", "vgl", "dr", "tel", "fa", "hr",
     "fr", "ggf", "usw", "bzgl", "lt", "max", "min", "mtl", "ziff", "abs", "kto", "rg", "rechn", "vers", "std", "anl",
     "bes", "zt", "entspr", "sog", "amtl", "gez",
     # file and account labels before a number ("unser Az. KV-27-1766", "Kd. 4471", "Ref. 22-118")
     "az", "aktz", "ref", "kd", "kdnr", "rnr", "lfd", "mitgl", "vertr",
     # short forms a sentence goes on after in lower case ("incl. the cabin upgrade", "inkl. mahngebühren")
     "incl", "excl", "exkl", "etc", "approx", "resp", "zzt", "mind", "urspr", "einschl", "insb", "bspw", "zus", "ges",
     "allg", "ggü", "ua", "dh", "zb", "od", "rd", "ausschl", "jew", "zw", "sep", "ehem", "verh", "led")
)
_BRACKET = re.compile(r"[(\[]")
_SENTENCE_END = re.compile(r"[.:;!?)]\s*$")


@lru_cache(maxsize=4096)
def _money_in(text: str) -> tuple[MoneyToken, ...]:
    """Amounts in one line; each line is looked at several times (as itself, as a label line, as a carry)."""
    return tuple(find_money(text))


@lru_cache(maxsize=4096)
def _masked(text: str) -> str:
    return mask_noise(text)


@dataclass(frozen=True)
class Candidate:
    """One amount in one line, labelled, perhaps rejected."""

    line: SourceLine
    value: Decimal
    raw: str
    start: int
    label: AmountLabel
    label_text: str
    subtotal: bool
    has_currency: bool
    reason: str | None = None
    sign_flipped: bool = False
    features: tuple[str, ...] = ()
    # A price per unit with a clear count ("zwei Mahnungen zu je 2,90 €"): rejected as a claim of its own, but
    # sums count it `count` times. None for every other amount.
    count: int | None = None

    @property
    def rejected(self) -> bool:
        return self.reason is not None

    @property
    def sum_value(self) -> Decimal:
        """What the amount adds to a sum: count × unit price for a counted per-unit amount, else its value."""
        return self.value if self.count is None else self.value * self.count

    @property
    def confidence(self) -> float:
        score = 0.55 + (0.2 if self.has_currency else 0.0) + (0.2 if is_claim_label(self.label) else 0.0)
        return round(min(score, 0.95), 2)

    def found(self) -> AmountFound:
        return AmountFound(
            value=self.value,
            label=self.label,
            label_text=self.label_text,
            subtotal=self.subtotal,
            has_currency=self.has_currency,
            rejected=self.rejected,
            reason=self.reason if self.count is None else f"{self.reason}; counted {self.count} × {self.raw} in sums",
            confidence=self.confidence,
            evidence=self.line.evidence(self.line.text.strip()),
        )

    def reject(self, reason: str) -> Candidate:
        return self if self.rejected else replace(self, reason=reason)


def _trailing_clause(masked: str, end: int, next_start: int, next_line: str | None, start: int = 0) -> str:
    tail = masked[end:next_start]
    stops = [found.start() for found in (_CLAUSE_END.search(tail), _REASON_CLAUSE.search(tail)) if found]
    if stops:
        return tail[: min(stops)]
    # A sentence runs on into the next line (so does a bracket left open: "(… von Dr. med. Petra" / "Lindqvist) ist
    # … beglichen"), but a row does not: an amount that ends its line above a line that ends in an amount of its own
    # ("Auslagen 20,00 EUR" / "bereits gezahlt -150,00 EUR") is a list, and the payment row says nothing about the fee
    # above it.
    # (a line that breaks after a small word, "… mit 236,85 EUR im" / "Minus; …", runs on whatever its next word)
    # Nor does a row of a list, nouns and a figure ("Miete März 640 Euro" / "von der Nebenkostenabrechnung noch …").
    if next_start == len(masked) and next_line and not _SENTENCE_END.search(masked) \
            and (next_line[:1].islower() or _ENDS_IN_SMALL_WORD.search(tail) or tail.count("(") > tail.count(")")) \
            and not (_ENDS_LINE.match(tail) and (
                (_COLUMN_GAP.search(masked[:start]) and _ends_in_amount(next_line))
                or _NOUN_ROW.match(masked[:start]) or _OWN_MAIN_CLAUSE.match(next_line))):
        continue_stop = _CLAUSE_END.search(next_line)
        return tail + " " + (next_line[: continue_stop.start()] if continue_stop else next_line)
    return tail


def _ends_in_amount(line: str) -> bool:
    """The line is a row: its last amount ends it and stands apart in a column (a gap, a tab or a cell border)."""
    tokens = _money_in(line)
    if not tokens:
        return False
    masked = _masked(line)
    return _ENDS_LINE.match(masked[tokens[-1].end:]) is not None and bool(_COLUMN_GAP.search(masked[:tokens[-1].start]))


def _clause_start(masked: str, position: int) -> int:
    """Start of the sentence that holds `position`; "inkl." or "Nr." do not end a sentence."""
    starts = _sentence_starts(masked)
    before = bisect_left(starts, position)  # a clause starts at a character, which must lie before `position`
    return starts[before - 1] if before else 0


@lru_cache(maxsize=4096)
def _sentence_starts(masked: str) -> tuple[int, ...]:
    """Where each sentence after the first starts in a line, in order (a line's amounts share them)."""
    marks = list(_SENTENCE_MARK.finditer(masked))
    if not _CAPITAL.search(masked.replace("EUR", "")):
        marks = sorted((*marks, *_LOWER_CASE_SENTENCE_MARK.finditer(masked)), key=lambda match: match.start())
    else:
        small = [match for match in _AFTER_SMALL_WORD_MARK.finditer(masked)
                 if _word_before(masked, match.start())[:1].islower()]
        if small:
            marks = sorted((*marks, *small), key=lambda match: match.start())
    return tuple(match.end() for match in marks
                 if match.group(0)[0] != "." or not _is_abbreviation(_word_before(masked, match.start())))


def _word_before(text: str, end: int) -> str:
    """The run of word characters and "#" that ends at `end` (it never reaches back past an earlier mark's spaces)."""
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_#"):  # isalnum or "_" is regex \w
        start -= 1
    return text[start:end]


def _is_abbreviation(word: str) -> bool:
    """An initial, an ordinal's digit ("5. Oktober") or a known short form; no word ("980,00 €.") is none."""
    lowered = word.lower()
    return len(lowered) == 1 or lowered in _ABBREVIATIONS


# A reminder's or a bill's figure named before "ist damit überholt": a bill to the debtor, no earlier answer.
_REMINDER_LEAD = re.compile(r"mahnung|zahlungserinnerung|erinnerung|rechnung|lastschrift")


# An earlier value in brackets after a figure: "noch offen 2.073,45 € (vorher 2.658,45 €)", "54,99 € (vorher 49,99 €)".
FORMER_IN_BRACKETS = "an earlier value named in brackets"
_FORMER_IN_BRACKETS = re.compile(r"\(\s*(?:vorher|zuvor|bisher|früher|frueher|alt)\W*$")
# A figure named as what the creditor waives: "auf" and its object before it, the waiver later in its sentence.
_WAIVED_OBJECT = re.compile(r"\bauf (?:den|die|das|dem|diesen|diese|unsere[nm]?) (?:\S+ ){0,3}?\(?\s*$")
_WAIVED_LATER = re.compile(r"[^.;!?]{0,160}?\bverzicht\w*")


def _noise_reason(token: MoneyToken, lead: str, trail: str, after: str, *, per_unit: bool = True) -> str | None:
    """Why the amount is not a claim amount, or None. Without `per_unit` a per-unit price or factor is not a
    reason: what is left says whether the charge it stands for is a current one."""
    if _PERCENT_AFTER.match(after):
        return "percentage"
    if _UNIT_AFTER.match(after):
        return "quantity with a unit, not money"
    if per_unit and _FACTOR_BEFORE.search(lead):
        return _MULTIPLIER
    if token.negative:
        return _NEGATIVE_LINE
    folded_lead = fold(lead)
    if _INTEREST_BASE.search(folded_lead) and not _STATED_AS_OWED.search(folded_lead) \
            and not _GROWN_TO.match(fold(trail)):
        return "base amount interest is charged on, not owed"
    if (FIRMS_FIGURE_LEAD.search(folded_lead[-60:]) or _in_firms_clause(lead, trail)
            or FIRMS_FIGURE_TRAIL.match(fold(trail))) and not FIGURE_CONFIRMED.match(after):
        return _FIRMS_FIGURE
    if MARKED_WRONG.match(after):
        return MARKED_WRONG_REASON
    if _FORMER_IN_BRACKETS.search(folded_lead):
        return FORMER_IN_BRACKETS
    if _WAIVED_OBJECT.search(folded_lead) and _WAIVED_LATER.match(fold(after)):
        # "Auf den verbleibenden Eigenanteil (337,00 EUR) … hat die Auftraggeberin … verzichtet": waived, not owed
        return "cancelled"
    if _CHANGED_FROM.search(folded_lead) and _CHANGED_TO.match(fold(after)):
        # "Der offene Saldo verringert sich damit von 318,45 € auf 238,34 €": the figure it changed from
        return SUPERSEDED_REASON
    for reason, pattern in _LEAD_REJECTIONS:
        if pattern.search(folded_lead) and not (reason == PAID_REASON and (
                _NEGATION.search(folded_lead) or _only_in_closed_asides(pattern, folded_lead)
                or _PARTLY_PAID_SUMMED.search(folded_lead) or _LEFT_AFTER_CREDIT.search(folded_lead))) \
                and not (reason == INSTALMENT_REASON and (INSTALMENT_ARREARS.search(folded_lead)
                                                          or _remainder_after_instalment(folded_lead)
                                                          or _instalments_included(folded_lead)
                                                          or _INTEREST_ON_INSTALMENTS.search(folded_lead))) \
                and not (reason == CREDIT_LIMIT_REASON and _credit_drawn(folded_lead)
                         and not _LIMIT_RIGHT_BEFORE.search(folded_lead)):
            return reason
    if per_unit and (_PER_UNIT_BEFORE.search(lead) or _PER_UNIT_AFTER.match(after)):
        return _PER_UNIT
    folded_trail = fold(trail)
    if _excluded_after(folded_trail) or _excluded_before(folded_lead):
        return _EXCLUDED
    if FUTURE_LEAD.search(folded_lead[-90:]):
        return _FUTURE
    for reason, pattern in _TRAIL_REJECTIONS:
        match = pattern.search(folded_trail)
        if match and not _NEGATION_BEFORE.search(folded_trail[: match.start() + _keyword_offset(match.group(0))]) \
                and not (reason == PAID_REASON and _PAID_IN_PART.search(folded_trail)):
            return reason
    if _PAID_TRAIL_EN.search(folded_trail):
        return PAID_REASON
    if SUPERSEDED_TRAIL.search(folded_trail) and not _REMINDER_LEAD.search(folded_lead[-80:]):
        # the creditor's own earlier statement called out of date: an answer corrected (a reminder's figure that
        # "ist damit überholt" was a bill to the debtor, and names no earlier answer)
        return SUPERSEDED_REASON
    return None


def _instalments_included(folded_lead: str) -> bool:
    """The instalment word names a part the amount includes, after an inclusion word ("Restschuld einschließlich der
    offenen Raten: 4.112,95 EUR"), not what the amount is."""
    inclusion = INCLUSION.search(folded_lead)
    return inclusion is not None and all(match.start() >= inclusion.end()
                                         for match in INSTALMENT_LEAD.finditer(folded_lead))


def _only_in_closed_asides(pattern: re.Pattern[str], folded_lead: str) -> bool:
    """Every find of `pattern` stands inside brackets closed before the amount: how the item was worked out
    ("Schadensersatz Restlaufzeit (11 Monate, abzgl. ersparter Aufwendungen) | 314,92 €"), not what happened to it."""
    for match in pattern.finditer(folded_lead):
        opened = folded_lead.rfind("(", 0, match.start())
        if opened < 0 or folded_lead.rfind(")", 0, match.start()) > opened \
                or folded_lead.find(")", match.end()) < 0:
            return False
    return True


def _credit_drawn(folded_lead: str) -> bool:
    """The credit word names what the amount was drawn from, not its limit ("Inanspruchnahme aus dem gekündigten
    Dispositionskredit 2.298,15 EUR"): a word of use stands shortly before the last credit word."""
    limits = list(CREDIT_LIMIT_LEAD.finditer(folded_lead))
    if not limits:
        return False
    start = limits[-1].start()
    return CREDIT_DRAWN.search(folded_lead, max(0, start - 60), start) is not None


def _remainder_after_instalment(folded_lead: str) -> bool:
    """The amount is what remains after a part payment the lead names, not an instalment."""
    ends = [match.end() for match in PART_PAYMENT_MADE.finditer(folded_lead)]
    return bool(ends) and REMAINDER_AFTER_INSTALMENT.search(folded_lead, ends[-1]) is not None


def _excluded_after(folded_trail: str) -> bool:
    """An exclusion cue after the amount that is about it: in its own clause ("5,00 € kommen hinzu"), or in a
    later clause that names nothing of its own ("5,00 €, die noch hinzukommen, sind nicht enthalten"). A later
    clause that names a part of its own is about that part ("Die Forderung beträgt 500,00 €, Zinsen kommen
    hinzu": the 500,00 € is still the claim)."""
    clauses = _CLAUSE_MARK_INSIDE.split(folded_trail)
    if EXCLUDED.search(clauses[0]):
        return True
    return any(EXCLUDED.search(clause) and classify(clause).label not in _NAMED_PARTS for clause in clauses[1:])


def _excluded_before(folded_lead: str) -> bool:
    """An exclusion cue before the amount that is about it. A cue that closes an earlier clause ("Die Gebühr
    kommt hinzu, zusammen also 101,40 €") is about that clause's subject: it does not reach an amount whose own
    clause names a sum or the claim."""
    ends = [match.end() for match in EXCLUDED.finditer(folded_lead)]
    if not ends:
        return False
    own = _CLAUSE_MARK_INSIDE.split(folded_lead[ends[-1]:])
    if len(own) == 1:
        return True
    return not _NAMES_A_SUM.search(own[-1]) and classify(own[-1]).label not in ("total", "balance")


def _in_firms_clause(lead: str, trail: str) -> bool:
    """The amount stands in a relative clause of the firm's own naming ("…, dem Sie Aktenzeichen und Betrag
    (487,35 €) entnommen haben", "… 300,00 €, den Sie nennen, …"): the clause before or right after it."""
    head = lead.rsplit(",", 1)[-1]
    pieces = trail.split(",")
    if FIRMS_CLAUSE_START.search(head) and FIRMS_CLAUSE_VERB.search(head + " " + pieces[0]):
        return True
    following = pieces[1] if len(pieces) > 1 and not WORD.search(pieces[0].replace("EUR", "")) else ""
    return bool(following and FIRMS_CLAUSE_START.search(following) and FIRMS_CLAUSE_VERB.search(following))


def _keyword_offset(phrase: str) -> int:
    """Where the deciding word of a matched trail phrase starts ("wird am 3.11. faellig" → at "faellig")."""
    words = phrase.split()
    return len(phrase) - len(words[-1]) if words else 0


def _label(lead: str, clause: str, prefix: str, trail: str, previous_label: str | None) -> LabelVerdict:
    # The same text gets the same verdict: each distinct one is classified once (lead and clause are
    # often the same text, prefix and trail often both empty).
    verdicts: dict[str, LabelVerdict] = {}
    for index, text in enumerate((lead, clause, prefix)):
        if text not in verdicts:
            verdict = verdicts[text] = classify(text)
            if verdict.label not in ("other", "unlabelled"):
                return verdict
        if index == 0 and _STILL_BEFORE.search(fold(lead)) and (trailing := classify(trail)).label == "balance":
            # "Die Rechnung war 275,40, es sind also noch 75,40 offen": what is still open, named after the figure,
            # outranks the sentence's subject.
            return trailing
        if index == 0 and _ADDING_LEAD.match(fold(lead)) and (trailing := classify(trail)).label in _NAMED_PARTS:
            return trailing
    subtotal = next((verdicts[text] for text in (lead, clause) if verdicts[text].subtotal), None)
    if subtotal is not None:  # "Zwischensumme" alone on its line
        return subtotal
    if previous_label is not None:
        verdict = classify(previous_label)
        if verdict.label != "unlabelled":
            return verdict
    # Words after the amount and before a comma are its own; after the comma a new clause names something else
    # ("1.260,00 € wie gesagt, Zinsen nehm ich keine").
    head = _CLAUSE_COMMA.split(trail, maxsplit=1)[0]
    if head != trail and WORD.search(head):
        trail = head
    trailing = verdicts[trail] if trail in verdicts else classify(trail)
    if trailing.label not in ("other", "unlabelled"):
        return trailing
    return verdicts[prefix]


def _part_reason(line: SourceLine) -> str | None:
    if line.part == "quoted":
        return "quoted history"
    if line.part == "signature":
        return "signature or footer"
    if line.part == "subject":
        return "subject line"
    return None


_SUM_ROW_TOTAL = "table sum row, open amount column"
_ROW_ARITHMETIC = "row arithmetic: billed − paid = open"
_ITEM_OF_A_CREDIT = "an item of a balance that ends in the debtor's credit"
_DEBIT_COLUMN_BESIDE_CREDITS = "debit column's sum beside a credit column's; the balance is their difference"


def _column_judgement(
    verdict: LabelVerdict, cell: CellPlace | None, header: tuple[str, ...]
) -> tuple[LabelVerdict, str | None, tuple[str, ...]]:
    """Re-judge an amount by its table column: (label, rejection reason or None, features)."""
    if cell is None:
        return verdict, None, ()
    has_open = any(column_role(name) in ("open", "total") for name in header)
    if cell.role == "firm":
        return verdict, f"{_FIRMS_FIGURE} ({cell.header})", ()
    if cell.role == "difference":
        return verdict, f"difference column ({cell.header}), not the claim", ()
    if cell.role == "total" and any(SHARE_COLUMN.search(fold(name)) for name in header) \
            and not SHARE_COLUMN.search(fold(cell.header)):
        return verdict, f"the whole's costs ({cell.header}) in a table that shares them out, not the claim", ()
    if cell.role == "paid":
        return verdict, f"paid column ({cell.header}), not open", ()
    if cell.role == "billed" and has_open:
        return verdict, f"billed column ({cell.header}); the open column counts", ()
    if cell.sum_row and cell.role in ("open", "total"):
        return LabelVerdict("total", f"{cell.row_label} · {cell.header}"), None, (_SUM_ROW_TOTAL,)
    if cell.sum_row and has_open:
        return LabelVerdict("other", f"{cell.row_label} · {cell.header}", subtotal=True), None, ()
    return verdict, None, ()


def _with_row_arithmetic(row: list[Candidate], header: tuple[str, ...] | None) -> list[Candidate]:
    """A sum row whose billed minus paid equals its open amount backs that amount up."""
    if header is None:
        return row
    # each amount's sum-row column, or None
    roles = [cell.role if (cell := place(c.line.text, c.start, header)) is not None and cell.sum_row else None
             for c in row]
    by_role: dict[str, Decimal] = {}
    for candidate, role in zip(row, roles, strict=True):
        if role is not None:
            by_role.setdefault(role, candidate.value)
    if {"billed", "paid"} <= by_role.keys() and "open" not in by_role and by_role["paid"] > 0:
        # "Summe | 1.498,20 | 129,99" under "Soll | Haben": the debits' column total beside the credits' is not
        # what is owed; the balance is their difference (a "Saldo" row, or nobody says it).
        return [replace(c, reason=_DEBIT_COLUMN_BESIDE_CREDITS)
                if c.reason is None and c.value == by_role["billed"] and role == "billed" else c
                for c, role in zip(row, roles, strict=True)]
    if not {"billed", "paid", "open"} <= by_role.keys() or by_role["billed"] - by_role["paid"] != by_role["open"]:
        return row
    return [replace(c, features=(*c.features, _ROW_ARITHMETIC)) if _SUM_ROW_TOTAL in c.features else c for c in row]


def _line_candidates(
    line: SourceLine, previous_label: str | None, next_text: str | None, carry: str | None = None,
    header: tuple[str, ...] | None = None, sentence_before: str = "", previous_sentence: str = "",
) -> list[Candidate]:
    tokens = list(_money_in(line.text))
    masked = _masked(line.text)
    if line.tabular:
        tokens = tokens + _cell_tokens(line.text, tokens)
    bare = not WORD.search(masked.replace("EUR", "").replace("Euro", ""))
    lone = previous_label if len(tokens) == 1 and bare else None
    result: list[Candidate] = []
    previous_end = 0
    for position, token in enumerate(tokens):
        next_start = tokens[position + 1].start if position + 1 < len(tokens) else len(masked)
        clause_start = _clause_start(masked, token.start)
        lead = _own_lead(masked, max(previous_end, clause_start), clause_start, token.start)
        clause = masked[clause_start : token.start]
        if position == 0 and carry and (wrapped := _wrapped_lead(carry, lead, clause_start,
                                                                 bool(_ENDS_SENTENCE.match(masked[token.end:])))):
            # A sentence wrapped before its amount: "Ihre Zahlung über" / "50,00 € haben wir erhalten."
            lead = clause = f"{wrapped} {lead}"
        after = masked[token.end :]
        trail = _trailing_clause(masked, token.end, next_start, next_text, token.start)
        # Text earlier on the line labels an amount only in a table row ("Summe | … | 203,38").
        prefix = masked[: token.start] if CELL_SEPARATOR in line.text else ""
        # A clause of result after the amount before it ("… kommt eine Mahngebühr von 5,00 EUR hinzu, sodass derzeit
        # 317,40 EUR offen sind"), or one of a sum's words alone, starts anew: the sentence's words before it are the
        # other amount's ("Mahngebühr").
        # So does the whole after a part an adding word opens the clause with ("Zuzüglich einer Mahngebühr von 5,00 €
        # sind derzeit 965,35 € offen").
        own_clause = lead if previous_end > clause_start and (
            _RESULT_CLAUSE.search(lead) or _ADDED_PART_FIRST.match(fold(clause))) else clause
        own_lead = lead
        consequence = _CONSEQUENCE_ALONE.match(masked[max(previous_end, clause_start):token.start])
        if consequence:
            # "… zu je 5 euro also 1.196,- insgesamt": a figure worked out from what came before; the words before it
            # name those amounts, and whether it is their sum is arithmetic's to say (or a word after it).
            own_lead = own_clause = ""
        elif previous_end > clause_start and _PREVIOUS_ITEMS_NAME.match(lead):
            # "10,00 EUR Mahngebühren und 21,37 EUR Verzugszinsen": each amount is named after it, so the words
            # before this one are the amount before's name; its own follow it.
            own_lead = own_clause = ""
        more_follow = position + 1 < len(tokens)
        # "Einschließlich Standgeld von 70,50 € beläuft sich die Forderung auf 2.486,30 €": a part the whole after it
        # includes; the words after the part name that whole, not the part.
        included = more_follow and INCLUSION.match(fold(own_clause).lstrip()) is not None
        verdict = _chain_label(masked, previous_end, token, next_start) or \
            _label(own_lead, own_clause, prefix, "" if included else _trail_label_text(trail, more_follow), lone)
        if more_follow and not _SENTENCE_BETWEEN.search(masked[token.end:next_start]):
            verdict = _included_part(own_clause) or verdict
        if consequence and (_SUM_WORD_AFTER.match(trail) or (
                previous_end <= clause_start and (clause_start > 0 or not sentence_before.strip())
                and not WORD.search(_CURRENCY_WORD.sub("", trail)))):
            # The conclusion as a sentence of its own ("3 x 42 = 126 plus 3 x 4,20 = 12,60" / "also 138,60 euro."),
            # or with a word of the sum right after it ("also 1.196,- insgesamt"): the sum, even where the parts above
            # it are written without a currency to add them up by.
            verdict = LabelVerdict("total", consequence.group(0).strip())
        cell = place(line.text, token.start, header) if header else None
        verdict, column_reason, features = _column_judgement(verdict, cell, header or ())
        if position > 1 and _JOINED.search(masked[tokens[position - 2].end : token.start]) and (
                _SUM_WORDS_LEAD.search(lead) or _equation_sum(masked, tokens, position, lead, clause)):
            # "offen sind 2 Jahresbeiträge à 138,00 + Mahnkosten 6,00 = 282,00 €": what follows "=" after amounts
            # joined by "+" in a clause about the claim is its sum, whatever part names the clause holds ("3 × 58,40
            # = 175,20" is one item's product; "Sollmiete: 512,00 + 168,00 = 680,00" the make-up of a rent); the sum
            # said in words ("… zuzüglich 12,00 EUR Mahngebühren sind das 384,90 EUR") needs no such clause.
            verdict = LabelVerdict("total", "=")
            features = (*features, STATES_A_SUM)
        elif _NAMES_A_SUM.search(fold(_CLAUSE_MARK_INSIDE.split(lead)[-1])):
            features = (*features, STATES_A_SUM)
        if _DEDUCTION_MARK.match(line.text) and position == len(tokens) - 1 \
                and verdict.label not in ("total", "balance"):
            # "./. Zahlung 10.11.2065   50,00": the bookkeeper's minus before a row's text; its figure is taken off.
            token = replace(token, value=-abs(token.value), negative=True)
        flipped = token.negative and verdict.label in ("total", "balance")
        if flipped:
            # "Saldo: -1.234,56 EUR" is a debit balance: the claim, read without its sign.
            token = replace(token, value=-token.value, negative=False)
        reason = _part_reason(line) or column_reason or _noise_reason(token, lead, trail, after)
        if reason is None and position > 0 \
                and _PAYMENTS_SUMMED.search(fold(masked[tokens[position - 1].end:token.start])):
            reason = PAID_REASON
        if reason == CREDIT_LIMIT_REASON and position == 0 and carry and _credit_drawn(fold(f"{carry} {lead}")):
            # the sentence wrapped inside its claim's words: "… unsere Forderung gegen Herrn S. aus dem gekündigten" /
            # "Dispositionskredit per 30.04. auf 2.187,93 EUR beläuft": drawn from the credit, not its limit
            reason = None
        if reason is None and _not_yet(masked, clause_start, clause, trail, sentence_before, previous_sentence):
            reason = NOT_YET
        count = None
        if reason in (_PER_UNIT, _MULTIPLIER):
            # The whole sentence, from its start (on the line before when it began there) to its end.
            sentence = f"{sentence_before if clause_start == 0 else ''} {clause}{masked[token.start:token.end]}{trail}"
            count = _unit_count(token, lead, trail, after, verdict.label) if charged_now(sentence) else None
        if token.negative:
            verdict = LabelVerdict("deduction", verdict.text)
        result.append(
            Candidate(
                line=line,
                value=token.value,
                sign_flipped=flipped,
                raw=token.raw,
                start=token.start,
                label=verdict.label,
                label_text=verdict.text,
                subtotal=verdict.subtotal,
                has_currency=token.has_currency,
                reason=reason,
                features=features,
                count=count,
            )
        )
        previous_end = token.end
    judged = _breakdowns_share_rejection(result)
    return _with_row_arithmetic(judged, header) if header else _row_difference(judged)


# A word of consequence alone before an amount, opening its sentence or right after the amount before (not after a
# comma: "Die Rechnung über 930,00 €, also 900,00 € Material und …" restates a part).
# (a comma may stand before it: "pro Mahnung nehm ich 5 Euro, also 652,70 € gesamt")
# (with a hedge between: "…, macht nach meinem Stand 1.731,05 €")
_CONSEQUENCE_ALONE = re.compile(r"^[\s,;]*(?:(?:€|EUR|Euro)[\s,;]+)?(?:also|somit|macht|ergibt)"
                                r"(?:\s+(?:das|dies|dann|nach\s+(?:meinem|unserem)\s+(?:Stand|Wissen)))*\s*$",
                                re.IGNORECASE)
_SUM_WORD_AFTER = re.compile(r"^\W*(?:(?:EUR|Euro)\W+)?(?:insgesamt|zusammen|gesamt|in Summe)\b", re.IGNORECASE)
_DEDUCTION_MARK = re.compile(r"^\s*\./\.\s")
_CURRENCY_WORD = re.compile(r"\b(?:EUR|Euro)\b", re.IGNORECASE)
# Amounts added up in a sentence: "645,00 + 10,00", "645,00 plus Mahngebühren 10,00", "zzgl. 10,00".
_JOINED = re.compile(r"\+|\bplus\b|\bzzgl\b|\bzuzüglich\b", re.IGNORECASE)
# The items of a list written "amount, then its name" ("(254,35 Ware + 12,50 Mahnkosten + 5,00 Zinsen)"): the
# list marks before an amount, and the few words after it up to the next mark.
_LIST_MARK = re.compile(r"[+(,;]")
_NAME_AFTER = re.compile(r"\s*+(?:€|EUR\b|Euro\b)?+\s*([A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß.\- ]{1,40}?)\s*([+),;=]|$)",
                         re.IGNORECASE)


def _chain_label(masked: str, previous_end: int, token: MoneyToken, next_start: int) -> LabelVerdict | None:
    """The label of an item in a list that names each amount after it: no words stand between the list mark before
    the amount and the amount, and a short name follows it up to the next mark. Where amounts are joined by "+" the
    name is the item's whatever it says; in a list joined otherwise only a name of a claim part counts. None for
    every other amount: its label is read before it, as usual."""
    before = masked[previous_end:token.start]
    if WORD.search(_LIST_MARK.split(before)[-1]):
        return None
    named = _NAME_AFTER.match(masked, token.end, next_start)
    if named is None or not named.group(1)[0].isupper():
        return None  # a name is a noun; "zzgl. der Kosten", "inklusive Zinsen", "abzgl. …" say how the amount is made
    verdict = classify(named.group(1))
    joined = named.group(2) == "+" or "+" in before
    if verdict.label in ("principal", "interest", "costs", "total") or (joined and verdict.label == "other"):
        return verdict
    return None


# The sum after the last item's own name, typed short: "offen 517,34 + 10,00 mahngebuehr = 527,34".
_EQUALS_AFTER_ITEM = re.compile(r"^\s*(?:€|EUR|Euro)?\s*[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß.\- ]{0,30}?\s*=\s*"
                                r"(?:€|EUR|Euro)?\s*$", re.IGNORECASE)


def _equation_sum(masked: str, tokens: Sequence[MoneyToken], position: int, lead: str, clause: str) -> bool:
    """The amount after "=" in a clause about the claim; or, where the parts joined by "+" add up to it exactly, also
    after the last part's own name, in a clause that names the claim or a part of one."""
    equals = _EQUALS_LEAD.match(lead) is not None
    if not equals and _EQUALS_AFTER_ITEM.match(lead) is None:
        return False
    claim = _names_the_claim(clause)
    return (equals and claim) or (_chain_adds_up(masked, tokens, position) and (claim or _names_a_part(clause)))


def _chain_adds_up(masked: str, tokens: Sequence[MoneyToken], position: int) -> bool:
    """The amounts joined by "+" right before the one at `position` add up to it exactly (two or more of them)."""
    index = position - 1
    total = tokens[index].value
    while index > 0 and _JOINED.search(masked[tokens[index - 1].end : tokens[index].start]):
        index -= 1
        total += tokens[index].value
        if total == tokens[position].value:
            return True
    return False


def _names_a_part(clause: str) -> bool:
    """The sum's clause names a part of a claim ("488,50 + Mahnkosten 3,00 = 491,50 EUR"): the "+" adds a claim up."""
    folded = fold(clause)
    return any(classify(piece).label in ("interest", "costs") for piece in _JOINED.split(folded))


def _names_the_claim(clause: str) -> bool:
    folded = fold(clause)
    return bool(CLAIM_TOTAL.search(folded) or BALANCE.search(folded))


def _own_lead(masked: str, lead_start: int, clause_start: int, end: int) -> str:
    """The words that lead to the amount at `end`, from `lead_start` (the end of the amount before it), or from the
    last clause mark after that amount. Where
    that amount stood in a bracket that closes right before this one ("Mindestzahlung (mind. 25,00 EUR)
    165,92 EUR"), the bracket is an aside inside this amount's label: the lead is the label around it."""
    lead = masked[lead_start:end]
    if lead_start > clause_start and (marks := list(_CLAUSE_MARK_INSIDE.finditer(lead))) \
            and WORD.search(lead[marks[-1].end():]):
        # "300,00 € sind eingegangen, es verbleiben 1.910,00 €": the words up to the clause mark are the amount
        # before's ("eingegangen" is its trail); this amount's own words start after the mark.
        return lead[marks[-1].end():]
    close = lead.find(")")
    if close < 0 or WORD.search(lead[close + 1 :]):
        return lead
    opening = masked.rfind("(", clause_start, lead_start)
    if opening < 0 or ")" in masked[opening:lead_start]:
        return lead
    return masked[clause_start:opening] + lead[close + 1 :]


def _not_yet(masked: str, clause_start: int, clause: str, trail: str, sentence_before: str,
             previous_sentence: str) -> bool:
    """Whether the amount after `clause` is owed only later or under a condition (extraction/future.py)."""
    if clause_start > 0:
        before = clause
        previous = masked[_clause_start(masked, clause_start - 1):clause_start]
    elif sentence_before and not _ends_with_amount(sentence_before):
        before, previous = f"{sentence_before} {clause}", ""
    else:
        # A line before that ends with its amount is a row of its own ("Miete ab 01.09.: 700,00 €"), not the
        # start of this line's sentence: its words say nothing about this line's amount.
        before, previous = clause, sentence_before or previous_sentence
    return not_yet(before, trail, previous)


def _ends_with_amount(text: str) -> bool:
    tokens = _money_in(text)
    return bool(tokens) and not WORD.search(text[tokens[-1].end:].replace("EUR", "").replace("Euro", ""))


def _trail_label_text(trail: str, more_follow: bool) -> str:
    """The text after an amount that may label it: up to a bracket, and, where another amount follows on the
    line, up to an adding word ("zzgl", "+") and up to the last comma before it. What stands after that comma
    leads into the next amount ("nachdem die Dezembermiete (615,00 €) nicht eingegangen ist, beträgt der
    Rückstand nunmehr 2.566,40 €") and labels it."""
    text = _BRACKET.split(trail, maxsplit=1)[0]
    if not more_follow:
        return text
    # "864,30 € offen zzgl mahngeb. 15€": what follows an adding word names the next item, not this one.
    return _JOINED.split(text, maxsplit=1)[0].rsplit(",", 1)[0]


def _unit_count(token: MoneyToken, lead: str, trail: str, after: str, label: AmountLabel) -> int | None:
    """How often a per-unit amount counts in sums: its stated count, when nothing else rejects the charge
    (paid, future, instalment …) and no rate follows it ("je Monat", "pro Tag", "monatlich"). A bare factor
    ("2 x 5,00 €") names nothing counted: it counts only for an amount labelled a fee or interest."""
    if _PER_UNIT_AFTER.match(after) or _noise_reason(token, lead, trail, after, per_unit=False) is not None:
        return None
    return unit_count(lead, after) or (factor_count(lead) if label in ("costs", "interest") else None)


def _included_part(clause: str) -> LabelVerdict | None:
    """"Der Rückstand beläuft sich einschließlich Säumniszuschlägen von 71,50 € derzeit auf 1.797,50 €": a figure
    after an included part's "von", with the whole's figure after it in the sentence, is that part's."""
    folded = fold(clause)
    included = next(INCLUSION.finditer(folded), None)
    if included is None or included.start() == 0 or not _PART_FIGURE_NEXT.search(folded):
        return None
    part = classify(folded[included.end():])
    return part if part.label in _NAMED_PARTS else None


_PART_FIGURE_NEXT = re.compile(r"\bvon\W*(?:eur|euro)?\W*$")
# A sentence's end between two amounts.
_SENTENCE_BETWEEN = re.compile(r"[.!?](?:\s|$)")


def _wrapped_lead(carry: str, lead: str, clause_start: int, ends_sentence: bool) -> str | None:
    """The words of the line before that lead to the amount when its sentence wrapped there, else None: nothing
    but the amount starts this line, or the wrap fell inside the label's phrase ("… beträgt zum heutigen" / "Tag
    2.140,00 €"), or the sentence the amount ends began on the line before and named the claim there ("…
    offen. Zusammen schuldet" / "Frau B. uns damit 2.131,34 €.")."""
    whole = _masked(carry)
    if not WORD.search(_LEADING_UNIT.sub("", lead)):  # the currency alone before it ("… beträgt per 31.01." / "EUR …")
        return whole
    # A line that ends in a comma and names no amount of its own runs on too ("Macht … Euro die noch fehlen," /
    # "also die 2.350,- .").
    runs_on = carry.rstrip()[-1:].islower() or (carry.rstrip().endswith(",") and not _money_in(carry))
    # A row's label wrapped before the period it covers: "Zinsen hieraus 5 Prozentpunkte über dem Basiszinssatz" /
    # "  seit 22.05. bis 22.02.      54,31 EUR".
    if clause_start == 0 and _ONLY_A_PERIOD.match(lead) and not _money_in(carry):
        return whole
    if clause_start != 0 or not runs_on:
        return None
    if len(lead.split()) <= 2:
        return whole
    # "… beträgt unsere Forderung aus" / "dem Darlehen 3340 118 655 zum 16.03.2031 5.214,77 €": the line before
    # names the claim and holds no amount, and this line's words before the amount name nothing. A table's header
    # row ("… Faktor Betrag") neither ends in a small word nor stands over a row that ends its sentence.
    own = _CLAUSE_MARK_INSIDE.split(whole)[-1]
    if _money_in(carry) or not _names_the_claim(own):
        return None
    began = _SENTENCE_OR_COLON.split(own)[-1]
    if INCLUSION.search(fold(began)) and _names_the_claim(began) \
            and classify(f"{began} {lead}").label in ("total", "balance"):
        # the part this line names is one the claim the sentence began with on the line before includes ("Die
        # Forderung beträgt einschließlich der seit Erstellung" / "Ihres Plans angefallenen Kosten derzeit 412,49 €")
        return began
    if _INCLUDED_PART_FIRST.match(fold(lead)) and not _PART_FIGURE_BEFORE.search(fold(lead)) \
            and classify(f"{began} {lead}").label in ("total", "balance"):
        # the line opens with the parts the claim named on the line before includes ("Der Rückstand … beträgt" /
        # "einschließlich Säumniszuschlägen zum heutigen Tag 3.702,34 €")
        return began
    if classify(lead).label not in ("other", "unlabelled"):
        return None
    if _ENDS_IN_SMALL_WORD.search(own):
        return whole
    # A sentence begun on the line before says what the amount it ends is only when the two lines together name a
    # whole (a total or a balance, not one part) in the present ("The balance … was EUR 1,004.20" is a past one).
    joined = f"{own} {lead}"
    named = ends_sentence and classify(joined).label in ("total", "balance") and not _PAST_COPULA.search(fold(joined))
    return whole if named else None


# Words that name only a period: "seit 22.05.2098 bis 22.02.2099", "vom 01.03. – 31.05.", "für die Zeit ab 04/2098".
_ONLY_A_PERIOD = re.compile(r"^(?:(?:seit|vom|von|ab|bis|zum|für|die|den|der|Zeit|Zeitraum|im|per|from|since|to|"
                            r"until)\b|[\d#./:–-]|\s)++$", re.IGNORECASE)
_SENTENCE_OR_COLON = re.compile(r"[.:!?](?:\s|$)")
_PAST_COPULA = re.compile(r"\b(?:war|waren|betrug|betrugen|belief|beliefen|stand|standen|was|were)\b")
# The amount ends its sentence: "… uns damit 2.131,34 €." (a currency word may stand between).
_ENDS_SENTENCE = re.compile(r"\s*+(?:€|EUR\b|Euro\b)?\s*+[.!](?:\s|$)", re.IGNORECASE)


# A next line that is a main clause of its own, its object or a time put first and its subject after the verb
# ("theorie und grundbetrag hat er bezahlt" under "… zusammen 517,-€"): a writer who types every line in lower case
# starts a new sentence there, and what that clause says is paid is not the figure above.
_OWN_MAIN_CLAUSE = re.compile(r"^\s*(?:[^\W\d]+\s+){1,4}?(?:hat|haben|hatte|hatten|ist|sind|war|waren|wurde|wurden)\s+"
                              r"(?:er|sie|wir|ich|es|man)\b", re.IGNORECASE)
# A sentence broken off after a preposition or an article runs on in the next line; a table's header row ("… Faktor
# Betrag") does not end so.
_ENDS_IN_SMALL_WORD = re.compile(r"\s(?:aus|von|auf|mit|zu|zum|zur|über|bei|in|im|für|um|dem|den|der|die|das|des"
                                 r"|ein|eine|einen|einem|noch|derzeit|aktuell|insgesamt"
                                 # a determiner waits for its noun ("… gegen diesen" / "Rückstand verrechnet")
                                 r"|diese[mnrs]?|unsere[mnrs]?|ihre[mnrs]?|seine[mnrs]?|gegen)\s*$", re.IGNORECASE)


def _row_difference(row: list[Candidate]) -> list[Candidate]:
    """A row of exactly three amounts where the first minus the second is the third ("Gesamt 245,45 20,00
    225,45" with no header read) is billed, paid, open: only the open amount can be the claim."""
    live = [c for c in row if c.reason is None]
    if len(live) != 3 or len(row) != 3:
        return row
    billed, paid, open_ = live
    text = billed.line.text
    between = text[billed.start + len(billed.raw):paid.start] + text[paid.start + len(paid.raw):open_.start]
    if WORD.search(between) or not (paid.value > 0 and open_.value > 0
                                        and billed.value - paid.value == open_.value):
        return row
    return [billed.reject("billed amount of a row whose billed − paid = open"),
            paid.reject("paid amount of a row whose billed − paid = open"),
            replace(open_, features=(*open_.features, _ROW_ARITHMETIC))]


_OPENS_BRACKET = re.compile(r"^[\s€]*(?:EUR|Euro)?\s*[(\[]", re.IGNORECASE)


def _breakdowns_share_rejection(row: list[Candidate]) -> list[Candidate]:
    """Amounts in a bracket right after a rejected amount that add up to it are its breakdown
    ("monatlich 770,00 € (Grundmiete 620,00 €, Nebenkosten 150,00 €)"): they are rejected with it, also where some
    of them are rejected on their own ("… Vorauszahlung Betriebskosten 98,00 €": the rest is the same breakdown)."""
    judged = list(row)
    for index, whole in enumerate(row):
        if whole.reason is None or whole.value <= 0:
            continue
        after = whole.line.text[whole.start + len(whole.raw):]
        if not _OPENS_BRACKET.match(after):
            continue
        close = whole.line.text.find(")", whole.start + len(whole.raw))
        end = close if close >= 0 else len(whole.line.text)
        parts = [i for i in range(index + 1, len(row)) if row[i].start < end]
        if len(parts) > 1 and sum((row[i].value for i in parts), Decimal(0)) == whole.value:
            for i in parts:
                if row[i].reason is None:
                    judged[i] = row[i].reject(f"part of {whole.value} ({whole.reason})")
    return judged


# A row that names an identifier ("Vertrag | 4418812", "Kunden-Nr. | 70011"): its whole number is no amount.
_IDENTIFIER_ROW = re.compile(r"^\s*(?:[\w.-]*(?:nummer|nr\.?)|vertrag\w*|\w*konto|aktenzeichen|az\.?|referenz|"
                            r"kassenzeichen|mandat\w*|vorgang\w*|\w*zeichen)\s*:?\s*$", re.IGNORECASE)


def _cell_tokens(text: str, found: list[MoneyToken]) -> list[MoneyToken]:
    """Spreadsheet cells holding a bare number ("398.5", "504,31") that find_money skipped."""
    tokens: list[MoneyToken] = []
    position = 0
    taken = {token.start for token in found}
    cells = _CELL_SPLIT.split(text)
    identifier_row = bool(cells) and _IDENTIFIER_ROW.match(cells[0]) is not None
    for cell in cells:
        start = text.find(cell, position)
        position = start + len(cell)
        value = parse_cell_number(cell)
        if value is None or start in taken or not WORD.search(text):
            continue
        if identifier_row and not any(mark in cell for mark in ".,"):
            continue
        tokens.append(MoneyToken(start, start + len(cell), value, cell, False, "." in cell, value < 0))
    return tokens


_CURRENCY_ALONE = re.compile(r"^\s*(?:€|EUR|Euro)\s*:?\s*$", re.IGNORECASE)
_AMOUNT_ALONE = re.compile(r"^\s*[-−–]?\s*\d{1,3}(?:\.\d{3})*,\d{2}\s*$")


def _previous_index(lines: Sequence[SourceLine], index: int) -> int | None:
    """Where the nearest non-blank line before `index` in the same source and part stands (one blank line may lie
    between)."""
    for back in (1, 2):
        if index - back < 0:
            return None
        before = lines[index - back]
        if before.source != lines[index].source or before.part != lines[index].part:
            return None
        if before.text.strip():
            return index - back
    return None


def _previous_line(lines: Sequence[SourceLine], index: int) -> SourceLine | None:
    found = _previous_index(lines, index)
    return None if found is None else lines[found]


def _label_line(lines: Sequence[SourceLine], index: int) -> str | None:
    """The label on the line before an amount: a short label alone there (PDF tables put "Gesamtforderung"
    above its amount), or the last clause of a sentence that leads into it ("… beläuft sich auf" / ":")."""
    at = _previous_index(lines, index)
    if at is not None and _CURRENCY_ALONE.match(lines[at].text) and _AMOUNT_ALONE.match(lines[index].text):
        # a form that gives label, currency and figure a line each ("Gesamtforderung" / "EUR" / "8.592,17")
        at = _previous_index(lines, at)
    before = None if at is None else lines[at]
    if before is None or _money_in(before.text):
        return None
    text = before.text.strip()
    if len(text) <= 60:
        return text
    masked = _masked(text)
    clause = masked[_clause_start(masked, len(text)) :]
    leads_in = clause.rstrip().endswith(":") or bool(LEADS_TO_NEXT_LINE.search(fold(clause.split()[-1])))
    return clause if leads_in else None


def _sentence_before(lines: Sequence[SourceLine], index: int) -> str:
    """The start of the sentence a line continues: the text after the last sentence end on the lines right
    before it (up to three, no blank line between), or "" when the line before ends a sentence."""
    parts: list[str] = []
    for back in range(index - 1, max(index - 4, -1), -1):
        before = lines[back]
        if before.source != lines[index].source or before.part != lines[index].part or not before.text.strip():
            break
        masked = _masked(before.text.strip())
        if _SENTENCE_END.search(masked):
            break
        start = _clause_start(masked, len(masked))
        parts.insert(0, masked[start:])
        if start > 0:
            break
    return " ".join(parts)


def _previous_sentence(lines: Sequence[SourceLine], index: int) -> str:
    """The last sentence of the nearest non-blank line before `index` (same source and part), or ""."""
    before = _previous_line(lines, index)
    if before is None:
        return ""
    masked = _masked(before.text.strip())
    return masked[_clause_start(masked, max(len(masked) - 1, 0)):]


def _carried_text(lines: Sequence[SourceLine], index: int) -> str | None:
    """The previous line's last sentence when the current line continues it (same part, no amount in it)."""
    before = _previous_line(lines, index)
    if before is None:
        return None
    text = before.text.strip()
    if _SENTENCE_END.search(text):
        return None
    # "Sie gehen … von 5.620,00 € aus. Nach Abschluss … beträgt unsere Forderung aus": the sentence that runs on
    text = text[_clause_start(_masked(text), len(text)):]
    tokens = _money_in(text)
    if not tokens:
        return text
    # "… und Kosten von 15,00 EUR, zusammen" / "3.149,91 EUR.": a sum word after the line's last amount leads into the
    # amount that opens the next line (other words there, "612,40 EUR (Restbetrag der Jahresrechnung" / "598,40 EUR
    # …", open an aside about the parts)
    tail = _LEADING_UNIT.sub("", text[tokens[-1].end:])
    summed = STRONG_TOTALIZER.search(fold(tail)) is not None or tail.strip() in ("=", "macht", "ergibt")
    return tail if summed and _AMOUNT_FIRST.match(lines[index].text) else None


# … but not the part's own figure ("(einschließlich Mahnkosten in Höhe von EUR 15,00)").
_PART_FIGURE_BEFORE = re.compile(r"\b(?:von|in hoehe von|i\.\s?h\.\s?v\.?|ueber|mit)\s*(?:eur\w*|€)?\s*$")
_INCLUDED_PART_FIRST = re.compile(r"^\W*(?:einschliesslich|einschl|inklusive|inkl|including|incl)\b")
_ADDED_PART_FIRST = re.compile(r"^\W*(?:zuzueglich|zzgl|einschliesslich|einschl|inklusive|inkl|samt|nebst)\b")
_LEADING_UNIT = re.compile(r"^\s*(?:€|EUR\b|Euro\b)?[\s,;]*", re.IGNORECASE)
_AMOUNT_FIRST = re.compile(r"^\s*(?:€|EUR\s)?\s*-?\d")


def collect_amounts(lines: Sequence[SourceLine]) -> list[Candidate]:
    """Every amount in every line, in reading order, labelled and judged."""
    # The caches serve one email only: its lines are read several times, other emails' lines never again.
    _money_in.cache_clear()
    _masked.cache_clear()
    _sentence_starts.cache_clear()
    forget_lines()
    candidates: list[Candidate] = []
    headers = headers_by_line(lines)
    for index, line in enumerate(lines):
        if not line.text.strip() or not (line.tabular or _money_in(line.text)):
            continue  # no amount on the line: its label line and carry would label nothing
        following = lines[index + 1] if index + 1 < len(lines) else None
        next_text = following.text if following is not None and following.source == line.source else None
        candidates.extend(_line_candidates(
            line, _label_line(lines, index), next_text, _carried_text(lines, index), headers.get(index),
            _sentence_before(lines, index), _previous_sentence(lines, index)))
    candidates = _minus_rows_deducted(lines, _under_aligned_headers(lines, candidates))
    in_currency = _under_currency_header(lines)
    header_of = {id(line): headers[index] for index, line in enumerate(lines) if index in headers}
    judged = [_reject_unlabelled_integer(_with_header_currency(candidate, in_currency),
                                         header_of.get(id(candidate.line))) for candidate in candidates]
    judged = _running_balances(lines, judged)
    return _debits_written_negative(_credit_balances(_sums_under_a_rule(lines, _products_stated(
        _reject_row_numbers(judged)))))



def _debits_written_negative(candidates: list[Candidate]) -> list[Candidate]:
    """A bank's statement that writes what the debtor owes with a minus ("Saldo zum Kündigungszeitpunkt -3.318,77 /
    Zinsen seit Kündigung -83,39 / Saldo per 18.03. -3.402,16") writes its charges the same way: interest or costs
    written negative beside a balance written negative are added, not taken off."""
    debit_sources = {c.line.source for c in candidates if c.sign_flipped and not c.rejected}
    if not debit_sources:
        return candidates
    judged: list[Candidate] = []
    for candidate in candidates:
        if candidate.reason == _NEGATIVE_LINE and candidate.line.source in debit_sources and candidate.value < 0 \
                and (charge := classify(candidate.label_text)).label in ("interest", "costs"):
            candidate = replace(candidate, value=-candidate.value, label=charge.label, reason=None, sign_flipped=True)
        judged.append(candidate)
    return judged


def _credit_balances(candidates: list[Candidate]) -> list[Candidate]:
    """A balance written negative ("Saldo -23,16") whose figure the same text calls a credit ("Das Guthaben von
    23,16 EUR überweisen wir …") is the debtor's credit, not a claim read without its sign."""
    credits = {(c.line.source, c.value) for c in candidates if c.reason == CREDIT_REASON}
    if not credits:
        return candidates
    judged = list(candidates)
    for index, candidate in enumerate(candidates):
        if not candidate.sign_flipped or candidate.rejected or (candidate.line.source, candidate.value) not in credits:
            continue
        judged[index] = candidate.reject(CREDIT_REASON)
        # The rows that add up to it ("Beitragsrückstand 96,40 / Mahngebühr 3,00 / Gutschrift -115,80") are its items.
        running = Decimal(0)
        for before in range(index - 1, -1, -1):
            row = candidates[before]
            if row.line.source != candidate.line.source or row.line.part != candidate.line.part:
                break
            running += row.value
            if running == -candidate.value:
                for item in range(before, index):
                    judged[item] = judged[item].reject(_ITEM_OF_A_CREDIT)
                break
    return judged


# A column added up under a drawn rule ("1.962,00" / "94,00" / "8,50" / "------" / "2.064,50"): the figure alone
# under the rule is the sum of the rows above when they add up to it, a total though no word names it.
_DRAWN_RULE = re.compile(r"^\s*(?:-{3,}|_{3,}|={3,})\s*$")
_MIN_SUMMED_ROWS = 2


def _sums_under_a_rule(lines: Sequence[SourceLine], candidates: list[Candidate]) -> list[Candidate]:
    """Only where no figure is named the total or the balance by a word of its own (not a bare "fällig" or
    "beträgt"): a named one outranks a sum no word names."""
    judged = list(candidates)
    named = [c for c in candidates if not c.rejected and c.label in ("total", "balance")]
    if any(c.label == "total" or not is_weak_balance(c.label_text) for c in named):
        return judged
    position = {id(line): index for index, line in enumerate(lines)}
    by_line: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        by_line.setdefault(id(candidate.line), []).append(candidate)
    for index, candidate in enumerate(candidates):
        here = position.get(id(candidate.line))
        alone = len(by_line[id(candidate.line)]) == 1
        if here is None or candidate.rejected or candidate.label != "unlabelled" or not alone \
                or candidate.line.text[:candidate.start].strip() \
                or not _ENDS_LINE.match(_masked(candidate.line.text)[candidate.start + len(candidate.raw):]):
            continue  # not a figure alone on its line (a currency may follow it)
        rule = _previous_index(lines, here)
        if rule is None or not _DRAWN_RULE.match(lines[rule].text):
            continue
        below = lines[here + 1] if here + 1 < len(lines) else None
        if below is not None and below.part == candidate.line.part and id(below) in by_line:
            continue  # the sum goes on ("abzüglich Barzahlung - 200,00 €" / "noch offen 981,00 €"): a subtotal
        rows: list[Candidate] = []
        above = _previous_index(lines, rule)
        while above is not None and id(lines[above]) in by_line:
            row = [c for c in by_line[id(lines[above])] if not c.rejected]
            if not row or not _ENDS_LINE.match(_masked(lines[above].text)[row[-1].start + len(row[-1].raw):]):
                break
            rows.append(row[-1])
            # the rows above run on without a blank line between them
            above = _previous_index(lines, above) if above > 0 and lines[above - 1].text.strip() else None
        if len(rows) >= _MIN_SUMMED_ROWS and sum(row.sum_value for row in rows) == candidate.value:
            judged[index] = replace(candidate, label="total", label_text="Summe",
                                    features=(*candidate.features, "sum of the rows above a drawn rule"))
    return judged


# A calculation written as lines: "Restschuld: 6.114,90" / "+ Zinsen: 88,17" / "– Leistung der Versicherung: 1.044,00" /
# "= Restforderung: 5.164,07". A row opened by a minus in a block that adds with "+" and closes with "=" is taken off.
_PLUS_ROW = re.compile(r"^\s*\+\s")
_MINUS_ROW = re.compile(r"^\s*[-–−]\s")
_EQUALS_ROW = re.compile(r"^\s*=\s")


def _minus_rows(lines: Sequence[SourceLine]) -> set[int]:
    """The minus rows (line ids) of each block of consecutive written lines of one source and part."""
    rows: set[int] = set()
    for (_source, _part, written), run in groupby(lines, key=lambda line: (line.source, line.part,
                                                                            bool(line.text.strip()))):
        block = list(run)
        if written and any(_PLUS_ROW.match(row.text) for row in block) \
                and any(_EQUALS_ROW.match(row.text) for row in block):
            rows.update(id(row) for row in block if _MINUS_ROW.match(row.text))
    return rows


def _minus_rows_deducted(lines: Sequence[SourceLine], candidates: list[Candidate]) -> list[Candidate]:
    rows = _minus_rows(lines)
    if not rows:
        return candidates
    return [replace(c, value=-c.value, label="deduction").reject("deduction (a minus row of a calculation)")
            if id(c.line) in rows and c.value > 0 and c.label != "deduction" else c for c in candidates]


def _under_aligned_headers(lines: Sequence[SourceLine], candidates: list[Candidate]) -> list[Candidate]:
    """Figures under a space-aligned heading for the firm's figure or a difference ("Gesamtforderung   512,00 €
    538,45 €   +26,45 €" under "laut Ihrem Schreiben   laut unserer Buchhaltung   Differenz") are not the claim."""
    headers = {id(lines[index]): header for index, header in aligned_headers(lines).items()}
    if not headers:
        return candidates
    judged: list[Candidate] = []
    for candidate in candidates:
        header = headers.get(id(candidate.line))
        if header is not None and candidate.reason is None:
            role, name = aligned_role(header, candidate.start, candidate.start + len(candidate.raw))
            if role == "firm":
                candidate = candidate.reject(f"{_FIRMS_FIGURE} ({name})")
            elif role == "difference":
                candidate = candidate.reject(f"difference column ({name}), not the claim")
        judged.append(candidate)
    return judged


# The title row of an account statement that keeps a running balance: booking columns (Soll/Haben, Belastung/
# Gutschrift, debit/credit) and a last column "Saldo" ("Datum  Buchungstext  Soll  Haben  Saldo").
_BOOKING_COLUMNS = re.compile(
    r"\b(?:Soll\b.*\bHaben|Belastung\w*\b.*\bGutschrift|Lastschrift\w*\b.*\bGutschrift|debit\b.*\bcredit)\b",
    re.IGNORECASE)
_BALANCE_COLUMN_LAST = re.compile(r"\b(?:Saldo|Kontostand|Stand|balance)\s*$", re.IGNORECASE)
# A booking row starts with its date; the first line that does not ("Offener Saldo: …", a note) ends the table.
_BOOKING_ROW = re.compile(r"^\s*\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})?\s")


def _running_balance_rows(lines: Sequence[SourceLine]) -> list[list[int]]:
    """The rows (line ids) below each running-balance title, in order, up to the first line that is no dated row
    with an amount."""
    tables: list[list[int]] = []
    index = 0
    while index < len(lines):
        title = lines[index]
        if not (title.part in ("reply", "attachment") and _BOOKING_COLUMNS.search(title.text)
                and _BALANCE_COLUMN_LAST.search(title.text.strip()) and not _money_in(title.text)):
            index += 1
            continue
        rows: list[int] = []
        index += 1
        while index < len(lines) and lines[index].source == title.source and lines[index].part == title.part \
                and _BOOKING_ROW.match(lines[index].text) and _money_in(lines[index].text):
            rows.append(id(lines[index]))
            index += 1
        if len(rows) >= 2:
            tables.append(rows)
    return tables


def _running_balances(lines: Sequence[SourceLine], candidates: list[Candidate]) -> list[Candidate]:
    """In a statement with a running balance the last row's balance is the open claim; every earlier row's
    balance is a past state, and the bookings (Soll/Haben) are movements, not the claim."""
    tables = _running_balance_rows(lines)
    if not tables:
        return candidates
    judged = list(candidates)
    for rows in tables:
        by_row = {row: [i for i, c in enumerate(candidates) if id(c.line) == row] for row in rows}
        if any(not found for found in by_row.values()):
            continue  # a row without an amount read: the table is not what it seems
        # a row's balance is its last figure
        balance_of = {row: max(found, key=lambda i: candidates[i].start) for row, found in by_row.items()}
        checked = _balances_add_up([(candidates[balance_of[row]], [candidates[i] for i in by_row[row]])
                                    for row in rows])
        for row in rows:
            found = by_row[row]
            balance = balance_of[row]
            for i in found:
                if i != balance:
                    judged[i] = candidates[i].reject("a booking in a statement with a running balance")
                elif row != rows[-1]:
                    judged[i] = candidates[i].reject("running balance of an earlier row, not the current claim")
                else:
                    judged[i] = replace(candidates[i], label="balance", label_text="Saldo", reason=None,
                                        features=(*candidates[i].features, "last running balance of the statement",
                                                  *((RUNNING_BALANCES_ADD_UP,) if checked else ())))
    # The closing row that repeats the last balance ("Saldo per 11.04.2063 | | | 1.111,50") shares its check.
    checked_balances = {(c.line.source, c.value) for c in judged if RUNNING_BALANCES_ADD_UP in c.features}
    return [replace(c, features=(*c.features, RUNNING_BALANCES_ADD_UP))
            if (c.line.source, c.value) in checked_balances and RUNNING_BALANCES_ADD_UP not in c.features
            and not c.rejected and c.label in ("total", "balance") else c for c in judged]


RUNNING_BALANCES_ADD_UP = "the running balances add up row by row"
_MIN_CHECKED_ROWS = 3


def _balances_add_up(rows: list[tuple[Candidate, list[Candidate]]]) -> bool:
    """Each row's balance differs from the row above's by one of its own bookings, or not at all where it books
    nothing ("Saldo per 11.04. | | | 1.111,50"): the statement's arithmetic holds from top to bottom. `rows` are
    (balance, the row's amounts) in order."""
    if len(rows) < _MIN_CHECKED_ROWS:
        return False
    for (above, _), (below, row) in pairwise(rows):
        change = abs(below.value - above.value)
        bookings = {abs(c.value) for c in row if c is not below}
        if change not in bookings and not (change == 0 and not bookings):
            return False
    return True


_WITH_CENTS = re.compile(r"[.,]\d{2}$|,-+$")
_BARE_DIGITS = re.compile(r"\d+")


def _reject_row_numbers(candidates: list[Candidate]) -> list[Candidate]:
    """In a table row whose amounts are written with cents, a bare whole number is a document, contract or
    customer number ("15.01.2026 | 7100234455 | Jahresabrechnung | 642,18"), not an amount."""
    with_cents = {id(c.line) for c in candidates if c.line.tabular and _WITH_CENTS.search(c.raw.strip())}
    return [c.reject("a whole number in a row of amounts with cents: a document or account number")
            if id(c.line) in with_cents and not c.rejected and not c.has_currency
            and _BARE_DIGITS.fullmatch(c.raw.strip()) else c
            for c in candidates]


def _products_stated(candidates: list[Candidate]) -> list[Candidate]:
    """A counted per-unit amount whose product stands right next to it ("2 × 5,00 € = 10,00 €", "10,00 € (2 ×
    5,00 €)") is counted through that product: the unit price no longer counts, or the sum would hold it twice."""
    judged = list(candidates)
    for index, unit in enumerate(candidates):
        if unit.count is None:
            continue
        neighbours = candidates[max(index - 1, 0):index] + candidates[index + 1:index + 2]
        if any(other.count is None and other.value == unit.sum_value and other.line.source == unit.line.source
               and other.line.part == unit.line.part for other in neighbours):
            judged[index] = replace(unit, count=None)
    return judged


# A column title that names the currency of the amounts below it: "Betrag (EUR)", "Betrag EUR", "Saldo in €".
_CURRENCY_HEADER = re.compile(
    r"\b(?:Betrag|Beträge|Summe|Saldo|Soll|Haben|Forderung|Wert|Amount|Balance)\w*\s*(?:[(\[]\s*|in\s+)?"
    r"(?:EUR|€|Euro)(?![A-Za-z])",
    re.IGNORECASE,
)
# A row of column titles, letters only, whose last title is the currency of the figures below it
# ("Fälligkeit Abgabe EUR", "Datum | Vorgang | €").
_TITLES_ENDING_IN_CURRENCY = re.compile(r"^[^\W\d_][^\d.:;!?]{0,60}?[\s|]\(?(?:EUR|€|Euro)\)?\s*$", re.IGNORECASE)
_CENTS = re.compile(r"(?:,|\.)(?:\d{2}|[-–—]{1,2})$")


# A statement's note on the currency of all its figures ("Alle Beträge in Euro.", "Angaben in EUR", "Währung: EUR").
_CURRENCY_NOTE = re.compile(
    r"\b(?:Beträge|Betraege|Angaben|Werte|Zahlen)\s+(?:sind\s+|verstehen\s+sich\s+)?(?:in|auf)\s+(?:EUR|€|Euro)\b"
    r"|\bWährung\s*:?\s*(?:EUR|€|Euro)\b",
    re.IGNORECASE,
)


def _under_currency_header(lines: Sequence[SourceLine]) -> set[int]:
    """The lines (by id) that stand below a column title naming the currency, in the same source and part:
    a statement whose header says "Betrag (EUR)" writes its rows "42,50" without the sign; and every line of a
    reply or attachment whose note says all its figures are in euro."""
    noted = {(line.source, line.part) for line in lines
             if line.part in ("reply", "attachment") and _CURRENCY_NOTE.search(line.text)}
    marked: set[int] = {id(line) for line in lines if (line.source, line.part) in noted}
    place_seen: tuple[str, str] | None = None
    for line in lines:
        where = (line.source, line.part)
        if place_seen is not None and where != place_seen:
            place_seen = None
        if place_seen is not None:
            marked.add(id(line))
        elif line.part in ("reply", "attachment") and _is_currency_header(line.text):
            place_seen = where
    return marked


def _is_currency_header(text: str) -> bool:
    if _money_in(text):
        return False
    if _CURRENCY_HEADER.search(text):
        return True
    return _TITLES_ENDING_IN_CURRENCY.match(text.strip()) is not None and 2 <= len(text.split()) <= 8


def _with_header_currency(candidate: Candidate, in_currency: set[int]) -> Candidate:
    if candidate.has_currency or id(candidate.line) not in in_currency or not _CENTS.search(candidate.raw):
        return candidate
    return replace(candidate, has_currency=True, features=(*candidate.features, "currency named in the column title"))


def _reject_unlabelled_integer(candidate: Candidate, header: tuple[str, ...] | None = None) -> Candidate:
    """A sheet's number without a currency or a claim label is no amount, unless it is written with cents under a
    column whose title names an amount ("Beleg | Datum | Text | Betrag" over "… | 2.412,60"): a sheet keeps its
    currency in the cell's format."""
    if candidate.line.tabular and not candidate.has_currency and not is_claim_label(candidate.label):
        cell = place(candidate.line.text, candidate.start, header) \
            if header and _CENTS.search(candidate.raw) and _one_figure_cell(candidate) else None
        if cell is None or cell.role == "other":
            return candidate.reject("plain number in a sheet without an amount label")
    return candidate


_FIGURE_CELL = re.compile(r"^\s*-?\d{1,3}(?:\.?\d{3})*,\d{2}\s*(?:€|eur)?\s*$", re.IGNORECASE)


def _one_figure_cell(candidate: Candidate) -> bool:
    """The row holds no other cell that is a figure alone: a list of items with one amount each, not a bill's rows of
    quantity, unit price and amount, or a ledger's columns of billed, paid and open."""
    figures = [cell for cell in cells(candidate.line.text) if _FIGURE_CELL.match(cell)]
    return len(figures) <= 1
