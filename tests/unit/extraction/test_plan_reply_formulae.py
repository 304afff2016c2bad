"""Plan replies in an authority's formula, a plain "my answer is …", a refusal one refrains from, and an office whose
name holds a refusal word; sentences written for these tests."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import plan_reply
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("540.00"), "quota_percent": D("9"), "monthly_rate": D("9.00"), "months": D("60")}


def read(text: str) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(f"Sehr geehrte Damen und Herren,\n\n{text}\n\nMit freundlichen Grüßen\n"
                                      "Versorgungskasse Ostheide", None), plan_figures=PLAN)


@pytest.mark.parametrize("text", [
    "Das Amt erklärt sein Einvernehmen mit dem vorgelegten Schuldenbereinigungsplan.",
    "Mit dem Plan wird das Einvernehmen hiermit erteilt.",
    "Wir haben lange überlegt. Unsere Antwort lautet: ja.",
])
def test_consent_in_an_authoritys_formula_or_a_plain_yes(text: str) -> None:
    assert read(text).decision == "accepted"


@pytest.mark.parametrize("text", [
    "Ich habe mit meiner Tochter darüber gesprochen. Meine Antwort ist nein.",
    "Unsere Antwort heißt leider nein.",
])
def test_a_plain_no_as_the_answer_is_a_refusal(text: str) -> None:
    assert read(text).decision == "declined"


def test_refraining_from_a_refusal_is_agreement_for_a_human_to_confirm() -> None:
    reading = read("Wegen der regelmäßigen Zahlungen nehmen wir von einem Widerspruch Abstand.")
    assert reading.decision == "accepted"
    assert reading.doubts
    assert read("Von einer Ablehnung sehen wir ab.").decision == "accepted"


def test_an_office_named_for_objections_is_no_objection() -> None:
    reading = read("Über Vergleiche entscheidet unsere Widerspruchsstelle; wir haben Ihr Schreiben dorthin "
                   "weitergegeben.")
    assert reading.decision != "declined"
    assert read("Gegen den Plan legen wir Widerspruch ein.").decision == "declined"


def test_ja_as_a_particle_is_no_answer() -> None:
    assert read("Unsere Antwort ist ja schon unterwegs, bitte warten Sie diese ab.").decision != "accepted"


def test_consent_once_a_higher_rate_is_paid_instead_of_the_plans_is_a_counter_offer() -> None:
    reading = read("Wir stimmen zu, sobald Ihr Mandant statt 9,00 EUR monatlich 14,00 EUR überweist.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"monthly_rate": D("14.00")}


@pytest.mark.parametrize(("text", "figures"), [
    ("Mit 9 % können wir nicht leben. Zustimmungsfähig wäre für uns eine Quote von 16 Prozent, die Laufzeit "
     "bliebe bei 60 Monaten.", {"quota_percent": D("16"), "months": D("60")}),
    ("Unser Vorschlag von unserer Seite: statt 60 Raten zu 9,00 € lieber 30 Raten zu je 18,00 €. Unter dieser "
     "Bedingung machen wir mit.", {"months": D("30"), "monthly_rate": D("18.00")}),
    ("Einem Plan ohne Zahlungen stimmen wir nicht zu. Zahlt Ihr Mandant einmalig 200,00 €, verzichten wir auf den "
     "Rest der Forderung.", {"offer_amount": D("200.00")}),
])
def test_terms_the_creditor_would_agree_to_are_a_counter_offer_not_a_decision(text: str,
                                                                            figures: dict[str, Decimal]) -> None:
    reading = read(text)
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == figures


def test_consent_withheld_with_many_words_between_is_a_refusal() -> None:
    reading = read("Unsere Zustimmung zum vorgelegten Plan für Herrn Okoro können wir leider "
                   "nicht erteilen.")
    assert reading.decision == "declined"


@pytest.mark.parametrize("text", [
    "Da Ihre Mandantin monatlich 15,00 € nicht aufbringen kann, stimmen wir dem Plan wie vorgelegt zu.",
    "Wir haben verstanden, dass Herr Okoro 15,00 € im Monat nicht leisten kann. Dem Plan stimmen wir daher zu.",
])
def test_a_figure_the_client_cannot_pay_named_as_the_reason_is_no_counter_offer(text: str) -> None:
    reading = read(text)
    assert reading.decision == "accepted"
    assert not reading.counter_offer


@pytest.mark.parametrize("text", [
    "Es fällt mir schwer. Ja, in Gottes Namen, dann machen Sie es so.",
    "Was bleibt mir anderes übrig, als zuzustimmen? Also gut.",
])
def test_consent_given_with_a_sigh(text: str) -> None:
    assert read(text).decision == "accepted"


def test_my_own_proposal_with_a_figure_is_a_counter_offer() -> None:
    reading = read("Für 9 Euro im Monat unterschreibe ich nichts. Mein Vorschlag: 250 Euro auf einmal.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"offer_amount": D("250.00")}


def test_a_rate_raised_from_the_plans_figure_offers_only_the_new_one() -> None:
    reading = read("Wir treten dem Plan bei, wenn die Rate von 9,00 € auf 14,00 € monatlich angehoben wird.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"monthly_rate": D("14.00")}


def test_a_negation_struck_through_leaves_consent_for_a_human_to_confirm() -> None:
    reading = plan_reply.read(parse_body("Guten Tag,\n\nWir stimmen dem Plan ~~nicht~~ zu.\n\nGrüße\nAutohaus", None),
                              plan_figures=PLAN)
    assert reading.decision == "accepted"
    assert any("strikes words through" in doubt for doubt in reading.doubts)


@pytest.mark.parametrize(("rows", "decision"), [
    ("<tr><td>X</td><td>Wir stimmen dem Plan zu.</td></tr><tr><td></td><td>Wir stimmen dem Plan nicht zu.</td></tr>",
     "accepted"),
    ("<tr><td></td><td>Wir stimmen dem Plan zu.</td></tr><tr><td><b>x</b></td><td>Wir stimmen dem Plan nicht zu."
     "</td></tr>", "declined"),
])
def test_a_form_rebuilt_as_a_table_reads_its_row_ticked_by_a_cell(rows: str, decision: str) -> None:
    html = f"<p>Guten Tag,</p><p>anbei das Formular:</p><table>{rows}</table><p>Grüße<br>Praxis Lindner</p>"
    assert plan_reply.read(parse_body(None, html), plan_figures=PLAN).decision == decision


def test_a_box_the_creditor_ticked_inside_the_quoted_form_decides_for_a_human_to_confirm() -> None:
    body = ("Guten Tag,\n\nunsere Erklärung finden Sie im Formular unten.\n\nGrüße\nPraxis Lindner\n\n"
            "> Bitte kreuzen Sie an:\n> [ ] Wir stimmen dem Plan zu.\n> [x] Wir stimmen dem Plan nicht zu.\n")
    reading = plan_reply.read(parse_body(body, None), plan_figures=PLAN)
    assert reading.decision == "declined"
    assert any("ticked inside the quoted letter" in doubt for doubt in reading.doubts)
    unticked = body.replace("[x]", "[ ]")
    assert plan_reply.read(parse_body(unticked, None), plan_figures=PLAN).decision == "unclear"
