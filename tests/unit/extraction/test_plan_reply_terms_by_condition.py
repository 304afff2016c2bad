"""A consent that holds only on terms of the creditor's own, said without the usual words for an offer, in wording
written for these tests: the plan to be changed to match figures named before, what holds "otherwise", and meeting
the client halfway after a refusal."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import plan_reply
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("864.00"), "quota_percent": D("12"), "monthly_rate": D("24.00"), "months": D("36")}


def read(text: str) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(f"Hallo,\n\n{text}\n\nViele Grüße\nMöbelhaus Quante", None), plan_figures=PLAN)


def test_a_consent_on_the_plan_changed_to_the_figure_named_before_is_a_counter_offer() -> None:
    reading = read("12 % sind uns zu wenig. Durchsetzen kann ich intern höchstens 20 %. Wird der Plan dahingehend "
                   "angepasst, sind wir einverstanden.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"quota_percent": D("20")}


def test_a_consent_on_a_change_of_the_plan_without_a_figure_is_not_taken_alone() -> None:
    reading = read("Wenn der Plan entsprechend nachgebessert wird, stimmen wir zu.")
    assert reading.decision != "accepted" or reading.doubts


def test_a_consent_on_the_plan_taking_effect_stays_an_acceptance() -> None:
    # the plan's own condition, no term of the creditor's
    reading = read("Wir stimmen zu, wenn der Plan mit allen Gläubigern zustande kommt.")
    assert reading.decision == "accepted"


def test_a_figure_and_otherwise_no_is_a_counter_offer() -> None:
    reading = read("Für 1.200 € auf einen Schlag mache ich mit, ansonsten nicht.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"offer_amount": D("1200")}


def test_meeting_the_client_halfway_after_a_refusal_offers_the_figure_that_follows() -> None:
    reading = read("Den Plan in dieser Form lehnen wir ab. Wir kommen Herrn Sander aber entgegen: 40 € im Monat, "
                   "bis alles bezahlt ist.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"monthly_rate": D("40")}


def test_a_consent_on_a_change_put_verb_first_is_not_taken_alone() -> None:
    reading = read("Wird die Quote noch verbessert, stimmen wir zu.")
    assert reading.decision != "accepted" or reading.doubts


def test_a_settlement_of_its_own_announced_after_a_refusal_is_a_counter_offer() -> None:
    reading = read("Den vorgelegten Plan hat unsere Mandantin abgelehnt. Sie ist jedoch zu folgender Lösung bereit: "
                   "Sie begnügt sich mit 1.100,00 €, zahlbar in Monatsraten von 50,00 €.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"offer_amount": D("1100.00"), "monthly_rate": D("50.00")}


def test_payments_still_taken_are_no_consent_to_the_plan() -> None:
    reading = read("Dem Plan wird nicht zugestimmt. Freiwillige Teilzahlungen werden selbstverständlich weiterhin "
                   "angenommen.")
    assert reading.decision == "declined"


def test_questions_before_an_internal_sign_off_ask_for_information() -> None:
    reading = read("Bevor ich das bei uns freigeben kann, hätte ich noch eine Frage: Laufen die Raten über Ihr "
                   "Anderkonto oder direkt an uns?")
    assert reading.decision == "needs_info"


def test_a_date_with_its_year_ends_the_sentence_so_the_offer_before_it_stays_usable() -> None:
    reading = read("Den Plan lehnen wir ab. Wir sind aber bereit, die Sache gegen eine Einmalzahlung von 1.500,00 € zu "
                   "erledigen, zahlbar bis zum 30.06.2031. Geht die Zahlung nicht ein, lebt die volle Forderung wieder "
                   "auf.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"offer_amount": D("1500.00")}


def test_a_quota_on_the_whole_claim_as_the_condition_of_consent_is_a_counter_offer() -> None:
    reading = read("Die Zustimmung wird erteilt, wenn auf die Gesamtforderung eine Quote von 20 % gezahlt wird.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"quota_percent": D("20")}


def test_a_settlement_offered_after_a_firms_short_form_is_read_whole() -> None:
    reading = read("Unsere Auftraggeberin, die Möbel Quante Inh. Jörg Quante e.K., stimmt nicht zu. Wir dürfen aber "
                   "folgenden Vergleich anbieten:\nIhr Mandant zahlt zur Abgeltung der Gesamtforderung 600,00 €, in "
                   "sechs Monatsraten zu je 100,00 €.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer.get("offer_amount") == D("600.00")


def test_a_consent_on_terms_listed_below_it_is_a_counter_offer() -> None:
    reading = read("Dem Plan stimmen wir unter folgender Maßgabe zu:\n- Zahlung von insgesamt 300,00 EUR,\n- in sechs "
                   "Monatsraten zu je 50,00 EUR.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer.get("offer_amount") == D("300.00")


def test_ready_to_settle_with_words_between_is_a_counter_offer() -> None:
    reading = read("Dem Plan können wir so nicht zustimmen. Wir sind aber zu einer Einigung bereit, wenn Herr Sander "
                   "bis Ende Mai einen Betrag von 2.000,00 EUR zahlt.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"offer_amount": D("2000.00")}
