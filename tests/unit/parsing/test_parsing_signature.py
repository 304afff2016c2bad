"""The signature/footer block is found after the closing formula or as a trailing company footer."""

from __future__ import annotations

import pytest

from app.services.parsing.signature import is_closing_line, signature_start


@pytest.mark.parametrize(
    "line",
    ["Mit freundlichen Grüßen", "Freundliche Grüße", "Viele Grüße", "Beste Grüße aus Hamburg", "MfG",
     "Mit freundlichen Gruessen,", "Hochachtungsvoll", "Best regards,", "Kind regards", "-- "],
)
def test_common_closing_formulas_are_recognised(line: str) -> None:
    assert is_closing_line(line)


@pytest.mark.parametrize("line", ["Grüße allein reichen nicht, wir benötigen die Vollmacht bis zum 01.10.2026.",
                                  "Gesamtforderung 12,00 EUR", ""])
def test_content_lines_are_not_closings(line: str) -> None:
    assert not is_closing_line(line)


def test_signature_starts_at_the_first_closing_after_content() -> None:
    lines = ["Guten Tag,", "Saldo 5,00 EUR", "", "Mit freundlichen Grüßen", "Muster GmbH", "IBAN DE00 1234"]
    assert signature_start(lines) == 3


def test_without_a_closing_a_trailing_company_footer_is_the_signature() -> None:
    lines = ["Ihre Nachricht ist eingegangen.", "", "Ihr Muster Team", "",
             "Muster GmbH · Hauptstraße 1 · 12345 Musterstadt", "Amtsgericht Musterstadt HRB 1234"]
    assert signature_start(lines) == 2


def test_a_reply_without_closing_or_footer_has_no_signature() -> None:
    assert signature_start(["Guten Tag,", "der Saldo beträgt 5,00 EUR."]) is None
