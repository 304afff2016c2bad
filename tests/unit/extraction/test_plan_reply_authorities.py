"""Plan replies in an authority's wording, in sentences written for these tests: a decision by notice with its legal
remedy, a remission against a one-off payment, papers asked for before anyone can decide."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import plan_reply
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("0.00"), "quota_percent": D("0"), "monthly_rate": D("0.00"), "months": D("72")}


def read(text: str) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(f"Sehr geehrte Damen und Herren,\n\n{text}\n\nIm Auftrag\nKreiskasse Hollmark",
                                      None), plan_figures=PLAN)


@pytest.mark.parametrize("remedy", [
    "Rechtsbehelfsbelehrung: Gegen diesen Bescheid kann innerhalb eines Monats Widerspruch erhoben werden.",
    "Gegen diesen Bescheid ist der Einspruch zulässig.",
])
def test_a_consent_by_notice_is_not_undone_by_its_legal_remedy(remedy: str) -> None:
    reading = read(f"Bescheid\n\n1. Die Kreiskasse stimmt dem Plan vom 02.05. zu.\n2. Säumniszuschläge werden nicht "
                   f"erhoben.\n\n{remedy}")
    assert reading.decision == "accepted"


def test_a_refusal_by_notice_stays_a_refusal() -> None:
    reading = read("Dem Antrag auf Erlass wird nicht entsprochen; dem Plan wird nicht zugestimmt.\n\n"
                   "Rechtsbehelfsbelehrung: Gegen diesen Bescheid ist der Widerspruch zulässig.")
    assert reading.decision == "declined"


def test_a_remission_of_the_arrears_against_a_one_off_payment_is_a_counter_offer() -> None:
    reading = read("Einem Erlass ohne jede Zahlung stimmen wir nicht zu. Gegen eine Einmalzahlung von 450,00 € ist die "
                   "Kasse jedoch bereit, den verbleibenden Rückstand niederzuschlagen.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer.get("offer_amount") == D("450.00")


def test_falling_behind_with_the_instalments_is_still_a_default_clause() -> None:
    reading = read("Wir stimmen dem Plan zu. Gerät Ihre Mandantin mit zwei Raten in Rückstand, lebt die Forderung "
                   "wieder auf.")
    assert reading.decision == "accepted"


@pytest.mark.parametrize("text", [
    "Damit über den Erlass und den Plan entschieden werden kann, schicken Sie uns bitte den Antrag Ihrer Mandantin.",
    "Vor Eingang der angeforderten Unterlagen können wir uns zum Plan nicht äußern.",
    "Bevor wir zu dem Plan für Herrn Jurek Pawlak (Kassenzeichen 5.400.112.9) Stellung nehmen, muss er einen Antrag "
    "stellen.",
])
def test_papers_asked_for_before_an_authority_can_decide(text: str) -> None:
    assert read(text).decision == "needs_info"


def test_a_limit_a_rule_names_is_no_offer() -> None:
    reading = read("Da die Forderung 3.000,00 € überschreitet, entscheidet über einen Erlass nur der Kreisausschuss. "
                   "Eine Erklärung zum Plan folgt nach seiner Sitzung.")
    assert reading.decision != "counter_offer"
    assert not reading.counter_offer


def read_thread(reply: str, quoted: str) -> plan_reply.PlanReading:
    body = f"{reply}\n\nH. Brandt\n\nAm 02.05. schrieb Kanzlei Seewald <plan@seewald.example>:\n" + "\n".join(
        f"> {line}" for line in quoted.split("\n"))
    return plan_reply.read(parse_body(body, None), plan_figures=PLAN)


def test_a_bare_yes_to_a_quoted_question_about_something_else_decides_nothing() -> None:
    reading = read_thread("Ja", "Guten Tag,\n\nneben dem Plan noch eine Frage: Ist die Rechnung vom März in Ihrer "
                                "Forderung schon enthalten?\n\nGrüße\nKanzlei Seewald")
    assert reading.decision == "unclear"


def test_a_bare_yes_to_the_quoted_question_about_the_plan_consents() -> None:
    reading = read_thread("Ja", "Guten Tag,\n\ndürfen wir Ihre Nachricht als Zustimmung zum Plan verstehen?\n\nGrüße\n"
                                "Kanzlei Seewald")
    assert reading.decision == "accepted"


@pytest.mark.parametrize(("text", "decision"), [("Zu wenig.", "declined"), ("Viel zu niedrig!", "declined"),
                                                ("Passt.", "accepted")])
def test_one_word_answers(text: str, decision: str) -> None:
    assert read(text).decision == decision


def test_a_dash_between_words_is_no_minus_sign() -> None:
    reading = read("Nullplan nein – 80 € einmalig und die Sache ist für uns erledigt.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer.get("offer_amount") == D("80.00")


def test_an_authority_that_would_go_along_against_a_sum_of_its_own_offers_terms() -> None:
    reading = read("Dem Nullplan kann die Kasse nicht entsprechen. Einem Vergleich kann sie jedoch nähertreten, wenn "
                   "ein Betrag von 480,00 € gezahlt wird.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"offer_amount": D("480.00")}


def test_a_receipts_word_on_consent_to_mail_is_no_consent_to_the_plan() -> None:
    reading = read("Ihre Nachricht ist bei der Kreiskasse eingegangen und wird weitergeleitet. Eine Antwort per E-Mail "
                   "erhalten Sie nur, wenn Sie der unverschlüsselten Kommunikation zugestimmt haben.")
    assert reading.decision not in ("accepted", "declined")
