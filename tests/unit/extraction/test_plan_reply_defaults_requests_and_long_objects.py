"""Plan replies in wording written for these tests: what happens if the debtor falls behind is no refusal; a
creditor "content with" a sum of its own, or letting the rest go for one, offers terms; what it accepts elsewhere,
said in a relative clause, is no consent; documents asked for in infinitives, a plan put right asked for, and a
decision that waits for them; a consent whose object runs long; a clerk's own words are no auto-reply."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract, plan_reply
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("420.00"), "quota_percent": D("12"), "monthly_rate": D("8.75"), "months": D("48")}


def read(text: str) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(f"Guten Tag,\n\n{text}\n\nMit freundlichen Grüßen\nStadtkasse Wellrode",
                                      None), plan_figures=PLAN)


def test_what_follows_a_default_under_the_plan_is_no_refusal() -> None:
    reading = read("Wir stimmen dem Plan zu. Gerät Herr Olsen mit mehr als zwei Raten in Rückstand, wird die gesamte "
                   "Restforderung sofort fällig und die Vollstreckung wird fortgesetzt.")
    assert reading.decision == "accepted"
    assert not reading.doubts


def test_a_reason_with_arrears_before_a_refusal_still_refuses() -> None:
    reading = read("Da Herr Olsen schon jetzt mit drei Raten in Rückstand ist, lehnen wir den Plan ab.")
    assert reading.decision == "declined"


def test_content_with_a_sum_of_its_own_is_a_counter_offer() -> None:
    reading = read("Die angebotene Quote ist für uns nicht annehmbar. Wir sind jedoch ermächtigt, uns mit einer "
                   "Einmalzahlung von 600,00 EUR zufriedenzugeben, zahlbar bis 30.06.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer.get("offer_amount") == D("600.00")


def test_letting_the_rest_go_for_a_sum_is_a_counter_offer() -> None:
    reading = read("Auf null Euro lasse ich mich nicht ein. Wenn Herr Olsen mir wenigstens 300 Euro zahlt, dann lasse "
                   "ich den Rest fallen.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer.get("offer_amount") == D("300.00")


def test_what_a_creditor_accepts_elsewhere_in_a_relative_clause_is_no_consent() -> None:
    reading = read("Wir stimmen dem Plan nicht zu. Der Betrag liegt deutlich unter den Quoten, die wir bei "
                   "vergleichbaren Verträgen akzeptieren.")
    assert reading.decision == "declined"
    assert not reading.doubts


@pytest.mark.parametrize("text", [
    "Über einen Teilerlass kann ich erst entscheiden, wenn mir die Verhältnisse vorliegen. Ich bitte Sie, den "
    "beigefügten Fragebogen ausgefüllt zurückzusenden und folgende Nachweise beizufügen:\nEinkommensnachweise der "
    "letzten drei Monate",
    "Im Plan fehlt unsere zweite Forderung. Bitte lassen Sie uns einen entsprechend angepassten Plan zukommen. Über "
    "eine Zustimmung entscheiden wir, sobald dieser vorliegt.",
    "Bitte übersenden Sie uns gegebenenfalls einen berichtigten Plan. Über eine Zustimmung können wir erst danach "
    "entscheiden.",
])
def test_documents_or_a_plan_put_right_asked_for_before_deciding_need_info(text: str) -> None:
    assert read(text).decision == "needs_info"


def test_a_consent_whose_object_runs_long_is_a_consent() -> None:
    reading = read("die Stadtkasse stimmt dem Schuldenbereinigungsplan Ihres Mandanten, Herrn Jörn Olsen, für die "
                   "Forderungen unter dem o. g. Kassenzeichen (Grundsteuer, Hundesteuer und Abfallgebühren 2035) zu.")
    assert reading.decision == "accepted"


@pytest.mark.parametrize("text", [
    "Ihr Schreiben ist angekommen. Ich muss das erst mit meiner Tochter besprechen, die ist noch verreist. Ich melde "
    "mich dann Anfang nächsten Monats.",
    "Ich habe den Plan an unseren Vorstand weitergegeben, der im April tagt. Ab 02.04. bin ich im Urlaub, in "
    "dringenden Fällen erreichen Sie meine Kollegin.",
])
def test_a_clerks_own_words_about_answering_later_are_no_auto_reply(text: str) -> None:
    result = extract(parse_body(f"Guten Tag,\n\n{text}\n\nViele Grüße\nHelga Rink", None),
                     subject="Ihr Schreiben wegen Herrn Olsen", from_email="h.rink@wohnbau-wellrode.example",
                     from_name="Helga Rink")
    assert result.intent != "auto_reply"


def test_a_no_beside_rates_of_its_own_is_not_a_plain_refusal() -> None:
    reading = read("Dem Nullplan stimmen wir nicht zu. Wir sind jedoch bereit, uns mit einer Rückzahlung in "
                   "monatlichen Raten von 25,00 € über 48 Monate zufriedenzugeben.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer.get("monthly_rate") == D("25.00")


def test_a_no_beside_figures_of_its_own_however_worded_is_doubted() -> None:
    reading = read("Dem Plan stimmen wir nicht zu. Eine monatliche Zahlung von 30,00 EUR über 36 Monate halten wir für "
                   "angemessen.")
    assert reading.decision != "declined" or reading.doubts


def test_the_clients_offer_described_beside_a_no_is_no_figure_of_the_creditors() -> None:
    reading = read("Ihr Mandant bietet eine Einmalzahlung von insgesamt 2.000,00 EUR. Meine Mandantin lehnt den "
                   "Schuldenbereinigungsplan ab.")
    assert reading.decision == "declined"
    assert not reading.doubts


def test_a_consent_that_waits_for_proof_asked_for_needs_info() -> None:
    reading = read("Einem Nullplan stimmen wir nur zu, wenn Einkommens- und Vermögenslosigkeit belegt sind. Bitte "
                   "übersenden Sie uns:\nden aktuellen Rentenbescheid,\neine Vermögensübersicht.")
    assert reading.decision == "needs_info"


@pytest.mark.parametrize("text", [
    "Dem Plan stimme ich nicht zu. Er wohnt zwei Jahre bei mir, zahlt keine Miete, und jetzt soll ich mich mit 2,30 "
    "Euro im Monat zufriedengeben??",
    "Zustimmung zum Plan: nein. Begründung: zu geringe Raten in den ersten 24 Monaten (14,53 EUR).",
    "Wir stimmen dem Plan nicht zu. Die Beiträge von monatlich 39,90 € sind nicht verhandelbar.",
])
def test_figures_in_a_refusals_reasons_or_questions_leave_it_a_plain_refusal(text: str) -> None:
    reading = read(text)
    assert reading.decision == "declined"
    assert not any("figures of the creditor's own" in doubt for doubt in reading.doubts)


def test_a_consent_given_to_a_settlement_on_terms_listed_after_it_is_a_counter_offer() -> None:
    reading = read("Der angebotenen Quote von 12 % können wir nicht zustimmen. Unser Vorstand hat jedoch einem "
                   "Vergleich auf folgender Grundlage zugestimmt:\nQuote 20 %\nMonatliche Rate 14,60 EUR\n"
                   "Laufzeit 48 Monate")
    assert reading.decision == "counter_offer"


def test_a_settlement_the_writer_is_authorised_to_after_a_no_is_a_counter_offer() -> None:
    reading = read("Einem Nullplan stimmt unsere Auftraggeberin nicht zu. Zur Vermeidung eines Insolvenzverfahrens "
                   "sind wir jedoch zu folgendem Vergleich ermächtigt: Ihr Mandant zahlt monatliche Raten von 15,00 "
                   "EUR über 24 Monate.")
    assert reading.decision == "counter_offer"
