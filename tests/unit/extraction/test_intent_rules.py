"""Each rule of the intent precedence table fires on its own cues, and an earlier rule beats a later one."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from app.services.extraction.intent import IntentSignals, Rule, classify_intent

PLAIN = IntentSignals(has_positive_total=False, has_zero_total=False, total_is_fallback=False, instalment_amounts=0,
                      has_reference=True, attachments_read=0)
TOTAL = replace(PLAIN, has_positive_total=True)
NO_CASE = replace(PLAIN, about_a_case=False, has_reference=False)


def rule_of(text: str, signals: IntentSignals = PLAIN, *, subject: str = "AW: Ihre Anfrage", footer: str = "",
            sender: tuple[str, ...] = ()) -> str:
    decision = classify_intent(subject, text, signals, footer_text=footer, sender=sender)
    assert decision.reasons[0] == Rule[decision.rule].reason
    assert decision.intent == Rule[decision.rule].intent
    return decision.rule


@pytest.mark.parametrize(("rule", "text", "signals", "subject", "footer", "sender"), [
    ("AUTO_SUBJECT_TAG", "Der Saldo beträgt 80,00 €.", TOTAL, "[Autoreply] AW: Ihr Schreiben", "", ()),
    ("AUTO_SUBJECT", "Danke.", PLAIN, "Abwesenheitsnotiz: Ihr Schreiben", "", ()),
    ("MARKETING", "Melden Sie sich zum Webinar an.", NO_CASE, "Fortbildung", "", ()),
    ("PHISHING", "Ihr Zugang läuft ab.", NO_CASE, "Hinweis", "", ("payment link to another domain (pay.example)",)),
    ("OWN_PURCHASE", "Wir danken für Ihre Bestellung von Toner.", NO_CASE, "Rechnung 77", "", ()),
    ("SETTLED_ACCOUNT", "Ihr Mitgliedskonto ist seit Mai ausgeglichen.", PLAIN, "AW: Anfrage", "", ()),
    ("RECEIPT", "Wir haben Ihre Anfrage erhalten. Die Bearbeitungszeit liegt bei zwei Wochen.", PLAIN, "AW: x", "", ()),
    ("REFUSAL", "Dem Vergleichsvorschlag stimmen wir nicht zu.", TOTAL, "AW: Plan", "", ()),
    ("INSTALMENT_OFFER", "Wir bieten Ihnen zwölf Monatsraten an.", TOTAL, "AW: x", "", ()),
    ("SETTLED_PAYMENT", "Die Rechnung wurde vollständig bezahlt.", PLAIN, "AW: x", "", ()),
    ("TOTAL", "Anbei die Aufstellung.", TOTAL, "AW: x", "", ()),
    ("ASKS_FIRM", "Wir benötigen noch eine Kopie des Ausweises.", PLAIN, "AW: x", "", ()),
    ("FUTILE", "Auch mit einer Vollmacht erteilen wir keine Auskunft, das ändert nichts.", PLAIN, "AW: x", "", ()),
    ("ONLY_WITH", "Solange uns keine Vollmacht vorliegt, geben wir nichts heraus.", PLAIN, "AW: x", "", ()),
    ("DECLINES", "Für diesen Vertrag sind wir nicht zuständig.", PLAIN, "AW: x", "", ()),
    ("AUTOMATIC", "Ich bin bis Montag im Urlaub.", PLAIN, "AW: x", "", ()),
    ("CLAIM_PARTS", "Hauptforderung siehe unten.", replace(PLAIN, has_claim_amounts=True), "AW: x", "", ()),
    ("ATTACHED", "Im Anhang finden Sie den Kontoauszug.", PLAIN, "AW: x", "", ()),
    ("UNRELATED", "Einladung zum Sommerfest.", replace(PLAIN, has_reference=False), "Sommerfest", "", ()),
    ("OPEN_QUESTION", "Können Sie uns kurz anrufen?", PLAIN, "AW: x", "", ()),
])
def test_each_rule_fires_on_its_own_cues(rule: str, text: str, signals: IntentSignals, subject: str, footer: str,
                                         sender: tuple[str, ...]) -> None:
    assert rule_of(text, signals, subject=subject, footer=footer, sender=sender) == rule


def test_the_table_is_tried_in_the_order_it_is_written() -> None:
    order = [rule.name for rule in Rule]
    assert order[:2] == ["AUTO_SUBJECT_TAG", "AUTO_SUBJECT"]
    assert order[-1] == "OPEN_QUESTION"
    assert order.index("SETTLED_ACCOUNT") < order.index("RECEIPT") < order.index("TOTAL")
    assert order.index("ASKS_FIRM") < order.index("FUTILE") < order.index("ONLY_WITH") < order.index("DECLINES")


def test_the_documented_table_lists_every_rule_in_order_with_its_reason() -> None:
    doc = (Path(__file__).parents[3] / "docs" / "intent.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d+) \| `(\w+)` \| (\w+) \| ([^|]+) \|", doc, re.MULTILINE)
    assert [(name, intent, reason.strip()) for _, name, intent, reason in rows] == [
        (rule.name, rule.intent, rule.reason) for rule in Rule]


# --- precedence between neighbours ------------------------------------------------------------------------

def test_an_automatic_subject_beats_a_stated_total() -> None:
    assert rule_of("Offener Betrag 40,00 €", TOTAL, subject="Out of Office: Anfrage") == "AUTO_SUBJECT"


def test_spam_needs_a_mail_about_no_case() -> None:
    assert rule_of("Jetzt zum Webinar anmelden!", PLAIN) != "MARKETING"
    assert rule_of("Jetzt zum Webinar anmelden!", NO_CASE) == "MARKETING"


def test_whole_account_settled_beats_a_paid_amount_read_as_total() -> None:
    paid = replace(TOTAL, total_text="wir haben 120,00 eur am 3.5. verbucht")
    assert rule_of("Das Kundenkonto ist damit ausgeglichen.", paid) == "SETTLED_ACCOUNT"
    unlabelled = replace(TOTAL, total_is_fallback=True)
    assert rule_of("Das Kundenkonto ist damit ausgeglichen.", unlabelled) == "SETTLED_ACCOUNT"


def test_whole_account_settled_does_not_beat_a_labelled_open_total() -> None:
    owed = replace(TOTAL, total_text="gesamtforderung: 300,00 eur")
    assert rule_of("Das Kundenkonto ist ausgeglichen.", owed) == "TOTAL"


def test_a_remainder_named_as_open_undoes_settled_wording() -> None:
    assert rule_of("Keine offenen Posten aus 2025. Es verbleibt ein Rest aus 2026.", PLAIN) != "SETTLED_ACCOUNT"


def test_settled_wording_in_a_condition_or_negated_does_not_count() -> None:
    assert rule_of("Sofern Sie zahlen, ist das Konto ausgeglichen.", PLAIN) != "SETTLED_ACCOUNT"
    assert rule_of("Das Konto ist noch nicht ausgeglichen.", PLAIN) not in ("SETTLED_ACCOUNT", "SETTLED_PAYMENT")


def test_a_receipt_alone_without_a_queue_is_no_early_auto_reply() -> None:
    assert rule_of("Wir bestätigen den Eingang Ihres Schreibens. Die Forderung beträgt 90,00 €.", TOTAL) == "TOTAL"


def test_an_instalment_offer_beats_the_stated_total_and_a_request_to_sign() -> None:
    text = "Gerne gewähren wir Ratenzahlung. Bitte senden Sie uns die Vereinbarung unterschrieben zurück."
    assert rule_of(text, TOTAL) == "INSTALMENT_OFFER"


def test_a_terminated_instalment_agreement_is_no_offer() -> None:
    assert rule_of("The instalment plan was cancelled and we offer nothing else.", TOTAL) == "TOTAL"
    assert rule_of("Die Ratenzahlungsvereinbarung wurde gekündigt, wir bieten keine neue an.", TOTAL) == "TOTAL"


def test_a_settled_payment_never_beats_an_open_total() -> None:
    assert rule_of("Die Zahlung vom März ist vollständig eingegangen.", TOTAL) == "TOTAL"


def test_a_request_beats_a_refusal_of_figures() -> None:
    text = "Ohne Entbindung dürfen wir keine Angaben machen. Bitte schicken Sie uns das Formular unterschrieben zurück."
    assert rule_of(text) == "ASKS_FIRM"


def test_futility_beats_a_condition_on_a_document() -> None:
    assert rule_of("Eine Vollmacht ändert daran nichts; ohne Vollmacht bleibt es ebenso.") == "FUTILE"


def test_a_refusal_of_figures_beats_a_note_that_the_letter_was_passed_on() -> None:
    text = "Wir können Ihnen keine Beträge nennen. Ihr Schreiben haben wir an die Kanzlei weitergeleitet."
    assert rule_of(text) == "DECLINES"


def test_a_fallback_total_is_a_weaker_statement() -> None:
    decision = classify_intent("AW: x", "Betrag 12,00", replace(TOTAL, total_is_fallback=True))
    assert decision.intent == "debt_statement"
    assert decision.confidence < Rule.TOTAL.confidence
