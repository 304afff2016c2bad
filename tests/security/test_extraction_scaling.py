"""Issue 9, finding 4: extraction work grows linearly with the lines of an email, and a cap cuts the rest.

Work is counted as function calls (cProfile), not seconds, so a busy machine cannot make the test flaky;
timings live in bench/extract_scaling.py."""

from __future__ import annotations

import cProfile
import pstats
from collections.abc import Callable
from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.parsing import parse_body

# Each shape stresses one of the questions asked per amount: item runs, subtotals, balances, table columns,
# references and names.
SHAPES: dict[str, Callable[[int], str]] = {
    "listed items": lambda n: f"Posten {n}: Beleg {7000 + n} über {n % 89 + 1},25 EUR",
    "a balance on every line": lambda n: f"Kontostand nach Buchung {n}: {250 + n},00 EUR",
    "running text with amounts": lambda n: f"Bitte beachten Sie den offenen Betrag von {n + 3},00 EUR aus Vorgang {n}.",
    "table rows": lambda n: "Datum | Beleg | berechnet | bezahlt | offen" if n % 40 == 0
    else f"03.04.2025 | B-{n} | {n + 1},00 | 0,00 | {n + 1},00",
    "references and names": lambda n: f"Schuldnerin Frau Erika Probe{n}, Zeichen XY-2025-{4000 + n}, Vorgang {n}/24",
}


def email_of(shape: Callable[[int], str], lines: int) -> str:
    rows = "\n".join(shape(n) for n in range(lines))
    closing = "Forderung insgesamt: 4.321,00 EUR\n\nFreundliche Grüße\nMuster Forderungsmanagement"
    return f"Guten Tag,\n\n{rows}\n\n{closing}"


def _calls(text: str, **caps: int) -> int:
    parsed = parse_body(text, None)
    profile = cProfile.Profile()
    profile.enable()
    extract(parsed, subject="Ihre Anfrage", from_email="team@forderung.example", from_name="Team", **caps)
    profile.disable()
    return sum(stat[1] for stat in pstats.Stats(profile).stats.values())  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", SHAPES)
def test_work_grows_linearly_with_the_number_of_lines(name: str) -> None:
    small = _calls(email_of(SHAPES[name], 300))
    large = _calls(email_of(SHAPES[name], 600))
    # Linear work doubles; quadratic quadruples. The head and tail of the email are a constant share.
    assert large < 2.3 * small, f"{name}: {small} calls for 300 lines, {large} for 600"


def test_a_long_email_is_cut_and_its_amount_is_never_safe() -> None:
    parsed = parse_body(email_of(SHAPES["listed items"], 400), None)
    cut = extract(parsed, subject="Forderung", from_email="a@forderung.example", from_name=None, max_lines=150)
    assert cut.text_cut is True
    assert cut.amount_is_safe is False
    assert any(reason.startswith("text cut") for reason in cut.amount_safety_reasons)
    assert cut.total_amount != Decimal("4321.00")  # the line holding it was past the cap


def test_the_character_cap_cuts_too() -> None:
    parsed = parse_body(email_of(SHAPES["running text with amounts"], 400), None)
    cut = extract(parsed, subject=None, from_email="a@forderung.example", from_name=None, max_chars=5_000)
    assert cut.text_cut is True
    assert not cut.amount_is_safe


def test_a_short_email_is_not_cut() -> None:
    parsed = parse_body("Guten Tag,\n\nder offene Saldo beträgt 812,40 EUR.\n\nGrüße", None)
    result = extract(parsed, subject="Saldo", from_email="a@forderung.example", from_name=None)
    assert result.text_cut is False
    assert not any(reason.startswith("text cut") for reason in result.amount_safety_reasons)
