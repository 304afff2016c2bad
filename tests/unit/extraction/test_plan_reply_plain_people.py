"""Plan replies from people without legal words, in wordings written for these tests: consent and refusal said the
way people talk, questions asked before saying yes or no, and a floor named without a unit."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import plan_reply
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("96.00"), "quota_percent": D("8"), "monthly_rate": D("1.60"), "months": D("60")}


def read(text: str) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(f"hallo,\n\n{text}\n\ngruß jens", None), plan_figures=PLAN)


@pytest.mark.parametrize("text", [
    "ach, passt schon. soll er halt zahlen was geht.",
    "Von mir aus kann das so laufen, wie Sie es geschrieben haben.",
])
def test_consent_in_everyday_words_is_consent(text: str) -> None:
    assert read(text).decision == "accepted"


@pytest.mark.parametrize("text", [
    "96 euro für 1.200? is nich.",
    "Sechs Jahre warten und dann so wenig, das ist nicht drin.",
])
def test_refusal_in_everyday_words_is_refusal(text: str) -> None:
    assert read(text).decision == "declined"


def test_it_does_not_suit_me_is_no_consent() -> None:
    assert read("Das passt mir überhaupt nicht.").decision != "accepted"


def test_questions_before_saying_yes_or_no_ask_for_information() -> None:
    reading = read("krieg ich dann gar nichts mehr wenn ich ablehne? bevor ich ja oder nein sage, möchte ich das "
                   "verstehen. rufen Sie mich an?")
    assert reading.decision == "needs_info"


def test_a_floor_without_a_unit_is_no_consent_and_no_refusal_alone() -> None:
    reading = read("Unter 300 mache ich das nicht.")
    assert reading.decision not in ("accepted", "declined")


def test_a_sum_the_creditor_would_settle_for_is_a_counter_offer_even_with_consent_promised() -> None:
    reading = read("Die angebotene Zahlung reicht uns nicht. Eine Einigung ist für uns bei einem Betrag von 250,00 "
                   "EUR möglich. Können Sie uns diesen Betrag zusagen, erklären wir sofort unsere Zustimmung.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"offer_amount": D("250.00")}


@pytest.mark.parametrize(("text", "offer"), [
    ("Zahlt er bis Monatsende 300 Euro in einem Rutsch, ist die Sache für mich erledigt.", D("300")),
    ("nö. Wenn wir 420 Euro in einer Summe kriegen, ist das Thema vom Tisch. Drunter nicht.", D("420")),
])
def test_a_sum_that_would_close_the_matter_after_a_condition_is_a_counter_offer(text: str, offer: Decimal) -> None:
    reading = read(text)
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"offer_amount": offer}


def test_the_matter_closed_once_the_plan_is_paid_offers_nothing_of_its_own() -> None:
    reading = read("Wenn die 96 Euro wie im Plan kommen, ist die Sache für uns erledigt.")
    assert reading.decision != "counter_offer"


@pytest.mark.parametrize("text", [
    "Na schön, dann machen wir es so. Begeistert bin ich nicht.",
    "Ärgerlich, aber von uns aus Zustimmung.",
    "Von mir aus, einverstanden. Hauptsache, es kommt überhaupt was.",
])
def test_consent_given_with_a_shrug_is_consent(text: str) -> None:
    reading = read(text)
    assert reading.decision == "accepted"
    assert reading.doubts == []


def test_a_consent_put_under_a_condition_of_its_own_is_not_recorded_without_a_human() -> None:
    reading = read("Wenn sie noch etwas drauflegt, stimme ich zu.")
    assert reading.decision == "accepted"
    assert any("condition" in doubt for doubt in reading.doubts)


@pytest.mark.parametrize("text", [
    "Wir stimmen zu, auch wenn uns das sehr wenig vorkommt.",
    "Wir stimmen zu, falls die übrigen Gläubiger ebenfalls mitmachen.",
    "Einverstanden, wenn das Geld in der im Plan genannten Frist kommt.",
])
def test_a_concession_or_a_condition_about_the_plan_itself_raises_no_doubt(text: str) -> None:
    reading = read(text)
    assert reading.decision == "accepted"
    assert not any("condition" in doubt for doubt in reading.doubts)


def test_the_sum_of_the_rates_offered_is_the_offers_amount_not_a_second_rate() -> None:
    reading = read("So nicht. Vorschlag von mir: sie zahlt 10 Raten à 30 €, also 300 € insgesamt, dann ist Ruhe.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"months": D("10"), "monthly_rate": D("30"), "offer_amount": D("300")}
    assert not any("two different" in doubt for doubt in reading.doubts)


def test_the_sum_a_percentage_is_taken_of_is_no_offer() -> None:
    reading = read("Mit 15 % auf 1.200,00 € über 60 Monate, also 3,00 € im Monat, wären wir einverstanden.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"quota_percent": D("15"), "months": D("60"), "monthly_rate": D("3.00")}


@pytest.mark.parametrize(("text", "decision"), [
    ("Unsere Auftraggeberin hat uns angewiesen, den Plan nicht anzunehmen.", "declined"),
    ("Der Vorstand hat uns beauftragt, dem Vorschlag zuzustimmen.", "accepted"),
])
def test_the_creditors_instruction_passed_on_by_its_agent_is_its_decision(text: str, decision: str) -> None:
    assert read(text).decision == decision


def test_the_firms_own_request_restated_is_no_decision() -> None:
    assert read("Sie haben uns gebeten, dem Plan zuzustimmen. Wir melden uns nach Prüfung.").decision != "accepted"


def test_wanting_to_see_papers_first_asks_before_deciding() -> None:
    reading = read("Bevor wir etwas sagen: der Inhaber möchte vorher die letzten Lohnzettel sehen.")
    assert reading.decision == "needs_info"
    assert read("Die Geschäftsleitung will zuerst einen Vermögensnachweis haben.").decision == "needs_info"



def test_not_standing_in_the_plans_way_is_consent() -> None:
    assert read("Schweren Herzens: ich stelle mich dem Ganzen nicht in den Weg.").decision == "accepted"
    assert read("Wir werden uns dem Plan in den Weg stellen.").decision != "accepted"


def test_asking_for_patience_until_a_board_meets_asks_for_nothing() -> None:
    reading = read("Über Forderungsverzichte entscheidet bei uns der Vorstand; die nächste Sitzung ist am 02.09.2031. "
                   "Wir geben Ihnen danach Bescheid und bitten bis dahin um etwas Geduld.")
    assert reading.decision == "unclear"
    assert read("Wir bitten bis dahin um die letzten drei Lohnabrechnungen.").decision == "needs_info"


@pytest.mark.parametrize(("text", "figure"), [
    ("8 Prozent sind mir zu wenig. Bei 12 Prozent würde ich unterschreiben.", {"quota_percent": D("12")}),
    ("Ich wäre mit 3 Euro im Monat einverstanden, das andere ist mir zu wenig.", {"monthly_rate": D("3")}),
    ("Ich könnte mir 150 Euro vorstellen, dann ist Ruhe.", {"offer_amount": D("150")}),
])
def test_one_person_naming_terms_in_the_subjunctive_makes_a_counter_offer(text: str, figure: dict[str, D]) -> None:
    reading = read(text)
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == figure
