"""extraction/unit_counts.py — how many units a per-unit amount is charged for; invariant: no clear count, no count.

"zwei Mahnungen zu je 2,90 €" names 2 × 2,90 €: the 2,90 € is a price per unit (never a total), but the fee it
adds to the claim is 5,80 €. The count has to stand right with the amount, in one of these shapes:

- count and counted things before the per-unit word: "zwei Mahnungen zu je 2,90 €", "3 Rücklastschriften à
  4,50 €", "2 x Mahngebühr à 5,00 €";
- the per-unit word before, the count after: "je 2,90 € für zwei Mahnungen";
- the times a charging act happened, before the per-unit word: "zweimal gemahnt, je 5,00 €";
- a bare factor right before the amount, which names nothing: "Mahngebühren 2 x 5,00 €". It counts only where
  the amount's own label makes it a fee or interest (`factor_count`); "gezahlte Abschläge 5 × 62,00 €" or
  "Ratenzahlung 12 x 50,00 €" count nothing.

A count is read only for a charge the sentence states as incurred: one it puts under a condition or in the
future ("Sollte … keine Zahlung eingehen, fallen zwei Mahnungen zu je 10,00 € an", "ab 01.12. berechnen wir zwei
Sperrgebühren zu je 10,00 €") has none, or it would make a total that is not owed yet add up.

Anything else has no count: a rate per period ("5,00 € je Monat", "8,00 € pro Tag", "zwei Verträge zu je
5,00 € monatlich"), periods counted ("3 Monate zu je 50,00 €" is a schedule, not a list of charges), or "je"
with nothing counted ("Mahn- und Bearbeitungsgebühr von je 5,00 €").
"""

from __future__ import annotations

import re

from app.services.extraction.labels import fold

_NUMBER_WORDS = {
    "zwei": 2, "beide": 2, "beiden": 2, "drei": 3, "vier": 4, "fuenf": 5, "sechs": 6, "sieben": 7, "acht": 8,
    "neun": 9, "zehn": 10, "elf": 11, "zwoelf": 12,
}
# A count is a small whole number standing alone (not the end of "2.318" or "15.10.") or a number word.
_COUNT = r"(?P<count>(?<![\w.,/-])\d{1,2}|\b(?:" + "|".join(_NUMBER_WORDS) + r"))"
# The counted things: one to three words ("Mahnungen", "weitere Mahnungen", "erfolglose schriftliche Mahnungen").
_THINGS = r"(?P<things>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})"
_CURRENCY = r"(?:€|eur|euro)?"
_EACH = r"(?:(?:zu|mit|von|in hoehe von)\s+)?(?:je(?:weils)?|a|á)"
_COUNT_BEFORE = (
    re.compile(rf"{_COUNT}\s+{_THINGS},?\s+{_EACH}\s*{_CURRENCY}\s*$"),  # zwei Mahnungen zu je 2,90 €
    re.compile(rf"{_COUNT}\s*[x×*]\s*{_THINGS},?\s+{_EACH}\s*{_CURRENCY}\s*$"),  # 2 x Mahngebühr à 5,00 €
)
# "zweimal gemahnt, je 5,00 €", "2 mal zurückgebucht, dafür jeweils 3,50 €": the times a charging act happened.
_TIMES_DONE = re.compile(
    r"(?P<count>(?<![\w.,/-])\d{1,2}|\b(?:" + "|".join(_NUMBER_WORDS) + r"))\s*-?\s*mal\s+(?:[a-z]+\s+){0,2}?"
    r"(?:gemahnt|angemahnt|erinnert|zurueckgebucht|zurueckgegeben|zurueckgegangen|geplatzt)\w*,?\s+"
    rf"(?:(?:dafuer|jeweils|und)\s+)?{_EACH}\s*{_CURRENCY}\s*$")
_FACTOR = re.compile(rf"{_COUNT}\s*[x×*]\s*{_CURRENCY}\s*$")  # 2 x 5,00 €
_EACH_BEFORE = re.compile(rf"(?:^|\s){_EACH}\s*{_CURRENCY}\s*$")
_COUNT_AFTER = re.compile(rf"^\s*{_CURRENCY}\s*(?:fuer|bei)\s+(?:(?:die|diese|insgesamt)\s+)?{_COUNT}\s+{_THINGS}")
# Counted periods or instalments make a schedule, not charges that are due now; counted payments are paid.
_NOT_CHARGES = re.compile(
    r"^(?:tag|tage|tagen|woche|wochen|monat|monate|monaten|jahr|jahre|jahren|quartal|quartale|quartalen|stunde"
    r"|stunden|\w*rate|\w*raten|termin|termine|terminen|\w*zahlung|\w*zahlungen|abschla\w*|\w*abschlae\w*"
    r"|gutschrift\w*)$"
)


# Words that put a charge under a condition or in the future.
_NOT_YET = re.compile(
    r"\b(?:sollte|sollten|falls|wenn|sofern|soweit|andernfalls|ansonsten|sonst|ab|kuenftig\w*|zukuenftig\w*"
    r"|demnaechst|spaeter\w*|dann|wuerde|wuerden|werden|wird|bei (?:weiterem|erneutem|fortgesetztem|anhaltendem"
    r"|nicht\w*|ausbleibend\w*|fehlend\w*)|nach ablauf|if|unless|will)\b"
)


def charged_now(sentence: str) -> bool:
    """Whether a sentence states its charges as incurred, not under a condition or in the future."""
    return not _NOT_YET.search(fold(sentence))


def unit_count(lead: str, after: str) -> int | None:
    """How many units the per-unit amount between `lead` and `after` is charged for, or None when unclear.

    `lead` is the text of the amount's clause before it, `after` the rest of its line. The caller has already
    found that the amount is a price per unit or the factor of a product; a rate after it ("pro Tag", "je
    Monat", "monatlich") is the caller's to see (it never has a count)."""
    folded_lead = fold(lead)
    for pattern in (*_COUNT_BEFORE, _TIMES_DONE):
        match = pattern.search(folded_lead)
        if match:
            return _count(match)
    if _EACH_BEFORE.search(folded_lead):
        match = _COUNT_AFTER.match(fold(after))
        if match:
            return _count(match)
    return None


def factor_count(lead: str) -> int | None:
    """The factor right before an amount ("2 x 5,00 €"), or None. It names nothing that is counted: the caller
    takes it only for an amount labelled a fee or interest."""
    match = _FACTOR.search(fold(lead))
    return _count(match) if match else None


def payments_counted(lead: str) -> int | None:
    """How many instalments or payments of the amount after `lead` were made ("bisher drei Raten zu je 50,00 EUR"
    before "gezahlt"), or None: the caller has found that they were paid."""
    match = _COUNT_BEFORE[0].search(fold(lead))
    if match is None or not any(_PAYMENTS.match(word) for word in match.group("things").split()):
        return None
    return _number(match)


_PAYMENTS = re.compile(r"^\w*(?:rate|raten|zahlung|zahlungen)$")


def _count(match: re.Match[str]) -> int | None:
    things = match.groupdict().get("things") or ""
    if any(_NOT_CHARGES.match(word) for word in things.split()):
        return None
    return _number(match)


def _number(match: re.Match[str]) -> int | None:
    """The match's count as a number, in digits or in words; None for zero."""
    word = match.group("count")
    count = int(word) if word.isdigit() else _NUMBER_WORDS[word]
    return count if count > 0 else None
