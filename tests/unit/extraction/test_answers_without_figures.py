"""Replies that state no claim and say why, in wording written for these tests: a collection agency whose mandate
has ended, a creditor that will not send a statement, one whose claim another firm now keeps, a ticket system that
asks not to write again (none asks the firm for anything, so none is a question), and an account with no open item
left (settled, although the paid invoice's figure is named)."""

from __future__ import annotations

from app.services.attachments.result import AttachmentText, TextSegment
from app.services.extraction import extract
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body


def reply(text: str) -> ExtractionResult:
    body = f"Sehr geehrte Damen und Herren,\n\n{text}\n\nMit freundlichen Grüßen\nHalmbach Forderungsservice GmbH"
    return extract(parse_body(body, None), subject="AW: Forderungsanfrage Jonas Wielpütz – Ihr Zeichen HF-30-4471",
                   from_email="akten@halmbach-fs.example", from_name="Halmbach Forderungsservice")


def test_an_agency_no_longer_mandated_declines() -> None:
    result = reply("Unsere Auftraggeberin hat die Sache Wielpütz im Januar zurückgezogen. Wir sind daher in "
                   "diesem Verfahren nicht mehr beauftragt.")
    assert result.intent == "rejection"
    assert result.total_amount is None


def test_neither_figures_nor_payments_is_a_refusal() -> None:
    result = reply("Aus diesem Grund können wir Ihnen weder die Höhe der Forderung nennen noch Raten vereinbaren.")
    assert result.intent == "rejection"


def test_a_statement_the_creditor_will_not_send_is_a_refusal() -> None:
    result = reply("Die Akte liegt seit dem Frühjahr bei unserer Rechtsabteilung. Eine Aufstellung können wir "
                   "Ihnen deshalb leider nicht übersenden.")
    assert result.intent == "rejection"


def test_a_letter_passed_on_inside_the_creditor_with_an_answer_to_follow_is_no_refusal() -> None:
    result = reply("Ihr Schreiben ist bei der Kundenbetreuung eingegangen. Wir haben es heute an unseren "
                   "Forderungseinzug weitergeleitet; von dort erhalten Sie eine eigene Antwort. Bitte richten Sie "
                   "künftige Anfragen direkt an forderungseinzug@halmbach-fs.example.")
    assert result.intent == "auto_reply"


def test_being_told_to_get_the_statement_from_the_client_asks_the_firm_nothing() -> None:
    result = reply("Kontostände geben wir nur an den Kontoinhaber heraus, eine Auskunft an Sie ist uns nicht "
                   "möglich; wir haben keine Auskunft erteilt. Bitte lassen Sie sich den Auszug von Ihrem Mandanten "
                   "zeigen.")
    assert result.intent == "rejection"
    asked = reply("Ohne Auskunft kommen wir nicht weiter. Bitte lassen Sie uns eine Vollmacht zukommen.")
    assert asked.intent == "inquiry"


def test_asked_not_to_write_again_is_no_request() -> None:
    result = reply("Ihre Nachricht liegt unter der Vorgangsnummer 20-88417 vor. Bitte senden Sie uns Ihre Anfrage "
                   "nicht erneut, sonst verlängert sich die Bearbeitung.\n\nDiese E-Mail wurde automatisch "
                   "erstellt.")
    assert result.intent == "auto_reply"
    asked = reply("Ihre Nachricht liegt unter der Vorgangsnummer 20-88417 vor. Bitte senden Sie uns eine "
                  "unterschriebene Vollmacht.")
    assert asked.intent == "inquiry"


def test_a_claim_kept_elsewhere_now_is_a_referral_even_with_the_letter_passed_on() -> None:
    result = reply("Das Kundenkonto Wielpütz wird seit dem 01.03. nicht mehr von uns verwaltet. Angaben zum "
                   "offenen Betrag können allein die Kollegen der Halmbach Holding machen; Ihr Schreiben haben wir "
                   "dorthin weitergeleitet.")
    assert result.intent == "rejection"
    passed_on = reply("Ihr Schreiben haben wir an die zuständige Abteilung weitergeleitet.")
    assert passed_on.intent == "auto_reply"


def test_no_open_item_left_on_the_account_settles_it() -> None:
    result = reply("Die Rechnung über 212,60 EUR hat Herr Wielpütz am 03.02. bezahlt. Sein Kundenkonto weist damit "
                   "keinen offenen Betrag mehr aus.")
    assert result.intent == "settled"
    assert result.total_amount == 0
    still_open = reply("Die Rechnung über 212,60 EUR ist weiterhin offen; einen offenen Betrag aus späteren "
                       "Rechnungen gibt es nicht.")
    assert still_open.intent != "settled"


def test_a_ticket_receipt_with_a_queue_is_automatic_even_when_it_echoes_figures() -> None:
    result = reply("vielen Dank für Ihre Nachricht. Wir haben sie unter der Servicenummer SN-48812 gespeichert und "
                   "bearbeiten alle Anfragen der Reihe nach.\n\nIhre Nachricht im Auszug: „… die Forderung ist mit "
                   "1.204,17 € im Plan berücksichtigt …“")
    assert result.intent == "auto_reply"
    person = reply("Wir haben Ihr Schreiben unter der Servicenummer SN-48812 gespeichert. Die Forderung gegen Herrn "
                   "Wielpütz beträgt heute 1.204,17 €.")
    assert person.intent == "debt_statement"


def test_a_bill_handed_to_an_agency_with_no_figures_given_is_a_refusal_without_a_total() -> None:
    result = reply("Die offene Rechnung 40-118 über 312,80 € haben wir im Mai an unser Inkassobüro übergeben. Zum "
                   "heutigen Stand der Forderung können wir Ihnen leider keine Auskunft geben.")
    assert result.intent == "rejection"
    assert result.total_amount is None
    stated = reply("Die offene Rechnung 40-118 über 312,80 € ist weiterhin unbezahlt.")
    assert stated.intent == "debt_statement" and stated.total_amount is not None


def test_an_account_cleared_by_selling_the_claim_is_not_settled() -> None:
    result = reply("Die Forderung haben wir im Februar an die Wiekholm Forderungskauf GmbH verkauft und abgetreten. "
                   "Zur Höhe können wir daher keine Auskunft geben. Mit dem Verkauf wurde das Kundenkonto ausgebucht "
                   "und zeigt einen Saldo von 0,00 €.")
    assert result.intent == "rejection"
    paid = reply("Herr Wielpütz hat die Rechnung im Februar beglichen. Unser Kundenkonto steht auf 0,00 €.")
    assert paid.intent == "settled"


def test_nothing_open_in_the_mail_beside_a_paid_bill_attached_is_settled() -> None:
    receipt = AttachmentText(filename="Beleg.pdf", status="ok", segments=[
        TextSegment(text=line, location=f"page 1, line {n}") for n, line in enumerate(
            ("BELEG Nr. 5512", "Netto | 420,17", "MwSt. 19 % | 79,83", "Gesamt EUR | 500,00"), 1)])
    body = ("Guten Tag,\n\nHerr Wielpütz hat die Werkstattrechnung im Februar bei uns in bar beglichen, den Beleg "
            "hänge ich an. Bei uns ist nichts mehr offen.\n\nGruß\nAuto Halmbach")
    result = extract(parse_body(body, None), subject="AW: Forderungsanfrage Jonas Wielpütz",
                     from_email="werkstatt@halmbach-auto.example", from_name="Auto Halmbach", attachments=[receipt])
    assert result.intent == "settled"
    open_body = body.replace("Bei uns ist nichts mehr offen.", "Der Rest ist noch offen.")
    still_open = extract(parse_body(open_body, None), subject="AW: Forderungsanfrage Jonas Wielpütz",
                         from_email="werkstatt@halmbach-auto.example", from_name="Auto Halmbach",
                         attachments=[receipt])
    assert still_open.intent != "settled"


def test_a_portal_receipt_valid_without_signature_asks_for_nothing() -> None:
    result = reply("Ihre E-Mail haben wir automatisch erfasst und dem Forderungskonto HF-30-4471 zugeordnet. Antworten "
                   "stellen wir in unser Kanzleiportal ein.\n\nDiese Nachricht wurde maschinell erzeugt und ist ohne "
                   "Unterschrift gültig.")
    assert result.intent == "auto_reply"
    asked = reply("Ohne Unterschrift Ihrer Mandantin auf der Vollmacht können wir keine Auskunft geben.")
    assert asked.intent == "inquiry"


def test_an_agency_whose_mandate_was_withdrawn_declines_even_when_it_passes_the_letter_on() -> None:
    result = reply("Unsere Auftraggeberin hat uns das Inkassomandat zum 30.04. entzogen. Wir sind daher nicht mehr "
                   "befugt, für sie Erklärungen abzugeben. Ihr Schreiben haben wir an die Auftraggeberin "
                   "weitergeleitet.")
    assert result.intent == "rejection"


def test_asking_which_of_two_contracts_the_firm_means_is_a_question() -> None:
    result = reply("Unter diesem Namen führen wir zwei Verträge (Rahmenkredit und Ratenkredit). Ihr Schreiben nennt "
                   "keine Vertragsnummer; wir erwarten Ihre Nachricht, für welchen der beiden Verträge die Aufstellung "
                   "gedacht ist. Danach erhalten Sie sie umgehend.")
    assert result.intent == "inquiry"


def test_being_open_to_a_proposal_of_instalments_offers_none() -> None:
    result = reply("Offen sind 1.240,00 € Miete. Einem Vorschlag zur Ratenzahlung stehen wir offen gegenüber.")
    assert result.intent == "debt_statement"
    offered = reply("Offen sind 1.240,00 € Miete. Wir bieten eine Ratenzahlung von monatlich 100,00 € an.")
    assert offered.intent == "payment_plan"


def test_a_private_lender_who_sees_no_reason_to_give_figures_refuses() -> None:
    result = reply("Das Darlehen an Herrn Wielpütz war eine Sache unter Nachbarn. Ich sehe nicht ein, einer Kanzlei "
                   "irgendwelche Beträge zu nennen, das regeln wir zwei selbst.")
    assert result.intent == "rejection"
    assert result.total_amount is None
    also = reply("Warum soll ich Ihnen das sagen? Seh ich nicht ein, da Zahlen rauszugeben.")
    assert also.intent == "rejection"
