"""Counter-offers whose terms stand around the sentence that decides, in wording written for these tests: a quota
the creditor calls fair and a consent "zu diesen Bedingungen" after it, a principal's yes in the subjunctive with the
rate worked out in the next sentence ("entspricht das"), a sum that would close the matter "dann" in a phone
reply's own spelling, a table of the plan's figures beside the creditor's own, and terms sent in the attachment."""

from __future__ import annotations

from decimal import Decimal

from app.services.attachments.result import AttachmentText, TextSegment
from app.services.extraction import plan_reply
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("288.00"), "quota_percent": D("8"), "monthly_rate": D("4.00"), "months": D("72")}


def read(text: str) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(text, None), plan_figures=PLAN, plan_claim=D("3600.00"))


def test_a_quota_called_fair_before_a_consent_on_these_terms_is_a_counter_offer() -> None:
    reading = read("Eine Quote von 8 % können wir nicht annehmen. Angesichts des Alters der Schuldnerin halten wir "
                   "12 % für angemessen. Über 72 Monate sind das 6,00 € im Monat, insgesamt 432,00 €.\n\nZu diesen "
                   "Bedingungen stimmen wir zu.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer.get("quota_percent") == D("12")
    assert reading.counter_offer.get("offer_amount") == D("432.00")


def test_a_principals_subjunctive_yes_with_the_rate_worked_out_next() -> None:
    reading = read("Mit 8 % ist unsere Mandantin nicht einverstanden. Bei 10 % könnte sie zustimmen. Bei gleicher "
                   "Laufzeit bedeutet das eine Rate von 5,00 € monatlich.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"quota_percent": D("10"), "monthly_rate": D("5.00")}


def test_a_plain_consent_that_repeats_the_plans_rate_stays_a_consent() -> None:
    reading = read("Dem Plan stimmen wir zu. Bei 72 Monaten entspricht das einer Rate von 4,00 € monatlich.")
    assert reading.decision == "accepted"


def test_a_sum_that_would_close_the_matter_then_is_the_creditors_offer() -> None:
    reading = read("288 Euro für 3600? Ne. Wenn sie 900 € auf einmal zahlt, dann isch die Sach für mich erledigt. "
                   "Weniger mach i ned.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer.get("offer_amount") == D("900")


def test_a_bound_that_describes_the_plans_offer_is_no_figure_of_the_creditors() -> None:
    reading = read("Der angebotene Betrag deckt weniger als 10 % unserer Forderung. Wir stimmen zu, wenn auf uns "
                   "eine Einmalzahlung von 700,00 € entfällt.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"offer_amount": D("700.00")}


def test_a_subjunctive_yes_said_verb_first_with_its_sum_beside_the_quota() -> None:
    reading = read("Eine Quote von 8 % lehnt unsere Mandantin ab. Zustimmen würde sie bei 11 %, das sind 396,00 € auf "
                   "ihre Forderung.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"quota_percent": D("11"), "offer_amount": D("396.00")}


def letter(*lines: str) -> AttachmentText:
    return AttachmentText(filename="Stellungnahme.pdf", status="ok",
                          segments=[TextSegment(text="\n".join(lines), location="page 1", ocr=False)])


def test_a_table_of_the_plans_figures_beside_the_creditors_own_is_its_counter_offer() -> None:
    reading = read("Die Quote von 8 % reicht uns nicht. Wir würden zustimmen, wenn der Schuldner etwas mehr im Monat "
                   "zahlt. Im Vergleich zu Ihrem Plan heißt das für uns:\n\n"
                   "Position | Ihr Plan | unsere Bedingung\nMonatliche Rate | 4,00 € | 6,50 €\n"
                   "Laufzeit | 72 Monate | 72 Monate\nZahlungen insgesamt | 288,00 € | 468,00 €\n\nGruß")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"monthly_rate": D("6.50"), "months": D("72"), "offer_amount": D("468.00")}


def test_terms_the_mail_sends_in_its_attachment_make_its_no_a_counter_offer() -> None:
    attachment = letter("Stellungnahme zum Schuldenbereinigungsplan",
                        "Einer Quote von 8 % können wir nicht zustimmen. Zustimmen würden wir bei 12 %,",
                        "das sind 6,00 € im Monat über 72 Monate.")
    body = ("Dem Plan in dieser Form stimmen wir nicht zu. Unter welcher Bedingung wir zustimmen könnten, entnehmen "
            "Sie bitte der Anlage.")
    reading = plan_reply.read(parse_body(body, None), attachments=[attachment], plan_figures=PLAN,
                              plan_claim=D("3600.00"))
    assert reading.decision == "counter_offer"
    assert reading.counter_offer.get("quota_percent") == D("12")
    assert reading.doubts  # a human reads where the terms stand
    plain_no = plan_reply.read(parse_body("Dem Plan in dieser Form stimmen wir nicht zu.", None),
                               attachments=[attachment], plan_figures=PLAN, plan_claim=D("3600.00"))
    assert plain_no.decision == "declined" and plain_no.doubts  # the mail says no; the attachment's terms are asked
