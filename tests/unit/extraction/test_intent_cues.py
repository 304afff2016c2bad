"""Every intent cue list finds its wording in any spelling, and the sentence-level combinations hold."""

from __future__ import annotations

import re

import pytest

from app.services.extraction import intent_cues as cues
from app.services.extraction.intent_cues import MailText
from app.services.extraction.vocabulary import intent as words
from app.services.extraction.vocabulary import requests as asks
from app.services.extraction.vocabulary import spam
from app.services.textfold import fold


@pytest.mark.parametrize(("pattern", "text"), [
    (words.AUTO_SUBJECT, "Automatische Antwort: Kontoanfrage"),
    (words.AUTO_SUBJECT, "We've received your request"),
    (words.AUTO_TAG, "[Auto-Reply]"),
    (words.RECEIPT, "Ihre Nachricht vom Montag ist bei uns eingegangen"),
    (words.RECEIPT, "Your enquiry has been received"),
    (words.PENDING, "Die Bearbeitung kann einige Wochen dauern"),
    (words.PENDING, "An agent will respond shortly"),
    (words.AUTOMATIC, "Diese E-Mail wurde automatisch verschickt"),
    (words.AUTOMATIC, "Please do not reply to this message"),
    (words.ABSENCE, "Ich bin derzeit außer Haus"),
    (words.ABSENCE, "I am on leave until Friday"),
    (words.FORWARDED, "Wir haben Ihr Anliegen an die Fachabteilung weitergeleitet"),
    (words.SETTLED_ACCOUNT, "Es bestehen keine offenen Forderungen"),
    (words.SETTLED_ACCOUNT, "Das Beitragskonto ist vollständig ausgeglichen"),
    (words.SETTLED_ACCOUNT, "The balance has been cleared"),
    (words.SETTLED_PAYMENT, "Der Betrag wurde vollständig gezahlt"),
    (words.SETTLED_PAYMENT, "Kontostand: 0,00 EUR"),
    (words.SETTLED_PAYMENT, "Auf die Restforderung verzichten wir"),
    (words.SETTLED_NEGATION, "teilweise"),
    (words.OPEN_REMAINDER, "Es verbleiben 40,00 €"),
    (words.OPEN_REMAINDER, "the remaining balance"),
    (words.REMAINDER_NEGATION, "keine"),
    (words.PAID, "am 3. März überwiesen"),
    (words.CONDITIONAL, "sofern die Rate pünktlich kommt"),
    (words.INSTALMENT, "in sechs Teilzahlungen"),
    (words.INSTALMENT, "a payment arrangement"),
    (words.OFFER, "wir räumen Ihrer Mandantin ein"),
    (words.OFFER, "we are willing to accept"),
    (words.PLAN_OVER, "wurde widerrufen"),
    (words.PLAN_OVER, "können wir leider nicht anbieten"),
    (words.REFUSAL, "Das Angebot lehnen wir hiermit ab"),
    (words.ATTACHMENT_STATEMENT, "Anbei erhalten Sie unsere Forderungsaufstellung"),
    (words.DEBT_CONTEXT, "Gläubigerin"),
    (asks.REQUEST_DIRECT, "Bitte übersenden Sie uns"),
    (asks.REQUEST_DIRECT, "please provide a copy"),
    (asks.REQUEST_VERB, "wir benötigen"),
    (asks.REQUEST_OBJECT, "Schweigepflichtentbindung"),
    (asks.REQUEST_OBJECT, "date of birth"),
    (asks.NOT_A_REQUEST, "Wir bitten um Verständnis"),
    (asks.MISSING, "Die Vollmacht ist leider nicht unterschrieben"),
    (asks.MISSING, "wir können den Vorgang nicht zuordnen"),
    (asks.CONDITION, "erst nach Vorlage"),
    (asks.FUTILE, "auch bei Vorlage einer Vollmacht geben wir nichts heraus"),
    (asks.FUTILE, "Auskünfte nur ausschließlich an den Kunden selbst"),
    (asks.DECLINE, "Dazu dürfen wir Ihnen leider keine Angaben machen"),
    (asks.DECLINE, "We are unable to disclose account details"),
    (asks.REFERRAL, "Die Forderung wurde an ein Inkassounternehmen abgetreten"),
    (asks.REFERRAL, "Wenden Sie sich bitte direkt an die Kanzlei"),
    (spam.MARKETING, "Jetzt anmelden und Frühbucherrabatt sichern"),
    (spam.PHISHING, "Ihr Konto wird in 24 Stunden gesperrt"),
    (spam.PHISHING, "Jetzt sofort bezahlen"),
    (spam.OWN_PURCHASE, "Sehr geehrte Kundin"),
    (spam.OWN_PURCHASE, "Zahlbar mit 3 % Skonto"),
    (spam.PAYMENT_LINK, "https://example.test/checkout"),
])
def test_a_cue_list_finds_its_wording_however_it_is_spelled(pattern: re.Pattern[str], text: str) -> None:
    assert pattern.search(fold(text))
    assert pattern.search(fold(text.upper())) or pattern is words.AUTO_TAG


def test_phrases_written_with_umlauts_match_text_written_without() -> None:
    assert words.SETTLED_ACCOUNT.search(fold("es bestehen keine weiteren Ansprueche"))
    assert asks.DECLINE.search(fold("NICHT MEHR ZUSTAENDIG"))


def test_mail_text_sets_leading_tags_apart_and_folds() -> None:
    text = MailText.read("[Ticket 12] [Abwesend] AW: Größe", "Grüße", "Fußzeile")
    assert text.tags == "[ticket 12] [abwesend]"
    assert text.subject == "aw: groesse"
    assert text.reply == "gruesse" and text.footer == "fusszeile"
    assert text.is_reply


def test_settled_wording_in_a_conditional_sentence_is_ignored() -> None:
    assert cues.settled_account(fold("Falls Sie bis Montag zahlen, ist das Konto ausgeglichen.")) == []
    assert cues.settled_account(fold("Das Konto ist ausgeglichen.")) == ["konto ist ausgeglichen"]


def test_negated_settled_wording_is_ignored_before_and_inside_the_phrase() -> None:
    assert cues.settled_any(fold("Die Rechnung ist nicht beglichen.")) == []
    assert cues.settled_any(fold("Das Konto ist leider noch nicht ausgeglichen.")) == []


def test_a_denied_remainder_is_no_remainder() -> None:
    assert cues.open_remainder(fold("Eine Restforderung besteht nicht mehr; keine Restforderung.")) == ["restforderung"]
    assert cues.open_remainder(fold("Es gibt keine Restforderung.")) == []


def test_an_instalment_offer_needs_the_offer_in_the_same_sentence() -> None:
    assert cues.instalment_offers(fold("Die Raten sind fällig. Wir bieten gern einen Vergleich an.")) == []
    assert cues.instalment_offers(fold("Wir bieten Ihnen Raten von 20 € an."))


def test_a_request_needs_a_requested_thing_unless_it_asks_to_send_directly() -> None:
    assert cues.requests(fold("Bitte beachten Sie unsere Öffnungszeiten.")) == []
    assert cues.requests(fold("Bitte beachten Sie, dass die Vollmacht fehlen könnte und wir sie benötigen."))
    assert cues.requests(fold("Bitte reichen Sie uns das nach."))
    assert cues.requests(fold("Wir bitten um Verständnis, dass wir eine Vollmacht brauchen.")) == []


def test_a_refusal_inside_a_condition_refuses_nothing() -> None:
    assert cues.refusals(fold("Falls Sie das Angebot ablehnen, melden Sie sich.")) == []
    assert cues.refusals(fold("Das Angebot lehnen wir ab.")) == ["lehnen wir ab"]


def test_figures_only_with_a_document_is_a_condition_on_an_object() -> None:
    assert cues.only_with(fold("Erst wenn die Vollmacht da ist, nennen wir Zahlen."))
    assert cues.only_with(fold("Erst wenn Sie anrufen, nennen wir Zahlen.")) == []
