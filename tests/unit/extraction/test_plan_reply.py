"""Reading a creditor's decision on a settlement plan, in wording written for these tests: agreement,
refusal, counter-offers with only the stated figures, requests for documents, and the traps (negation,
hypothetical clauses, the plan's own figures, quoted history, unticked boxes, abbreviations)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.attachments.result import AttachmentText, TextSegment
from app.services.extraction import plan_reply
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("240.00"), "quota_percent": D("10"), "monthly_rate": D("4.00"), "months": D("60")}


def read(text: str, **kwargs: object) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(text, None), plan_figures=PLAN, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [
    "Gegen den vorgelegten Plan haben wir keine Einwände.",
    "Wir erklären uns mit dem Schuldenbereinigungsplan einverstanden. Die Raten von 4,00 € bitte jeweils zum "
    "1. eines Monats.",
    "Hallo, wir tragen den Plan mit. Sollten zwei Raten ausbleiben, lebt die volle Forderung wieder auf.",
    "Der Plan wird von uns genehmigt.",
    "Thank you. We accept the proposal of 10 % over 60 months.",
    "Ihrem Vorschlag vom 3. März stimmen wir hiermit zu.",
    "Zustimmung wird erteilt.",
    "Wir sind mit dem Plan einverstanden, vorausgesetzt die Zahlungen erfolgen pünktlich.",
    "Dem Vergleich über 240,00 € stimmen wir zu.",
])
def test_agreement_in_its_many_wordings_is_accepted(text: str) -> None:
    reading = read(text)
    assert (reading.decision, reading.counter_offer, reading.doubts) == ("accepted", {}, [])


@pytest.mark.parametrize("text", [
    "Dem Plan können wir leider nicht zustimmen.",
    "Wir widersprechen dem Schuldenbereinigungsplan. Die angebotene Quote von 10 % ist unzureichend.",
    "Eine Zustimmung wird versagt, da die Forderung aus vorsätzlich unerlaubter Handlung stammt.",
    "Mit dem Plan sind wir nicht einverstanden.",
    "Unsere Mandantschaft lehnt den Vergleichsvorschlag ab.",
    "We regret that we cannot agree to the plan.",
    "Den Plan lehnen wir ab. Gern prüfen wir ein verbessertes Angebot.",
    "Wir lehnen den Plan für Herrn Ostermann (Kd.-Nr. K-7731) ab.",
])
def test_refusal_with_or_without_a_hint_is_declined(text: str) -> None:
    reading = read(text)
    assert (reading.decision, reading.counter_offer) == ("declined", {})


@pytest.mark.parametrize(("text", "figures"), [
    ("Wir könnten zustimmen, wenn die monatliche Rate 8,00 € beträgt.", {"monthly_rate": D("8.00")}),
    ("Einer Quote von 10 % stimmen wir nicht zu; bei 20 % wären wir einverstanden.", {"quota_percent": D("20")}),
    ("Statt der Ratenzahlung schlagen wir eine Einmalzahlung von 450,00 EUR vor.", {"offer_amount": D("450.00")}),
    ("Wir stimmen zu, sofern die Laufzeit auf 36 Monate begrenzt wird.", {"months": D("36")}),
    ("Mindestens 400,00 € müssten es schon sein, dann stimmen wir zu.", {"offer_amount": D("400.00")}),
    ("Unser Gegenvorschlag: monatlich 6,50 € über 48 Monate.", {"monthly_rate": D("6.50"), "months": D("48")}),
    ("Einer Einmalzahlung von 240,00 € stimmen wir nicht zu. Zustimmen würden wir bei einem Betrag von 300,00 €.",
     {"offer_amount": D("300.00")}),
    ("Wir stimmen unter der Bedingung zu, dass die Laufzeit 2 Jahre beträgt. Die Rate läge dann bei 10,00 € "
     "statt 4,00 €.", {"months": D("24"), "monthly_rate": D("10.00")}),
])
def test_a_counter_offer_holds_only_the_figures_the_creditor_offers(text: str, figures: dict[str, D]) -> None:
    reading = read(text)
    assert (reading.decision, dict(reading.counter_offer)) == ("counter_offer", figures)


def test_a_condition_that_repeats_the_plans_own_figure_is_no_counter_offer() -> None:
    reading = read("Wir stimmen zu, sofern die Rate von 4,00 € monatlich pünktlich gezahlt wird.")
    assert (reading.decision, reading.counter_offer) == ("accepted", {})


def test_a_stated_claim_is_no_counter_offer() -> None:
    reading = read("Wir lehnen ab. Unsere Forderung beläuft sich inzwischen auf 2.870,44 €, wir wären höchstens "
                   "zu Gesprächen bereit.")
    assert (reading.decision, reading.counter_offer) == ("declined", {})


@pytest.mark.parametrize("text", [
    "Bitte übersenden Sie uns zunächst eine Aufstellung aller Gläubiger sowie die letzten Gehaltsabrechnungen.",
    "Vor einer Entscheidung benötigen wir ein aktuelles Vermögensverzeichnis Ihres Mandanten.",
    "Warum ist die Quote so niedrig? Bitte erläutern Sie uns die Berechnung.",
    "Bevor wir zustimmen können, brauchen wir Nachweise über das Einkommen.",
])
def test_a_request_before_deciding_needs_info(text: str) -> None:
    assert read(text).decision == "needs_info"


@pytest.mark.parametrize("text", [
    "Ihr Schreiben haben wir an die zuständige Fachabteilung weitergeleitet.",
    "Die Forderung beträgt aktuell 1.234,56 € inkl. Zinsen.",
    "Wir bitten, den neuen Betrag in Ihren Unterlagen zu berücksichtigen.",
    "Wir prüfen den Plan noch und melden uns.",
])
def test_no_decision_is_unclear(text: str) -> None:
    assert read(text).decision == "unclear"


def test_quoted_history_never_decides() -> None:
    text = ("Wir melden uns nach Prüfung.\n\nAm 02.03.2027 schrieb Kanzlei <plan@kanzlei.example>:\n"
            "> Bitte stimmen Sie dem Plan zu. Wir bieten eine Einmalzahlung von 900,00 € an.\n")
    reading = read(text)
    assert (reading.decision, reading.counter_offer) == ("unclear", {})


def test_agreement_asked_for_in_the_firms_words_is_no_agreement() -> None:
    assert read("Sie baten uns, dem Plan zuzustimmen. Darüber entscheiden wir nächste Woche.").decision == "unclear"


def form(*lines: str, ocr: bool = False) -> AttachmentText:
    return AttachmentText(filename="Erklaerung.pdf", status="ok",
                          segments=[TextSegment(text="\n".join(lines), location="page 1", ocr=ocr)])


def test_a_ticked_box_in_a_returned_form_decides_when_the_mail_does_not() -> None:
    attachment = form("Erklärung des Gläubigers", "[ ] Wir stimmen dem Plan zu.", "[x] Wir stimmen dem Plan nicht zu.",
                      "[ ] Wir stimmen nur mit folgender Änderung zu:")
    reading = read("anbei die unterschriebene Erklärung.", attachments=[attachment])
    assert (reading.decision, reading.source, reading.doubts) == ("declined", "attachment:Erklaerung.pdf", [])


def test_a_ticked_box_that_asks_before_deciding_is_a_request_for_documents() -> None:
    attachment = form("[ ] Zustimmung", "[ ] Ablehnung", "[x] Wir bitten vorab um folgende Unterlagen:",
                      "Kontoauszüge der letzten drei Monate")
    reading = read("Rückmeldung siehe Anhang.", attachments=[attachment])
    assert (reading.decision, reading.source) == ("needs_info", "attachment:Erklaerung.pdf")


def test_an_unticked_box_that_asks_asks_nothing() -> None:
    attachment = form("[ ] Zustimmung", "[ ] Ablehnung", "[ ] Wir bitten vorab um folgende Unterlagen:")
    assert read("Rückmeldung siehe Anhang.", attachments=[attachment]).decision == "unclear"


def test_a_form_without_a_tick_decides_only_with_a_doubt() -> None:
    reading = read("anbei unsere Stellungnahme.", attachments=[form("Dem Plan stimmen wir hiermit zu.")])
    assert reading.decision == "accepted" and reading.doubts


def test_a_scanned_form_is_not_read_for_a_decision() -> None:
    reading = read("anbei.", attachments=[form("[x] Wir stimmen dem Plan zu.", ocr=True)])
    assert reading.decision == "unclear"


def test_agreeing_and_refusing_at_once_is_a_doubt() -> None:
    reading = read("Dem Plan stimmen wir zu. Den Plan lehnen wir ab.")
    assert reading.doubts and any("both" in doubt for doubt in reading.doubts)


def test_an_unknown_condition_on_an_agreement_is_a_doubt() -> None:
    reading = read("Wir stimmen zu, sofern Ihr Mandant seinen Arbeitsplatz behält.")
    assert reading.decision == "accepted" and reading.doubts


def test_without_the_plans_figures_every_offered_figure_counts() -> None:
    reading = plan_reply.read(parse_body("Wir stimmen zu, sofern die Rate 4,00 € beträgt.", None))
    assert dict(reading.counter_offer) == {"monthly_rate": D("4.00")}


@pytest.mark.parametrize(("subject", "body", "expected"), [
    ("AW: Schuldenbereinigungsplan Müller", "", True),
    ("Ihr Nullplan vom 3.3.", "", True),
    ("AW: Forderungsanfrage", "Die Forderung beträgt 12,00 €.", False),
])
def test_a_mail_that_speaks_of_a_plan_is_recognised(subject: str, body: str, expected: bool) -> None:
    assert plan_reply.mentions_plan(subject, parse_body(body, None)) is expected


@pytest.mark.parametrize("text", [
    "Wir sind gerne bereit, dem Plan zuzustimmen.",
    "Der Zustimmung steht nichts entgegen.",
    "Wir stimmen dem Plan vom 02.11.2027 über unsere Forderung von 1.480,00 € zu.",
    "Mit einer Einmalzahlung von 240,00 € sind wir einverstanden.",
])
def test_agreement_that_names_the_plans_own_figures_or_its_claim_is_accepted(text: str) -> None:
    reading = plan_reply.read(parse_body(text, None), plan_figures=PLAN, plan_claim=D("1480.00"))
    assert (reading.decision, reading.counter_offer, reading.doubts) == ("accepted", {}, [])


@pytest.mark.parametrize("text", [
    "Eine Zustimmung ist uns leider nicht möglich.",
    "Ihrem Vorschlag können wir so nicht folgen.",
])
def test_refusal_without_a_refusal_verb_is_declined(text: str) -> None:
    assert read(text).decision == "declined"


@pytest.mark.parametrize(("text", "figures"), [
    ("Wir akzeptieren eine Einmalzahlung in Höhe von 500,00 €.", {"offer_amount": D("500.00")}),
    ("Der Plan wird abgelehnt, da wir nur einer Quote ab 30 % zustimmen.", {"quota_percent": D("30")}),
    ("Zustimmung nur gegen eine monatliche Rate von 10 €.", {"monthly_rate": D("10.00")}),
    ("We agree, provided the monthly instalment is increased to EUR 10.00.", {"monthly_rate": D("10.00")}),
])
def test_a_different_figure_named_in_an_agreement_or_a_restriction_is_a_counter_offer(
        text: str, figures: dict[str, D]) -> None:
    reading = read(text)
    assert (reading.decision, dict(reading.counter_offer)) == ("counter_offer", figures)


def test_a_reservation_of_the_boards_approval_leaves_the_agreement_undecided() -> None:
    # Two blind corpora (plan_fresh5 V012, plan_fresh20 A004) label such a reply undecided: the board decides.
    reading = read("Vorbehaltlich der Zustimmung unseres Vorstands stimmen wir dem Plan zu.")
    assert reading.decision == "unclear"


@pytest.mark.parametrize("text", [
    "Im Namen unserer Mandantin schließen wir uns dem übersandten Plan an.",
    "Ich schließe mich dem Vergleichsvorschlag an.",
    "Wir erklären hiermit, dem Vergleich beizutreten.",
    "Na gut, wir machen mit.",
    "Ich mache bei dem Plan mit.",
])
def test_joining_the_plan_is_accepted(text: str) -> None:
    reading = read(text)
    assert (reading.decision, reading.counter_offer) == ("accepted", {})


@pytest.mark.parametrize("text", [
    "Dem Plan schließen wir uns nicht an.",
    "Da machen wir nicht mit.",
    "Wir sehen uns leider außerstande, diesem Plan zuzustimmen.",
    "Leider sind wir außer Stande, den Plan mitzutragen.",
    "Wir sehen uns nicht in der Lage, dem Vergleich zuzustimmen.",
    "Wir sehen keine Möglichkeit, auf den Plan einzugehen.",
    "Dem vorgeschlagenen Vergleich können wir nicht näher treten.",
    "Einer Regelung wie dieser vermögen wir nicht nähertreten.",
])
def test_declining_by_inability_or_by_not_joining_is_declined(text: str) -> None:
    reading = read(text)
    assert (reading.decision, reading.counter_offer) == ("declined", {})


def test_machen_with_a_following_object_is_no_agreement() -> None:
    assert read("Machen Sie uns bitte mit der Berechnung der Quote vertraut.").decision != "accepted"


def test_a_joining_with_a_bare_euro_rate_of_its_own_is_a_counter_offer() -> None:
    reading = read("Zahlt der Schuldner 7 Euro im Monat, dann machen wir mit, sonst nicht.")
    assert (reading.decision, dict(reading.counter_offer)) == ("counter_offer", {"monthly_rate": D("7.00")})


def test_a_power_of_attorney_asked_for_before_deciding_needs_info() -> None:
    reading = read("Ehe wir entscheiden, bitten wir um Vorlage einer aktuellen Vollmacht Ihres Mandanten.")
    assert reading.decision == "needs_info"


@pytest.mark.parametrize(("text", "decision"), [
    ("Wir können es nicht verantworten, den Plan mitzutragen.", "declined"),
    ("Leider sehen wir uns außerstande, dem Vergleich beizutreten.", "declined"),
    ("Wir haben keine Bedenken, den Plan mitzutragen.", "accepted"),
    ("Nach Rücksprache haben wir beschlossen, den Plan mitzutragen.", "accepted"),
])
def test_an_infinitive_agreement_follows_the_clause_that_governs_it(text: str, decision: str) -> None:
    reading = read(text)
    assert (reading.decision, reading.doubts) == (decision, [])
