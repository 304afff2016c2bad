"""Plan replies as people and mail programs write them, in wording written for these tests: a refusal in a foreign
creditor's English, the plan's figure called less than acceptable, a quota to be raised to the creditor's figure, a
contract called "the agreement", a decision passed on from a colleague as a bare "Zustimmung zum Plan.", terms said
as what it would have to be, and a person's own note that they are away."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.extraction import extract, plan_reply
from app.services.parsing import parse_body

D = Decimal
PLAN = {"quota_percent": D("8"), "offer_amount": D("240.00"), "monthly_rate": D("6.67"), "months": D("36")}


def read(text: str) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(f"Dear Sir or Madam,\n\n{text}\n\nKind regards", None), plan_figures=PLAN)


@pytest.mark.parametrize("refusal", [
    "Regrettably we are unable to sign off on the proposal for Mr Brandt.",
    "Our lending policy does not allow us to agree to a plan of this kind.",
])
def test_a_refusal_in_a_foreign_creditors_english_is_declined(refusal: str) -> None:
    assert read(refusal).decision == "declined"


def test_the_plans_figure_called_less_than_acceptable_is_no_consent() -> None:
    reading = read("8% over three years is less than we can accept for this account.")
    assert reading.decision == "declined"


def test_consent_if_the_quota_is_raised_to_a_figure_of_its_own_is_a_counter_offer() -> None:
    reading = read("8% is less than we can accept. We would be prepared to agree if the quota for our claim is "
                   "raised to 12%.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"quota_percent": D("12.00")}


def test_the_contract_called_the_agreement_is_no_consent() -> None:
    reading = read("The balance is EUR 3,010.40 including interest under the agreement.")
    assert reading.decision != "accepted"


def test_a_bare_consent_to_the_plan_after_a_colon_is_a_consent() -> None:
    reading = read("Nach Rücksprache mit dem Vorstand: Zustimmung zum Plan.")
    assert reading.decision == "accepted"


def test_the_plan_named_in_a_request_for_consent_is_no_consent() -> None:
    reading = read("Wir bitten um Zustimmung zum Plan bis Monatsende.")
    assert reading.decision != "accepted"


def test_terms_said_as_what_it_would_have_to_be_are_a_counter_offer() -> None:
    reading = read("Das ist uns zu wenig, 14 % müssten es schon sein. So wie vorgeschlagen: nein. Mit dieser Änderung: "
                   "ja.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"quota_percent": D("14.00")}


def first_round(text: str, subject: str = "Re: Schuldenbereinigungsplan Brandt") -> str:
    return extract(parse_body(text, None), subject=subject, from_email="p@h.example", from_name=None).intent


def test_a_persons_note_that_they_are_away_and_must_ask_first_is_no_automatic_answer() -> None:
    assert first_round("Hallo,\nbin bis Ende des Monats unterwegs und habe den Plan nur kurz gesehen. Den Auftraggeber "
                       "muss ich ohnehin erst fragen. Melde mich, wenn ich wieder im Büro bin.\nPK") != "auto_reply"


def test_an_automatic_absence_note_stays_an_automatic_answer() -> None:
    assert first_round("Vielen Dank für Ihre Nachricht. Ich bin bis zum 12.10. nicht im Büro und habe keinen Zugriff "
                       "auf meine E-Mails.") == "auto_reply"


def test_a_short_no_to_signing_from_a_private_address_is_no_spam() -> None:
    assert first_round("Moin,\nmeine Frau hat mir Ihre Mail gegeben. Gar nichts für die Reparatur? Nein, das "
                       "unterschreibe ich nicht.\nK.", subject="Brandt") != "spam"


def test_a_bound_on_the_term_is_a_term_of_the_creditors_own() -> None:
    reading = read("12 % müssten es schon sein. Länger als 24 Monate machen wir nicht.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"quota_percent": D("12.00"), "months": D("24")}


def test_an_amount_with_its_currency_first_ends_its_sentence() -> None:
    reading = read("We are willing to agree, but not at a monthly instalment of EUR 6.67. We can accept the plan if "
                   "the instalment is raised to EUR 9.00 per month.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer.get("monthly_rate") == D("9.00")


def test_figures_in_a_table_under_the_creditors_own_proposal_are_its_terms() -> None:
    reading = read("Schwankende Raten über drei Jahre tragen wir nicht mit.\nEiner Regelung mit festen Beträgen "
                   "stimmen wir dagegen zu:\nIhr Plan   unser Vorschlag\nMonatsrate 6,67 € (variabel)   9,00 € (fest)\n"
                   "Laufzeit 36 Monate   24 Monate\nBitte teilen Sie uns mit, ob Ihr Mandant einverstanden ist.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"monthly_rate": D("9.00"), "months": D("24")}


def test_a_clause_asked_for_beside_figures_said_to_stay_unchanged_keeps_the_consent() -> None:
    reading = read("Wir sind mit dem Plan einverstanden – 36 Monatsraten zu 6,67 €. In die endgültige Fassung bitten "
                   "wir eine Besserungsklausel aufzunehmen: Steigt das Einkommen um mehr als 150,00 € im Monat, werden "
                   "die Raten angepasst. Eine Änderung der angebotenen Beträge verlangen wir nicht.")
    assert reading.decision == "accepted"


def test_a_rate_of_its_own_put_against_the_plans_is_a_counter_offer() -> None:
    reading = read("Dem Plan stimmen wir im Grundsatz zu, jedoch nicht zinsfrei. Bei gleicher Laufzeit ergibt das "
                   "eine Monatsrate von 8,10 € statt 6,67 €. Mit dieser Rate sind wir einverstanden.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer.get("monthly_rate") == D("8.10")


def test_ready_to_settle_for_the_payment_the_plan_offers_is_a_consent() -> None:
    reading = read("Die Bank ist bereit, den Darlehensvertrag gegen die angebotene Einmalzahlung von 240,00 € zu "
                   "erledigen. Bitte überweisen Sie auf unser Konto.")
    assert reading.decision == "accepted"


def test_months_said_against_the_plans_and_a_rate_for_each_month_are_the_creditors_terms() -> None:
    reading = read("Die Bank stimmt zu, wenn Herr Brandt 24 statt 36 Monate zahlt und die Monatsrate dafür auf "
                   "10,50 € steigt.")
    assert reading.counter_offer == {"months": D("24"), "monthly_rate": D("10.50")}
    reading = read("Sie wäre einverstanden, wenn Herr Brandt 30 Monate lang je 8,00 € zahlt.")
    assert reading.counter_offer == {"months": D("30"), "monthly_rate": D("8.00")}


def test_a_grown_balance_that_leaves_the_consent_untouched_is_no_refusal() -> None:
    result = extract(parse_body("Guten Tag,\n\nwir nehmen den Vergleichsvorschlag an. Durch die seit der Kündigung "
                                "aufgelaufenen Zinsen beträgt der Saldo heute 2.104,50 €. Das berührt unsere "
                                "Zustimmung nicht.\n\nGrüße", None),
                     subject="Plan Brandt – Zustimmung", from_email="p@bank.example", from_name=None)
    assert result.intent != "rejection"
    assert result.total_amount == D("2104.50")


@pytest.mark.parametrize(("answer", "decision"), [
    ("Nö.", "declined"), ("Nee!", "declined"), ("Von mir aus. Besser als gar nichts.", "accepted"),
    ("Passt so 👍", "accepted"), ("Geht klar.", "accepted"),
])
def test_a_colloquial_one_word_answer_decides(answer: str, decision: str) -> None:
    assert plan_reply.read(parse_body(f"{answer}\n\nK. Brandt", None), plan_figures=PLAN).decision == decision


def test_a_bare_ok_is_left_to_a_human() -> None:
    assert plan_reply.read(parse_body("ok\n\nK. Brandt", None), plan_figures=PLAN).decision == "unclear"
