"""Plan replies in wording written for these tests: the claim stated with its verb first beside a consent is
information, not terms; a one-off sum that closes the matter, said as people speak, is the creditor's offer."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import plan_reply
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("310.00"), "quota_percent": D("9"), "monthly_rate": D("8.60"), "months": D("36")}


def read(text: str) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(f"Guten Tag,\n\n{text}\n\nGruß\nAutohaus Gerber", None), plan_figures=PLAN,
                           plan_claim=D("3120.00"))


def test_a_claim_stated_verb_first_beside_a_consent_with_a_condition_is_no_counter_offer() -> None:
    reading = read("wir stimmen dem Plan zu.\n\nUnsere Zustimmung erfolgt unter der Maßgabe, dass die Forderung in "
                   "voller Höhe wieder auflebt, wenn Ihre\nMandantin mit zwei Raten in Rückstand gerät.\n\nZur "
                   "Information: Wegen der Zinsen beträgt unsere Forderung heute 3.455,10 EUR. An unserer Zustimmung "
                   "ändert dies nichts.")
    assert reading.decision == "accepted"
    assert reading.counter_offer == {}


def test_a_one_off_sum_that_closes_the_matter_said_as_spoken_is_a_counter_offer() -> None:
    reading = read("Na ja. Wenn der Herr Lenz auf einmal 650 € bringt dann machen wir das und die Forderung is "
                   "erledigt. Weniger nicht.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"offer_amount": D("650.00")}


def test_a_sum_named_in_place_of_the_plans_share_is_the_creditors_offer() -> None:
    reading = read("Die Sparkasse stimmt der Einmalzahlung zu, wenn statt des vorgesehenen Betrags 420,00 € an sie "
                   "gezahlt werden.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"offer_amount": D("420.00")}


def test_a_consent_whose_condition_names_another_figure_as_the_plans_waits_for_a_human() -> None:
    reading = read("Wir stimmen zu, wenn wie im Plan vorgesehen 345,00 € an uns gezahlt werden.")
    assert reading.decision == "accepted"
    assert any("not the plan's" in doubt for doubt in reading.doubts)


def test_a_consent_whose_condition_names_the_plans_own_figure_has_no_such_doubt() -> None:
    reading = read("Wir stimmen zu, wenn wie im Plan vorgesehen 310,00 € an uns gezahlt werden.")
    assert reading.decision == "accepted"
    assert not any("not the plan's" in doubt for doubt in reading.doubts)


@pytest.mark.parametrize("text", [
    "Ich persönlich fände die 9 % in Ordnung, kann als Sachbearbeiterin aber nicht allein zustimmen; das entscheidet "
    "unsere Rechtsabteilung.",
    "Der Plan überzeugt mich nicht, ich darf ihn aber nicht selbst ablehnen, das macht die Zentrale.",
    "Mein Vater ist wohl einverstanden. Ich werde es ihm am Wochenende im Heim vorlegen.",
    "Einer Zustimmung stehe ich offen gegenüber, zur Entscheidung bin ich jedoch nicht befugt.",
    "Personally the plan looks fine to me, but I am not authorised to agree to settlements; our legal team will reply.",
])
def test_a_yes_or_no_from_someone_who_may_not_decide_is_no_decision(text: str) -> None:
    assert read(text).decision == "unclear"


def test_a_creditor_that_cannot_agree_declines() -> None:
    assert read("Dem Plan können wir nicht zustimmen.").decision == "declined"


@pytest.mark.parametrize("text", [
    "We cannot accept EUR 310.00. We would, however, be prepared to settle the account against a single payment of "
    "EUR 480.00 within four weeks.",
    "The proposed amount is too low. We would, in that case, agree to a one-off payment of EUR 480.00.",
])
def test_an_english_refusal_with_terms_of_its_own_after_it_is_a_counter_offer(text: str) -> None:
    reading = read(text)
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"offer_amount": D("480.00")}


def test_a_consent_named_first_and_then_taken_back_is_no_consent() -> None:
    reading = read("Die mit Schreiben vom 03.05. erteilte Zustimmung nehmen wir vorerst zurück, bis geklärt ist, "
                   "wem das Wohnmobil gehört.")
    assert reading.decision != "accepted"


@pytest.mark.parametrize(("text", "offered"), [
    ("Wir stimmen nur zu, wenn statt der Monatsraten eine einmalige Zahlung von 380,00 EUR geleistet wird.",
     {"offer_amount": D("380.00")}),
    ("Wir stimmen zu, wenn die Quote auf 12 % erhöht wird, also 10,40 monatl. über die 36 Monate.",
     {"quota_percent": D("12"), "monthly_rate": D("10.40"), "months": D("36")}),
    ("Wir stimmen unter einer Bedingung zu: die monatliche Zahlung an uns beträgt dann mindestens 9,50 €.",
     {"monthly_rate": D("9.50")}),
])
def test_the_kind_of_an_offered_sum_is_read_from_its_words(text: str, offered: dict[str, Decimal]) -> None:
    reading = read(text)
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == offered
