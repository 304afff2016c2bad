"""extraction/intent.py — classify the reply by one precedence table; invariant: every intent names its rule and cues.

`Rule` is the table (docs/intent.md shows it): rules are tried in the order they are written and the first
whose cues are present decides. The cues themselves are vocabulary (`extraction/vocabulary/`), combined
per sentence in `intent_cues.py`; sender and link cues come from `sender.py`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from app.services.extraction import intent_cues as cues
from app.services.extraction.intent_cues import MailText, hits
from app.services.extraction.result import Intent
from app.services.extraction.vocabulary import intent as words
from app.services.extraction.vocabulary import plan as plan_words
from app.services.extraction.vocabulary import requests as asks
from app.services.extraction.vocabulary import spam
from app.services.extraction.vocabulary.amounts import EARLIER_ANSWER_WITHDRAWN, IDENTITY_UNSURE
from app.services.textfold import fold

# Any settled wording, for callers that look for the line saying so.
SETTLED = re.compile(f"{words.SETTLED_ACCOUNT.pattern}|{words.SETTLED_PAYMENT.pattern}")


@dataclass(frozen=True)
class IntentSignals:
    """What the rest of the extraction already knows when the intent is decided.

    `about_a_case`: a firm reference (incl. a plus-address) or a client name was found;
    `own_figures`: accepted amounts in euro in the creditor's own new text ("steht bei rund 5.200,- €");
    `total_text`: the folded line the chosen total stands on ("" when none); `total_in_attachment`: that line is an
    attachment's, not the mail's own text."""

    has_positive_total: bool
    has_zero_total: bool
    total_is_fallback: bool
    instalment_amounts: int
    has_reference: bool
    attachments_read: int
    has_claim_amounts: bool = False
    amounts_in_reply: int = 0
    own_figures: int = 0
    about_a_case: bool = True
    total_text: str = ""
    total_in_attachment: bool = False
    # the total's own figure is one the reply says was paid ("Offen waren … 89,70 € … hat die 89,70 € bar bezahlt")
    total_was_paid: bool = False


@dataclass(frozen=True)
class IntentDecision:
    intent: Intent
    reasons: tuple[str, ...]
    confidence: float
    rule: str = ""


class Rule(Enum):
    """The precedence table: (intent, reason shown on the job, confidence), first fitting rule wins."""

    AUTO_SUBJECT_TAG = ("auto_reply", "the subject carries an automatic-answer tag", 0.95)
    AUTO_SUBJECT = ("auto_reply", "the subject starts like an automatic answer", 0.95)
    MARKETING = ("spam", "about no case of the firm, with marketing wording", 0.85)
    PHISHING = ("spam", "about no case of the firm, with phishing cues", 0.85)
    OWN_PURCHASE = ("spam", "about no case of the firm, written to the firm as a customer", 0.8)
    SETTLED_ACCOUNT = ("settled", "the whole account is settled and no remainder is named", 0.9)
    RECEIPT = ("auto_reply", "confirms receipt and says the message waits to be processed", 0.85)
    REFUSAL = ("rejection", "refuses what the firm proposed", 0.8)
    INSTALMENT_OFFER = ("payment_plan", "offers instalments on a stated claim", 0.85)
    SETTLED_PAYMENT = ("settled", "settled wording or a zero balance, and no open total", 0.8)
    TOTAL = ("debt_statement", "a current total is stated", 0.9)
    ASKS_FIRM = ("inquiry", "asks the firm for something first", 0.8)
    FUTILE = ("rejection", "refuses even with a power of attorney", 0.8)
    ONLY_WITH = ("inquiry", "gives figures only once something is provided", 0.7)
    DECLINES = ("rejection", "declines to give figures or refers elsewhere", 0.75)
    AUTOMATIC = ("auto_reply", "automatic, out-of-office or forwarding note without figures", 0.75)
    CLAIM_PARTS = ("debt_statement", "claim amounts stated without a total", 0.6)
    ATTACHED = ("debt_statement", "a statement is announced or attached, but no total was found", 0.4)
    OWN_FIGURE = ("debt_statement", "the creditor's own text names a figure in euro, but no total", 0.4)
    UNRELATED = ("spam", "not a reply, no reference and no debt wording", 0.6)
    OPEN_QUESTION = ("inquiry", "no amount and no other cue; treated as an open question", 0.3)

    def __init__(self, intent: Intent, reason: str, confidence: float) -> None:
        self.intent = intent
        self.reason = reason
        self.confidence = confidence


def _quote(label: str, found: list[str]) -> list[str]:
    return [f'{label} "{hit}"' for hit in found]


def _auto_subject_tag(text: MailText, signals: IntentSignals) -> list[str] | None:
    return [f"tag {text.tags!r}"] if text.tags and words.AUTO_TAG.search(text.tags) else None


def _auto_subject(text: MailText, signals: IntentSignals) -> list[str] | None:
    match = words.AUTO_SUBJECT.match(text.subject)
    return [f'subject "{match.group(0)}"'] if match else None


def _not_a_case(found: list[str], signals: IntentSignals) -> list[str] | None:
    if signals.about_a_case or not found:
        return None
    return [*found, "no firm reference and no client name"]


# The three rules below fit only mail about no case: for a reply about one their cues are not looked for.
def _marketing(text: MailText, signals: IntentSignals) -> list[str] | None:
    if signals.about_a_case:
        return None
    return _not_a_case(_quote("cue", hits(spam.MARKETING, "\n".join((text.subject, text.reply, text.footer)))), signals)


def _phishing(text: MailText, signals: IntentSignals) -> list[str] | None:
    if signals.about_a_case:
        return None
    return _not_a_case([*text.sender, *_quote("cue", hits(spam.PHISHING, text.subject + "\n" + text.reply))], signals)


def _own_purchase(text: MailText, signals: IntentSignals) -> list[str] | None:
    if signals.about_a_case:
        return None
    return _not_a_case(_quote("cue", hits(spam.OWN_PURCHASE, text.subject + "\n" + text.reply)), signals)


def _person_to_be_named(text: MailText) -> bool:
    """The creditor is not sure whom the firm means and asks ("wir haben zwei … die heißen beide …; können Sie mir
    das Geburtsdatum schicken?"): what it says of one of them settles nothing of the client's yet."""
    return IDENTITY_UNSURE.search(fold(text.reply)) is not None and bool(cues.requests(text.reply))


def _settled_account(text: MailText, signals: IntentSignals) -> list[str] | None:
    found = cues.settled_account(text.reply)
    if not found or cues.open_remainder(text.reply) or _person_to_be_named(text):
        return None
    # (a total only in an attachment beside "nichts mehr offen" in the mail is the paid bill or its receipt)
    paid_total = signals.total_is_fallback or signals.total_in_attachment or signals.total_was_paid \
        or bool(words.PAID.search(signals.total_text))
    if signals.has_positive_total and not paid_total:
        return None
    extra = ["the amount named is a payment, not a claim"] if signals.has_positive_total else []
    return [*_quote("cue", found), *extra]


_AUTHORITY = re.compile(r"vollmacht|power of attorney|authori[sz]ation|einwilligung|schweigepflicht|consent|signed by|"
                        r"unterschrieben|unterzeichnet")


# The authority the firm sent is lacking or still awaited ("Die beigefügte Vollmacht trägt keine Unterschrift", "können
# wir erst Auskunft erteilen, wenn uns eine unterschriebene Vollmacht vorliegt").
_AUTHORITY_LACKING = re.compile(
    r"\b(?:keine|ohne|fehl\w*|nicht)\b[^.]{0,60}(?:unterschrift|unterschrieben|unterzeichnet|beigefuegt)"
    r"|\b(?:no|not|without)\b[^.]{0,40}\b(?:attached|signed|enclosed)\b"
    r"|\berst\b[^.]{0,80}\b(?:wenn|sobald|nachdem)\b")


def _receipt(text: MailText, signals: IntentSignals) -> list[str] | None:
    body = text.reply + "\n" + text.footer
    receipt = hits(words.RECEIPT, body, 1)
    # without a receipt cue the rule fails anyway
    pending = hits(words.PENDING, body, 1) + hits(words.QUEUED, body, 1) if receipt else []
    # A receipt that goes on to ask the firm for the client's authority ("… no power of attorney was attached. Please
    # send a copy of the Vollmacht …") waits for the firm, not for a clerk: the request decides. (How to send papers,
    # "Ergänzende Unterlagen senden Sie bitte an …", "Bitte antworten Sie nicht auf diese E-Mail", is a receipt's.)
    if not (receipt and pending) or any(
            _AUTHORITY.search(sentence) and ((cues.requests(sentence) and not words.CONDITIONAL.search(sentence))
                                             or _AUTHORITY_LACKING.search(sentence))
            for sentence in cues.sentences(text.reply)):
        return None
    return _quote("cue", receipt + pending)


def _refusal(text: MailText, signals: IntentSignals) -> list[str] | None:
    return _quote("cue", found) if (found := cues.refusals(text.reply)) else None


def _instalment_offer(text: MailText, signals: IntentSignals) -> list[str] | None:
    offers = cues.instalment_offers(text.reply)
    if not offers or not (signals.has_positive_total or signals.instalment_amounts):
        return None
    extra = [f"{signals.instalment_amounts} instalment amount(s) set aside"] if signals.instalment_amounts else []
    return [*_quote("offer", offers), *extra]


def _settled_payment(text: MailText, signals: IntentSignals) -> list[str] | None:
    if signals.has_positive_total or cues.open_remainder(text.reply):
        return None
    if cues.assignment(text.reply) and hits(asks.DECLINE, text.reply):
        # "Die offenen Beträge haben wir … verkauft und abgetreten … können wir keine Auskunft geben. … mit dem Verkauf
        # ausgebucht … Saldo von 0,00 €": the account was cleared by the sale, the claim lives on elsewhere.
        return None
    found = _quote("cue", cues.settled_any(text.reply)) + (["balance stated as 0,00"] if signals.has_zero_total else [])
    return found if found and not _person_to_be_named(text) else None


def _total(text: MailText, signals: IntentSignals) -> list[str] | None:
    if not signals.has_positive_total:
        return None
    if signals.total_is_fallback and hits(asks.DECLINE, text.reply):
        # "Die Rechnung über 189,95 € haben wir an unseren Inkassopartner übergeben … keine Auskünfte zum aktuellen
        # Stand": an unlabelled figure beside a refusal to state the claim is the bill's history, not the claim.
        return None
    return ["no total label; single claim amount"] if signals.total_is_fallback else []


def _asks_firm(text: MailText, signals: IntentSignals) -> list[str] | None:
    return _quote("asks", found) if (found := cues.requests(text.reply)) else None


def _futile(text: MailText, signals: IntentSignals) -> list[str] | None:
    return _quote("cue", found) if (found := hits(asks.FUTILE, text.reply)) else None


def _only_with(text: MailText, signals: IntentSignals) -> list[str] | None:
    return _quote("condition", found) if (found := cues.only_with(text.reply)) else None


def _declines(text: MailText, signals: IntentSignals) -> list[str] | None:
    referrals = [hit for sentence in cues.sentences(text.reply) if not words.ABSENCE_DEPUTY.search(sentence)
                 for hit in hits(asks.REFERRAL, sentence)]
    found = hits(asks.DECLINE, text.reply) + referrals
    return _quote("cue", found[:3]) if found else None


def _automatic(text: MailText, signals: IntentSignals) -> list[str] | None:
    if EARLIER_ANSWER_WITHDRAWN.search(text.reply):  # a person takes back an answer; no machine does
        return None
    # A receipt confirmed in a reply that goes on to state figures of its own is a person's answer ("wir
    # bestätigen den Eingang … Nach Abschluss des Mahnverfahrens wird sich unsere Forderung auf … belaufen"), and so
    # is one that names who decides and when ("… entscheidet bei uns der Kreditausschuss; die nächste Sitzung ist
    # am …").
    person = signals.amounts_in_reply or plan_words.POSTPONED.search(text.reply)
    patterns = (words.ABSENCE, words.AUTOMATIC, words.FORWARDED, *(() if person else (words.RECEIPT,)), words.PENDING)
    if words.PERSONAL_NOTE.search(text.reply):  # away or answering later, in a person's own words
        patterns = (words.AUTOMATIC,)
    found = [hit for pattern in patterns for hit in hits(pattern, text.reply, 1)]
    found += hits(words.AUTOMATIC, text.footer, 1)
    return _quote("cue", found[:3]) if found else None


def _claim_parts(text: MailText, signals: IntentSignals) -> list[str] | None:
    return [] if signals.has_claim_amounts else None


def _attached(text: MailText, signals: IntentSignals) -> list[str] | None:
    return [] if signals.attachments_read or words.ATTACHMENT_STATEMENT.search(text.reply) else None


def _own_figure(text: MailText, signals: IntentSignals) -> list[str] | None:
    return [] if signals.own_figures else None


def _unrelated(text: MailText, signals: IntentSignals) -> list[str] | None:
    related = signals.has_reference or signals.amounts_in_reply or text.is_reply
    return None if related or words.DEBT_CONTEXT.search(text.reply + "\n" + text.subject) else []


def _open_question(text: MailText, signals: IntentSignals) -> list[str] | None:
    return []


_TESTS: dict[Rule, Callable[[MailText, IntentSignals], list[str] | None]] = {
    Rule.AUTO_SUBJECT_TAG: _auto_subject_tag, Rule.AUTO_SUBJECT: _auto_subject, Rule.MARKETING: _marketing,
    Rule.PHISHING: _phishing, Rule.OWN_PURCHASE: _own_purchase, Rule.SETTLED_ACCOUNT: _settled_account,
    Rule.RECEIPT: _receipt, Rule.REFUSAL: _refusal, Rule.INSTALMENT_OFFER: _instalment_offer,
    Rule.SETTLED_PAYMENT: _settled_payment, Rule.TOTAL: _total, Rule.ASKS_FIRM: _asks_firm, Rule.FUTILE: _futile,
    Rule.ONLY_WITH: _only_with, Rule.DECLINES: _declines, Rule.AUTOMATIC: _automatic,
    Rule.CLAIM_PARTS: _claim_parts, Rule.ATTACHED: _attached, Rule.OWN_FIGURE: _own_figure, Rule.UNRELATED: _unrelated,
    Rule.OPEN_QUESTION: _open_question,
}


def decide(text: MailText, signals: IntentSignals) -> IntentDecision:
    """The first rule of the table whose cues are present, with its reason and the cues quoted."""
    for rule in Rule:
        evidence = _TESTS[rule](text, signals)
        if evidence is None:
            continue
        confidence = 0.6 if rule is Rule.TOTAL and signals.total_is_fallback else rule.confidence
        return IntentDecision(rule.intent, (rule.reason, *evidence), confidence, rule.name)
    raise AssertionError("the last rule always fits")


def classify_intent(subject: str | None, reply_text: str, signals: IntentSignals, *, footer_text: str = "",
                    sender: tuple[str, ...] = ()) -> IntentDecision:
    """Decide the intent from the subject, the reply (never the quoted history), its footer, the sender
    cues and what the amount stage found."""
    return decide(MailText.read(subject, reply_text, footer_text, sender), signals)


def instalment_offer_wording(text: str) -> list[str]:
    """The sentences of a text (unfolded input: an attachment's) that offer or grant instalments."""
    return cues.instalment_offers(fold(text))


def is_bounce(subject: str | None) -> bool:
    """The subject is a mail server's report that a message was not delivered."""
    return bool(subject) and words.BOUNCE_SUBJECT.search(fold(subject or "")) is not None


def assignment_wording(reply_text: str) -> list[str]:
    """The sentences of a reply (unfolded input) saying the claim was sold or assigned."""
    return cues.assignment(fold(reply_text))


def account_settled_wording(reply_text: str) -> list[str]:
    """The phrases of a reply (unfolded input) saying the whole account is settled ("keine Forderungen mehr")."""
    return cues.settled_account(fold(reply_text))


def settled_claim_wording(reply_text: str, total_raw: str) -> list[str]:
    """The settled phrases of a reply (unfolded input) about the claim itself or the total's own figure."""
    return cues.settled_claim(reply_text, total_raw)
