"""Plan replies in wording written for these tests: an interim answer that agrees to one part while the rest waits
is no decision taken alone; giving up interest or costs in return for the rest, after a refusal, is an offer of the
creditor's own; "Ihrem Vorschlag nicht entsprechen" is a refusal."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import plan_reply
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("612.00"), "quota_percent": D("15"), "monthly_rate": D("17.00"), "months": D("36")}


def read(text: str) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(f"Guten Tag,\n\n{text}\n\nMit freundlichen Grüßen\nStadtkasse Lindenfels",
                                      None), plan_figures=PLAN)


def test_an_interim_answer_agreeing_to_one_part_is_not_taken_as_the_decision() -> None:
    reading = read("Zu Ihrem Plan erhalten Sie diese Zwischennachricht. Für die Grundsteuer 2031 stimmen wir dem Plan "
                   "zu. Über die Gewerbesteuer kann eine Entscheidung erst nach Abschluss der Betriebsprüfung "
                   "getroffen werden.")
    assert reading.decision != "accepted" or reading.doubts
    assert any("interim" in doubt for doubt in reading.doubts) or reading.decision == "unclear"


def test_a_final_word_promised_later_makes_an_agreement_doubtful() -> None:
    reading = read("Dem Plan stimmen wir insoweit zu, als er die Hundesteuer betrifft. Zur Gebührenforderung erhalten "
                   "Sie gesonderte Nachricht.")
    assert any("interim" in doubt for doubt in reading.doubts)


def test_a_plain_agreement_has_no_interim_doubt() -> None:
    reading = read("Wir stimmen dem Schuldenbereinigungsplan zu.")
    assert reading.decision == "accepted"
    assert not any("interim" in doubt for doubt in reading.doubts)


def test_giving_up_interest_for_the_rest_after_a_refusal_is_a_counter_offer() -> None:
    reading = read("Die angebotenen 612,00 EUR reichen uns nicht. Wir sind aber bereit, auf die Verzugszinsen zu "
                   "verzichten. Die Hauptforderung von 980,00 EUR wäre dann in voller Höhe zu zahlen.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"offer_amount": D("980.00")}


def test_not_complying_with_the_proposal_in_officialese_is_a_refusal() -> None:
    for text in ("Nach Prüfung müssen wir Ihnen mitteilen, dass wir Ihrem Vorschlag nicht entsprechen können.",
                 "Ihrem Antrag auf außergerichtliche Einigung kann nicht entsprochen werden."):
        assert read(text).decision == "declined", text


def test_complying_with_more_than_the_proposal_is_no_refusal() -> None:
    assert read("Wir können Ihrem Vorschlag nicht nur entsprechen, wir stimmen ihm gern zu.").decision == "accepted"


def test_a_refusal_taken_back_for_someone_else_leaves_the_consent() -> None:
    reading = read("Ich schreibe für meinen Vater, Herrn Ewald Brink. Er nimmt seine Ablehnung vom 04.02. zurück und "
                   "stimmt dem Plan so zu, wie Sie ihn vorgeschlagen haben.")
    assert reading.decision == "accepted"


def test_a_decision_reserved_to_a_committee_above_a_threshold_is_still_pending() -> None:
    reading = read("Die Prüfung ist noch nicht abgeschlossen, da Verzichte ab 10.000,00 € unserem Vorstand vorbehalten "
                   "sind, der erst im April tagt. Wir bitten um Fristverlängerung.")
    assert reading.decision in ("unclear", "needs_info")
    assert not reading.counter_offer


def test_consent_under_reservation_stays_a_condition() -> None:
    reading = read("Wir stimmen dem Plan unter Vorbehalt zu.")
    assert reading.decision != "accepted" or reading.doubts


def test_a_question_whether_the_client_agrees_is_no_agreement() -> None:
    reading = read("Bevor wir Stellung nehmen, bitten wir um Klärung: Ist Frau Ostrowski damit einverstanden, dass wir "
                   "die Kaution verrechnen, und soll der Plan dann mit dem geringeren Betrag gerechnet werden?")
    assert reading.decision == "needs_info"


def test_a_rate_named_far_before_its_figure_or_as_every_month_is_a_monthly_rate() -> None:
    raised = read("Wir stimmen zu, sofern die monatliche Rate bei unveränderter Laufzeit von 36 Monaten auf 25,00 € "
                  "angehoben wird.")
    every = read("Null Euro mache ich nicht mit. Wenn er mir jeden Monat 40 Euro gibt, bin ich einverstanden.")
    assert raised.counter_offer.get("monthly_rate") == D("25.00")
    assert every.counter_offer.get("monthly_rate") == D("40")


def test_fine_by_me_if_more_is_paid_is_a_counter_offer() -> None:
    reading = read("Dass ich gar nichts kriegen soll da bin ich nicht mit einverstanden. Wenn er mir wenigstens "
                   "30 Euro im Monat zahlt dann meinetwegen, aber so nicht.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"monthly_rate": D("30")}


def test_a_consent_the_creditor_says_a_correction_does_not_affect_stands() -> None:
    reading = read("We agree to the proposed settlement plan. The balance is EUR 702.40, not EUR 684.15 as stated; "
                   "this does not affect our consent.")
    assert reading.decision == "accepted"
