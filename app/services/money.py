"""services/money.py — the one reading and writing of amounts; invariant: a Decimal to the cent, rounded half up.

Three doors, no I/O:
- `exact` / `to_cents` take a machine value (a Decimal, an int, a JSON float, a string in Python's own
  notation such as "1234.5" or "-50" as stored in JSON columns). A float is read through its shortest
  repr, never its binary expansion.
- `parse` reads what a person or a document writes. The notations and how ambiguity is settled:

  - German `1.234,56`, `1234,56`, `932,6`: the comma is the decimal mark, dots group thousands.
  - English `1,234.56`, `1234.56`, `89.9`: with both marks present, the later one is the decimal mark.
  - `1.234`, `1.234.567` read 1234 and 1234567: a dot before exactly three digits groups thousands
    (German first: "EUR 1.500" is fifteen hundred); `1.23`, `1.2`: a dot before one or two digits
    is the decimal mark.
  - `1,234`, `0,125` read None: a lone comma is a decimal mark, and three decimals are no cents;
    `1,234,567` (several commas, no dot) can only be English grouping.
  - `1.234,-`, `700,--`, `5,—`: dashes after the comma stand for zero cents.
  - `12 873,55`: a space groups thousands like a dot, also a no-break, narrow no-break or thin space.
  - `1'248.70`, `1’248.70`, `12'000`: an apostrophe (straight or typographic) groups thousands
    (Swiss notation), the point then being the decimal mark.
  - `EUR 1.234`, `1.234 €`, `€ 1.234,56`, `1.234 Euro`: the currency once, before or after.
  - `-50,00`, `− 50`, `EUR -50`: a leading minus (hyphen, minus sign or en dash) only.

  Groups must be well formed (one to three digits, then groups of exactly three, one kind of separator);
  anything else, more than two decimals, a trailing minus or parentheses read as None.
- `format_amount` / `format_eur` write German notation for display: "1.234,56 €".
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ROUNDING = ROUND_HALF_UP

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})
_UNIT = r"(?:€|eur(?:o)?)"
_MINUS = r"[-−–]"
_WRITTEN = re.compile(
    rf"(?P<sign>{_MINUS}\s?)?(?:(?P<before>{_UNIT})\s?)?(?P<sign_after_unit>{_MINUS}\s?)?"
    rf"(?P<number>\d[\d., '’]*?)(?P<no_cents>,[-–—]{{1,2}})?(?:\s?(?P<after>{_UNIT}))?",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_FRACTION = re.compile(r"\d{1,2}")
_GROUPED = {sep: re.compile(rf"\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+") for sep in (".", ",", " ", "'", "’")}
_DIGITS_ONLY = re.compile(r"\D")
_GERMAN_MARKS = str.maketrans(",.", ".,")


class NotMoney(ValueError):
    """A machine value that is no finite number."""


def exact(value: Decimal | int | float | str) -> Decimal:
    """The number a machine value stands for, unrounded; raises NotMoney for anything else."""
    if isinstance(value, bool):
        raise NotMoney(f"not an amount: {value!r}")
    try:
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError) as error:
        raise NotMoney(f"not an amount: {value!r}") from error
    if not number.is_finite():
        raise NotMoney(f"not an amount: {value!r}")
    return number


def to_cents(value: Decimal | int | float | str) -> Decimal:
    """A machine value rounded to the cent, half up (0.125 → 0.13, -0.125 → -0.13); NotMoney when
    it is no number or too large to hold to the cent."""
    number = exact(value)
    try:
        return number.quantize(CENT, rounding=ROUNDING)
    except InvalidOperation as error:
        raise NotMoney(f"too large for an amount: {value!r}") from error


def parse(text: str) -> Decimal | None:
    """A written amount (see the table above) to the cent, or None when it is no amount or ambiguous."""
    written = _WRITTEN.fullmatch(text.translate(_SPACES).strip())
    if written is None or (written["before"] and written["after"]) or (written["sign"] and written["sign_after_unit"]):
        return None
    number = written["number"].rstrip()
    if written["no_cents"]:
        if "," in number:
            return None
        number += ",00"
    value = _number(number)
    if value is None:
        return None
    return -value if written["sign"] or written["sign_after_unit"] else value


def _number(text: str) -> Decimal | None:
    integer, fraction = _split_decimal_mark(text)
    if fraction is not None and not _FRACTION.fullmatch(fraction):
        return None
    if not _DIGITS.fullmatch(integer):
        separators = {sep for sep in _GROUPED if sep in integer}
        if len(separators) != 1 or not _GROUPED[separators.pop()].fullmatch(integer):
            return None
        integer = _DIGITS_ONLY.sub("", integer)
    try:
        return to_cents(f"{integer}.{fraction or '0'}")
    except NotMoney:
        return None


def _split_decimal_mark(text: str) -> tuple[str, str | None]:
    """(integer part, decimals) by which separator is the decimal mark; decimals None when there is no mark."""
    dot, comma = text.rfind("."), text.rfind(",")
    if dot >= 0 and comma >= 0:
        mark = max(dot, comma)
        return text[:mark], text[mark + 1 :]
    if comma >= 0:
        if text.count(",") > 1:
            return text, None
        return text[:comma], text[comma + 1 :]
    if dot >= 0:
        if text.count(".") > 1 or len(text) - dot - 1 == 3:
            return text, None
        return text[:dot], text[dot + 1 :]
    return text, None


def format_amount(value: Decimal, unit: str = "€") -> str:
    """German notation to the cent with `unit` after it: Decimal("-1234.5") → "-1.234,50 €"."""
    cents = to_cents(value)
    if cents.is_zero():
        cents = cents.copy_abs()
    text = f"{cents:,.2f}".translate(_GERMAN_MARKS)
    return f"{text} {unit}" if unit else text


def format_eur(value: Decimal) -> str:
    """An amount for people to read: 1.234,56 €."""
    return format_amount(value, "€")
