"""extraction/intent_cues.py — find the intent cues in one mail's text; invariant: every cue is quoted from the text.

Single cues are looked up in the vocabulary; where a cue only counts together with another one in the
same sentence (an instalment word and an offer, a request word and what is asked for), or not in a
conditional or negated sentence, that combination is made here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from app.services.extraction.vocabulary import intent as words
from app.services.extraction.vocabulary import requests as asks
from app.services.textfold import fold

_LEADING_TAGS = re.compile(r"^(?:\s*\[[^\]]*\]\s*)+")
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n")
# A period after a short form ("§ 19 Abs. 5 StromGVV", "Nr. 3", "gem. Vertrag", "i. A.") ends no sentence.
_SHORT_FORM_END = re.compile(
    r"(?:^|[\s(§/])(?:abs|nr|art|ziff|bzw|ca|vgl|gem|inkl|zzgl|abzgl|ggf|evtl|lt|geb|str|tel|az|aktz|kd|rg|pos|mtl"
    r"|incl|bzgl|einschl|dr|hr|fr|prof|[a-zäöü])\.$", re.IGNORECASE)
_SHORT_FORM_REACH = 12
# A yearless date's or an ordinal's dot before a small word or a month runs on: "am 04.02. erhalten", "am 12. März
# bezahlt" (a sentence begins with a capital, a month's name is none). Folded text has no capitals left, so there
# such a dot never ends a sentence.
_YEARLESS_DATE_END = re.compile(r"(?:^|[^\d.,])(?:0?[1-9]|[12]\d|3[01])\.(?:(?:0?[1-9]|1[0-2])\.)?$")
_SMALL_WORD_OR_MONTH = re.compile(r"\s+(?:(?-i:[a-zäöüß])|(?:januar|jänner|februar|märz|maerz|april|mai|juni|juli"
                                  r"|august|september|oktober|november|dezember)\b)", re.IGNORECASE)
_REPLY_SUBJECT = re.compile(r"^(?:aw|re|wg|fw|fwd|antw|antwort)\s*:")
_ENDS_SENTENCE = re.compile(r"[.!?:;]$")
_TABULAR = re.compile(r"\||\t| {3,}|^\s*(?:[-*•>]|\d+[.)]\s)")


@dataclass(frozen=True)
class MailText:
    """The folded text the intent is read from: subject (leading "[…]" tags apart), the new reply, its
    footer/signature (where automatic notes and unsubscribe lines stand) and the sender cues."""

    subject: str
    tags: str
    reply: str
    footer: str = ""
    sender: tuple[str, ...] = ()

    @classmethod
    def read(cls, subject: str | None, reply_text: str, footer_text: str = "", sender: tuple[str, ...] = ()
             ) -> MailText:
        folded = fold(subject or "").strip()
        tags = _LEADING_TAGS.match(folded)
        return cls(
            subject=folded[tags.end():].strip() if tags else folded,
            tags=tags.group(0).strip() if tags else "",
            reply=fold(reply_text),
            footer=fold(footer_text),
            sender=sender,
        )

    @property
    def is_reply(self) -> bool:
        return bool(_REPLY_SUBJECT.match(self.subject))


def hits(pattern: re.Pattern[str], text: str, limit: int = 3) -> list[str]:
    """The first `limit` matches, whitespace collapsed, for quoting in a reason (the scan stops there)."""
    return [" ".join(match.group(0).split()) for match in islice(pattern.finditer(text), limit)]


# The rules read one reply's sentences and settled wording several times; these small caches keep the
# last few replies' results (pure functions of the text: a hit is always the same answer). One email reads
# one reply, so a few entries serve a worker's threads; few, because a reply may be long.
@lru_cache(maxsize=4)
def _sentences(text: str) -> tuple[str, ...]:
    text = unwrap(text)
    pieces: list[str] = []
    start = 0
    for mark in _SENTENCES.finditer(text):
        if "\n" not in mark.group(0) and (
                _SHORT_FORM_END.search(text, max(0, mark.start() - _SHORT_FORM_REACH), mark.start())
                or (_SMALL_WORD_OR_MONTH.match(text, mark.start())
                    and _YEARLESS_DATE_END.search(text, max(0, mark.start() - 7), mark.start()))):
            continue
        pieces.append(text[start:mark.start()])
        start = mark.end()
    pieces.append(text[start:])
    return tuple(sentence.strip() for sentence in pieces if sentence.strip())


def _wraps(line: str, following: str) -> bool:
    """Whether a line break is only the mail's hard wrap inside a sentence: the line stops without a sentence
    mark and the sentence plainly runs on (it ends in a small word or a comma, or the next line starts small).
    Table rows and list items (cells, tabs, column gaps, bullets) are never joined."""
    end, start = line.rstrip(), following.lstrip()
    if not end or not start or _ENDS_SENTENCE.search(end) or _TABULAR.search(line) or _TABULAR.search(following):
        return False
    if not (start[0].isalnum() or start[0] in "(€"):
        return False
    return end[-1] == "," or end[-1].islower() or start[0].islower()


def unwrap(text: str) -> str:
    """The text with hard-wrapped sentences joined back into one line each ("… keine\nBeträge offen.")."""
    lines = text.split("\n")
    joined = [lines[0]]
    for line in lines[1:]:
        if _wraps(joined[-1], line):
            joined[-1] = f"{joined[-1].rstrip()} {line.lstrip()}"
        else:
            joined.append(line)
    return "\n".join(joined)


def sentences(text: str) -> list[str]:
    return list(_sentences(text))


def _words_before(sentence: str, start: int, count: int = 3) -> str:
    return " ".join(sentence[:start].split()[-count:])


# A wording whose own last words are "nicht (mehr)" ("Eine Forderung … besteht nicht mehr"): that negation is what
# it says, not one that takes it back.
_OWN_NEGATION = re.compile(r"\s*\bnicht(?: mehr)?$")
# A settling act the writer refuses to do ("ist nicht bereit, auf ihre Forderung vollständig zu verzichten"): the
# refusal governs the infinitive a few words on.
_UNWILLING = re.compile(r"\b(?:nicht|keinesfalls|keineswegs) (?:\S+ ){0,2}?(?:bereit|gewillt|willens|in der lage)\b")
_UNWILLING_REACH = 8


def _negated(match: re.Match[str], sentence: str, negation: re.Pattern[str]) -> bool:
    """A negation word precedes the match closely or interrupts it ("nicht beglichen", "noch nicht ausgeglichen")."""
    inside = _OWN_NEGATION.sub("", match.group(0))
    return bool(negation.search(_words_before(sentence, match.start())) or negation.search(inside)
                or words.REFUSED_AFTER.match(sentence[match.end():])
                or _UNWILLING.search(_words_before(sentence, match.start(), _UNWILLING_REACH)))


@lru_cache(maxsize=8)
def _affirmed(pattern: re.Pattern[str], text: str, negation: re.Pattern[str],
              limited: re.Pattern[str] | None = None) -> tuple[str, ...]:
    """Matches outside conditional sentences (and sentences `limited` finds a limit in) that no negation word
    precedes or interrupts."""
    found: list[str] = []
    for sentence in _sentences(text):
        # A sentence without the wording adds nothing either way: only one with it is read for a condition.
        if pattern.search(sentence) is None or words.CONDITIONAL.search(sentence) or (
                limited is not None and limited.search(sentence)):
            continue
        for match in pattern.finditer(sentence):
            if _negated(match, sentence, negation):
                continue
            found.append(" ".join(match.group(0).split()))
    return tuple(found[:3])


def settled_account(reply: str) -> list[str]:
    """Wording that the whole account is settled."""
    return list(_affirmed(words.SETTLED_ACCOUNT, reply, words.SETTLED_NEGATION, words.LIMITED_SCOPE))


def settled_any(reply: str) -> list[str]:
    """Any settled wording: the whole account, or a payment that settled something."""
    return (settled_account(reply) + list(_affirmed(words.SETTLED_PAYMENT, reply, words.SETTLED_NEGATION)))[:3]


def settled_claim(reply: str, total_raw: str) -> list[str]:
    """Settled wording about the claim itself (`reply` unfolded): the whole account, or a payment in a sentence
    that names the claim or account or states the total's own figure. A paid item beside an open total ("Der
    Beitrag für 01/2027 ist beglichen"), another claim than this one ("Die ältere Forderung … wurde beglichen") and
    how to pay ("kann … überwiesen und beglichen werden") say nothing about the total; nor does "Weitere Forderungen
    bestehen nicht" under it (nothing beyond the total is owed)."""
    folded = fold(reply)
    spaced = " ".join(folded.split())  # the cues come with their spaces collapsed
    found = [cue for cue in settled_account(folded) if not _beyond_the_stated(cue, spaced)]
    # Sentences are cut on the unfolded text: a line that starts with a capital starts a sentence of its own.
    for sentence in map(fold, _sentences(reply)):
        if not words.SETTLED_PAYMENT.search(sentence) or words.CONDITIONAL.search(sentence) \
                or words.OUTSIDE_THE_CLAIM.search(sentence):
            continue
        if not (words.CLAIM_SUBJECT.search(sentence) or total_raw in sentence) or (
                words.OTHER_CLAIM.search(sentence) and total_raw not in sentence):
            continue
        for match in words.SETTLED_PAYMENT.finditer(sentence):
            if (_negated(match, sentence, words.SETTLED_NEGATION)
                    or words.INFINITIVE_AFTER.match(sentence[match.end():])):
                continue
            found.append(" ".join(match.group(0).split()))
    return found[:3]


def _beyond_the_stated(cue: str, spaced: str) -> bool:
    """The settled wording denies only claims beyond the one stated ("keine weiteren Forderungen", "Weitere
    Forderungen bestehen nicht"); `spaced` is the folded reply with its spaces collapsed."""
    return "weiter" in cue or re.search(rf"\bweitere\w*\s+{re.escape(cue)}", spaced) is not None


def open_remainder(reply: str) -> list[str]:
    """A remainder still named as open ("Restforderung", "noch offen"), unless denied ("keine Restforderung"), paid
    since ("den Restbetrag … hat sie am 12.02. überwiesen") or paid out to the debtor ("den verbleibenden Betrag … auf
    ihr Konto überwiesen")."""
    found: list[str] = []
    for sentence in _sentences(reply):
        if words.REMAINDER_PAID_OUT.search(sentence):
            continue
        for match in words.OPEN_REMAINDER.finditer(sentence):
            if not words.REMAINDER_NEGATION.search(_words_before(sentence, match.start(), 2)) \
                    and not _paid_in_its_clause(sentence, match.end()):
                found.append(match.group(0))
    return found[:3]


def _paid_in_its_clause(sentence: str, end: int) -> bool:
    """The remainder's own clause says it was paid ("den Restbetrag … hat sie am 12.02. überwiesen"), with no
    negation right before the verb ("ist noch nicht bezahlt")."""
    clause = _CLAUSE_END.split(sentence[end:], 1)[0]
    return any(not words.REMAINDER_NEGATION.search(before := _words_before(clause, paid.start(), 2))
               and "noch" not in before.split() for paid in words.REMAINDER_PAID.finditer(clause))


_CLAUSE_END = re.compile(r";|,\s|\s[–-]\s")


def assignment(reply: str) -> list[str]:
    """Sentences saying the claim was sold or assigned ("an uns abgetreten", "Forderungskauf", "neue Gläubigerin")."""
    return [sentence[:90] for sentence in _sentences(reply)
            if asks.ASSIGNMENT_NOUN.search(sentence)
            or ((verb := asks.ASSIGNMENT_VERB.search(sentence)) and asks.CLAIM_NOUN.search(sentence)
                and not _NOT_ASSIGNED.search(sentence[:verb.start()]))][:2]


# "Die Forderung ist nicht an Dritte abgetreten", "wurde weder verkauft noch abgetreten": the creditor keeps it.
_NOT_ASSIGNED = re.compile(r"\b(?:nicht|weder|nie|keineswegs|not|never)\b(?:\s+\S+){0,3}?\s*$")


def instalment_offers(reply: str) -> list[str]:
    """Sentences that offer or grant instalments (not ones about a plan that ended or is not offered, nor ones
    that leave the proposal to the firm)."""
    sentences = _sentences(reply)
    found = [sentence[:90] for sentence in sentences if _offers_instalments(sentence, sentence)]
    # An offer that opens with a colon and lists its instalments after it ("… können wir ihr Folgendes anbieten:" /
    # "5 Monatsraten zu je 120,00 EUR …"), also as the second or third of the ways it lists ("bieten wir zwei Wege
    # an:" / "1. Einmalzahlung …" / "2. Ratenzahlung: 29 Monatsraten …"), or announces them ("schlagen folgende
    # Vereinbarung vor." above the arrears and "Tilgung in elf Monatsraten zu je 130,00 €").
    found += [f"{opening[:60]} {listed[:30]}" for index, opening in enumerate(sentences)
              if opening.rstrip().endswith(":") or words.ANNOUNCES_TERMS.search(opening)
              for listed in sentences[index + 1:index + 1 + _LISTED_SENTENCES]
              if _offers_instalments(opening, listed) and not words.PLAN_OVER.search(listed)]
    return found[:2]


# How far a list opened by a colon reaches, in the splitter's sentences (an item's number and its wrapped lines
# count as sentences of their own).
_LISTED_SENTENCES = 8


_DIGIT = re.compile(r"\d")


def _own_terms(instalments: str) -> str:
    """What of `instalments` could be the creditor's own terms: without an aside in brackets, a condition that the
    running payments go on ("sofern die laufenden Abschläge (Strom 64,00 EUR …) gezahlt werden") and a minimum
    rate named as a rule ("ab einer Monatsrate von 30,00 €", "a minimum of € 20 per month")."""
    for aside in (words.BRACKETED_ASIDE, words.IF_RUNNING_PAYMENTS, words.MINIMUM_RATE, _PHONE_NUMBER):
        instalments = aside.sub(" ", instalments)
    return instalments


# A phone number to call about it ("… kann uns gerne unter 06093 555-7700 wegen einer Ratenzahlung anrufen") names no
# term.
_PHONE_NUMBER = re.compile(r"(?<![\d,.])(?:\+49\s?|0)\d{2,5}(?:[ /-]?\d{2,}){1,3}(?![\d,.])")


def _offers_instalments(offer: str, instalments: str) -> bool:
    """`offer` offers what `instalments` names as instalments (the same sentence, or a list after it)."""
    in_principle = words.PLAN_IN_PRINCIPLE.search(offer) and not _DIGIT.search(_own_terms(instalments))
    return bool(words.INSTALMENT.search(instalments) and words.OFFER.search(offer) and not in_principle
                and not words.PLAN_OVER.search(_REASON_FIRST.sub(" ", offer))
                and not words.PLAN_INVITED.search(offer))


# A reason put first ("Da eine Aufrechnung mit laufendem Kindergeld nicht möglich ist, bieten wir … Raten … an"): what
# it says is impossible is something else than the instalments the main clause offers.
# (also the debtor's circumstance a condition puts first: "Sofern Ihr Mandant die bisherige Rate nicht mehr aufbringen
# kann, bieten wir an, die Rate … auf 75,00 € herabzusetzen")
_REASON_FIRST = re.compile(r"^\W*(?:da|weil|nachdem|zumal|sofern|soweit|falls|wenn) [^,;.]{0,160},")


def refusals(reply: str) -> list[str]:
    """Refusals outside conditional sentences ("falls Sie ablehnen" refuses nothing) that no negation word right
    before takes back ("stehe ich nicht grundsätzlich ablehnend gegenüber") and that are no ticket's status nor a
    third party's refusal to pay ("die Krankenkasse hat die Kostenübernahme abgelehnt")."""
    found: list[str] = []
    for sentence in _sentences(reply):
        set_aside = [match.span() for pattern in (words.RECORD_STATUS, words.STATUS_FIELD, words.COVER_REFUSED)
                     for match in pattern.finditer(sentence)]
        refused = [" ".join(match.group(0).split()) for match in words.REFUSAL.finditer(sentence)
                   if not words.REFUSAL_NEGATION.search(_words_before(sentence, match.start()))
                   and not words.LEAVES_UNTOUCHED.search(_words_before(sentence, match.start(), 3))
                   and not any(start <= match.start() < end for start, end in set_aside)]
        if refused and not words.CONDITIONAL.search(sentence):  # a condition is looked for only beside a refusal
            found += refused
    return found[:3]


def requests(reply: str) -> list[str]:
    """Sentences that ask the firm for something, or say that something it sent is lacking."""
    found: list[str] = []
    for sentence in _sentences(reply):
        if asks.NOT_A_REQUEST.search(sentence):
            continue
        direct = asks.REQUEST_DIRECT.search(sentence)
        if direct or (asks.REQUEST_VERB.search(sentence) and asks.REQUEST_OBJECT.search(sentence)):
            found.append(sentence[:90])
    return (found + hits(asks.MISSING, reply))[:3]


def only_with(reply: str) -> list[str]:
    """Sentences that make the figures wait for a document or a datum ("ohne Vollmacht keine Auskunft")."""
    return [sentence[:90] for sentence in _sentences(reply)
            if asks.CONDITION.search(sentence) and asks.REQUEST_OBJECT.search(sentence)
            and not asks.VALID_UNSIGNED.search(sentence)][:2]
