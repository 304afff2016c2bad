"""extraction/intent.py — classify the reply; invariant: every intent comes with the reasons that decided it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.services.extraction.labels import fold
from app.services.extraction.result import Intent


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.MULTILINE)


_SUBJECT_TAGS = re.compile(r"^(?:\s*\[[^\]]*\]\s*)+")
# A leading bracket tag a mail system adds to automatic answers ("[Auto-Reply]", "[Abwesenheit]").
_AUTO_TAG = re.compile(r"\[\s*(?:auto\w*|abwesen\w*|ooo|out of (?:the )?office|automatische \w+)[^\]]*\]")
AUTO_SUBJECT = _rx(
    r"^(?:automatische antwort|automatic reply|auto(?:matic)?[- ]?(?:reply|antwort|response)|autoreply"
    r"|abwesenheit\w*|out of (?:the )?office|ausser haus|nicht im (?:buero|hause)|eingangsbestaetigung"
    r"|empfangsbestaetigung|lesebestaetigung|zustellbestaetigung|ihre (?:nachricht|anfrage|e-mail|email) "
    r"(?:ist |wurde )?(?:bei uns )?(?:eingegangen|erhalten)|wir haben ihre (?:nachricht|anfrage|e-mail) erhalten"
    r"|ticket (?:erstellt|eroeffnet|angelegt)|request received|undeliverable|unzustellbar)"
)
AUTO_BODY = _rx(
    r"automatisch (?:erstellt|erzeugt|generiert|versandt|versendet)\w*|automatische (?:antwort|nachricht"
    r"|eingangsbestaetigung|benachrichtigung)|antworten sie nicht auf diese|nicht auf diese (?:e-?mail|nachricht)"
    r" antworten|do not reply|automated (?:message|reply)|abwesenheitsnotiz|nicht im (?:hause|buero)"
    r"|ausser haus|im urlaub|wird nicht (?:automatisch )?weitergeleitet|ticketnummer|ticket-?nr"
    r"|eingangsbestaetigung|(?:schnellstmoeglich|schnellstens|zeitnah|baldmoeglichst) bearbeitet"
    r"|inhaltliche pruefung|bearbeitungszeit|out of (?:the )?office|wieder erreichbar|wieder im (?:hause|buero)"
    r"|nicht erreichbar|nicht besetzt|urlaubsbedingt|\babwesend\b|elternzeit|currently away|on (?:vacation|leave)"
    r"|annual leave"
)
ACKNOWLEDGEMENT = _rx(
    r"(?:haben|wurde|wird) .{0,50}weitergeleitet|wir melden uns|werden uns .{0,40}melden"
    r"|wird .{0,30}(?:geprueft|bearbeitet)|erhalten sie .{0,40}(?:in kuerze|zeitnah|umgehend)"
)
SETTLED = _rx(
    r"keine (?:weiteren )?offenen (?:forderungen|betraege|posten|rechnungen)|keine (?:weiteren )?forderungen"
    r"(?: mehr)? (?:bestehen|offen|gegen)|forderungen .{0,50}bestehen nicht|(?:konto|kundenkonto|saldo|vorgang"
    r"|forderung|rechnung|angelegenheit|mitgliedskonto|vertragskonto)\w* (?:ist|wurde|sind|wurden) "
    r"(?:\w+ ){0,3}(?:ausgeglichen|beglichen|bezahlt|erledigt|getilgt)|vollstaendig (?:bezahlt|beglichen"
    r"|ausgeglichen|gutgeschrieben|eingegangen|getilgt)|nichts (?:mehr )?offen|kein(?:e|en)? (?:offene[rn]? )?"
    r"(?:saldo|restforderung|rueckstand|rueckstaende)|forderung ist erloschen|vorgang (?:ist )?(?:fuer uns )?"
    r"abgeschlossen|mahnverfahren (?:ist|wurde) (?:\w+ )?eingestellt|erledigt betrachten|betrachten .{0,40}erledigt"
    r"|keine forderung(?:en)? mehr|(?:forderung|betrag|saldo|restbetrag|rest) .{0,40}ausgebucht|keine schulden"
    r"|kein (?:betrag|saldo) (?:mehr )?offen|paid in full|fully paid|no (?:outstanding|open) (?:balance|amount)"
    r"|nothing (?:is )?outstanding|settled in full|(?:account|balance|claim|invoice|debt)\w* (?:is|has been|was"
    r"|have been|were) (?:\w+ ){0,2}(?:settled|paid|cleared)\b|no further (?:claims|amounts?) (?:exist|are|is)"
    r"|(?:konto|kundenkonto|saldo|forderung|vorgang)\w* (?:ist |wurde )?(?:[\w.,-]+ ){0,4}(?:ausgeglichen|erledigt)\b"
    r"|verzichten .{0,60}(?:forderung|restforderung|restbetrag)|(?:forderung|restforderung) .{0,40}erlassen"
)
NEGATED_SETTLED = _rx(
    r"\b(?:nicht|not|never)\s+(?:[\w.,-]+\s+){0,2}(?:bezahlt|beglichen|ausgeglichen|erledigt|getilgt|paid|settled"
    r"|cleared)\b"
)
STRONG_REFUSAL = _rx(
    r"\blehnen .{0,100}\bab\b|\bablehnen\b|\babgelehnt\b|nicht einverstanden|stimmen .{0,80}nicht zu"
    r"|keine zustimmung|widersprechen|zustimmung .{0,40}(?:nicht|verweigert)"
)
DECLINE_INFO = _rx(
    r"keine auskunft|keine auskuenfte|keine (?:angaben|informationen|daten) (?:machen|geben|mitteilen|erteilen)"
    r"|(?:koennen|duerfen) .{0,80}keine (?:auskunft|auskuenfte|angaben|informationen)"
    r"|nicht (?:mehr )?zustaendig|(?:inkasso|rechtsanwa|anwalt|partner|dienstleister|factoring)\w*.{0,80}"
    r"(?:abgegeben|uebergeben|abgetreten|verkauft)|(?:abgegeben|uebergeben|abgetreten|verkauft) .{0,60}"
    r"(?:inkasso|anwalt|rechtsanwa)|(?:verkauft|abgetreten) (?:an|worden)"
)
REFERRAL = _rx(r"wenden sie sich (?:bitte )?(?:direkt |daher |deshalb )?an")
CONDITIONAL = _rx(r"\b(?:wenn|falls|sofern|sobald|vorausgesetzt|gegen zahlung|bei zahlung|nach zahlung|nach eingang)\b")
CONDITION = _rx(r"solange|erst (?:dann|wenn|nach)|sobald|ohne .{0,40}vollmacht")
INQUIRY = _rx(
    r"vollmacht .{0,100}(?:nicht unterzeichnet|nicht unterschrieben|fehlt|vorliegt|zusenden|uebersenden"
    r"|nachreichen|benoetigen|beifuegen|vorlegen)|(?:benoetigen|brauchen) (?:wir )?.{0,60}(?:vollmacht"
    r"|geburtsdatum|anschrift|unterlagen|angaben|nachweis|kopie|kundennummer)|bitte (?:senden|schicken"
    r"|uebersenden|teilen|nennen|uebermitteln|reichen) sie uns|(?:bitten|bitte) (?:wir )?(?:sie )?(?:um|zunaechst um)"
    r" (?:zusendung|uebersendung|mitteilung|angabe|nachreichung|vorlage)|nicht zuordnen|nicht (?:ermitteln|finden)"
    r"|(?:we|will) (?:need|require) .{0,60}(?:power of attorney|authori[sz]ation|date of birth|signed)"
    r"|please (?:send|provide|forward) us"
)
PLAN_TERMS = _rx(
    r"ratenzahlung\w*|ratenplan|ratenvereinbarung|ratenangebot|teilzahlung\w*|monatsraten|monatliche raten"
    r"|raten (?:von|zu|in hoehe|a|à)|tilgungsplan|zahlungsplan|stundung|(?:monatliche[rn]?|eine[rn]?) rate\b"
    r"|instal+ments?|payment plan|monthly (?:payments|rates)"
)
OFFER = _rx(
    r"\boffer\w*|\bagree\w*|\bpropose\w*|\baccept\w*"
    r"|\bbiete\w*|angebot\w*|anbiete\w*|vorschlag|vorschlagen|schlagen .{0,40} vor|einverstanden|gewaehr\w*"
    r"|einraeum\w*|vereinbarung|zustimm\w*|akzeptier\w*|stimmen .{0,60}\bzu\b"
)
ATTACHMENT_STATEMENT = _rx(
    r"(?:anbei|anlage|beigefuegt|angehaengt|im anhang).{0,80}(?:aufstellung|auszug|konto|forderung)"
)
MARKETING = _rx(
    r"newsletter|abbestellen|abmelden|unsubscribe|gewinnspiel|gewonnen|rabatt|sonderangebot|jetzt (?:kaufen"
    r"|bestellen|sichern|anmelden|buchen)|webinar|\bseo\b|kostenlos testen|klicken sie hier|click here|lottery"
    r"|bitcoin|krypto|casino|dating|gutscheincode"
)
DEBT_CONTEXT = _rx(
    r"forderung|mandant|schuldner|glaeubiger|rechnung|kundennummer|vertrag|aktenzeichen|\baz\b|zahlung|inkasso"
    r"|vollmacht|rueckstand|saldo|mahn|offene|kundenkonto|ihr zeichen|betrag|schuld|auskunft|anfrage|schreiben"
    r"|konto|debt|invoice|balance"
)
_REPLY_SUBJECT = re.compile(r"^(?:aw|re|wg|fw|fwd|antw|antwort)\s*:")
_SENTENCES = re.compile(r"(?<=[.!?:])\s+|\n")


@dataclass(frozen=True)
class IntentSignals:
    """What the rest of the extraction already knows when the intent is decided."""

    has_positive_total: bool
    has_zero_total: bool
    total_is_fallback: bool
    instalment_amounts: int
    has_reference: bool
    attachments_read: int
    has_claim_amounts: bool = False
    amounts_in_reply: int = 0


@dataclass(frozen=True)
class IntentDecision:
    intent: Intent
    reasons: tuple[str, ...]
    confidence: float


def _hits(pattern: re.Pattern[str], text: str, limit: int = 3) -> list[str]:
    return [match.group(0).strip() for match in pattern.finditer(text)][:limit]


def _quote(hits: list[str]) -> str:
    return ", ".join(f'"{hit}"' for hit in hits)


def _plan_hits(reply: str, subject: str) -> list[str]:
    """An instalment offer in the reply itself; a plan word in the subject only backs one up (a thread
    about a plan goes on with payment reports that are no new offer)."""
    hits = [sentence.strip()[:80] for sentence in _SENTENCES.split(reply)
            if PLAN_TERMS.search(sentence) and OFFER.search(sentence)]
    if not hits:
        return []
    return [f"subject: {hit}" for hit in _hits(PLAN_TERMS, subject, 1)] + hits


def _settled_hits(reply: str) -> list[str]:
    """Settled wording, except in conditional sentences ("… erledigt, sofern Sie zahlen") and negated
    ones ("… wurde bisher nicht bezahlt")."""
    hits: list[str] = []
    for sentence in _SENTENCES.split(reply):
        if not CONDITIONAL.search(sentence):
            hits.extend(hit for hit in _hits(SETTLED, sentence) if not NEGATED_SETTLED.search(hit))
    return hits[:3]


def settled_wording(reply_text: str) -> list[str]:
    """The settled phrases of a reply (unfolded input), outside conditional sentences."""
    return _settled_hits(fold(reply_text))


def _early(subject: str, reply: str, signals: IntentSignals) -> IntentDecision | None:
    """Auto-replies by subject, marketing spam, settled accounts and explicit refusals."""
    auto_subject = _hits(AUTO_SUBJECT, subject, 1)
    if auto_subject:
        return IntentDecision("auto_reply", (f"subject starts with {_quote(auto_subject)}",), 0.95)
    marketing = _hits(MARKETING, reply + "\n" + subject)
    if marketing and not signals.has_reference and (
        not _REPLY_SUBJECT.match(subject) or (not signals.has_positive_total and len(_hits(DEBT_CONTEXT, reply, 5)) < 2)
    ):
        return IntentDecision("spam", (f"marketing words {_quote(marketing)}", "no reference to any case"), 0.8)
    settled = _settled_hits(reply)
    if (settled or signals.has_zero_total) and not signals.has_positive_total:
        reasons = [f"settled wording {_quote(settled)}"] if settled else []
        if signals.has_zero_total:
            reasons.append("balance stated as 0,00")
        return IntentDecision("settled", tuple(reasons), 0.9 if settled else 0.7)
    refusal = _hits(STRONG_REFUSAL, reply)
    if refusal:
        return IntentDecision("rejection", (f"refusal wording {_quote(refusal)}",), 0.8)
    return None


def _without_total(subject: str, reply: str, signals: IntentSignals) -> IntentDecision:
    """Rules for a reply that states no current total."""
    declined = _hits(DECLINE_INFO, reply)
    if declined and not CONDITION.search(reply):
        return IntentDecision("rejection", (f"declines to give figures: {_quote(declined)}",), 0.8)
    if declined and "vollmacht" in reply:
        reason = f"gives figures only once a power of attorney is there: {_quote(declined)}"
        return IntentDecision("inquiry", (reason,), 0.7)
    asks = _hits(INQUIRY, reply)
    if asks:
        return IntentDecision("inquiry", (f"asks the firm for something: {_quote(asks)}", "no amount stated"), 0.8)
    if declined or _hits(REFERRAL, reply):
        reasons = declined or _hits(REFERRAL, reply)
        return IntentDecision("rejection", (f"declines or refers elsewhere: {_quote(reasons)}",), 0.6)
    auto_body = _hits(AUTO_BODY, reply) + _hits(ACKNOWLEDGEMENT, reply)
    if auto_body:
        return IntentDecision("auto_reply", (f"automatic/acknowledgement wording {_quote(auto_body)}",), 0.75)
    if signals.has_claim_amounts:
        return IntentDecision("debt_statement", ("claim amounts stated without a total",), 0.6)
    if ATTACHMENT_STATEMENT.search(reply) or signals.attachments_read:
        return IntentDecision("debt_statement", ("statement announced in an attachment, but no total found",), 0.4)
    if (not signals.has_reference and not signals.amounts_in_reply and not _REPLY_SUBJECT.match(subject)
            and not DEBT_CONTEXT.search(reply + subject)):
        return IntentDecision("spam", ("not a reply, no reference and no debt wording",), 0.6)
    return IntentDecision("inquiry", ("no amount and no other signal; treated as an open question",), 0.3)


def classify_intent(subject: str | None, reply_text: str, signals: IntentSignals) -> IntentDecision:
    """Decide the intent from the subject, the reply (never the quoted history) and what the
    amount stage found; rules are tried in a fixed order and the first that fits wins."""
    tags = _SUBJECT_TAGS.match(fold(subject or ""))
    if tags and _AUTO_TAG.search(tags.group(0)):
        return IntentDecision("auto_reply", (f"subject tag {tags.group(0).strip()!r}",), 0.95)
    subject_f = fold(_SUBJECT_TAGS.sub("", subject or "").strip())
    reply = fold(reply_text)
    early = _early(subject_f, reply, signals)
    if early is not None:
        return early
    plan = _plan_hits(reply, subject_f)
    if plan and (signals.has_positive_total or signals.instalment_amounts):
        reasons = [f"instalment offer: {_quote(plan[:2])}"]
        if signals.instalment_amounts:
            reasons.append(f"{signals.instalment_amounts} instalment amount(s) set aside")
        return IntentDecision("payment_plan", tuple(reasons), 0.85)
    if signals.has_positive_total:
        detail = " (no total label; single claim amount)" if signals.total_is_fallback else ""
        reasons = ["a current total is stated" + detail]
        return IntentDecision("debt_statement", tuple(reasons), 0.6 if signals.total_is_fallback else 0.9)
    return _without_total(subject_f, reply, signals)
