"""A decision surrounded by the creditor's own figures: an offer made in place of the plan, terms demanded before a
consent, a willingness to consent to other figures, figures given as the reasons for a no, and a numbered question
about what happens if others refuse."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import plan_reply, plan_sentences
from app.services.parsing import parse_body

PLAN = {"quota_percent": Decimal("12"), "monthly_rate": Decimal("4.10"), "months": Decimal("60"),
        "offer_amount": Decimal("246.00")}


def read(text: str) -> plan_reply.PlanReading:
    body = f"Sehr geehrte Frau Rechtsanwältin,\n\n{text}\n\nMit freundlichen Grüßen\nInkasso Nordlicht GmbH"
    return plan_reply.read(parse_body(body, None), plan_figures=PLAN, plan_claim=Decimal("2050.00"))


def recorded_alone(reading: plan_reply.PlanReading) -> bool:
    return reading.decision in ("accepted", "declined") and not reading.doubts


def test_an_offer_made_in_place_of_the_plan_after_a_no_is_a_counter_offer() -> None:
    reading = read("Dem Plan stimmt unsere Auftraggeberin nicht zu.\nStattdessen bieten wir an: 12 Monatsraten zu je "
                   "25,00 €, zusammen 300,00 €.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer["monthly_rate"] == Decimal("25.00")
    assert not recorded_alone(reading)


def test_an_offer_said_in_the_passive_is_a_counter_offer() -> None:
    reading = read("Eine Zustimmung erteilen wir nicht. Angeboten wird eine Einmalzahlung von 400,00 €.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer["offer_amount"] == Decimal("400.00")


def test_figures_given_as_the_reasons_for_a_no_are_no_offer_but_a_human_confirms() -> None:
    reading = read("Jede Buchung kostet uns mehr als 3 €, und nach fünf Jahren hätten wir gerade 246,00 € erhalten, "
                   "sofern das Einkommen gleich bleibt.\nWir lehnen den Plan daher ab.")
    assert reading.decision == "declined"
    assert not reading.counter_offer
    assert not recorded_alone(reading)


def test_a_change_demanded_and_a_consent_on_that_basis_are_a_counter_offer() -> None:
    reading = read("Gegen die Quote von 12 % haben wir nichts. Sie muss aber auf unsere heutige Forderung berechnet "
                   "werden: 12 % hiervon sind 276,00 €, in 60 Monatsraten also 4,60 € statt 4,10 €.\nAuf dieser "
                   "Grundlage stimmen wir zu.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer["monthly_rate"] == Decimal("4.60")


def test_a_willingness_to_consent_to_other_figures_is_a_counter_offer() -> None:
    reading = read("Unsere Mandantin lehnt die angebotene Quote von 12 % ab. Sie ist aber bereit, einem Plan mit "
                   "einer Quote von 18 % bei gleicher Laufzeit zuzustimmen.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"quota_percent": Decimal("18.00")}


def test_a_willingness_to_consent_to_the_plan_itself_is_a_consent() -> None:
    reading = read("Wir sind bereit, dem Plan in der Fassung vom 3. Februar ohne Änderungen zuzustimmen.")
    assert reading.decision == "accepted"


def test_a_numbered_question_about_others_refusing_decides_nothing() -> None:
    reading = read("Vor einer Entscheidung bitten wir um Auskunft:\n1. Bitte senden Sie uns die letzte "
                   "Gehaltsabrechnung.\n2. Was passiert mit unserem Anteil, wenn ein anderer Gläubiger den Plan "
                   "ablehnt?")
    assert reading.decision == "needs_info"


def test_a_burden_named_in_the_subjunctive_is_no_demand() -> None:
    reading = read("Unsere Mandantin stimmt dem Plan nicht zu. Bei 4,10 € im Monat kostet uns jede Buchung rund "
                   "1,50 €, und jede Änderung des Einkommens müsste neu berechnet werden.")
    assert reading.decision == "declined"
    assert not reading.counter_offer


def test_a_consent_given_earlier_and_now_in_force_is_a_consent() -> None:
    assert read("Die interne Freigabe liegt vor. Unsere Zustimmung zum Plan ist damit verbindlich.").decision \
        == "accepted"
    assert read("Unsere Zustimmung zum Plan ist damit noch nicht verbindlich.").decision != "accepted"


def test_the_plans_own_figure_named_beside_the_creditors_is_the_one_replaced() -> None:
    reading = read("Mit der Quote sind wir im Grundsatz einverstanden, die Laufzeit von 60 Monaten ist uns aber zu "
                   "kurz. Einer Laufzeit von 72 Monaten zu den übrigen Bedingungen würden wir zustimmen.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"months": Decimal("72")}


def test_a_request_that_opens_a_list_of_documents_asks_before_deciding() -> None:
    reading = read("Zu Ihrem Plan bitten wir vor einer Entscheidung unserer Auftraggeberin um:\n1. die letzten drei "
                   "Gehaltsabrechnungen,\n2. Angaben zu weiteren Gläubigern.")
    assert reading.decision == "needs_info"


def test_a_consent_to_the_terms_named_just_before_is_a_counter_offer_with_those_figures() -> None:
    reading = read("Für Kleinforderungen verlangen wir in außergerichtlichen Vergleichen eine Monatsrate von 9,00 €; "
                   "über 60 Monate ergibt das 540,00 €.\nZu diesen Konditionen geben wir unsere Zustimmung.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer["monthly_rate"] == Decimal("9.00")
    assert reading.counter_offer["offer_amount"] == Decimal("540.00")


def test_terms_of_its_own_beside_the_plan_refused_without_a_verb_are_never_an_agreement_alone() -> None:
    reading = read("Wir stimmen einer Quote von 20 % zu, den vorgeschlagenen Bedingungen nicht.")
    assert not recorded_alone(reading)
    reading = read("Mit den angebotenen Raten nicht, mit unseren Konditionen schon.")
    assert not recorded_alone(reading)


def test_a_back_reference_to_the_plans_own_figures_stays_an_agreement() -> None:
    reading = read("Ihr Plan sieht 60 Monatsraten zu je 4,10 € vor.\nZu diesen Bedingungen stimmen wir zu.")
    assert reading.decision == "accepted"
    assert not reading.counter_offer


def test_a_proviso_referring_back_to_a_recomputed_sum_is_a_counter_offer() -> None:
    reading = read("Unsere Forderung beträgt heute 2.600,00 €.\nDie Quote von 12 % darauf sind 312,00 € in 60 Raten "
                   "zu 5,20 €.\nMit dieser Maßgabe stimmen wir dem Plan zu.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer["offer_amount"] == Decimal("312.00")


def test_a_consent_resting_on_a_fact_of_the_plan_named_before_stays_an_agreement() -> None:
    reading = read("Wir haben nachgerechnet: Jeder Gläubiger erhält dieselbe Quote von 12 %, auch die Sparkasse mit "
                   "ihren 4.000,00 €.\nUnter dieser Voraussetzung stimmen wir dem Plan zu.")
    assert reading.decision == "accepted"
    assert not reading.counter_offer


def test_questions_whose_answer_the_decision_waits_for_ask_for_information() -> None:
    reading = read("Bitte teilen Sie uns mit,\n1. ob Ihr Mandant das Motorrad noch besitzt,\n2. wo es versichert ist.\n"
                   "Nach Eingang Ihrer Antwort entscheiden wir über den Plan.")
    assert reading.decision == "needs_info"


def test_carrying_the_plan_along_in_the_present_tense_consents_and_its_negation_refuses() -> None:
    assert read("Die Genossenschaftsbank trägt den Vergleich mit.").decision == "accepted"
    assert read("Die Genossenschaftsbank trägt den Vergleich nicht mit.").decision == "declined"


def test_a_request_that_opens_a_list_without_a_colon_asks_for_information() -> None:
    reading = read("In der Sache Ihres Mandanten ist eine Entscheidung über den Plan noch offen. Zur Prüfung bitten "
                   "wir um\n\n1. die Lohnabrechnungen der letzten drei Monate,\n2. eine Berechnung, wie die Rate von "
                   "4,10 € zustande kommt.\nSobald uns beides vorliegt, melden wir uns.")
    assert reading.decision == "needs_info"


def test_a_lump_sum_after_which_the_rest_is_waived_is_a_counter_offer_beside_a_no() -> None:
    reading = read("Für den Betrag aus Ihrem Plan machen wir das nicht, da ist nicht einmal das Material bezahlt.\n\n"
                   "Wenn Ihr Mandant einmalig 600,00 € überweist, sind wir bereit, auf den Rest zu verzichten.\n"
                   "Zu Ihrem Plan sagen wir nein.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer["offer_amount"] == Decimal("600.00")


def test_a_no_beside_a_condition_with_a_figure_of_its_own_is_never_recorded_alone() -> None:
    reading = read("Falls Ihre Mandantin 500,00 € auf einmal aufbringt, melden Sie sich bitte.\n"
                   "Den vorliegenden Plan lehnen wir ab.")
    assert reading.decision == "declined"
    assert not recorded_alone(reading)



@pytest.mark.parametrize("first", ["Das Material ist nicht einmal bezahlt.", "Wir warten nicht mehr.",
                                   "Der Vertrag wurde gestellt.", "Das war im letzten Jahr."])
def test_a_sentence_ending_in_a_word_that_ends_like_a_short_form_ends_there(first: str) -> None:
    assert plan_sentences.split(f"{first}\n\nWir stimmen zu.") == [first, "Wir stimmen zu."]


def test_a_short_form_after_a_hyphen_still_ends_no_sentence() -> None:
    assert len(plan_sentences.split("Ihre Kunden-Nr. 4471 ist vermerkt.")) == 1


def test_a_consent_referring_back_to_a_known_formality_is_recorded_alone() -> None:
    reading = read("Einem Plan ohne Zahlungen stimmen wir nur zu, wenn er eine Besserungsklausel enthält.\n"
                   "Unter dieser Bedingung geben wir unsere Zustimmung.")
    assert reading.decision == "accepted"
    assert recorded_alone(reading)


def test_a_third_person_unable_to_go_along_refuses() -> None:
    reading = read("Die Inhaberin sieht sich außerstande, einen Verzicht in dieser Höhe mitzutragen.")
    assert reading.decision == "declined"


def test_a_term_of_the_plan_kept_beside_a_rate_of_its_own_belongs_to_the_counter_offer() -> None:
    reading = read("Wir stimmen zu, sobald Ihr Mandant statt 4,10 € monatlich 9,00 € zahlt.\n"
                   "Die Laufzeit von 60 Monaten kann bleiben.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"monthly_rate": Decimal("9.00"), "months": Decimal("60")}


def test_instalments_offered_on_the_open_amount_after_a_no_are_a_counter_offer() -> None:
    reading = read("Dem Plan können wir leider nicht zustimmen. Wir bieten Ihrem Mandanten aber an, den offenen Betrag "
                   "ohne weitere Kosten in monatlichen Raten von 30,00 € zu begleichen.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"monthly_rate": Decimal("30.00")}
    assert not recorded_alone(reading)


def test_settling_for_a_sum_of_ones_own_after_a_no_is_a_counter_offer() -> None:
    reading = read("Der angebotene Betrag ist für unsere Mandantin nicht annehmbar. Sie ist aber bereit, sich mit "
                   "einer Einmalzahlung von 500,00 € zufriedenzugeben, zahlbar bis Monatsende.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"offer_amount": Decimal("500.00")}
    assert not recorded_alone(reading)


def test_the_remainder_written_off_after_the_plans_payment_is_no_offer() -> None:
    reading = read("Wir nehmen den Vorschlag an. Nach Eingang der Einmalzahlung buchen wir den verbleibenden Betrag "
                   "von 1.804,00 € aus und betrachten das Konto als ausgeglichen.")
    assert reading.decision == "accepted"
    assert reading.counter_offer == {}


def test_the_plans_sum_one_is_asked_to_settle_for_is_no_offer() -> None:
    reading = read("Da mache ich nicht mit. Ich soll mich also mit knapp 246 Euro zufriedengeben, obwohl mir über "
                   "zweitausend zustehen?")
    assert reading.decision == "declined"
    assert reading.counter_offer == {}



def test_a_consent_it_may_give_on_a_figure_of_its_own_is_a_counter_offer() -> None:
    reading = read("Der Anteil ist unserer Mandantin zu gering. Wir sind befugt, dem Plan zuzustimmen, wenn 20 % der "
                   "heutigen Forderung, also 410,00 €, gezahlt werden. Mit den übrigen Punkten sind wir einverstanden.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"quota_percent": Decimal("20"), "offer_amount": Decimal("410.00")}
    assert not recorded_alone(reading)


def test_a_plan_to_be_recomputed_on_its_own_claim_is_a_counter_offer() -> None:
    reading = read("Voraussetzung für unsere Mitwirkung ist, dass der Plan auf unsere heutige Forderung neu berechnet "
                   "wird. Bei gleicher Quote ergibt sich ein Betrag von 301,50 €. Einem Vergleich über diesen Betrag "
                   "stimmen wir zu.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"offer_amount": Decimal("301.50")}
    assert not recorded_alone(reading)
