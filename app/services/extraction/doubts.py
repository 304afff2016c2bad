"""extraction/doubts.py — what keeps a chosen total from being written alone, read off the reply around it: more
than one account, creditor or person; a dispute; parts left out, added in words or to follow; a pending credit; a
deposit among the rows; a garbled figure; settled wording; a subject that names another figure."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from itertools import islice

from app.services import money
from app.services.attachments.result import AttachmentText
from app.services.extraction.amounts import (
    EXCLUDED_REASON,
    OTHER_VALUE_REASON,
    PAID_REASON,
    SUPERSEDED_REASON,
    Candidate,
    collect_amounts,
)
from app.services.extraction.arithmetic import order_key
from app.services.extraction.columns import CELL_SEPARATOR, cells
from app.services.extraction.intent import (
    account_settled_wording,
    instalment_offer_wording,
    settled_claim_wording,
)
from app.services.extraction.labels import fold, is_weak_balance
from app.services.extraction.lines import SourceLine
from app.services.extraction.listed_rows import rows_above
from app.services.extraction.numbers import find_money
from app.services.extraction.result import ReferenceFound
from app.services.extraction.totals import TotalDecision, usable
from app.services.extraction.vocabulary.amounts import (
    ACCOUNT_COLUMN,
    ADDED_CUE,
    ANSWER_FOR_TWO,
    BLANK_TOTAL_FIELD,
    COMPANY_DEBTOR,
    CORRECTION_SUBJECT,
    CREDITOR_NAMED,
    CURRENT_CUE,
    DAMAGES_TO_COME,
    DEPOSIT_ROW,
    DISPUTED,
    EARLIER_ANSWER_WITHDRAWN,
    EARLIER_STATEMENT_CORRECTED,
    FIELD_FOR_FIGURE,
    FIGURE_CONFIRMED,
    FIGURE_LEFT_TO_FIRM,
    FIRMS_FIGURE_LEAD,
    FROM_NOW_ON,
    FURTHER_BILL,
    GARNISHEE,
    GUARANTOR,
    HANDED_TO_COLLECTOR,
    IDENTITY_UNSURE,
    INTEREST_NOT_COMPUTED,
    JOINT_DEBT,
    MAY_CHANGE,
    MISGROUPED_NUMBER,
    MORE_THAN_ONE_ACCOUNT,
    NOT_IN_THE_LETTER,
    NOT_YET_INCLUDED,
    PARTS_LEFT_OUT,
    PARTS_TO_FOLLOW,
    PAYMENTS_AGREED,
    PENDING_CREDIT,
    PERSON_ROW,
    PROVISIONAL,
    SETTLEMENT_SUM,
    SEVERAL_ACCOUNTS,
    STILL_CHECKED,
    UNCOMPUTED_ADDITION,
    WRITER_KIN,
)
from app.services.extraction.vocabulary.requests import DECLINE

# The collector's mandate taken back ("Den Auftrag haben wir zum 31.05. zurückgenommen; das Konto wird seitdem wieder
# von uns selbst geführt"): the creditor's figure is the whole claim again.
_HANDED_BACK = re.compile(r"\b(?:auftrag|mandat)\w* (?:\S+ ){0,6}?(?:zurueckgenommen|zurueckgezogen|entzogen|beendet)\b"
                          r"|\bwieder von uns selbst\b")
_NOT_BEFORE = re.compile(r"\b(?:nicht|nie|kein\w*|not|never)\s+$")
# A complaint the creditor met by taking the item out, the rest expressly undisputed ("… nimmt diese Position aus der
# Forderung heraus. Im Übrigen ist die Forderung unbestritten."): no dispute about the figure left.
_REST_UNDISPUTED = re.compile(r"\b(?:im uebrigen|ansonsten|darueber hinaus|im rest)\b(?:\W+\w+){0,5}?\W+unbestritten\b")


def _closes_everything(decision: TotalDecision, candidates: list[Candidate]) -> bool:
    """The total adds up what is listed with it and no accepted amount of its source follows it: a grand total
    over whatever accounts the reply lists ("Kundenkonto A … Kundenkonto B … Gesamtforderung 1.512,90 €")."""
    total = decision.total
    assert total is not None
    after = [c for c in usable(candidates) if c.line.source == total.line.source and order_key(c) > order_key(total)]
    return decision.sums_what_it_lists and not after


_DIGIT_OR_LETTER = re.compile(r"[^\W_]")


def _numbered_alike(references: Sequence[ReferenceFound]) -> bool:
    """The creditor's own text names two different numbers of one kind and shape ("Vertragskonto 3318 604 219" and
    "Vertragskonto 3318 604 220")."""
    seen: dict[tuple[str, str], set[str]] = {}
    for found in references:
        if found.owner == "creditor" and found.evidence.part in ("reply", "attachment"):
            shape = _DIGIT_OR_LETTER.sub(lambda m: "9" if m.group(0).isdigit() else "A", found.value)
            seen.setdefault((found.kind, shape), set()).add(found.value)
    return any(len(values) > 1 for values in seen.values())


# A joint debt whose split between the debtors the text goes into ("… entfiele auf Herrn F. ein Anteil von rund
# 1.960,00 €", "Aufteilung der Gesamtschuld"): which figure is the client's is a human's call. (Named only as who is
# liable, "beide haften als Gesamtschuldnerinnen", it leaves the whole to the client's record.)
_SHARE_OF_JOINT = re.compile(r"\banteil\w*|\baufteil\w*|\baufgeteilt")


def total_doubts(decision: TotalDecision, reply_text: str, candidates: list[Candidate],
                 references: Sequence[ReferenceFound] = ()) -> list[str]:
    """Doubts about a chosen total that its label and the rest of the reply raise; `references` are the ones the
    mail names."""
    total = decision.total
    if total is None:
        return []
    doubts: list[str] = []
    if total.label == "balance" and is_weak_balance(total.label_text) and not decision.consistent:
        doubts.append(f"total named only by the generic word '{total.label_text}'")
    folded = fold(reply_text)
    if (accounts := MORE_THAN_ONE_ACCOUNT.search(folded)) and not _closes_everything(decision, candidates):
        doubts.append(f"the reply speaks of more than one account or claim, and the total is not their sum: "
                      f"'{accounts.group(0)}'")
    if accounts and len(decision.wholes_summed) > 1:
        # "Forderung Ratenkredit 6.312,85 / Saldo Girokonto 1.207,33 / Gesamtengagement 7.520,18": the firm asked
        # about one of them; which one it is, a human sees from the letter.
        named = "; ".join(money.format_eur(c.value) for c in decision.wholes_summed)
        doubts.append(f"the total adds up the claims of several accounts or files ({named}): '{accounts.group(0)}'")
    elif _closes_everything(decision, candidates) and (
            ((several := SEVERAL_ACCOUNTS.search(folded)) and _numbered_alike(references))
            or (several := FURTHER_BILL.search(folded))):
        # "Vertragskonto 3318 604 219 (Strom) … = 909,48 / Vertragskonto 3318 604 220 (Erdgas) 211,40 / Insgesamt
        # 1.120,88": a grand total over accounts numbered alike, one of them without a subtotal of its own, where the
        # firm's reference names one of them; or over a bill added in passing. (A grand total over accounts of
        # different kinds under one customer number is the claim the firm asked about.)
        doubts.append(f"the total adds up what the reply lists for several accounts, contracts or bills: "
                      f"'{several.group(0)}'")
    if guarantee := GUARANTOR.search(folded):
        doubts.append(f"the client answers for another's debt as guarantor: '{guarantee.group(0)}'")
    if agreed := PAYMENTS_AGREED.search(folded):
        doubts.append(f"the reply reports monthly payments agreed with the debtor: '{agreed.group(0)[:60]}'")
    if both := ANSWER_FOR_TWO.search(folded):
        doubts.append(f"the reply answers the firm's letters for two people at once: '{both.group(0)[:60]}'")
    if (joint := JOINT_DEBT.search(folded)) and _SHARE_OF_JOINT.search(folded):
        doubts.append(f"the claim is owed jointly with someone else: '{joint.group(0)}'")
    if unasked := NOT_IN_THE_LETTER.search(folded):
        doubts.append(f"the reply counts a claim the firm's letter did not name: '{unasked.group(0)[:60]}'")
    if len(people := {found.group(1).strip() for found in PERSON_ROW.finditer(folded)}) > 1:
        doubts.append(f"the reply lists claims of more than one person: {', '.join(sorted(people))}")
    if len(creditors := {found.group(1) for found in CREDITOR_NAMED.finditer(folded)}) > 1:
        doubts.append(f"the reply lists claims of more than one creditor: {', '.join(sorted(creditors))}")
    if pending := PENDING_CREDIT.search(folded):
        doubts.append(f"a payment, credit or correction is still to be booked: '{pending.group(0)[:60]}'")
    if deposits := [row for row in rows_above(total, candidates) if DEPOSIT_ROW.search(fold(row.line.text))]:
        doubts.append(f"the total includes a deposit that is paid back: {money.format_eur(deposits[0].value)}")
    if other_current := _another_current_figure(total, candidates):
        doubts.append(f"the reply also calls {money.format_eur(other_current.value)} the current figure")
    if provisional := PROVISIONAL.search(folded):
        doubts.append(f"the creditor calls its figure provisional: '{provisional.group(0)}'")
    if changes := MAY_CHANGE.search(folded):
        doubts.append(f"the creditor says its figure may still change: '{changes.group(0)[-60:]}'")
    if checked := STILL_CHECKED.search(folded):
        doubts.append(f"whether a part of the claim stands is still being checked: '{checked.group(0)[:60]}'")
    if unsure := IDENTITY_UNSURE.search(folded):
        doubts.append(f"the creditor is not sure the figures are the client's: '{unsure.group(0)[:60]}'")
    if later := UNCOMPUTED_ADDITION.search(folded):
        doubts.append(f"more is added to the total that is not worked out yet: '{later.group(0)[:60]}'")
    if garnishee := GARNISHEE.search(folded):
        doubts.append(f"the creditor writes as garnishee about another creditor's order: '{garnishee.group(0)[:60]}'")
    if (handed := HANDED_TO_COLLECTOR.search(folded)) and not _HANDED_BACK.search(folded):
        doubts.append(f"the creditor has handed the claim to a collector, whose costs its figure leaves out: "
                      f"'{handed.group(0)[:60]}'")
    if (not_yet := NOT_YET_INCLUDED.search(folded)) and DAMAGES_TO_COME.search(folded):
        doubts.append(f"the reply names damages for the contract's rest not yet in the total: "
                      f"'{not_yet.group(0)[:60]}'")
    if declined := DECLINE.search(folded):
        # A figure beside a refusal to give one ("… über 3.812,40 € abgegeben … können Ihnen keine Aufstellung
        # übersenden") is history or someone else's: what the creditor says it will not state is the current claim.
        doubts.append(f"the reply also declines to state the claim: '{declined.group(0)[:60]}'")
    if kin := WRITER_KIN.search(folded):
        doubts.append(f"the writer names the debtor as a relative, the client's side passing on a letter: "
                      f"'{kin.group(0)}'")
    if company := COMPANY_DEBTOR.search(folded):
        doubts.append(f"the claim may be a company's, not the client's: '{company.group(0)[:60]}'")
    if (disputed := DISPUTED.search(folded)) and not _NOT_BEFORE.search(folded[max(0, disputed.start() - 12):
                                                                                   disputed.start()]) \
            and not _REST_UNDISPUTED.search(folded):
        doubts.append(f"the debtor disputes the claim: '{disputed.group(0)}'")
    if INTEREST_NOT_COMPUTED.match(_words_after(total, reply_text)):
        doubts.append("interest or costs are added to the total in words only, not as a figure")
    if (left_out := PARTS_LEFT_OUT.search(folded)) and not FROM_NOW_ON.search(_sentence_around(folded, left_out)):
        doubts.append(f"the creditor says its figure leaves out interest or costs: '{left_out.group(0)[:60]}'")
    if parts := PARTS_TO_FOLLOW.search(folded):
        doubts.append(f"the creditor will put a figure on further parts later: '{parts.group(0)[:60]}'")
    if blank := BLANK_TOTAL_FIELD.search(folded):
        doubts.append(f"the form's total field is left blank: '{' '.join(blank.group(0).split())}'")
    if field := FIELD_FOR_FIGURE.search(reply_text):
        doubts.append(f"a template field was left unfilled where a figure belongs: '{field.group(0).strip()}'")
    if slip := MISGROUPED_NUMBER.search(reply_text):
        doubts.append(f"a figure is written with its thousands grouped wrong: '{slip.group(0)}'")
    if offer := _settlement_offer(total, candidates, reply_text):
        doubts.append(f"the creditor offers to settle for less: {money.format_eur(offer.value)}")
    if paid_sum := _part_of_a_paid_sum(total, candidates):
        doubts.append(f"the total is one of the items of {money.format_eur(paid_sum.value)}, a sum the reply calls "
                      f"paid")
    if added := _added_after(total, candidates):
        doubts.append(f"an amount is added after the total without a new sum: {money.format_eur(added.value)}")
    if choice := FIGURE_LEFT_TO_FIRM.search(folded):
        doubts.append(f"the creditor asks the firm which figure to file: '{choice.group(0)[:60]}'")
    if misquoted := _confirmed_as_another_figure(total, candidates):
        doubts.append(f"the creditor confirms the firm's figure as {money.format_eur(total.value)}, but the firm's "
                      f"letter quoted below names {money.format_eur(misquoted)}")
    settled = settled_claim_wording(reply_text, total.raw)
    if settled and total.value != 0:
        doubts.append("the reply also says the account is settled: " + ", ".join(settled))
    elif total.line.part == "attachment" and total.value != 0 and (paid := account_settled_wording(reply_text)):
        # the mail's own words say nothing is open any more, and its figure stands only in an enclosed document (a
        # copy of the bill or of an old reminder): which of the two is today's is a human's to read. (A bill of the
        # list said to be paid, "Die Novemberrechnung ist vollständig beglichen", settles only that bill.)
        doubts.append("the mail says nothing is open, and its figure stands only in an attachment: " + ", ".join(paid))
    return doubts


# Words that offer a settlement around a lower sum ("bereit", "begnügen", "abschließend erledigen").
_SETTLING = re.compile(r"\b(?:bereit|angebot|anbiet|begnueg|erledig|abgegolten|abschliess|verzicht|erlass)")


def _settlement_offer(total: Candidate, candidates: list[Candidate], reply_text: str) -> Candidate | None:
    """A lower sum of the creditor's new text that a settlement word names and an offer word offers, beside the claim
    ("ist unsere Mandantin bereit, sich mit einem Vergleichsbetrag von\n950,00 € zu begnügen")."""
    for candidate in candidates:
        if candidate.line.part != "reply" or candidate.reason not in (OTHER_VALUE_REASON, PAID_REASON) \
                or not 0 < candidate.value < total.value:
            continue
        at = reply_text.find(candidate.line.text) + candidate.start
        around = fold(reply_text[max(0, at - 120):at + 120])
        if SETTLEMENT_SUM.search(fold(reply_text[max(0, at - 80):at])) and _SETTLING.search(around):
            return candidate
    return None


def _words_after(total: Candidate, reply_text: str) -> str:
    """What follows the total, folded: the rest of its line, and where only a currency follows it there, the next
    line of the reply that has text ("… 486,20 EUR" / "" / "zzgl. Zinsen … seit dem 01.04.2027 …")."""
    rest = fold(total.line.text[total.start + len(total.raw):])
    if total.line.source != "body" or not _ONLY_A_CURRENCY.match(rest) or (at := reply_text.find(total.line.text)) < 0:
        return rest
    following = next((line for line in reply_text[at + len(total.line.text):].split("\n")[1:_ADDED_LINES + 2]
                      if line.strip()), "")
    return f"{rest} {fold(following)}"


_ONLY_A_CURRENCY = re.compile(r"^\s*(?:€|eur|euro)?\s*$")


# A line or clause right under the total that opens with an addition ("zzgl. Kosten … 128,50 EUR", "+ 12,00 €").
_ADDED_LEAD = re.compile(r"^\s*(?:[,;]\s*)?(?:zzgl\b|zuzueglich\b|plus\b|\+|dazu kommen\b|hinzu kommen\b)")
_ADDED_LINES = 2


def _added_after(total: Candidate, candidates: list[Candidate]) -> Candidate | None:
    """An amount of the sender's text after the total that its own words add to it ("Summe 1.702,35 EUR / zzgl.
    Kosten des gerichtlichen Mahnverfahrens 128,50 EUR") with no sum after it: the claim is more than the total."""
    later = [c for c in usable(candidates) if c.line.source == total.line.source and c.line.part == total.line.part
             and order_key(c) > order_key(total)]
    for candidate in later:
        if (candidate.line.key <= total.line.key + _ADDED_LINES
                and _ADDED_LEAD.match(fold(candidate.line.text[:candidate.start]))
                and not any(c.label in ("total", "balance") and order_key(c) > order_key(candidate) for c in later)):
            return candidate
    return None


def _part_of_a_paid_sum(total: Candidate, candidates: list[Candidate]) -> Candidate | None:
    """A sum on the total's line, read as paid, that the line's figures before it add up to with the total among
    them ("6 fahrstunden offen a 62€ und die anmeldung 145€. zusammen 517,-€" where 517 is read as paid): if the sum
    is paid, so is each of its items; if it is not, the sum is the claim. Either way the item is no safe total."""
    for paid in candidates:
        if paid.reason != PAID_REASON or paid.line != total.line or paid.start <= total.start \
                or paid.value <= total.value:
            continue
        items = [c for c in candidates if c.line == total.line and c.start < paid.start
                 and (not c.rejected or c.count is not None)]
        if sum((c.sum_value for c in items), Decimal(0)) == paid.value:
            return paid
    return None


def _another_current_figure(total: Candidate, candidates: list[Candidate]) -> Candidate | None:
    """Another claim figure of the sender's own text in a sentence that calls it today's and adds nothing to it
    ("der offene Betrag … beträgt derzeit 214,60 EUR" above a table that closes at 229,60 EUR), or a larger figure in
    euro with no label of its own that does so ("- Restbetrag Jahresabrechnung 103,85" in a list, then "Stand heute
    sind das 387,95 Euro")."""
    for candidate in usable(candidates):
        named = candidate.label in ("total", "balance") or (
            candidate.label == "unlabelled" and candidate.has_currency and candidate.value > total.value)
        if candidate.value == total.value or not named \
                or candidate.line == total.line:  # the total's own line: its breakdown or the same sentence
            continue
        lead = fold(candidate.line.text[:candidate.start])
        sentence = lead[max(lead.rfind(mark) for mark in ".;:!?") + 1:] + fold(
            candidate.line.text[candidate.start:])
        if CURRENT_CUE.search(sentence) and not ADDED_CUE.search(sentence):
            return candidate
    return None


# A total stated as of a day ("zum Stichtag 30.09.2026", "Stand 01.03.2027", "per 31.12.2026").
_AS_OF = re.compile(r"\b(?:zum|per|stand|stichtag|bis zum|as of)\s*(?:\S+\s){0,1}?(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
STALE_DAYS = 90


def stale_doubts(decision: TotalDecision, received_on: date | None) -> list[str]:
    """The total is stated as of a day more than STALE_DAYS before the mail came ("Aktueller Saldo zum Stichtag
    30.09.2026" in a mail of October 2027): interest and costs have run on since."""
    total = decision.total
    if total is None or received_on is None:
        return []
    for day in _stated_as_of(total, received_on.year):
        if (received_on - day).days > STALE_DAYS:
            return [f"the total is stated as of {day:%d.%m.%Y}, more than {STALE_DAYS} days before the mail"]
    return []


# A document's own date near its top: "Wispelfelde-Nord, 04.06.2034", "Datum: 04.06.2034", "Stand: 04.06.2034".
_DOCUMENT_DATE = re.compile(r"^\s*(?:[^\W\d][^,:]{0,40},\s*(?:den\s+)?|(?:Datum|Stand|Date)\s*:?\s*)"
                            r"(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$", re.IGNORECASE)
_DOCUMENT_HEAD_LINES = 12
# An attachment this much older than the mail is a statement of back then (a reminder sent months ago).
OLD_DOCUMENT_DAYS = 60


def old_document_doubts(decision: TotalDecision, attachments: Sequence[AttachmentText],
                        received_on: date | None) -> list[str]:
    """The total stands in an attachment dated more than OLD_DOCUMENT_DAYS before the mail ("1. Mahnung …" of 4 June
    sent in September): the creditor sent an old document, and what is owed today may differ."""
    total = decision.total
    if total is None or received_on is None or total.line.part != "attachment":
        return []
    attachment = next((a for a in attachments if a.filename == total.line.source), None)
    if attachment is None or not attachment.segments:
        return []
    head = islice((line for segment in attachment.segments for line in segment.text.split("\n")), _DOCUMENT_HEAD_LINES)
    for line in head:
        if (found := _DOCUMENT_DATE.match(line)) and (day := _day(found, received_on.year)) is not None:
            if (received_on - day).days > OLD_DOCUMENT_DAYS:
                return [f"the attachment {attachment.filename} is dated {day:%d.%m.%Y}, more than "
                        f"{OLD_DOCUMENT_DAYS} days before the mail: its total may not be today's"]
            return []
    return []


def attachment_offer_doubts(attachments: Sequence[AttachmentText]) -> list[str]:
    """An attachment offers instalments ("Angebot einer Ratenzahlung … in 6 Monatsraten") while the mail around it
    only points to it: an offer the client decides on, whatever total it names."""
    for attachment in attachments:
        if attachment.status != "ok" or not attachment.segments:
            continue
        if found := instalment_offer_wording(attachment.text):
            return [f"the attachment {attachment.filename} offers instalments (the client decides): '{found[0][:60]}'"]
    return []


def _stated_as_of(total: Candidate, year: int) -> list[date]:
    """The days the total's line states it as of ("Saldo per 31.03.2028")."""
    return [day for found in _AS_OF.finditer(fold(total.line.text)) if (day := _day(found, year)) is not None]


# An amount that runs on by the day ("0,27 EUR pro Tag", "täglich EUR 0,81", "0.02% per day"), the sentence it
# stands in (a period after a digit ends none: "ab dem 01.03.2027 laufen …"), and the day it runs from.
_BY_THE_DAY = re.compile(r"\b(?:pro|je|per|a)\s+(?:Tag|day)\b|\bt(?:ä|ae)glich|\bdaily\b|\bper diem\b", re.IGNORECASE)
# A title's interest that runs on to the day of payment, not worked out ("zuzüglich Zinsen … seit dem 02.05.2029
# aus 1.420,00 EUR bis zum Tag der Zahlung"): it runs on just as an amount by the day does.
_TO_PAYMENT = re.compile(r"\bbis zu[mr]\s+(?:\S+\s+){0,3}?(?:Zahlung|Zahlungseingang|Erfüllung|Ausgleich|Begleichung)\b"
                         r"|\buntil (?:payment|paid)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<!\d)[.!?](?=\s)|\n\s*\n")
_RUNS_FROM = re.compile(r"\b(?:ab|seit|from|since)\s+(?:dem\s+|the\s+)?(\d{1,2})\.(\d{1,2})\.(\d{4})?", re.IGNORECASE)
RUNNING_DAYS = 2


def _day(found: re.Match[str], year: int) -> date | None:
    try:
        return date(int(found.group(3) or year), int(found.group(2)), int(found.group(1)))
    except ValueError:
        return None


def _daily_sentences(reply_text: str) -> list[str]:
    """The sentences of the creditor's text that name an amount running on by the day or to the day of payment."""
    found: list[str] = []
    for match in (*_BY_THE_DAY.finditer(reply_text), *_TO_PAYMENT.finditer(reply_text)):
        start = max((end.end() for end in _SENTENCE_END.finditer(reply_text, 0, match.start())), default=0)
        after = _SENTENCE_END.search(reply_text, match.end())
        sentence = reply_text[start:after.start() if after else len(reply_text)]
        if find_money(sentence) and sentence not in found:
            found.append(sentence)
    return found


WITHDRAWN_ANSWER = "the creditor withdraws or corrects an earlier answer of its own"


_HEADER_CELLS = 3


def table_key_doubts(decision: TotalDecision, lines: Sequence[SourceLine]) -> list[str]:
    """The total closes a table whose rows belong to different accounts or people ("Vertragskonto | Name | … |
    Offener Betrag" with three customers, then "Summe"): a sum over several claims, not the one the firm asked about."""
    total = decision.total
    if total is None or CELL_SEPARATOR not in total.line.text:
        return []
    above = sorted((line for line in lines if line.source == total.line.source and line.part == total.line.part
                    and line.key < total.line.key), key=lambda line: line.key)
    rows: list[list[str]] = []
    header: list[str] | None = None
    # The table's rows run up to its header without a break: the nearest row of three or more cells without money.
    for line in reversed(above):
        if CELL_SEPARATOR not in line.text:
            break
        if not find_money(line.text) and len(cells(line.text)) >= _HEADER_CELLS:
            header = cells(line.text)
            break
        rows.append(cells(line.text))
    if header is None:
        return []
    for column, name in enumerate(header):
        if not ACCOUNT_COLUMN.fullmatch(fold(name)):
            continue
        keys = {row[column] for row in rows if column < len(row) and row[column]}
        if len(keys) > 1:
            return [f"the total adds up a table's rows of {len(keys)} different '{name}' entries"]
    return []


def withdrawal_doubts(reply_text: str, subject: str | None = None, decision: TotalDecision | None = None,
                      candidates: Sequence[Candidate] = ()) -> list[str]:
    """The reply takes back an answer the creditor sent before: whatever was written from it is a human's to check,
    and no figure of this reply is written alone. Said as a correction (its subject, or an earlier statement named by
    its date), it counts where the reply also names the earlier figure: "Korrektur" above a new statement alone is
    an update."""
    folded = fold(reply_text)
    if found := EARLIER_ANSWER_WITHDRAWN.search(folded):
        return [f"{WITHDRAWN_ANSWER}: '{found.group(0)[:80]}'"]
    if decision is None or (former := _former_total(decision, candidates)) is None:
        return []
    if subject and (titled := CORRECTION_SUBJECT.search(fold(subject))):
        return [f"{WITHDRAWN_ANSWER}: the subject says '{titled.group(0).strip(' :–-|/(')}' and the reply names the "
                f"earlier figure {money.format_eur(former)}"]
    if found := EARLIER_STATEMENT_CORRECTED.search(folded):
        return [f"{WITHDRAWN_ANSWER}: '{found.group(0)[:80]}', naming the earlier figure {money.format_eur(former)}"]
    return []


def _former_total(decision: TotalDecision, candidates: Sequence[Candidate]) -> Decimal | None:
    """Another figure the creditor's own text names as its total, sets aside (a former one, one it excludes) or as a
    balance nothing explains, beside the chosen one; a balance among the items the total sums is none."""
    total = decision.total
    if total is None:
        return None
    return next((c.value for c in candidates if c.line.part in ("reply", "attachment") and c.value > 0
                 and c.value != total.value and (c.label == "total" or c.reason in _SET_ASIDE or (
                     c.label == "balance" and any(c is other for other in decision.competing)))), None)


# What the text itself sets aside: a figure superseded, or one it says is not part of the claim.
_SET_ASIDE = (SUPERSEDED_REASON, EXCLUDED_REASON)


def _confirmed_as_another_figure(total: Candidate, candidates: list[Candidate]) -> Decimal | None:
    """"Den in Ihrem Schreiben genannten Betrag von 2.709,40 € bestätigen wir" below a quoted letter that names
    2.790,40 €: the figure the creditor confirms as the firm's is not the firm's; the letter's figure, else None."""
    lead = fold(total.line.text[:total.start])[-60:]
    if not (FIRMS_FIGURE_LEAD.search(lead) and FIGURE_CONFIRMED.match(total.line.text[total.start + len(total.raw):])):
        return None
    quoted = [c.value for c in candidates if c.line.part == "quoted" and c.label in ("total", "balance")]
    return quoted[0] if quoted and total.value not in quoted else None


def running_doubts(decision: TotalDecision, reply_text: str, received_on: date | None) -> list[str]:
    """Interest or charges that run on since a day before the mail, by a stated amount a day ("Ab dem 01.03.2027
    laufen … 0,27 EUR pro Tag auf" in a mail of 9 March) or to the day of payment ("Zinsen … seit dem 02.05. aus
    1.420,00 EUR bis zum Tag der Zahlung"), or a total stated as of a day before the mail beside such an amount: the
    total was the claim days ago and is not today's."""
    total = decision.total
    if total is None or received_on is None or not (daily := _daily_sentences(reply_text)):
        return []
    for sentence in daily:
        for found in _RUNS_FROM.finditer(sentence):
            day = _day(found, received_on.year)
            if day is not None and (received_on - day).days >= RUNNING_DAYS:
                return [f"an amount runs on (by the day or until payment) since {day:%d.%m.%Y}, before the mail: "
                        "the total is not today's"]
    for day in _stated_as_of(total, received_on.year):
        if (received_on - day).days >= RUNNING_DAYS:
            return [f"the total is stated as of {day:%d.%m.%Y} and an amount runs on since (by the day or until "
                    "payment)"]
    return []


def subject_doubts(subject: str | None, decision: TotalDecision) -> list[str]:
    """The creditor's subject names the claim with another figure than the total ("Ihr Kundenkonto … – offener
    Betrag 912,40 EUR" above a body that says 958,15 EUR): which one stands is a human's to ask."""
    if decision.total is None or not subject or not subject.strip():
        return []
    stated = SourceLine(source="subject", part="reply", location="line", text=subject.strip(), key=0)
    other = [c for c in collect_amounts([stated]) if not c.rejected and c.label in ("total", "balance")
             and c.value != decision.total.value]
    return [f"the subject names the claim with another figure: {money.format_eur(other[0].value)}"] if other else []


def _sentence_around(text: str, found: re.Match[str]) -> str:
    start = max(text.rfind(mark, 0, found.start()) for mark in ".;:\n")
    ends = [end for mark in ".;:\n" if (end := text.find(mark, found.end())) >= 0]
    return text[start + 1:min(ends, default=len(text))]
