"""Plan replies in idioms, regional and hedged wording, in sentences written for these tests."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import plan_reply
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("480.00"), "quota_percent": D("12"), "monthly_rate": D("8.00"), "months": D("60")}


def read(text: str) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(f"Guten Tag,\n\n{text}\n\nGrüße\nAutohaus Zenker", None), plan_figures=PLAN)


@pytest.mark.parametrize("text", [
    "8,00 € im Monat? Das kommt für uns nicht in die Tüte.",
    "I am afraid the proposal is a non-starter for us.",
    "Ein Ja wird es von unserer Seite zu diesem Vergleich nicht geben.",
    "Unsere Unterschrift bekommen Sie unter diesen Plan nicht.",
])
def test_refusals_in_idioms(text: str) -> None:
    assert read(text).decision == "declined"


@pytest.mark.parametrize("text", [
    "Wir willigen in den vorgeschlagenen Ausgleich ein.",
    "Hiermit teilen wir mit, dass wir in die Schuldenregulierung einwilligen.",
    "Wir erteilen dem Nullplan für Herrn Olaf Brinkmann (Kundenkonto KD 55 1200 478) unsere Zustimmung.",
    "Passt so.",
])
def test_agreements_in_regional_or_long_wording(text: str) -> None:
    assert read(text).decision == "accepted"


def test_no_reason_not_to_agree_is_an_agreement_for_a_human() -> None:
    reading = read("Wir sehen keinen Grund, dem Plan für Herrn Brinkmann nicht zuzustimmen.")
    assert reading.decision == "accepted" and reading.doubts


def test_an_agreement_in_the_subjunctive_is_never_recorded_without_a_doubt() -> None:
    reading = read("Mit einer Zahlung binnen vier Wochen wären wir dann einverstanden.")
    assert reading.decision == "accepted"
    assert any("subjunctive" in doubt for doubt in reading.doubts)


def test_a_multiple_of_the_offer_with_its_figure_is_a_counter_offer() -> None:
    reading = read("Zahlen Sie das Doppelte, also 960,00 €, dann sind wir dabei.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"offer_amount": D("960.00")}


def test_a_why_question_agrees_to_nothing_and_offers_nothing() -> None:
    reading = read("Warum sollten wir 12 % annehmen, wenn der Kunde ein Auto fährt? Dem Plan stimmen wir nicht zu.")
    assert reading.decision == "declined"
    assert reading.counter_offer == {}


def test_a_decision_that_waits_for_documents_needs_information() -> None:
    reading = read("Über die Zustimmung kann erst entschieden werden, wenn folgende Unterlagen vorliegen: "
                   "Rentenbescheid, Kontoauszüge der letzten drei Monate.")
    assert reading.decision == "needs_info"


@pytest.mark.parametrize("text", [
    "Mir chönd däm Plan nöd zuestimme, do mached mir nöd mit.",
    "Also des geht ned, da machen wir ned mit.",
])
def test_swiss_and_southern_negations_refuse(text: str) -> None:
    assert read(text).decision == "declined"


def test_an_english_counter_offer_asking_whether_the_client_can_agree_is_no_agreement() -> None:
    reading = read("We are not in a position to give our consent to 8.00 per month. However, we would sign off on the "
                   "plan if the monthly rate for our claim is set at EUR 12.00. Please let us know whether your client "
                   "can agree to this.")
    assert reading.decision == "counter_offer"


def test_raising_the_share_asked_as_a_question_is_a_counter_offer() -> None:
    reading = read("Wäre Ihr Mandant in der Lage, den auf uns entfallenden Betrag auf 600,00 € aufzustocken? In diesem "
                   "Fall könnten wir dem Plan zustimmen.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"offer_amount": D("600.00")}


@pytest.mark.parametrize(("text", "decision"), [
    ("Von Zustimmung kann keine Rede sein.", "declined"),
    ("Einwände gegen den Vergleich erheben wir keine.", "accepted"),
    ("Wir stimmen keiner Quote zu, die unter 18 % liegt.", "counter_offer"),
    ("Einer Einmalzahlung stimmen wir zu – nur nicht in Höhe von 480,00 EUR, sondern von 700,00 EUR.",
     "counter_offer"),
])
def test_negated_objects_and_replaced_figures(text: str, decision: str) -> None:
    assert read(text).decision == decision


def test_a_general_habit_with_a_floor_offers_nothing() -> None:
    reading = read("Quoten unter 20 % lehnen wir normalerweise ab. In diesem Fall stimmen wir dem Plan aber zu.")
    assert reading.decision == "accepted"


def test_consent_to_a_phone_call_is_no_consent_to_the_plan() -> None:
    reading = read("Mit einem Telefontermin, wie Sie ihn vorschlagen, bin ich gern einverstanden. Vor einer "
                   "Entscheidung über den Plan möchten wir klären, ob die Rate sinken kann.")
    assert reading.decision != "accepted"


def test_an_announced_decision_is_never_recorded_without_a_doubt() -> None:
    reading = read("Nach derzeitigem Stand werden wir dem Plan zustimmen.")
    assert any("announced" in doubt for doubt in reading.doubts)


@pytest.mark.parametrize("text", [
    "Wir werden uns dem Vorschlag nicht querstellen.",
    "Ich stelle mich da nicht quer, auch wenn es wehtut.",
    "Der Regulierung stehen wir nicht im Weg.",
    "Meine Chefin hat es gelesen und sagt: gut, so machen wir das.",
])
def test_consent_said_as_not_standing_in_the_way(text: str) -> None:
    assert read(text).decision == "accepted"


@pytest.mark.parametrize("text", [
    "Eine Regelung, bei der wir auf 88 % verzichten, ist für unser Haus wirtschaftlich nicht vertretbar.",
    "Ein Vergleich über 12 % wäre für uns nicht darstellbar.",
    "Mit 8,00 € im Monat kann unsere Mandantin nicht leben.",
])
def test_refusal_given_as_the_plan_being_unworkable(text: str) -> None:
    assert read(text).decision == "declined"


def test_a_check_that_cannot_be_done_yet_is_no_refusal() -> None:
    assert read("Eine Prüfung des Vorschlags ist uns ohne die Gläubigerliste nicht möglich.").decision != "declined"


def test_a_sum_taken_in_full_settlement_is_a_counter_offer() -> None:
    reading = read("Den Plan nehmen wir so nicht an. Das Autohaus ist jedoch bereit, zur Abgeltung seiner "
                   "sämtlichen Ansprüche einen Betrag von 650,00 EUR in einer Summe anzunehmen.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer.get("offer_amount") == D("650.00")


def test_asking_for_papers_before_recommending_is_a_request_for_information() -> None:
    assert read("Bevor ich meiner Mandantin etwas rate oder empfehle, brauche ich die letzten Kontoauszüge."
                ).decision == "needs_info"


@pytest.mark.parametrize(("text", "offered"), [
    ("Einen Plan ohne Zahlungen tragen wir nicht mit. Überweist Herr Kolb einmalig 95,00 €, betrachten wir die Sache "
     "als erledigt.", D("95.00")),
    ("Mit 8,00 € im Monat sind wir nicht einverstanden. Für 520,00 € auf einmal wäre die Angelegenheit für uns "
     "abgegolten.", D("520.00")),
])
def test_a_sum_that_would_settle_the_claim_is_a_counter_offer(text: str, offered: Decimal) -> None:
    reading = read(text)
    assert reading.decision == "counter_offer"
    assert reading.counter_offer.get("offer_amount") == offered


def test_the_claim_settled_once_the_plan_is_paid_keeps_a_consent_a_consent() -> None:
    reading = read("Wir stimmen dem Plan zu. Nach Zahlung der letzten Rate betrachten wir die Forderung als erledigt.")
    assert reading.decision == "accepted"
    assert not reading.doubts


@pytest.mark.parametrize(("text", "decision"), [
    ("Die Sparkasse nimmt das Angebot aus dem Plan an.", "accepted"),
    ("Die Sparkasse nimmt an, dass Ihr Mandant die Raten aufbringen kann.", "unclear"),
    ("Wir nehmen an, dass die Gläubigerliste vollständig ist.", "unclear"),
])
def test_taking_an_offer_is_consent_but_assuming_is_not(text: str, decision: str) -> None:
    assert read(text).decision == decision


def test_a_polite_refusal_with_the_verb_last_is_a_refusal() -> None:
    reading = read("Vielen Dank für Ihren Vorschlag, den wir gern geprüft haben. Wir bedauern, dass wir uns nach "
                   "Rücksprache mit der Geschäftsleitung nicht in der Lage sehen, dem Plan zuzustimmen.")
    assert reading.decision == "declined"
