"""Replies written in a hurry: an account's standing named in a few words, a list that names each amount after it,
a sum said with "plus … =" or "ergeben sich", a tradesman's "gestrichen" that is work done, not a cancellation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction.numbers import find_money
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def read(body: str) -> ExtractionResult:
    return extract(parse_body(body, None), subject="AW: Ihre Anfrage", from_email="buchhaltung@werkstatt.example",
                   from_name="Buchhaltung")


@pytest.mark.parametrize(("body", "total"), [
    ("Hallo, aktueller Stand Kundenkonto 55-120 Petersen: 388,10 € — Gruß", "388.10"),
    ("Der aktuelle Kontostand für Frau Lindqvist beträgt 97,45 EUR.", "97.45"),
])
def test_todays_standing_of_the_account_is_the_claim(body: str, total: str) -> None:
    result = read(body)
    assert result.total_amount == Decimal(total)
    assert result.amount_is_safe


def test_a_list_that_names_each_amount_after_it_gives_each_its_own_part() -> None:
    result = read("Guten Tag,\nfür Herrn Okonkwo offen: 388,10 € (350,00 Warenwert + 30,60 Verzugszinsen + 7,50 "
                  "Mahngebühr).\nGruß")
    assert result.total_amount == Decimal("388.10")
    assert result.components == {"principal": Decimal("350.00"), "interest": Decimal("30.60"),
                                 "costs": Decimal("7.50")}


def test_a_list_of_amounts_named_after_them_and_joined_by_commas_reads_the_same() -> None:
    result = read("Offen: 812,40 € (790,00 € Hauptforderung, 22,40 € Zinsen).")
    assert result.components == {"principal": Decimal("790.00"), "interest": Decimal("22.40")}


@pytest.mark.parametrize("body", [
    "Die Forderung beträgt 530,00 EUR zzgl. der Kosten dieses Schreibens.",
    "Unsere Forderung beträgt zum heutigen Tag\n530,00 EUR inklusive Zinsen und Kosten.",
])
def test_words_after_an_amount_that_say_how_it_is_made_are_no_name_of_a_part(body: str) -> None:
    result = read(body)
    assert result.total_amount == Decimal("530.00")
    assert "interest" not in result.components and "costs" not in result.components


@pytest.mark.parametrize("body", [
    "offen ist noch die rechnung 44/27 ueber 1.120,00 plus mahngeb. 12,00 = 1.132,00 eur.",
    "Es sind 1.120,00 € aus der Rechnung offen, mit den Mahnkosten von 12,00 € ergeben sich 1.132,00 €.",
    "Aus der Rechnung sind 1.120,00 € offen; plus 12,00 € Mahnkosten macht das 1.132,00 €.",
    "Offen: Rechnung 1.120,00 EUR, zuzüglich Mahnkosten 12,00 EUR, das sind 1.132,00 EUR.",
])
def test_a_sum_said_in_words_is_the_total(body: str) -> None:
    result = read(body)
    assert result.total_amount == Decimal("1132.00")
    assert result.components == {"principal": Decimal("1120.00"), "costs": Decimal("12.00")}
    assert result.amount_is_safe


@pytest.mark.parametrize("body", [
    # a sum in words that follows no amounts joined by "plus" names no total
    "Die Mahnkosten, das sind 12,00 €, kommen zur Rechnung über 1.120,00 € hinzu. Offen: 1.132,00 €.",
])
def test_sum_words_without_amounts_added_before_them_name_no_total(body: str) -> None:
    result = read(body)
    assert result.total_amount == Decimal("1132.00")


def test_painted_rooms_are_work_done_not_a_cancelled_amount() -> None:
    result = read("bei herrn jansen offen: rg 88 (flur und treppenhaus gestrichen) ueber 940,00 eur.")
    assert result.total_amount == Decimal("940.00")
    assert result.amount_is_safe


def test_a_claim_struck_off_is_still_cancelled() -> None:
    result = read("Die Rechnung 88 über 940,00 € wurde gestrichen. Offen sind 0,00 €.")
    assert not (result.total_amount == Decimal("940.00") and result.amount_is_safe)


@pytest.mark.parametrize(("text", "currency"), [
    ("ueber 940,00 eur.", True), ("zusammen 45 euro", True), ("Monteur 45,00", False), ("Ingenieur 1.200,00", False),
])
def test_a_currency_typed_in_lower_case_counts_but_no_word_ending_in_it(text: str, currency: bool) -> None:
    (token,) = find_money(text)
    assert token.has_currency is currency


@pytest.mark.parametrize(("body", "total", "components"), [
    ("Hoofdsom            € 310,00\nIncassokosten       €  40,00\nOpenstaand bedrag   € 350,00",
     "350.00", {"principal": Decimal("310.00"), "costs": Decimal("40.00")}),
    ("Solde dû : 350,00 EUR (capital 310,00 EUR, frais 25,00 EUR, intérêts 15,00 EUR).",
     "350.00", {"principal": Decimal("310.00"), "costs": Decimal("25.00"), "interest": Decimal("15.00")}),
    ("Minimum payment: EUR 25.00\nStatement balance: EUR 350.00", "350.00", {}),
])
def test_a_dutch_french_or_english_statement_names_its_total_and_parts(
        body: str, total: str, components: dict[str, Decimal]) -> None:
    result = read(body)
    assert result.total_amount == Decimal(total)
    assert result.components == components


def test_a_french_nil_balance_is_settled() -> None:
    result = read("Bonjour, le compte de votre client présente un solde nul; aucune somme n'est plus due.")
    assert (result.intent, result.total_amount) == ("settled", Decimal("0.00"))


QUOTED_LETTER = ("\n\n-----Ursprüngliche Nachricht-----\nVon: Kanzlei Roth <post@kanzlei-roth.example>\n"
                 "Gesendet: Montag, 6. März 2028 09:00\nBetreff: Forderungsanfrage Jana Pohl\n\n"
                 "Nach unseren Unterlagen beträgt Ihre Forderung 410,00 EUR.\n")


def test_an_answer_written_only_in_the_subject_above_the_quoted_letter_is_read_there() -> None:
    parsed = parse_body("Von meinem iPhone gesendet" + QUOTED_LETTER, None)
    result = extract(parsed, subject="AW: Forderungsanfrage Jana Pohl – Restbetrag 436,80 EUR",
                     from_email="forderung@handel.example", from_name=None)
    assert result.total_amount == Decimal("436.80")


def test_the_firms_own_figure_echoed_in_the_subject_is_no_answer() -> None:
    parsed = parse_body("Gesendet von Outlook" + QUOTED_LETTER, None)
    result = extract(parsed, subject="AW: Forderungsanfrage Jana Pohl – Ihre Forderung 410,00 EUR",
                     from_email="forderung@handel.example", from_name=None)
    assert result.total_amount is None


def test_a_statement_the_sender_puts_below_its_signature_is_its_text() -> None:
    body = ("Hallo,\n\ndie Aufstellung finden Sie unterhalb meiner Signatur.\n\nGruß\nMia Kern\n--\n"
            "Sportpark Nord · Tel. 0711 555 100\n\nBeiträge Januar bis März: 150,00 €\nMahngebühr: 5,00 €\n"
            "Offen: 155,00 €")
    result = read(body)
    assert result.total_amount == Decimal("155.00")
    assert result.components == {"principal": Decimal("150.00"), "costs": Decimal("5.00")}
    pointer = "die Aufstellung finden Sie unterhalb meiner Signatur."
    footer_only = read(body.replace(pointer, "danke für Ihre Nachricht."))
    assert footer_only.total_amount != Decimal("155.00") or not footer_only.amount_is_safe
