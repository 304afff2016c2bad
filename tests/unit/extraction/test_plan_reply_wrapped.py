"""Plan replies as mail programs and authorities write them, in wording written for these tests: lines wrapped in
the middle of a sentence, a bare "no", an authority's "dem Antrag wird (nicht) entsprochen", the Swiss "Hand
bieten", the courtesy "für Rückfragen stehen wir zur Verfügung", an agreement that lapses if the firm does not
confirm in time, joining "bei" figures of one's own, one letter deciding for two clients, and the plan's listed
claim echoed in a returned form."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.models import Inquiry
from app.services import plan_stage
from app.services.extraction import extract, plan_reply
from app.services.extraction.result import Evidence, ExtractionResult
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("180.00"), "quota_percent": D("12"), "monthly_rate": D("3.75"), "months": D("48")}


def read(text: str, **kwargs: object) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(text, None), plan_figures=PLAN, **kwargs)  # type: ignore[arg-type]


def test_an_agreement_wrapped_onto_a_lower_case_line_is_read_as_one_sentence() -> None:
    text = ("Guten Tag,\n\nnach Durchsicht aller Unterlagen erklären wir uns mit dem vorgelegten Plan\n"
            "für Herrn Dobrindt-Kaya in der vorliegenden Fassung einverstanden.\n\nGruß\nHansa Leasing")
    reading = read(text)
    assert reading.decision == "accepted"
    text = ("Guten Tag,\n\nnach Durchsicht der Angaben zur Einkommenslage stimmen wir dem Vergleichsvorschlag\n"
            "für Frau Aydemir ohne Änderungen zu.\n\nGruß\nHansa Leasing")
    assert read(text).decision == "accepted"


def test_a_negation_at_the_end_of_a_long_line_binds_the_decision_word_on_the_next() -> None:
    text = ("Sehr geehrte Damen und Herren\n\nEinem Verzicht auf nahezu den ganzen Betrag können wir beim besten\n"
            "Willen nicht Hand bieten.\n\nFreundliche Grüsse\nT. Bürgi")
    assert read(text).decision == "declined"
    text = ("Sehr geehrte Damen und Herren\n\nEinem Erlass von mehr als vier Fünfteln der Forderung können wir nicht\n"
            "Hand bieten.\n\nFreundliche Grüsse\nT. Bürgi")
    assert read(text).decision == "declined"


@pytest.mark.parametrize("text", [
    "Nein.\n\nR. Vollmer",
    "nein\n\nMit freundlichen Grüßen\nF. Aksoy",
    "No.\n\nJ. Whitfield",
])
def test_a_reply_that_is_the_word_no_alone_is_a_refusal(text: str) -> None:
    assert read(text).decision == "declined"


def test_no_inside_a_sentence_is_no_bare_refusal() -> None:
    reading = read("Nein, eine Ablehnung ist nicht beabsichtigt; wir melden uns noch.")
    assert reading.decision != "declined" or reading.doubts


@pytest.mark.parametrize(("text", "decision"), [
    ("Ihrem Gesuch vom 2. Juni kann leider nicht entsprochen werden.", "declined"),
    ("Dem Antrag auf Zustimmung zum außergerichtlichen Plan wird aus Billigkeitsgründen nicht entsprochen.",
     "declined"),
    ("Dem Antrag vom 4. Mai auf Zustimmung zum Plan wird entsprochen.", "accepted"),
    ("Die Bereichsleitung hat beschlossen, dem Vergleichsvorschlag nicht zuzustimmen.", "declined"),
    ("Unser Vorstand hat entschieden, dem Vergleichsvorschlag zuzustimmen.", "accepted"),
    ("Bei einem Erlass von fast neun Zehnteln der Schuld können wir nicht Hand bieten.", "declined"),
    ("Zu dieser Lösung bieten wir gerne Hand.", "accepted"),
])
def test_official_and_swiss_wordings_decide(text: str, decision: str) -> None:
    assert read(text).decision == decision


def test_a_request_that_the_creditor_agree_decides_nothing() -> None:
    assert read("Sie bitten uns, dem Plan zuzustimmen. Wir prüfen das noch.").decision == "unclear"
    assert read("Wir wurden gebeten, dem Plan bis Ende Mai zuzustimmen.").decision == "unclear"


def test_an_agreement_that_lapses_without_the_firms_confirmation_stands_with_a_doubt() -> None:
    text = ("Dem Plan für Frau Hollmann stimmen wir zu, vorausgesetzt Sie weisen uns bis zum 20.01.2027 die "
            "Auszahlung der Abfindung nach. Liegt uns der Nachweis bis dahin nicht vor, gilt diese Zustimmung als "
            "nicht erteilt.")
    reading = read(text)
    assert reading.decision == "accepted"
    assert any("lapses" in doubt for doubt in reading.doubts)
    reading = read("Wir stimmen zu. Ohne Ihre Bestätigung bis Monatsende erlischt unsere Zustimmung.")
    assert reading.decision == "accepted"
    assert reading.doubts


def test_joining_on_figures_of_ones_own_is_a_counter_offer() -> None:
    text = ("3,75 € monatlich reichen uns nicht. Wir machen mit bei insgesamt 420,00 €, zahlbar in 48 Raten\n"
            "zu je 8,75 €.")
    reading = read(text)
    assert reading.decision == "counter_offer"
    assert reading.counter_offer == {"offer_amount": D("420.00"), "months": D("48"), "monthly_rate": D("8.75")}


def test_one_letter_for_two_clients_is_read_from_the_part_about_the_matched_client() -> None:
    text = ("Guten Tag,\n\nzu Ihren beiden Plänen:\n\n"
            "Frau Ilse Brandauer (unser Zeichen HV-33019): Diesem Plan stimmen wir nicht zu.\n\n"
            "Herr Tobias Wendrich (unser Zeichen HV-33140): Mit diesem Plan sind wir einverstanden.\n\nGrüße")
    wendrich = read(text, client_marks=["Wendrich", "HV-33140"])
    brandauer = read(text, client_marks=["Brandauer", "HV-33019"])
    assert wendrich.decision == "accepted"
    assert brandauer.decision == "declined"
    assert wendrich.doubts and brandauer.doubts  # a human confirms either way
    # a client the letter does not name: both decisions stand against each other, a human reads it
    other = read(text, client_marks=["Okonkwo", "HV-40001"])
    assert other.doubts


def test_the_claim_as_the_plan_lists_it_echoed_or_restated_is_no_stated_claim() -> None:
    inquiry = Inquiry(external_id="INQ-1", client_name="Renate Vosskamp", creditor_reference="VS-2201",
                      known_amount=D("512.40"), letter_type="plan", plan_offer=None)
    evidence = Evidence(source="Erklaerung.docx", part="attachment", location="table 1, row 2",
                        text="Forderung lt. Plan | 512,40 €")
    extraction = ExtractionResult(intent="debt_statement", intent_reasons=[], intent_confidence=0.9,
                                  total_amount=D("512.40"), total_evidence=evidence)
    parsed = parse_body("Anbei die Erklärung zurück.", None)
    read_back = plan_stage.read_reply(extraction, parsed, "Erklärung", [], inquiry)
    assert read_back.total_amount is None
    # restated in the creditor's own words, the plan's claim is still no new figure (seven blind corpora label it so)
    restated = extraction.model_copy(update={"total_evidence": evidence.model_copy(
        update={"text": "Unsere Forderung beträgt 512,40 €"})})
    assert plan_stage.read_reply(restated, parsed, "Erklärung", [], inquiry).total_amount is None
    grown = restated.model_copy(update={"total_amount": D("530.10")})
    assert plan_stage.read_reply(grown, parsed, "Erklärung", [], inquiry).total_amount == D("530.10")


def test_the_courtesy_offer_to_answer_questions_asks_for_nothing() -> None:
    text = ("Dem Vergleichsvorschlag für Herrn Pohlmann stimmen wir zu. Bei Rückfragen ist Frau Dierks unter der "
            "Rufnummer 040-555-1290 für Sie erreichbar.")
    assert read(text).doubts == []
    assert read("Dem Plan stimmen wir zu. Für Rückfragen stehen wir Ihnen gerne zur Verfügung.").doubts == []
    reading = read("Dem Plan stimmen wir zu. Wir haben allerdings noch Rückfragen zur Einkommenshöhe.")
    assert reading.doubts


@pytest.mark.parametrize("text", [
    "Ihr Schreiben liegt der Rechtsabteilung vor, die sich bei Ihnen meldet. Bitte sehen Sie von Rückfragen ab.",
    "Die Akte ist an unseren Vorstand gegangen. Wir bitten darum, bis zu dessen Sitzung keine Rückfragen zu stellen.",
])
def test_a_plea_to_refrain_from_questions_asks_for_nothing(text: str) -> None:
    reading = read(text)
    assert reading.decision == "unclear"
    assert not any("asks" in reason for reason in reading.reasons)


def test_the_claim_stated_beside_a_counter_offers_sum_is_the_stated_claim() -> None:
    inquiry = Inquiry(external_id="INQ-2", client_name="Dieter Wollgast", creditor_reference="MK 7-2208",
                      known_amount=D("1390.00"), letter_type="plan", plan_offer={"type": "zero"})
    text = ("Sehr geehrte Damen und Herren,\n\neinem Plan ohne jede Zahlung stimmen wir nicht zu. Zahlt Herr Wollgast "
            "24 Monate lang 15,00 € im Monat, zusammen 360,00 €, verzichten wir auf den Rest.\n\n"
            "Der Rückstand auf dem Mietkonto beträgt inzwischen 1.482,60 €.\n\nMit freundlichen Grüßen\nHausverwaltung")
    parsed = parse_body(text, None)
    extraction = extract(parsed, subject="Ihr Plan", from_email="miete@hv.example", from_name="Hausverwaltung")
    read_back = plan_stage.read_reply(extraction, parsed, "Ihr Plan", [], inquiry)
    assert read_back.plan is not None and read_back.plan.decision == "counter_offer"
    assert read_back.total_amount == D("1482.60")
    assert not read_back.amount_is_safe
    # with no other whole figure beside it, the offer's sum is still no claim
    offer_only = parse_body(text.split("Der Rückstand")[0], None)
    alone = extract(offer_only, subject="Ihr Plan", from_email="miete@hv.example", from_name="Hausverwaltung")
    assert plan_stage.read_reply(alone, offer_only, "Ihr Plan", [], inquiry).total_amount is None
