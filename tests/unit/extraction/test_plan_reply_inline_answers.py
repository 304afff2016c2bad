"""Plan replies answering between the quoted lines of the firm's letter, and refusals that hold a general remark,
in wordings written for these tests."""

from __future__ import annotations

from decimal import Decimal

from app.services.extraction import plan_reply
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("150.00"), "quota_percent": D("10"), "monthly_rate": D("2.50"), "months": D("60")}
LETTER = ("Am 02.05.2036 schrieb Kanzlei Marquardt <plan@marquardt.example>:\n"
          "> Ihre Forderung ist im Plan mit 1.500,00 € angesetzt.\n>\n"
          "> Stimmen Sie dem Plan zu?\n{first}"
          "> Benötigen Sie für Ihre Entscheidung weitere Unterlagen?\n{second}"
          ">\n> Mit freundlichen Grüßen\n")


def read(first: str, second: str, top: str = "Guten Tag,\n\nunsere Antworten stehen zwischen Ihren Zeilen.\n\n"
         ) -> plan_reply.PlanReading:
    body = top + LETTER.format(first=first, second=second) + "\n--\nBuchhaltung Kessler"
    return plan_reply.read(parse_body(body, None), plan_figures=PLAN)


def test_a_yes_under_the_consent_question_and_a_no_under_the_documents_question_is_consent() -> None:
    reading = read("\nJa.\n\n", "\nNein.\n\n")
    assert reading.decision == "accepted"
    assert reading.doubts == []


def test_a_no_under_the_consent_question_is_a_refusal() -> None:
    assert read("\nNein.\n\n", "\nNein.\n\n").decision == "declined"


def test_a_yes_under_the_documents_question_with_a_request_asks_for_information() -> None:
    reading = read("", "\nJa. Bitte senden Sie uns die letzten drei Lohnabrechnungen.\n\n")
    assert reading.decision == "needs_info"


def test_a_refusal_beside_what_the_creditor_accepts_in_general_is_a_refusal() -> None:
    body = ("Guten Tag,\n\ndem Plan stimmen wir nicht zu. Zehn Prozent liegen deutlich unter dem, was wir "
            "üblicherweise akzeptieren.\n\nGrüße")
    assert plan_reply.read(parse_body(body, None), plan_figures=PLAN).decision == "declined"


def test_no_consent_without_the_documents_asked_for_is_a_request() -> None:
    body = ("Guten Tag,\n\nohne aktuelle Einkommensnachweise ist uns eine Zustimmung nicht möglich. Bitte senden Sie "
            "uns die Lohnabrechnungen der letzten drei Monate.\n\nGrüße")
    assert plan_reply.read(parse_body(body, None), plan_figures=PLAN).decision == "needs_info"
