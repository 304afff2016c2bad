"""Everyday phrases in plan replies that look like decision words and are none, written for these tests: an answer
promised ("zusagen"), "wie folgt", the writer asking about its own signature, and a request whose documents are
listed under it."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import plan_reply
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("540.00"), "quota_percent": D("12"), "monthly_rate": D("11.25"), "months": D("48")}


def read(text: str) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(f"Sehr geehrte Damen und Herren,\n\n{text}\n\nMit freundlichen Grüßen", None),
                           plan_figures=PLAN)


def test_an_answer_that_cannot_be_promised_by_the_deadline_refuses_nothing() -> None:
    reading = read("Über den Vergleich entscheidet unsere Zentrale. Eine Rückmeldung bis zum Ablauf Ihrer Frist "
                   "können wir Ihnen leider nicht zusagen; bitte verlängern Sie die Frist um zwei Wochen.")
    assert reading.decision != "declined"


def test_a_plan_answered_as_follows_is_no_consent() -> None:
    reading = read("in der Sache Jansen nehme ich zu Ihrem Plan vom 02.03. wie folgt Stellung:\n"
                   "Einem Verzicht auf 88 % der Forderung können wir nicht zustimmen.")
    assert reading.decision == "declined"
    assert not [reason for reason in reading.reasons if reason.startswith("agreement")]


def test_the_writer_asking_whether_to_sign_something_keeps_its_consent() -> None:
    reading = read("Ich bin mit dem Plan einverstanden. Muss ich dafür noch etwas unterschreiben?")
    assert reading.decision == "accepted"


def test_someone_else_who_must_still_sign_holds_the_consent_back() -> None:
    reading = read("Ich bin mit dem Plan einverstanden. Mein Bruder muss das aber auch noch unterschreiben.")
    assert reading.decision != "accepted"


def test_documents_listed_under_a_request_ask_for_information() -> None:
    reading = read("Schicken Sie uns daher bitte noch:\n- die Lohnabrechnungen der letzten drei Monate,\n"
                   "- eine aktuelle Gläubigerliste.")
    assert reading.decision == "needs_info"


def test_a_long_accepted_object_between_nehmen_and_an_is_consent() -> None:
    reading = read("Wir nehmen die angebotene Einmalzahlung von 540,00 € zur Abgeltung unserer gesamten "
                   "Forderung an.")
    assert reading.decision == "accepted"


def test_ready_to_close_the_matter_for_a_sum_of_its_own_is_a_counter_offer() -> None:
    reading = read("Die angebotenen 540,00 € reichen unserer Mandantin nicht. Sie ist bereit, die Angelegenheit gegen "
                   "eine einmalige Zahlung von 900,00 € insgesamt abzuschließen.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"offer_amount": D("900.00")}


def test_the_plans_rates_booked_are_consent_for_a_human_to_confirm() -> None:
    reading = read("Für Herrn Jansen haben wir eine Ratenzahlung eingerichtet:\n48 Monatsraten zu je 11,25 €, "
                   "beginnend nach Zustandekommen des Plans.")
    assert reading.decision == "accepted"
    assert reading.doubts


def test_the_file_closed_once_the_plans_sum_is_in_is_consent_for_a_human_to_confirm() -> None:
    reading = read("Wir werden den Vorgang nach Eingang von 540,00 € schließen und nichts weiter fordern.")
    assert reading.decision == "accepted"
    assert reading.doubts


def test_rates_booked_on_figures_of_its_own_are_no_consent() -> None:
    reading = read("Für Herrn Jansen haben wir eine Ratenzahlung eingerichtet: 24 Monatsraten zu je 30,00 €.")
    assert reading.decision != "accepted"


def test_a_sum_that_would_have_the_rest_struck_off_is_a_counter_offer() -> None:
    reading = read("Raten über vier Jahre will ich nicht. Wenn er mir 300 Euro auf einmal zahlt, ist die Sache bezahlt "
                   "und der Rest gestrichen.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"offer_amount": D("300")}


def test_asking_not_to_read_the_wait_as_a_refusal_refuses_nothing() -> None:
    reading = read("Die Freigabe durch unsere Zentrale steht noch aus. Bitte werten Sie das Ausbleiben einer Antwort "
                   "bis zum Monatsende nicht als Ablehnung.")
    assert reading.decision == "unclear"


def test_deciding_only_once_documents_are_there_is_asking_for_them_even_with_a_comma() -> None:
    reading = read("Über einen Erlass können wir erst entscheiden, wenn uns die Kontoauszüge und Nachweise "
                   "vorliegen. Bitte reichen Sie diese bis Monatsende nach.")
    assert reading.decision == "needs_info"
