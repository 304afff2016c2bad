"""Plan replies whose decision words do not say what they seem to, in wording written for these tests: a refusal
ruled out, an abstention, an objection to the firm's deemed consent, a statement withdrawn, a negated refusal; and
decisions written where a sentence does not stand: a form field's value, a ticked box, the subject line, a
percentage in words. Where no clean reading exists the reading carries a doubt, so a human records it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.attachments.result import AttachmentText, TextSegment
from app.services.extraction import plan_figures, plan_reply
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("360.00"), "quota_percent": D("12"), "monthly_rate": D("7.50"), "months": D("48")}


def read(text: str, **kwargs: object) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(text, None), plan_figures=PLAN, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [
    "Eine Ablehnung des Vergleichsvorschlags steht für unser Haus nicht zur Debatte.",
    "Einen Widerspruch gegen den Vergleich werden wir bei dieser Summe nicht in Betracht ziehen.",
    "Den Schuldenbereinigungsplan lehnen wir nicht ab.",
    "Für eine Absage kommt dieser Plan aus unserer Sicht nicht in Frage.",
])
def test_a_refusal_that_is_ruled_out_is_agreement_for_a_human(text: str) -> None:
    reading = read(text)
    assert reading.decision == "accepted" and any("ruled out" in doubt for doubt in reading.doubts)


def test_a_refusal_whose_reason_rules_out_agreement_stays_a_refusal() -> None:
    reading = read("Wir erklären die Ablehnung, da eine Zustimmung nicht in Betracht kommt.")
    assert reading.decision == "declined"


@pytest.mark.parametrize("text", [
    "Ablehnen werden wir den Vorschlag nicht.",
    "Widersprechen möchten wir dem Plan eigentlich nicht.",
])
def test_a_refusal_word_with_a_negation_in_its_clause_goes_to_a_human(text: str) -> None:
    assert read(text).doubts


@pytest.mark.parametrize("text", [
    "Wir enthalten uns und lehnen den Plan daher auch nicht ab.",
    "Eine Zustimmung erteilen wir ebenso wenig wie eine Ablehnung: Stimmenthaltung.",
    "Zum vorgelegten Plan erklären wir weder Zustimmung noch Ablehnung.",
    "Die Gemeindekasse nimmt an solchen Einigungen grundsätzlich nicht teil und erteilt deshalb keine "
    "Zustimmung.",
])
def test_an_abstention_is_unclear(text: str) -> None:
    reading = read(text)
    assert reading.decision == "unclear"


def test_an_abstention_for_want_of_documents_needs_info() -> None:
    reading = read("Bitte übersenden Sie die Lohnabrechnungen des letzten Quartals. Solange diese fehlen, können "
                   "wir den Plan weder annehmen noch ablehnen.")
    assert reading.decision == "needs_info"


@pytest.mark.parametrize("text", [
    "Ihrer Annahme, unser Schweigen gelte als Einverständnis, widersprechen wir. Wir prüfen den Plan noch.",
    "Dass Sie ohne Nachricht bis zur Frist von unserer Zustimmung ausgehen wollen, lehnen wir ab. Die Sache "
    "liegt zur Prüfung bei der Geschäftsleitung.",
    "Ein Schweigen unsererseits wäre keine Zustimmung. Sie hören von uns nach Prüfung.",
])
def test_an_objection_to_deemed_consent_is_no_decision_on_the_plan(text: str) -> None:
    assert read(text).decision == "unclear"


def test_an_objection_to_deemed_consent_next_to_a_refusal_keeps_the_refusal() -> None:
    reading = read("Dem Plan stimmen wir nicht zu; Stillschweigen wäre ohnehin keine Zustimmung.")
    assert reading.decision == "declined"


def test_a_counter_offer_next_to_an_objection_to_deemed_consent_stays_a_counter_offer() -> None:
    reading = read("Bei einer Quote von 18 % könnten wir zustimmen. Unser Schweigen ist keine Zustimmung.")
    assert (reading.decision, dict(reading.counter_offer)) == ("counter_offer", {"quota_percent": D("18")})


@pytest.mark.parametrize(("text", "decision"), [
    ("Unsere Absage von gestern ist gegenstandslos, sie betraf einen anderen Schuldner. Den Plan nehmen wir an.",
     "accepted"),
    ("Die gestern irrtümlich erklärte Zustimmung bitten wir zu ignorieren. Wir lehnen den Plan ab.", "declined"),
])
def test_a_withdrawn_statement_does_not_decide_and_the_reply_goes_to_a_human(text: str, decision: str) -> None:
    reading = read(text)
    assert reading.decision == decision and any("withdraws" in doubt for doubt in reading.doubts)


def test_a_statement_taken_back_by_name_is_void_and_what_follows_stands_for_a_human() -> None:
    reading = read("Hiermit ziehen wir unseren Widerspruch vom Dienstag zurück und tragen den Vergleich mit.")
    assert reading.decision == "accepted" and any("withdraws" in doubt for doubt in reading.doubts)


def test_a_withdrawal_alone_decides_nothing() -> None:
    assert read("Bitte betrachten Sie unsere Ablehnung vom Montag als gegenstandslos.").decision == "unclear"


@pytest.mark.parametrize("text", [
    "Leider müssen wir Ihnen für diesen Vorschlag eine Absage erteilen.",
    "Zum Plan sagen wir Nein.",
    "Da müssen wir leider Nein sagen.",
    "Einer Restschuldbefreiung zu diesen Bedingungen können wir nicht näherkommen.",
])
def test_a_refusal_in_everyday_words_is_declined(text: str) -> None:
    assert read(text).decision == "declined"


@pytest.mark.parametrize(("text", "decision"), [
    ("Schuldnerin | Frieda Lorenz\nVotum | Zustimmung", "accepted"),
    ("Entscheidung: Ablehnung", "declined"),
    ("Ergebnis der Prüfung\nEntscheidung: Zustimmung", "accepted"),
])
def test_a_decision_written_as_a_form_fields_value_decides(text: str, decision: str) -> None:
    assert read(text).decision == decision


def test_a_field_that_offers_both_words_decides_nothing() -> None:
    assert read("Entscheidung: Zustimmung oder Ablehnung (bitte ankreuzen)").decision == "unclear"


@pytest.mark.parametrize(("subject", "decision"), [
    ("Zustimmung Vergleich / Kd-Nr. 4471", "accepted"),
    ("AW: Ablehnung Plan Lorenz", "declined"),
    ("Einverstanden - Plan Lorenz", "accepted"),
])
def test_a_decision_only_in_the_subject_decides_with_a_doubt(subject: str, decision: str) -> None:
    reading = read("siehe Betreff", subject=subject)
    assert (reading.decision, reading.source) == (decision, "subject") and reading.doubts


def test_a_subject_that_asks_for_agreement_decides_nothing() -> None:
    assert read("Danke.", subject="AW: Zustimmung erbeten bis 30.04.").decision == "unclear"


def box_form(*lines: str) -> AttachmentText:
    return AttachmentText(filename="Rueckantwort.pdf", status="ok",
                          segments=[TextSegment(text=line, location=f"page 1, line {n}") for n, line in
                                    enumerate(lines, 1)])


def test_the_ticked_box_outranks_the_reason_written_below_the_form() -> None:
    attachment = box_form("[ ] Wir nehmen den Plan an.", "[X] Wir lehnen den Plan ab.",
                          "Hinweis: Der Mandant stimmt Vergleichen grundsätzlich erst zu, wenn ein Jahr vergangen ist.")
    reading = read("In der Anlage unsere Rückantwort.", attachments=[attachment])
    assert (reading.decision, reading.source) == ("declined", "attachment:Rueckantwort.pdf")


def test_a_ticked_bare_word_decides() -> None:
    reading = read("anbei", attachments=[box_form("[x] Zustimmung", "[ ] Ablehnung")])
    assert reading.decision == "accepted"


def test_form_text_that_reads_otherwise_than_the_tick_is_a_doubt() -> None:
    attachment = box_form("[X] Wir stimmen dem Plan zu.", "Bemerkung: Den Plan lehnen wir in dieser Form ab.")
    reading = read("anbei", attachments=[attachment])
    assert reading.decision == "accepted" and reading.doubts


@pytest.mark.parametrize(("text", "value"), [
    ("Zustimmen würden wir nur bei einer Quote von fünfundzwanzig Prozent.", D("25")),
    ("Unser Gegenvorschlag: achtzehn Prozent bei gleicher Laufzeit.", D("18")),
    ("We would accept a quota of thirty-five percent.", D("35")),
    ("Wir wären bei zwölfeinhalb Prozent dabei, sofern die Laufzeit bleibt.", D("12.5")),
])
def test_a_percentage_in_words_is_a_counter_offer_figure(text: str, value: D) -> None:
    reading = read(text)
    assert (reading.decision, dict(reading.counter_offer)) == ("counter_offer", {"quota_percent": value})


@pytest.mark.parametrize(("text", "figures"), [
    ("Mittragen könnten wir eine Einmalzahlung von vierhundertachtzig Euro.", {"offer_amount": D("480.00")}),
    ("Wir wären einverstanden mit monatlich fünfzehn Euro über dreißig Monate.",
     {"monthly_rate": D("15.00"), "months": D("30")}),
    ("Unser Gegenvorschlag: zweitausend Euro insgesamt.", {"offer_amount": D("2000.00")}),
])
def test_money_and_months_in_words_are_counter_offer_figures(text: str, figures: dict[str, D]) -> None:
    reading = read(text)
    assert (reading.decision, dict(reading.counter_offer)) == ("counter_offer", figures)


@pytest.mark.parametrize("text", [
    "Wir stimmen zu, sofern die Kontoauszüge der letzten sechs Monate vorliegen.",
    "Wir stimmen zu, sofern uns die Lohnzettel der vergangenen 4 Monate vorliegen.",
    "Wir stimmen zu, sofern seit dem Mahnbescheid mindestens neun Monate verstrichen sind.",
    "Wir stimmen zu, sofern die Rate von sieben Euro fünfzig pünktlich eingeht.",
])
def test_a_past_period_or_an_amount_whose_cents_are_in_words_is_no_figure(text: str) -> None:
    assert read(text).counter_offer == {}


@pytest.mark.parametrize(("words", "value"), [
    ("neun", D("9")), ("siebzehn", D("17")), ("dreißig", D("30")), ("einundvierzig", D("41")),
    ("Twenty-Two", D("22")), ("sechseinhalb", D("6.5")), ("Ware", None), ("und", None),
    ("dreihundertfünfzig", D("350")), ("zweitausendvierhundert", D("2400")), ("tausend", D("1000")),
    ("eine", None), ("Tausende", None),
])
def test_numbers_in_words(words: str, value: D | None) -> None:
    assert plan_figures.number_in_words(words) == value


def test_an_agreement_with_a_reservation_goes_to_a_human() -> None:
    reading = read("Im Prinzip tragen wir den Plan mit, behalten uns jedoch die Freigabe durch den Vorstand vor.")
    assert reading.decision == "accepted" and reading.doubts


def test_a_refusal_for_now_while_documents_are_missing_goes_to_a_human() -> None:
    reading = read("Momentan ist eine Zustimmung nicht möglich, weil uns die Einkommensnachweise fehlen.")
    assert reading.decision == "declined" and reading.doubts


def test_a_field_value_on_its_own_after_the_label_decides() -> None:
    reading = read("Rückmeldung der Gläubigerin\nEntscheidung: Zustimmung, vorbehaltlich des Eingangs der ersten Rate")
    assert reading.decision == "accepted" and reading.doubts
    # the committee's release reserved: no decision yet
    assert read("Rückmeldung der Gläubigerin\nEntscheidung: Zustimmung, vorbehaltlich der Gremienfreigabe").decision \
        == "unclear"


def test_the_head_of_the_firms_own_subject_in_a_reply_decides_nothing() -> None:
    reading = read("Vielen Dank für die Übersendung.",
                   subject="AW: Zustimmung zum Vergleich - Lorenz")
    assert reading.decision == "unclear"


def test_a_subject_never_outvotes_a_reply_that_is_still_checking() -> None:
    reading = read("Den Vorgang prüfen wir noch.", subject="Zustimmung zum Vergleich - Lorenz")
    assert reading.decision == "unclear"


@pytest.mark.parametrize("text", [
    "Dem Plan stimmen wir zu. Die Grundschuld bleibt bis zur letzten Rate eingetragen.",
    "Wir sind einverstanden; die Lohnabtretung geben wir erst nach vollständiger Zahlung frei.",
    "We accept the plan; our security over the vehicle remains in place until the final payment.",
])
def test_an_agreement_that_keeps_securities_goes_to_a_human(text: str) -> None:
    reading = read(text)
    assert reading.decision == "accepted" and any("securities" in doubt for doubt in reading.doubts)


def test_figures_under_the_following_conditions_are_a_counter_offer() -> None:
    reading = read("Wir stimmen unter den folgenden Bedingungen zu: Laufzeit höchstens 36 Monate.")
    assert (reading.decision, dict(reading.counter_offer)) == ("counter_offer", {"months": D("36")})
