"""Plan replies that repeat the plan's own figures or speak of a moment in months, and a reply written below the
firm's letter pasted at the top of the mail, in wording written for these tests: none of the plan's figures
repeated is a counter-offer, a review "after 24 months" offers no term, and an agreement under a reservation
goes to a human."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import plan_reply
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("432.00"), "quota_percent": D("9"), "monthly_rate": D("12.00"), "months": D("36")}


def read(text: str) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(text, None), plan_figures=PLAN)


def test_a_reservation_repeating_the_plans_figures_is_agreement_for_a_human() -> None:
    reading = read("Wir stimmen dem Vergleich (9 %, 36 Monate, monatlich 12,00 €) unter dem Vorbehalt zu, die "
                   "Einkommenslage des Schuldners nach Ablauf von 18 Monaten neu zu bewerten.")
    assert reading.decision == "accepted" and not reading.counter_offer and reading.doubts


def test_a_review_after_some_months_offers_no_term() -> None:
    reading = read("Vorbehaltlich einer Überprüfung nach 24 Monaten sind wir mit 36 Monatsraten zu 12,00 € "
                   "einverstanden.")
    assert reading.decision == "accepted" and "months" not in reading.counter_offer


def test_a_rhythm_in_months_offers_no_term() -> None:
    reading = read("Wir stimmen zu, sofern uns der Schuldner alle 6 Monate seine Einkünfte nachweist.")
    assert reading.decision == "accepted" and not reading.counter_offer


def test_a_longer_term_under_a_condition_is_still_a_counter_offer() -> None:
    reading = read("Wir stimmen nur zu, wenn die Laufzeit auf 48 Monate verlängert wird.")
    assert reading.decision == "counter_offer" and reading.counter_offer["months"] == D("48")


LETTER_ABOVE = """Kanzlei Beispiel <plan@kanzlei.example> schrieb am 02.03.2027 10:15:

Sehr geehrte Damen und Herren,
anbei der Plan für Herrn Ilić: Quote 9 %, monatlich 12,00 €, 36 Monate.
Bitte teilen Sie uns mit, ob Sie zustimmen.

____________

Guten Tag,
das ist uns zu wenig. Wir schlagen monatlich 20,00 € über 36 Monate vor.
Gruß, Frau Lind
"""


def test_an_answer_below_the_letter_pasted_above_is_the_reply() -> None:
    parsed = parse_body(LETTER_ABOVE, None)
    assert "schlagen monatlich 20,00" in parsed.reply_text and "anbei der Plan" not in parsed.reply_text
    reading = plan_reply.read(parsed, plan_figures=PLAN)
    assert reading.decision == "counter_offer" and reading.counter_offer["monthly_rate"] == D("20.00")


def test_a_letter_forwarded_alone_gives_no_reply() -> None:
    parsed = parse_body(LETTER_ABOVE.split("____________")[0], None)
    assert parsed.reply_text.strip() == ""
