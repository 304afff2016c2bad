"""Replies in wording written for these tests: a writer who types every line in lower case; an item of a sum the
reply calls paid; a figure "damals"; a dot-decimal figure called open; a misspelt "Insgesammt"; a colleague's answer
passed on in a long sentence; a firm-shaped piece of a web address; a trade directory's listing offer; a clerk back
from holiday; a question whether the debtor would agree; a ticket receipt that echoes the message under a rule."""

from __future__ import annotations

from decimal import Decimal

from app.services.attachments.result import AttachmentText, TextSegment
from app.services.extraction import extract, plan_reply
from app.services.extraction.result import ExtractionResult
from app.services.parsing import parse_body

D = Decimal
PLAN = {"offer_amount": D("312.00"), "quota_percent": D("9"), "monthly_rate": D("5.20"), "months": D("60")}


def read(text: str, *, subject: str = "AW: Forderungsanfrage Tom Brakel – Az. RB-2107-114",
         sender: str = "info@reitstall-moorkamp.example", greeting: str = "hallo,\n",
         attachments: tuple[AttachmentText, ...] = ()) -> ExtractionResult:
    body = f"{greeting}{text}\ngruß\nh. moorkamp"
    return extract(parse_body(body, None, sender), subject=subject, from_email=sender, from_name=None,
                   attachments=list(attachments))


def test_a_lower_case_line_that_is_a_clause_of_its_own_does_not_make_the_sum_above_paid() -> None:
    result = read("es sind noch 4 reitstunden offen a 45€ und die anmeldung zum turnier 120€. zusammen 300,-€\n"
                  "sattel und helm hat er bezahlt.")
    assert result.total_amount == D("300.00")
    assert result.amount_is_safe
    # a sentence that runs on into the next line still does
    run_on = read("die reitstunden und die anmeldung, zusammen 300,-€\nhat er letzte woche bar bezahlt. offen ist "
                  "nur noch die turniergebühr 35,-€")
    assert run_on.total_amount != D("300.00")


def test_an_item_of_a_sum_the_reply_calls_paid_is_never_a_safe_total() -> None:
    result = read("es sind noch 4 reitstunden offen a 45€ und die anmeldung zum turnier 120€. zusammen 300,-€ hat er "
                  "gestern bar bezahlt.")
    assert not (result.total_amount == D("120.00") and result.amount_is_safe)


def test_a_figure_of_the_time_told_in_passing_is_no_current_claim() -> None:
    result = read("die Forderung aus unserer Rechnung 4471 (Heizungswartung, damals 1.312,50 €) haben wir im Juni an "
                  "das Inkassobüro Lindner übergeben. Wir selbst geben dazu keine Auskunft mehr; bitte wenden Sie sich "
                  "dorthin.", greeting="Sehr geehrte Damen und Herren,\n\n")
    assert result.total_amount is None
    assert result.intent == "rejection"


def test_a_dot_decimal_figure_called_open_right_after_is_read() -> None:
    result = read("ich hab ihr im mai 900 euro geliehen, zurück hat sie 150 gegeben. also noch 750.00 offen.")
    assert result.total_amount == D("750.00")
    # (a day before "offen" stays a day)
    assert read("die rechnung ist seit 14.09 offen, es sind 85,00 €").total_amount == D("85.00")


def test_a_misspelt_insgesamt_names_the_sum() -> None:
    result = read("die Rechnung 12/2107 ist noch komplett offen. Dazu kommen 10,00 Mahnkosten.\n"
                  "Insgesammt also 1410,-- Euro.")
    assert result.total_amount == D("1410.00")
    assert result.amount_is_safe


def test_a_colleagues_answer_passed_on_in_a_long_sentence_is_the_creditors_answer() -> None:
    body = ("Sehr geehrte Frau Lüders,\n\nmeine Kollegin ist heute nicht im Hause. Ich leite Ihnen die Auskunft "
            "unserer "
            "Abteilung Forderungsmanagement zu Ihrer Anfrage vom 3. Mai (Ihr Zeichen RB-2107-114, Kundenkonto 7710 "
            "4432) weiter.\n\nMit freundlichen Grüßen\nJana Otten\nKundenservice\n\n"
            "---------- Weitergeleitete Nachricht ----------\n"
            "Von: Forderungsmanagement <fm@energie-moorkamp.example>\nDatum: 12.05.2107 11:02\n"
            "Betreff: AW: Brakel, Tom\nAn: Otten, Jana <jana.otten@energie-moorkamp.example>\n\n"
            "Hallo Frau Otten,\n\nder offene Saldo des Kundenkontos 7710 4432 beträgt 1.208,44 EUR.\n\n"
            "Gruß\nK. Ahlers\n")
    sender = "jana.otten@energie-moorkamp.example"
    result = extract(parse_body(body, None, sender), subject="WG: AW: Brakel, Tom", from_email=sender, from_name=None)
    assert result.intent == "debt_statement"
    assert result.total_amount == D("1208.44")


def test_a_firm_shaped_piece_of_a_web_address_is_no_file_number() -> None:
    result = read("Sie haben Anspruch auf eine Gutschrift von 310,20 EUR. Bestätigen Sie bitte innerhalb von 48 "
                  "Stunden "
                  "Ihre Daten unter\n  https://gutschrift-pruefen.example/start?id=AB-2107-55120\n",
                  subject="Ihre Gutschrift 2107", sender="service@gutschrift-pruefen.example",
                  greeting="Sehr geehrte Kundin, sehr geehrter Kunde,\n\n")
    assert result.firm_reference is None
    assert result.intent == "spam"


def test_a_trade_directorys_listing_offer_is_spam() -> None:
    result = read("Ihr Eintrag im Handwerkerverzeichnis Nordmoor ist noch nicht bestätigt. Der Premiumeintrag kostet "
                  "jährlich 640,00 EUR. Bitte senden Sie die Korrektur unterschrieben zurück.",
                  subject="Aktualisierung Ihres Firmeneintrags", sender="eintrag@verzeichnis-nordmoor.example",
                  greeting="Sehr geehrte Damen und Herren,\n\n")
    assert result.intent == "spam"
    # the debtors' register a creditor names is no listing offer
    register = read("Herr Brakel ist seit März im Schuldnerverzeichnis eingetragen; unsere Forderung beträgt "
                    "1.120,00 EUR.", greeting="Sehr geehrte Damen und Herren,\n\n")
    assert register.intent == "debt_statement"


def test_a_clerk_back_from_holiday_answers_in_person() -> None:
    result = read("entschuldigen Sie die späte Antwort, ich war im Urlaub. Dem Plan für Herrn Brakel stimmen wir zu, "
                  "wenn die Raten in 36 statt 60 Monaten gezahlt werden.", greeting="Sehr geehrte Frau Lüders,\n\n",
                  subject="AW: Schuldenbereinigungsplan Tom Brakel")
    assert result.intent != "auto_reply"
    # an absence note in the present stays one
    away = read("ich bin bis zum 20.05. im Urlaub und danach wieder erreichbar.", greeting="Guten Tag,\n\n")
    assert away.intent == "auto_reply"


def _plan(text: str) -> plan_reply.PlanReading:
    return plan_reply.read(parse_body(f"Guten Tag,\n\n{text}\n\nGrüße\nWohnbau Moorkamp", None), plan_figures=PLAN)


def test_a_question_whether_the_debtor_would_agree_decides_nothing() -> None:
    reading = _plan("Bevor wir entscheiden, eine Frage: Wäre Herr Brakel mit einer Abtretung der Miete an uns "
                    "einverstanden? Danach legen wir den Plan der Geschäftsführung vor.")
    assert reading.decision != "accepted"


def test_a_ticket_receipt_that_echoes_the_message_under_a_rule_decides_nothing() -> None:
    body = ("Dies ist eine automatisch erzeugte Nachricht.\n\nIhre Nachricht ist bei uns eingegangen und wurde unter "
            "der Ticketnummer 55120 erfasst.\n\nIhre Nachricht:\n" + "-" * 40 + "\n"
            "Sehr geehrte Damen und Herren,\n\nanbei der Schuldenbereinigungsplan. Ihre Forderung ist mit 1.240,00 € "
            "berücksichtigt. Wir bitten Sie, uns Ihre Zustimmung bis zum 08.03.2107 zu erklären.\n" + "-" * 40 + "\n")
    parsed = parse_body(body, None, "noreply@inkasso-moorkamp.example")
    assert "1.240,00" not in parsed.reply_text
    assert plan_reply.read(parsed, plan_figures=PLAN).decision != "accepted"


def test_the_running_rent_named_with_its_current_figure_is_no_counter_offer() -> None:
    reading = _plan("Der Aufsichtsrat stimmt dem Plan zu, vorausgesetzt, die laufende Miete von derzeit 540,00 € wird "
                    "weiterhin pünktlich gezahlt.")
    assert reading.decision == "accepted"
    assert not reading.counter_offer


def test_an_earlier_message_named_by_its_date_holds_an_earlier_figure() -> None:
    result = read("in unserer Mail vom 03.05.2107 haben wir Ihnen einen offenen Betrag von 512,30 € genannt. Dabei "
                  "blieb eine Gutschrift über 40,00 € unberücksichtigt. Die offene Forderung beträgt richtig 472,30 €.",
                  greeting="Sehr geehrte Damen und Herren,\n\n", subject="Ihre Anfrage Tom Brakel")
    assert result.total_amount == D("472.30")
    assert not result.amount_is_safe


def test_another_account_answered_later_on_its_own_holds_the_total_back() -> None:
    result = read("Darlehen 5521 0093 (Brakel, Tom): Restschuld per 11.05.2107: 3.480,15 EUR.\n\nHerr Brakel führt bei "
                  "uns außerdem ein Girokonto. Dazu erhalten Sie gesonderte Nachricht von unserer Abwicklung.",
                  greeting="Sehr geehrte Damen und Herren,\n\n")
    assert result.total_amount == D("3480.15")
    assert not result.amount_is_safe
    # someone else's account, named as no part of this answer, leaves it whole
    other = read("Darlehen 5521 0093 (Brakel, Tom): Restschuld per 11.05.2107: 3.480,15 EUR.\n\nDas Konto von "
                 "Frau Anke "
                 "Brakel ist nicht Gegenstand dieser Auskunft; dazu erhalten Sie gesonderte Nachricht.",
                 greeting="Sehr geehrte Damen und Herren,\n\n")
    assert other.total_amount == D("3480.15")
    assert other.amount_is_safe


def test_a_settled_account_the_reply_names_as_no_part_of_the_claim_leaves_the_claim_whole() -> None:
    result = read("aus der Schlussrechnung Strom sind noch 298,40 € offen, dazu Mahnkosten 20,00 €. Die aktuelle "
                  "Forderung beträgt damit 318,40 €.\n\nFür die neue Wohnung besteht unter derselben Kundennummer ein "
                  "neuer Vertrag; dieses Vertragskonto ist ausgeglichen und nicht Teil der Forderung.",
                  greeting="Sehr geehrte Damen und Herren,\n\n")
    assert result.total_amount == D("318.40")
    assert result.amount_is_safe
    # "ausgeglichen" about the claim itself still holds the total back
    settled = read("Die Forderung über 318,40 € ist seit dem 02.06. ausgeglichen.", greeting="Guten Tag,\n\n")
    assert not settled.amount_is_safe


def test_no_further_claims_under_a_stated_total_settles_nothing() -> None:
    result = read("Derzeit offen sind 642,18 EUR. Der Betrag setzt sich aus der Nachzahlung laut Jahresabrechnung "
                  "(637,18 EUR) und Mahnkosten (5,00 EUR) zusammen. Weitere Forderungen bestehen nicht.",
                  greeting="Sehr geehrte Damen und Herren,\n\n")
    assert result.total_amount == D("642.18")
    assert result.amount_is_safe
    # a paid claim stays settled, whatever follows
    paid = read("Die Rechnung über 642,18 EUR wurde am 03.05. vollständig bezahlt. Weitere Forderungen bestehen nicht.",
                greeting="Guten Tag,\n\n")
    assert not paid.amount_is_safe


def test_a_loan_paid_off_by_its_credit_protection_insurance_is_settled() -> None:
    result = read("der Ratenkredit 4410 22 ist vollständig ausgeglichen. Die Restschuldversicherung hat wegen der "
                  "Arbeitsunfähigkeit Ihres Mandanten 4.210,00 EUR an uns geleistet; damit ist das Darlehen getilgt. "
                  "Eine Forderung unsererseits besteht nicht mehr.", greeting="Sehr geehrte Damen und Herren,\n\n")
    assert result.intent == "settled"
    assert not result.amount_is_safe


def test_a_further_bill_whose_figure_follows_holds_the_total_back() -> None:
    result = read("Aus der Rechnung 2107-118 sind derzeit noch 842,10 € zzgl. 10,00 € Mahnkosten offen, zusammen "
                  "852,10 €.\n\nDie Praxis hat uns eine weitere Rechnung übergeben, die noch geprüft wird. Den Betrag "
                  "teilen wir Ihnen gesondert mit.", greeting="Sehr geehrte Damen und Herren,\n\n")
    assert result.total_amount == D("852.10")
    assert not result.amount_is_safe


def test_a_paid_bill_named_with_a_doctor_in_brackets_wrapped_over_lines_is_settled() -> None:
    result = read("die Rechnung L-2107-3304 vom 02.03.2107 über 96,20 EUR (Blutbild auf Anforderung von Dr. med. Anja\n"
                  "Rosendahl) ist am 11.04.2107 vollständig beglichen worden.\n\nWeitere offene Posten bestehen "
                  "bei uns "
                  "nicht.", greeting="Guten Tag,\n\n")
    assert result.intent == "settled"
    assert result.total_amount in (None, D("0"))


def test_a_deposit_set_off_against_arrears_wrapped_after_a_determiner_settles_them() -> None:
    result = read("Herr Brakel bewohnte bis zum 30.09.2106 das Zimmer 3.07. Bei seinem Auszug bestand ein "
                  "Mietrückstand "
                  "von 270,00 €.\n\nDie Kaution in Höhe von 350,00 € haben wir mit der Kautionsabrechnung gegen "
                  "diesen\n"
                  "Rückstand verrechnet. Den verbleibenden Betrag von 80,00 € haben wir ihm erstattet.\n\nForderungen "
                  "gegen Herrn Brakel bestehen somit nicht mehr.", greeting="Sehr geehrte Damen und Herren,\n\n")
    assert result.intent == "settled"
    assert not result.amount_is_safe


def test_over_after_a_verb_of_amounting_is_a_bound_not_a_figure() -> None:
    result = read("ehrlich gesagt finde ich das nicht in ordnung, die teile allein waren über 600 euro. ich will mein "
                  "geld, mehr sag ich dazu nicht.")
    assert result.total_amount != D("600.00")
    # "Rechnung über" still names the bill's figure
    bill = read("die Rechnung über 600,00 € vom 03.04. ist noch komplett offen.")
    assert bill.total_amount == D("600.00")


def test_a_register_listing_offer_dressed_as_a_bill_is_spam() -> None:
    result = read("zur Aktualisierung Ihres Eintrags im Zentralen Handwerksregister Nord prüfen Sie bitte die Daten. "
                  "Die Eintragung kostet 290,00 EUR zzgl. MwSt. Mit der Zahlung nehmen Sie das Angebot an; es handelt "
                  "sich um ein Angebot, nicht um eine Rechnung.", subject="Ihr Firmeneintrag 2107",
                  sender="eintrag@handwerksregister-nord.example", greeting="Sehr geehrte Damen und Herren,\n\n")
    assert result.intent == "spam"


def _own_thread(new_text: str, quoted_author: str) -> ExtractionResult:
    body = (f"Sehr geehrte Damen und Herren,\n\n{new_text}\n\nMit freundlichen Grüßen\nJana Otten\nBuchhaltung\n\n"
            f"Am 02.05.2107 um 10:12 schrieb {quoted_author}:\n> Sehr geehrte Damen und Herren,\n>\n"
            "> Offene Posten:\n> - Rechnung 04/2107: 382,40 €\n> - Modem nicht zurückgegeben: 89,00 €\n>\n"
            "> Gesamt: 471,40 €\n")
    sender = "buchhaltung@netz-moorkamp.example"
    return extract(parse_body(body, None, sender), subject="Re: Forderungsanfrage Tom Brakel", from_email=sender,
                   from_name="Jana Otten")


def test_a_correction_of_the_senders_own_quoted_answer_names_both_totals() -> None:
    result = _own_thread("das Modem ist eingegangen, die Position haben wir storniert. Die Forderung gegen Herrn "
                         "Brakel verringert sich damit von 471,40 € auf 382,40 €.", "Jana Otten")
    assert result.total_amount == D("382.40")
    assert not result.amount_is_safe
    # the firm's figure quoted from its letter and put right is no earlier answer of the creditor's
    firms = _own_thread("die Forderung gegen Herrn Brakel beträgt nicht 471,40 €, sondern 382,40 €.",
                        "Kanzlei Moorkamp <glaeubiger@kanzlei-moorkamp.example>")
    assert firms.total_amount == D("382.40")
    assert firms.amount_is_safe


def test_a_spreadsheet_row_naming_an_identifier_holds_no_amount() -> None:
    sheet = AttachmentText(filename="Aufstellung_5521093.xlsx", status="ok", detected_type="xlsx", segments=[
        TextSegment("sheet Aufstellung, row 1", "Forderungsaufstellung | Brakel, Tom"),
        TextSegment("sheet Aufstellung, row 2", "Vertrag | 5521093"),
        TextSegment("sheet Aufstellung, row 3", "Saldo bei Kündigung | | 2.412,66"),
        TextSegment("sheet Aufstellung, row 4", "Verzugszinsen | | 38,20"),
        TextSegment("sheet Aufstellung, row 5", "Gesamtforderung | | 2.450,86"),
    ])
    result = read("anbei die Aufstellung.", attachments=(sheet,), greeting="Guten Tag,\n\n")
    assert result.total_amount == D("2450.86")
    assert all(found.value != D("5521093") or found.rejected for found in result.amounts)
    assert result.amount_is_safe


def test_instalments_only_after_papers_or_once_offered_by_the_debtor_are_no_offer() -> None:
    papers = read("Der Beitragsrückstand beträgt insgesamt 1.206,40 EUR.\n\nEiner Ratenzahlung können wir nur nach "
                  "Vorlage einer aktuellen Einkommens- und Ausgabenaufstellung zustimmen.",
                  greeting="Sehr geehrte Damen und Herren,\n\n")
    assert papers.intent == "debt_statement"
    assert papers.amount_is_safe
    broken = read("Herr Brakel hatte uns im März eine Ratenzahlung angeboten, die Raten sind aber nie gezahlt worden. "
                  "Offen sind insgesamt 2.140,00 €.", greeting="Sehr geehrte Damen und Herren,\n\n")
    assert broken.intent == "debt_statement"
    # a creditor's own instalment offer stays one
    offer = read("Offen sind insgesamt 2.140,00 €. Wir bieten Ihrem Mandanten eine Ratenzahlung von 100,00 € monatlich "
                 "an.", greeting="Sehr geehrte Damen und Herren,\n\n")
    assert offer.intent == "payment_plan"


def test_a_firm_shaped_number_after_the_senders_own_label_is_no_file_number() -> None:
    result = read("anbei der Korrekturabzug Ihres Firmeneintrags (Registernummer HBV-2107-40021). Mit der Rücksendung "
                  "beauftragen Sie den Premium-Eintrag zum Jahrespreis von 890,00 EUR.",
                  subject="Korrekturabzug Ihres Firmeneintrags", sender="redaktion@firmen-moorkamp.example",
                  greeting="Sehr geehrte Damen und Herren,\n\n")
    assert result.firm_reference is None
    assert result.intent == "spam"


def test_a_recourse_claim_announced_beside_the_balance_holds_it_back() -> None:
    result = read("Offener Beitragssaldo: 412,00 EUR.\n\nAus dem Unfall vom 02.04.2107 haben wir 1.980,00 EUR "
                  "reguliert. "
                  "Diesen Betrag werden wir gegenüber Ihrem Mandanten im Wege des Regresses geltend machen.",
                  greeting="Sehr geehrte Damen und Herren,\n\n")
    assert result.total_amount == D("412.00")
    assert not result.amount_is_safe


def test_a_client_written_with_a_birth_date_on_an_indented_line_of_its_own_is_found() -> None:
    result = read("gegen Ihre Mandantin\n\n    Marlene Brakel-Otten, geb. 12.03.1988\n    Vertragsnummer "
                  "BK-4410-2231\n\nbesteht folgende Forderung: Gesamtbetrag 318,20 EUR.",
                  greeting="Sehr geehrte Damen und Herren,\n\n")
    assert "Marlene Brakel-Otten" in [name.value for name in result.names]


def test_a_case_managements_own_id_is_the_creditors_reference() -> None:
    result = read("bitte senden Sie uns die Vollmacht und lassen Sie die Case-ID MZ-C-5521-0093 im Betreff stehen.",
                  subject="Ihre Anfrage – Case-ID MZ-C-5521-0093", sender="case-management@zahlmoor.example",
                  greeting="Sehr geehrte Damen und Herren,\n\n")
    assert result.creditor_reference == "MZ-C-5521-0093"


def test_a_statement_naming_the_holder_in_brackets_is_about_a_case_whatever_its_newsletter_footer() -> None:
    result = read("Für das Kundenkonto KM24-5510233 (Anke Brakel) bestehen folgende offene Posten: Rechnung vom "
                  "08.01.2107 89,95 €, Mahngebühren 5,00 €. Offener Saldo: 94,95 €.\n\nJetzt zum Newsletter anmelden "
                  "und 10 % Rabatt sichern!", subject="Ihre Anfrage zu Kundenkonto KM24-5510233",
                  sender="buchhaltung@modemoor24.example", greeting="Sehr geehrte Damen und Herren,\n\n")
    assert "Anke Brakel" in [name.value for name in result.names]
    assert result.intent == "debt_statement"
    assert result.total_amount == D("94.95")


def test_what_an_insurer_paid_out_to_a_third_party_is_never_the_claim() -> None:
    result = read("Wir haben den Schaden der Geschädigten mit insgesamt 6.204,10 EUR reguliert und nehmen Herrn Brakel "
                  "in Höhe von höchstens 5.000,00 EUR in Rückgriff.\n\nUnsere Forderung beträgt derzeit:\n\n"
                  "Regress                 5.000,00 EUR\nZinsen                     96,40 EUR\n"
                  "                        ------------\n                        5.096,40 EUR",
                  greeting="Sehr geehrte Damen und Herren,\n\n")
    assert result.total_amount != D("6204.10")
    assert not (result.amount_is_safe and result.total_amount != D("5096.40"))
