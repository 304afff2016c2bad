"""Plan replies in short or unusual shapes, in wording written for these tests: an addition ("nicht nur …,
sondern") that holds a negation word but negates nothing, a reply form returned with a box ticked inline, an
answer that is a bare "ja", decision words with a typo, a decision left to a board that meets later, and a reply
that speaks of another client's plan."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.models import Inquiry
from app.services import plan_stage
from app.services.extraction import plan_reply
from app.services.extraction.intent import Rule
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("420.00"), "quota_percent": D("10"), "monthly_rate": D("7.00"), "months": D("60")}


def read(text: str, **kwargs: object) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(text, None), plan_figures=PLAN, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [
    "Dem Vergleich stimmen wir nicht nur zu, sondern erlassen zusätzlich die Mahnkosten.",
    "Wir akzeptieren den Plan nicht bloß, sondern sehen auch von weiteren Zinsen ab.",
    "We not only agree to the plan but also waive the late fees.",
])
def test_not_only_but_also_is_no_negation(text: str) -> None:
    assert read(text).decision == "accepted"


@pytest.mark.parametrize("text", [
    "Dem Vergleich stimmen wir nicht zu, sondern verlangen die volle Forderung.",
    "Wir stimmen nicht nur nicht zu, sondern widersprechen dem Plan ausdrücklich.",
])
def test_a_negation_before_sondern_still_refuses(text: str) -> None:
    assert read(text).decision == "declined"


@pytest.mark.parametrize(("text", "decision"), [
    ("Unsere Antwort auf Ihr Formular:\n\nEinverständnis mit dem Plan:   [x] ja    [ ] nein\n", "accepted"),
    ("Einverständnis mit dem Plan:   [ ] ja    [X] nein\nGrund: zu geringe Quote.", "declined"),
    ("Einverständnis mit dem Plan:   [ ] ja    [X] nein", "declined"),
    ("Plan angenommen?  ☒ ja  ☐ nein", "accepted"),
    ("Bitte vermerken Sie:\n[x] Zustimmung   [ ] Ablehnung", "accepted"),
    ("Unsere Erklärung: ( ) Zustimmung  (x) Ablehnung", "declined"),
])
def test_a_box_ticked_in_the_reply_decides(text: str, decision: str) -> None:
    assert read(text).decision == decision


def test_a_form_returned_unticked_decides_nothing() -> None:
    reading = read("Anbei zurück:\nEinverständnis mit dem Plan:   [ ] ja    [ ] nein\nBemerkungen: ____")
    assert reading.decision == "unclear"


def test_both_boxes_ticked_decide_nothing_alone() -> None:
    reading = read("Einverständnis mit dem Plan:   [x] ja    [x] nein")
    assert reading.decision == "unclear" and reading.doubts


def test_an_unticked_option_does_not_count_against_the_ticked_one() -> None:
    reading = read("[x] Wir tragen den Vergleich mit.\n[ ] Wir lehnen den Vergleich ab.")
    assert reading.decision == "accepted" and not reading.doubts


@pytest.mark.parametrize(("text", "decision"), [
    ("Ja.", "accepted"),
    ("Guten Tag,\n\nja.\n\nGruß S. Kaul", "accepted"),
    ("Betreffend Frau Albers: auch hier ja.", "accepted"),
    ("Für Ihren Mandanten ebenfalls ja!", "accepted"),
    ("Zum Vergleichsvorschlag: nein.", "declined"),
])
def test_a_bare_yes_or_no_answers_the_letter(text: str, decision: str) -> None:
    assert read(text).decision == decision


@pytest.mark.parametrize("text", [
    "Sie wissen ja, dass wir den Plan noch prüfen.",
    "Das hatten wir Ihnen bereits mitgeteilt, Herr Obermann weiß das ja.",
    "Haben Sie Rückfragen zum Konto: ja",
    "Ob Sicherheiten bestehen: ja.",
])
def test_a_yes_that_answers_something_else_decides_nothing(text: str) -> None:
    assert read(text).decision not in ("accepted", "declined")


@pytest.mark.parametrize(("text", "decision"), [
    ("Dem Vergleich stimmmen wir zu.", "accepted"),
    ("Mit dem Plan sind wir einverstnaden.", "accepted"),
    ("Wir erteilen hiermit unsere Zustimmmung.", "accepted"),
    ("Den Plan lehnen wir ab, eine Zustimung ist nicht möglich.", "declined"),
])
def test_a_typo_in_the_decision_word_is_read_with_a_doubt(text: str, decision: str) -> None:
    reading = read(text)
    assert reading.decision == decision
    assert decision == "declined" or any("typo" in doubt for doubt in reading.doubts)


@pytest.mark.parametrize("text", [
    "Diese Summe können wir nicht stemmen.",
    "Wir stimmen uns intern ab und melden uns.",
])
def test_a_word_near_a_decision_word_is_not_put_right(text: str) -> None:
    assert read(text).decision not in ("accepted", "declined")


def test_a_long_subject_between_verb_and_consent_still_agrees() -> None:
    text = ("Zu dem für Herrn Lenz vorgelegten Plan erteilt die Stadtkasse Ebersheim hiermit ihre Zustimmung.")
    assert read(text).decision == "accepted"


@pytest.mark.parametrize("text", [
    "Den Plan legen wir dem Kreditausschuss vor; er entscheidet in seiner nächsten Sitzung am 4. Dezember.",
    "Über den Vergleich befasst sich unser Aufsichtsrat Ende des Monats. Danach hören Sie von uns.",
    "Our board will decide on the plan on 12 December.",
])
def test_a_decision_left_to_a_later_meeting_is_unclear(text: str) -> None:
    assert read(text).decision == "unclear"


def test_an_agreement_that_a_board_still_has_to_confirm_goes_to_a_human() -> None:
    reading = read("Wir stimmen dem Plan zu. Der Vorstand entscheidet darüber abschließend in seiner nächsten Sitzung.")
    assert reading.doubts


LETTER = {"letter_references": ["ABC.26.0310", "VX-4410027"], "client_name": "Tamara Weiland"}


def test_figures_of_a_reply_about_another_clients_letter_are_no_counter_offer() -> None:
    reading = read("In Sachen Bernd Kowalczyk, Ihr Az. ABC.26.0288: Die Einmalzahlung von 212,40 € nehmen wir an.",
                   **LETTER)
    assert reading.decision == "accepted" and not reading.counter_offer
    assert any("another letter" in doubt for doubt in reading.doubts)


@pytest.mark.parametrize("text", [
    "Kundenkonto VX-4410391: Wir sind mit dem Plan einverstanden.",
    "In Sachen Kowalczyk stimmen wir dem Plan zu.",
])
def test_a_reply_naming_another_reference_or_client_goes_to_a_human(text: str) -> None:
    assert any("another letter" in doubt for doubt in read(text, **LETTER).doubts)


@pytest.mark.parametrize("text", [
    "Kundenkonto VX-4410027 (Frau Weiland): Wir sind mit dem Plan einverstanden.",
    "In Sachen Weiland, Ihr Az. ABC.26.0310, stimmen wir dem Plan zu.",
    "Wir stimmen dem Plan zu. Tel. 0441-555-2213, Vorgang 1180/26.",
])
def test_a_reply_about_this_letter_is_not_sent_away(text: str) -> None:
    reading = read(text, **LETTER)
    assert reading.decision == "accepted" and not reading.doubts


def _plan_letter() -> Inquiry:
    return Inquiry(external_id="INQ-7", client_name="Tamara Weiland", firm_reference="ABC.26.0310",
                   creditor_reference="VX-4410027", known_amount=D("4200.00"), letter_type="plan",
                   plan_offer={"type": "quota", "quota_percent": "10", "months": 60})


def _read_as_note(body: str, reasons: list[str]) -> ExtractionResult | None:
    extraction = ExtractionResult(intent="auto_reply", intent_reasons=reasons, intent_confidence=0.75)
    return plan_stage.as_plan_reply(extraction, parse_body(body, None), "AW: Plan Weiland", [], _plan_letter())


def test_a_human_note_that_a_board_decides_on_the_plan_later_is_an_unclear_plan_reply() -> None:
    body = ("Den Schuldenbereinigungsplan für Frau Weiland legen wir unserem Vorstand vor, der in seiner Sitzung am "
            "9. Dezember entscheidet. Wir melden uns danach.")
    read_back = _read_as_note(body, [Rule.AUTOMATIC.reason, 'cue "wir melden uns"'])
    assert read_back is not None and read_back.intent == "plan_response"
    assert read_back.plan is not None and read_back.plan.decision == "unclear"


@pytest.mark.parametrize(("body", "reason"), [
    ("Dies ist eine automatisch erzeugte Nachricht zu Ihrem Schuldenbereinigungsplan. Wir melden uns.",
     Rule.AUTOMATIC.reason),
    ("Ich bin bis 3. Januar im Urlaub; Ihren Schuldenbereinigungsplan bearbeite ich danach.", Rule.AUTOMATIC.reason),
    ("Ihr Schuldenbereinigungsplan ist eingegangen.", Rule.AUTO_SUBJECT.reason),
])
def test_a_machine_answer_about_a_plan_stays_an_automatic_answer(body: str, reason: str) -> None:
    assert _read_as_note(body, [reason]) is None


@pytest.mark.parametrize("text", [
    "Ist die Forderung bei Ihnen noch offen? Ja.",
    "Haben Sie die Unterlagen erhalten?\nNein.",
])
def test_a_bare_answer_to_a_question_about_something_else_decides_nothing(text: str) -> None:
    assert read(text).decision not in ("accepted", "declined")


def test_a_bare_answer_to_the_question_of_consent_decides() -> None:
    assert read("Stimmen Sie dem Vergleich zu? Ja.").decision == "accepted"


def test_a_decision_in_a_note_first_read_as_automatic_goes_to_a_human() -> None:
    body = "Dem Schuldenbereinigungsplan für Frau Weiland stimmen wir zu; die Unterlagen sind weitergeleitet worden."
    read_back = _read_as_note(body, [Rule.AUTOMATIC.reason, 'cue "weitergeleitet worden"'])
    assert read_back is not None and read_back.plan is not None
    assert read_back.plan.decision == "accepted" and any("automatic note" in d for d in read_back.plan.doubts)


@pytest.mark.parametrize("text", [
    "Das Konto ist ausgeglichen. Es gibt für uns daher nichts mehr, dem wir zustimmen müssten.",
    "Da alles bezahlt ist, bleibt nichts, wozu wir unsere Zustimmung erteilen könnten.",
    "Wir hätten dem Plan zugestimmt, doch die Forderung ist bereits getilgt.",
])
def test_a_consent_there_is_nothing_left_for_or_only_imagined_decides_nothing(text: str) -> None:
    assert read(text).decision not in ("accepted", "declined")


@pytest.mark.parametrize(("text", "decision"), [
    ("Ihr Vorschlag findet unsere Billigung.", "accepted"),
    ("Den vorgelegten Plan billigen wir.", "accepted"),
    ("Der Vorschlag findet nicht unsere Billigung.", "declined"),
    ("Von einer Zustimmung zum Plan sehen wir ab.", "declined"),
    ("Wir sehen von der Annahme des Vergleichs ab.", "declined"),
    ("Leider nein.", "declined"),
])
def test_approval_refraining_and_a_regretful_no_decide(text: str, decision: str) -> None:
    assert read(text).decision == decision


def test_an_objection_that_does_not_follow_is_an_agreement_for_a_human() -> None:
    reading = read("Ein Widerspruch unsererseits gegen den Plan erfolgt nicht.")
    assert reading.decision == "accepted"
    assert reading.doubts


def test_a_ticket_system_closing_with_the_decision_is_a_plan_reply_for_a_human() -> None:
    body = ("Ihr Vorgang 2207-118 wurde abgeschlossen.\nErgebnis: Dem Schuldenbereinigungsplan wird zugestimmt.\n"
            "Dies ist eine automatisch erzeugte Nachricht, bitte antworten Sie nicht.")
    read_back = _read_as_note(body, [Rule.AUTOMATIC.reason])
    assert read_back is not None and read_back.intent == "plan_response"
    assert read_back.plan is not None and read_back.plan.decision == "accepted"
    assert any("automatic note" in doubt for doubt in read_back.plan.doubts)
