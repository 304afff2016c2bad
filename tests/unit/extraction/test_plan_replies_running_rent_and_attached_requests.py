"""Plan replies in wording written for these tests: the running rent beside a counter-offer is not its rate; a
quota of its own called feasible, or named with many words before "bereit"; a claim's rows beside a consent; a
consent wrapped into a bracket; a plan put before the one who decides only once a paper arrives waits for it; a
letter attached to a bare cover note that asks for papers; a colleague's consent forwarded with "siehe die Nachricht
unten" under a mail program's header that names the subject and the date before the sender; signing under a
condition of one's own; a board's resolution to agree with a long object; boxes side by side."""

from __future__ import annotations

from decimal import Decimal

from app.services.attachments.result import AttachmentText, TextSegment
from app.services.extraction import plan_reply
from app.services.parsing import parse_body

D = Decimal
PLAN = {"quota_percent": D("15"), "monthly_rate": D("6.40"), "months": D("72")}


def read(text: str, attachments: tuple[AttachmentText, ...] = (),
         sender: str = "kasse@gemeinde-talbrunn.example") -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(f"Guten Tag,\n\n{text}\n\nMit freundlichen Grüßen\nGemeindekasse Talbrunn",
                                      None, sender), plan_figures=PLAN, attachments=attachments)


def test_the_running_rent_beside_a_counter_offer_is_not_its_rate() -> None:
    reading = read("Mit 6,40 € im Monat kommen wir nicht weit. Wir stimmen zu, wenn Herr Brandl neben der laufenden "
                   "Miete von 538,00 € monatlich 25,00 € auf den Rückstand zahlt.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer.get("monthly_rate") == D("25.00")


def test_a_figure_of_its_own_called_feasible_is_a_counter_offer() -> None:
    reading = read("Die angebotene Quote halten wir für zu niedrig. Nach unserer Einschätzung ist eine Quote von 20 % "
                   "darstellbar. Einer entsprechenden Anpassung würden wir zustimmen.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer.get("quota_percent") == D("20")
    refused = read("Die angebotene Quote ist für uns nicht darstellbar.")
    assert refused.decision == "declined"


def test_a_principals_terms_said_with_many_words_between_are_a_counter_offer() -> None:
    reading = read("Einer Quote von 15 % kann unsere Auftraggeberin nicht zustimmen. Bei einer Quote von 25 % wäre "
                   "unsere Auftraggeberin zu einer Einigung bereit.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer.get("quota_percent") == D("25")


def test_the_rows_of_the_claim_beside_a_consent_are_no_offer() -> None:
    letter = AttachmentText(filename="Stellungnahme.pdf", status="ok", segments=[
        TextSegment(text=line, location=f"page 1, line {n}") for n, line in enumerate((
            "wir haben den Plan geprüft. Die Gemeindekasse stimmt dem Plan mit einer Quote von 15 % in 72",
            "Monatsraten zu.",
            "Unsere Zustimmung steht unter folgender Bedingung: Gerät der Schuldner mit mehr als zwei Raten in",
            "Rückstand, lebt die Restforderung wieder auf.",
            "Unsere Forderung stellt sich zum Stichtag wie folgt dar:", "Restkapital 4.210,00 EUR",
            "Zinsen 188,40 EUR", "Forderungsstand per 30.06. 4.398,40 EUR"), 1)])
    plan = {"quota_percent": D("15"), "offer_amount": D("660.00"), "monthly_rate": D("9.17"), "months": D("72")}
    reading = plan_reply.read(parse_body("Guten Tag,\n\nAnbei unsere Stellungnahme zum Plan.\n\nGruß\nKasse", None),
                              plan_figures=plan, plan_claim=D("4400.00"), attachments=(letter,))
    assert reading.decision == "accepted"
    assert not reading.counter_offer


def test_a_consent_whose_object_wraps_into_a_bracket_still_consents() -> None:
    reading = read("Nach Prüfung stimmen wir dem außergerichtlichen Schuldenbereinigungsplan für Herrn Brandl\n"
                   "(Kundennummer TB-55120) zu.")
    assert reading.decision == "accepted"


def test_a_plan_put_before_the_decider_only_once_a_paper_arrives_waits_for_it() -> None:
    reading = read("Ihren Vorschlag können wir dem Vorstand erst vorlegen, wenn uns die unterschriebene "
                   "Einverständniserklärung von Herrn Brandl vorliegt.")
    assert reading.decision == "needs_info"


def test_a_letter_attached_to_a_bare_cover_note_that_asks_for_papers_needs_information() -> None:
    letter = AttachmentText(filename="Schreiben.pdf", status="ok", segments=[
        TextSegment(text=line, location=f"page 1, line {n}") for n, line in enumerate((
            "Gemeindekasse Talbrunn", "Außergerichtlicher Einigungsversuch – Herr Brandl",
            "Vor einer Entscheidung über Ihren Vorschlag benötigen wir folgende Unterlagen:",
            "1. die letzten drei Lohnabrechnungen,", "2. den aktuellen Mietvertrag."), 1)])
    reading = read("Anbei unser Schreiben von heute.", (letter,))
    assert reading.decision == "needs_info"
    assert reading.source == "attachment:Schreiben.pdf"
    assert read("Anbei unser Schreiben von heute.").decision == "unclear"


def test_a_colleagues_consent_forwarded_below_a_cover_note_decides() -> None:
    body = ("Guten Tag,\n\nzur Info, siehe die Mail unten. Zahlungen bitte auf das Konto der Gemeindekasse.\n\n"
            "Gruß\nH. Weiß\n\n-------- Weitergeleitete Nachricht --------\n"
            "Betreff: Vergleich Brandl\nDatum: Mon, 6 Mar 2090 10:12:40 +0100\n"
            "Von: Kämmerei <kaemmerei@gemeinde-talbrunn.example>\nAn: Kasse <kasse@gemeinde-talbrunn.example>\n\n"
            "Hallo Frau Weiß,\n\nder Bürgermeister stimmt dem Vergleich mit Herrn Brandl zu. Bitte der "
            "Schuldnerberatung mitteilen.\n\nGruß\nKämmerei\n")
    reading = plan_reply.read(parse_body(body, None, "kasse@gemeinde-talbrunn.example"), plan_figures=PLAN)
    assert reading.decision == "accepted"
    outsider = body.replace("kaemmerei@gemeinde-talbrunn.example", "kaemmerei@andere-stelle.example")
    assert plan_reply.read(parse_body(outsider, None, "kasse@gemeinde-talbrunn.example"),
                           plan_figures=PLAN).decision == "unclear"


def test_signing_under_a_condition_of_ones_own_is_a_counter_offer() -> None:
    reading = read("Für null Euro bin ich nicht einverstanden. Wenn er mir wenigstens 300 Euro zurückgibt, dann "
                   "unterschreib ich Ihnen das.")
    assert reading.decision == "counter_offer"
    assert reading.counter_offer.get("offer_amount") == D("300")


def test_a_boards_resolution_to_agree_agrees() -> None:
    reading = read("Der Aufsichtsrat hat in seiner Sitzung am 12.03. beschlossen, dem Schuldenbereinigungsplan für "
                   "Herrn Karl-Heinz Brandl (Mietkonto MK 07-2291) zuzustimmen.")
    assert reading.decision == "accepted"


def test_boxes_side_by_side_decide_by_the_ticked_one() -> None:
    form = AttachmentText(filename="Rückantwort.docx", status="ok", segments=[
        TextSegment(text=line, location=f"paragraph {n}") for n, line in enumerate((
            "Rückantwort zum außergerichtlichen Schuldenbereinigungsplan", "Schuldner: Herr Brandl",
            "Erklärung | [X] Wir stimmen dem Plan zu.    [ ] Wir stimmen dem Plan nicht zu."), 1)])
    assert read("Anbei das Formular unterschrieben zurück.", (form,)).decision == "accepted"
    other = AttachmentText(filename="Rückantwort.docx", status="ok", segments=[
        TextSegment(text=line, location=f"paragraph {n}") for n, line in enumerate((
            "Rückantwort zum außergerichtlichen Schuldenbereinigungsplan", "Schuldner: Herr Brandl",
            "Erklärung | [ ] Wir stimmen dem Plan zu.    [X] Wir stimmen dem Plan nicht zu."), 1)])
    assert read("Anbei das Formular unterschrieben zurück.", (other,)).decision == "declined"

