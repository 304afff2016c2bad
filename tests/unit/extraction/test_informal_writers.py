"""Replies from people who write the way they talk (a tradesman on his phone, a club's treasurer, a landlady),
written for these tests: lower case throughout, sums said as "alles in allem", "also … insgesamt", "Macht …",
the item's name after its amount before "macht", a question back about which of two namesakes is meant, and a
settling act refused in the words after it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

D = Decimal


def run(body: str) -> ExtractionResult:
    return extract(parse_body(f"hallo\n\n{body}\n\ngruß\nk. wendrich", None),
                   subject="Re: Forderung Ihres Mandanten – Ihr Zeichen 4471", from_email="k.wendrich@mail.example",
                   from_name="Klaus Wendrich")


@pytest.mark.parametrize("sentence", [
    "die küche war 930 euro, 60 für den ausbau vom alten herd kam dazu.\nalles in allem 990,00 euro stand heute",
    "die rechnung ist noch ganz offen 930,- euro. dazu 3 mahnungen zu je 20 euro also 990,- insgesamt",
    "2 x 465 = 930 plus 60 anfahrt\n\nalso 990,00 euro. im mai kommt die wartung dazu.",
])
def test_a_sum_said_in_everyday_words_after_its_parts_is_the_total(sentence: str) -> None:
    result = run(sentence)
    assert result.total_amount == D("990.00")
    assert result.amount_is_safe


def test_also_after_a_comma_restating_a_part_makes_no_total() -> None:
    result = run("Die Rechnung über 930,00 €, also 900,00 € Material und 30,00 € Porto, ist offen.")
    assert result.total_amount != D("900.00")


def test_in_lower_case_writing_a_full_stop_before_a_small_letter_ends_the_sentence() -> None:
    # Without the sentence ending at "euro.", the fee's clause would start at "rechnung" and the fee be read as part
    # of the bill (principal 990,00 instead of 930,00).
    result = run("rechnung 17-204 ist noch offen 930,- euro. hab 3 mahnungen geschickt zu je 20 euro "
                 "also 990,- insgesamt")
    assert result.total_amount == D("990.00")
    assert result.components.get("principal") != D("990.00")


def test_an_items_name_after_its_amount_then_macht_leaves_the_sum_unlabelled_by_that_name() -> None:
    result = run("die rechnung war 930 euro, dazu 60 euro mahnkosten macht 990,- zusammen offen")
    assert result.total_amount == D("990.00")


def test_a_question_back_about_two_namesakes_is_an_inquiry_not_a_settled_account() -> None:
    result = run("wir haben zwei kunden, vater und sohn, und die heißen beide klaus wendrich. beim vater ist nichts "
                 "offen. können sie mir das geburtsdatum schicken? dann sag ich bescheid")
    assert result.intent == "inquiry"
    assert result.total_amount is None


def test_nothing_open_for_the_one_client_there_is_stays_settled() -> None:
    result = run("bei herrn wendrich ist nichts offen, das konto ist ausgeglichen.")
    assert result.intent == "settled"


@pytest.mark.parametrize("refused", [
    "Auf einen Teil der Forderung zu verzichten, kommt für uns unter diesen Umständen nicht in Frage.",
    "Auf die Restforderung zu verzichten ist für unsere Mandantin ausgeschlossen.",
])
def test_a_waiver_refused_in_the_words_after_it_settles_nothing(refused: str) -> None:
    result = run(f"{refused} Mit Zinsen beläuft sich die Forderung inzwischen auf 1.204,50 €.")
    assert result.intent == "debt_statement"
    assert result.total_amount == D("1204.50")


def test_a_waiver_granted_still_settles() -> None:
    result = run("Auf die Forderung verzichten wir aus Kulanz, es kommt nichts mehr.")
    assert result.intent == "settled"


def test_a_consent_that_nothing_changes_is_no_refusal() -> None:
    result = run("Unser Konto weist per heute 1.204,50 € aus. An der Zustimmung ändert das nichts.")
    assert result.intent == "debt_statement"
    assert result.total_amount == D("1204.50")


def test_interest_named_later_in_the_sentence_stays_interest() -> None:
    result = run("Offen ist die Hauptforderung mit 1.100,00 €, dazu kommen die Zinsen mit 104,50 €, "
                 "zusammen 1.204,50 €.")
    assert result.components.get("interest") == D("104.50")


def test_the_sum_said_as_macht_opening_its_own_sentence_is_the_total() -> None:
    result = run("Offen sind die Beiträge Januar bis April, 4 x 31,20, dazu zwei Rücklastschriften à 6,50. "
                 "Macht 137,80 €.")
    assert result.total_amount == D("137.80")


def test_a_correction_of_the_creditors_own_earlier_answer_said_answer_first_is_for_a_human() -> None:
    result = run("Meine Auskunft vom 02.05. muss ich leider berichtigen: es fehlt die Nachberechnung über 88,10 €. "
                 "Der richtige Stand beträgt damit 1.018,40 €.")
    assert result.total_amount == D("1018.40")
    assert not result.amount_is_safe


def test_accounts_handed_to_a_debt_management_firm_and_the_firm_sent_there_is_a_referral() -> None:
    result = run("Das Kundenkonto führen wir nicht mehr. Die offenen Posten wurden an die Brakel "
                 "Forderungsmanagement GmbH übergeben. Auskunft kann nur noch Brakel geben; bitte wenden Sie sich "
                 "direkt dorthin.")
    assert result.intent == "rejection"


def test_heute_sind_das_after_a_part_names_that_part_not_the_claim() -> None:
    result = run("Bei Frau Quast sind noch 498,70 Euro offen. Die Rechnung lautete auf 612,30 Euro, bezahlt hat sie "
                 "150,00 Euro. Seit Mai berechnen wir Verzugszinsen; bis heute sind das 26,40 Euro.")
    assert result.total_amount == D("498.70")


def test_also_opening_a_line_inside_a_sentence_wrapped_from_the_line_before_makes_no_total() -> None:
    result = run("Der Beitrag ist 12,00 € im Monat. Von Januar bis Mai sind es 5 Monate,\nalso 60,00 €. Dazu kommen "
                 "Mahnkosten von 5,00 €.\n\nZusammen gerechnet schuldet er uns damit 65,00 €.")
    assert result.total_amount == D("65.00")
    assert next(found for found in result.amounts if found.value == D("60.00")).label != "total"
