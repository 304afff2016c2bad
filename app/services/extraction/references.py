"""extraction/references.py — firm and creditor references; invariant: "Ihr"/"unser" follow who wrote the text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.services.extraction.lines import SourceLine
from app.services.extraction.numbers import noise_spans
from app.services.extraction.result import Evidence, ReferenceFound, ReferenceKind, ReferenceOwner
from app.services.textfold import Caseless, lowered

DEFAULT_FIRM_REFERENCE_PATTERN = r"\b[A-Z]{2,4}-\d{4}-\d{3,6}\b"

_LABELS: tuple[tuple[ReferenceKind, str], ...] = (
    ("customer", r"kunden-?(?:nummer|nr\.?|konto)|kd\.?-?nr\.?|kundennr\.?|mitglieds(?:nummer|konto|-?nr\.?)"),
    # typed short: "VK 4002 377 902" (Vertragskonto), "Vertr.-Nr.", "Kto. 77 310 4459"
    ("contract", r"(?:raten)?(?:kredit|darlehens?)?vertrag(?:s-?(?:nummer|nr\.?|konto))?|vertragskonto|vk"
                 r"|vertr\.-?nr\.?|vtr\.-?nr\.?"
                 r"|versicherungs(?:schein)?(?:nummer|-?nr\.?)|police(?:nnummer)?"),
    ("account", r"(?:darlehens|kredit|kreditkarten|giro|miet|buchungs|beitrags|forderungs|personen)?konto"
                r"(?:nummer|-?nr\.?)?|(?:giro)?kto\.(?:-?nr\.?)?|darlehens(?:nummer|-?nr\.?)|kassenzeichen|beitrags-?(?:nummer|nr\.?)"
                r"|versicherten-?(?:nummer|nr\.?)|(?:customer|client)\s+(?:account|number|no\.?|id)"
                r"|account\s+(?:number|no\.?)|(?:loan|contract)\s+(?:account|number|no\.?)"),
    ("tax_number", r"steuer-?(?:nummer|nr\.?)|st\.?-?nr\.?"),
    ("invoice", r"rechnungs-?(?:nummer|nr\.?)|rechnung|beleg-?(?:nummer|nr\.?)"),
    ("file_number", r"az\.?|aktenzeichen[s]?|akte|(?<!ticket)zeichen[s]?|gz\.?|gesch(?:ä|ae)ftszeichen"
                    r"|vorgangs-?(?:nummer|nr\.?)|referenz(?:nummer)?|fall-?(?:nummer|nr\.?)|ref\.?|reference"
                    # a case management's own id ("Case-ID PS-C-7718-2093", "Fall-ID …", "Vorgangs-ID …")
                    r"|case-?\s?id|fall-?id|vorgangs-?id"),
)
# Compound labels a creditor coins for its own number ("Mieterkonto", "Nutzungsvertrag", "Patienten-Nr.",
# "Teilnehmernummer"): any word ending so, but for the numbers that never name a debt (a phone, a register, a
# meter, a person's identity or tax id, an item).
_NOT_A_CASE = (
    r"telefon|tel|fax|mobil|handy|durchwahl|hotline|service|haus|postfach|zimmer|raum|seiten?|artikel|serien"
    r"|z(?:ä|ae)hler|register|handelsregister|hrb|ust|umsatzsteuer|id|identifikations|steueridentifikations"
    r"|steuer|sozialversicherungs|rentenversicherungs|personalausweis|ausweis|pass|iban|bankleitzahl|blz|bic"
    r"|konto|lieferschein|sachbearbeiter|plz|sende|versand|tracking|paket"
)
_COMPOUNDS: tuple[tuple[ReferenceKind, str], ...] = (
    ("account", r"[a-zäöüß]{3,}konto"),
    ("contract", r"[a-zäöüß]{3,}vertrag"),
    ("other", rf"(?!(?:{_NOT_A_CASE})\.?-?(?:nummer|nr)\b)[a-zäöüß]{{2,}}(?:\.?-)?(?:nummer|nr\.?)"),
)
# The label is a whole word (a genitive s allowed): "Rechnungskonto" is no "Rechnung" followed by "skonto".
_WORD_END = r"(?:e?s)?(?![^\W\d_])"
_POSSESSIVE = (r"(?P<poss>\b(?:ihr|ihre|ihrem|ihren|ihres|ihrer|unser|unsere|unserem|unseren|unseres|unserer"
               r"|your|our)\s+)?")
# "Kundennummer bei unserer Auftraggeberin:", "Vertragskonto bei Quelle AG:": whose number it is, then the value.
_FILLER = (r"(?:\s*(?:nr\.?|nummer|no\.?))?"
           r"(?:\s+bei\s+(?:(?:unserer|unserem|ihrer|ihrem)\s+\w+|[^\W\d_][^\n:]{0,40}?(?=\s*:)))?\s*[:#|]?\s*")
_VALUE = r"(?P<value>[A-Z0-9](?:[A-Z0-9]|[-/.](?=[A-Z0-9])|\s(?=\d{2,}\b))*)"
_ALL_LABELS = (*_LABELS, *_COMPOUNDS)
_LABELLED = [
    (kind, re.compile(rf"{_POSSESSIVE}\b(?P<label>{pattern}){_WORD_END}{_FILLER}{_VALUE}", re.IGNORECASE))
    for kind, pattern in _ALL_LABELS
]
# Any label of any _LABELLED pattern: a line without one is not scanned six times. Scanned in the lowered line
# (textfold.Caseless) where it can be: the full patterns need the line as written for their values.
_ANY_LABEL = Caseless.compile(rf"\b(?:{'|'.join(pattern for _kind, pattern in _ALL_LABELS)})")
# Each kind's label alone: a full pattern is scanned only where its label occurs (the full scan costs
# several times the label's, and a line holds one or two kinds of label).
_KIND_LABEL = [Caseless.compile(rf"\b(?:{pattern})") for _kind, pattern in _ALL_LABELS]
_ECHO_PREFIX = re.compile(
    r"(?:^|\s)(?:aw|re|wg|fw|fwd|antwort|automatische antwort|automatic reply|auto-?reply|out of office"
    r"|eingangsbest(?:ä|ae)tigung|abwesenheitsnotiz"
    r"|korrektur|nachtrag|erg(?:ä|ae)nzung)\s*:",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:19|20)\d\d")  # "Pfändungsschutzkonto 2026": a year, not a number of anyone's
_THREE_DIGITS = re.compile("[0-9][^0-9]*[0-9][^0-9]*[0-9]")
_REF_NOISE = frozenset({"iban", "date"})
_FOREIGN = re.compile(r"ihr|ihre|ihrem|ihren|ihres|ihrer|your", re.IGNORECASE)
_RANK_KIND = {"customer": 3, "contract": 3, "account": 3, "tax_number": 3, "file_number": 2, "invoice": 1, "other": 0}
# A footer's tax or bank account number is the creditor's own, never the debtor's case.
_FOOTER_KINDS = ("tax_number", "account")
# Subject pieces between separators ("Anfrage Müller / 4711 0815 / HP-2026-001"): a bare reference-shaped one counts.
_SUBJECT_PIECES = re.compile(r"\s+[/|–—-]\s+|[:\[\]()]\s*|,\s+|\s+\.?/\.\s+")
_BARE_VALUE = re.compile(r"[A-Z0-9](?:[A-Z0-9]|[-/.](?=[A-Z0-9])|\s(?=\d{2,}\b))*")
_MIN_BARE_DIGITS = 5
_ROUTING_ID = re.compile(r"(?=[^A-Z]*[A-Z])[A-Z0-9](?:[A-Z0-9]|[-/.](?=[A-Z0-9]))*")


@dataclass(frozen=True)
class _Occurrence:
    found: ReferenceFound
    rank: int


def normalise_reference(value: str) -> str:
    """Upper-case alphanumerics only: "4401 882 310" and "4401882310" compare equal."""
    return re.sub(r"[^0-9A-Z]", "", value.upper())


def _blank(text: str) -> str:
    """IBANs and dates blanked out, read off the line's noise spans (found once per line and email)."""
    spans = [(start, end) for kind, start, end in noise_spans(text) if kind in _REF_NOISE]
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = "#" * (end - start)
    return "".join(chars)


def _perspective(line: SourceLine, position: int, echo_from: int | None) -> ReferenceOwner:
    """Who wrote the text at `position`: the firm (quoted letter, echoed subject) or the creditor."""
    if line.part == "quoted":
        return "firm"
    if line.part == "subject" and echo_from is not None and position >= echo_from:
        return "firm"
    return "creditor"


def _owner(
    kind: ReferenceKind, possessive: str | None, writer: ReferenceOwner, value: str, firm: re.Pattern[str]
) -> ReferenceOwner:
    other: ReferenceOwner = "creditor" if writer == "firm" else "firm"
    if kind != "file_number":
        return "creditor"
    if possessive:
        owner = other if _FOREIGN.fullmatch(possessive.strip()) else writer
    elif firm.fullmatch(value):
        owner = "firm" if writer == "firm" else "unknown"
    else:
        owner = writer
    if owner == "firm" and not firm.fullmatch(value):
        return "creditor"
    return owner


def _valid_value(value: str) -> bool:
    digits = sum(ch.isdigit() for ch in value)
    # A leading word in lower case is running text ("Kontoauszug 4711…" read as "auszug 4711…"), not a code.
    head = value.split(maxsplit=1)[0]
    return (digits >= 3 and len(value) >= 4 and "#" not in value and (not head.isalpha() or head.isupper())
            and not _YEAR.fullmatch(value))


def _labelled(line: SourceLine, firm: re.Pattern[str], echo_from: int | None) -> list[_Occurrence]:
    if not _THREE_DIGITS.search(line.text):  # no value could pass _valid_value (its digits are ASCII)
        return []
    text = _blank(line.text)
    kinds = _label_kinds(text)
    if not kinds:
        return []
    found: list[_Occurrence] = []
    taken: set[int] = set()
    for kind, pattern in _LABELLED:
        if kind not in kinds:
            continue
        for match in pattern.finditer(text):
            value = match.group("value").strip()
            if match.start("value") in taken or not _valid_value(value):
                continue
            if line.part == "signature" and kind in _FOOTER_KINDS:
                continue
            taken.add(match.start("value"))
            writer = _perspective(line, match.start(), echo_from)
            owner = _owner(kind, match.group("poss"), writer, value, firm)
            rank = _rank(line, kind, owner, writer)
            label = match.group(0)[: match.start("value") - match.start()].strip()
            found.append(_Occurrence(_reference(value, owner, kind, label, rank, line, match.group(0)), rank))
    return found


def _label_kinds(text: str) -> set[ReferenceKind]:
    """The kinds whose label occurs in the (blanked) line."""
    lower = lowered(text)
    first = _ANY_LABEL.search(text, lower)
    if first is None:
        return set()
    # No kind's label starts before the first label of any kind.
    return {kind for (kind, _pattern), label in zip(_ALL_LABELS, _KIND_LABEL, strict=True)
            if label.search(text, lower, first.start())}


def _rank(line: SourceLine, kind: ReferenceKind, owner: ReferenceOwner, writer: ReferenceOwner) -> int:
    """Higher is better for the creditor reference: the firm's own "Ihr Zeichen" first, then the
    reply body, the creditor's subject, attachments; within each, account numbers over file numbers."""
    if writer == "firm" and owner == "creditor":
        return 40 + _RANK_KIND[kind]
    base = {"reply": 30, "signature": 15, "subject": 20, "attachment": 10}.get(line.part, 0)
    return base + _RANK_KIND[kind]


def _reference(value: str, owner: ReferenceOwner, kind: ReferenceKind, label: str, rank: int,
               line: SourceLine, matched: str) -> ReferenceFound:
    confidence = min(0.95, 0.4 + rank / 80)
    evidence = Evidence(source=line.source, part=line.part, location=line.location, text=matched.strip())
    return ReferenceFound(
        value=value, owner=owner, kind=kind, label=label, confidence=round(confidence, 2), evidence=evidence
    )


# A web address: a firm-shaped piece of it ("…/login?id=DE-2106-88412") is the site's, not the firm's file number.
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# A label of the sender's own numbers right before a firm-shaped one ("Registernummer WFP-2107-88410",
# "Ticketnummer: TK-2107-5512"): the sender's number, not the firm's file number.
_SENDERS_NUMBER_LABEL = re.compile(r"(?:register|ticket|vorgangs|bestell|rechnungs|kunden|vertrags|mitglieds)"
                                   r"(?:nummer|-?nr\.?)\s*:?\s*$", re.IGNORECASE)


def _firm_matches(line: SourceLine, firm: re.Pattern[str], echo_from: int | None, known: set[int]) -> list[_Occurrence]:
    found = []
    links = [link.span() for link in _WEB_ADDRESS.finditer(line.text)] if "://" in line.text or "www." in line.text \
        else []
    for match in firm.finditer(line.text):
        if match.start() in known or any(start <= match.start() < end for start, end in links) \
                or _SENDERS_NUMBER_LABEL.search(line.text[max(0, match.start() - 24):match.start()]):
            continue
        writer = _perspective(line, match.start(), echo_from)
        owner: ReferenceOwner = "firm" if writer == "firm" else "unknown"
        found.append(_Occurrence(_reference(match.group(0), owner, "file_number", "", 1, line, match.group(0)), 1))
    return found


def _subject_pieces(line: SourceLine, firm: re.Pattern[str], echo_from: int | None,
                    known: set[str]) -> list[_Occurrence]:
    """Bare reference-shaped pieces of a subject ("… / W882145571 / …"): the creditor's number, written by
    the firm when it sits in the echoed part; never a firm-pattern value, a date or a short number."""
    text = _blank(line.text)
    found: list[_Occurrence] = []
    position = 0
    for piece in _SUBJECT_PIECES.split(text):
        start = text.find(piece, position)
        position = start + len(piece)
        value = piece.strip()
        if (not _BARE_VALUE.fullmatch(value) or firm.fullmatch(value) or not _valid_value(value)
                or sum(ch.isdigit() for ch in value) < _MIN_BARE_DIGITS or normalise_reference(value) in known):
            continue
        writer = _perspective(line, start, echo_from)
        rank = 40 if writer == "firm" else 20
        found.append(_Occurrence(_reference(value, "creditor", "other", "", rank, line, value), rank))
    return found


def _recipient_matches(recipients: Sequence[str], firm: re.Pattern[str]) -> list[_Occurrence]:
    found = []
    for address in recipients:
        local = address.split("@", 1)[0]
        if "+" not in local:
            continue
        token = local.split("+", 1)[1]
        # The firm set the routing id itself: one in another shape than its pattern (a firm whose Aktenzeichen
        # the pattern does not fit) is still its own case, as long as it looks like a file number (letters and
        # digits: not a bare year or a word).
        values = [match.group(0) for match in firm.finditer(token)] or (
            [token] if _ROUTING_ID.fullmatch(token.upper()) and _valid_value(token) else [])
        for value in values:
            evidence = Evidence(source="to", part="recipient", location="recipient address", text=address)
            reference = ReferenceFound(value=value, owner="firm", kind="routing", label="routing address",
                                       confidence=0.9, evidence=evidence)
            found.append(_Occurrence(reference, 50))
    return found


def find_references(lines: Sequence[SourceLine], recipients: Sequence[str],
                    firm_reference_pattern: str = DEFAULT_FIRM_REFERENCE_PATTERN) -> list[ReferenceFound]:
    """Every labelled reference and every firm-pattern match, best creditor candidates first."""
    firm = re.compile(firm_reference_pattern)
    occurrences = _recipient_matches(recipients, firm)
    for line in lines:
        echo = _ECHO_PREFIX.search(line.text) if line.part == "subject" else None
        echo_from = echo.start() if echo else None
        labelled = _labelled(line, firm, echo_from)
        starts = {line.text.find(o.found.value) for o in labelled}
        occurrences += labelled + _firm_matches(line, firm, echo_from, starts)
        if line.part == "subject":
            known = {normalise_reference(o.found.value) for o in labelled}
            occurrences += _subject_pieces(line, firm, echo_from, known)
    occurrences.sort(key=lambda o: -o.rank)
    return [o.found for o in occurrences]


def choose_firm_reference(references: Sequence[ReferenceFound], pattern: str) -> ReferenceFound | None:
    """The firm's Aktenzeichen: a firm-owned match wins (routing address, "Ihr Az." in the reply);
    else any match not claimed by the creditor, the most frequent first."""
    firm = re.compile(pattern)
    creditor_values = {normalise_reference(r.value) for r in references if r.owner == "creditor"}
    candidates = [r for r in references if r.kind == "routing" or firm.fullmatch(r.value)]
    owned = [r for r in candidates if r.owner == "firm"]
    unclaimed = [r for r in candidates if r.owner == "unknown" and normalise_reference(r.value) not in creditor_values]
    pool = owned or unclaimed
    if not pool:
        return None
    counts: dict[str, int] = {}
    for reference in pool:
        counts[normalise_reference(reference.value)] = counts.get(normalise_reference(reference.value), 0) + 1
    return max(pool, key=lambda r: (r.kind == "routing", counts[normalise_reference(r.value)], r.confidence))


def choose_creditor_reference(references: Sequence[ReferenceFound], firm_value: str | None) -> ReferenceFound | None:
    """The creditor's own reference: best-ranked creditor-owned value (input is ordered by rank),
    ties broken by how often the same value occurs."""
    firm_key = normalise_reference(firm_value) if firm_value else None
    pool = [r for r in references if r.owner == "creditor" and normalise_reference(r.value) != firm_key]
    if not pool:
        return None
    counts: dict[str, int] = {}
    for reference in pool:
        counts[normalise_reference(reference.value)] = counts.get(normalise_reference(reference.value), 0) + 1
    best_confidence = pool[0].confidence
    top = [r for r in pool if r.confidence == best_confidence]
    return max(top, key=lambda r: counts[normalise_reference(r.value)])


def _written_pattern(reference: str) -> re.Pattern[str] | None:
    """A reference however the email spaces or punctuates it ("KW-7803316" as "KW 780 3316"), whole."""
    # Letters beyond ASCII stay ("Schüler-Nr. 1142"); a separator may be a mark and a space ("Nr. 1142").
    key = [ch for ch in reference if ch.isalnum()]
    digits = sum(ch.isdigit() for ch in key)
    if len(key) < 4 or digits < 1 or (digits < 3 and len(key) < 10):
        return None  # too short to be told from any other number; a long one may be an address ("… 2 / WE 3")
    body = r"[\s./-]{0,3}".join(re.escape(ch) for ch in key)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def written_reference(lines: Sequence[SourceLine], reference: str) -> ReferenceFound | None:
    """Where the email writes `reference` (the matched inquiry's creditor reference): the creditor's words
    first, then a subject, an attachment, the quoted letter."""
    pattern = _written_pattern(reference)
    if pattern is None:
        return None
    order = {"reply": 0, "signature": 1, "subject": 2, "attachment": 3, "quoted": 4}
    for line in sorted(lines, key=lambda line: order.get(line.part, 5)):
        match = pattern.search(line.text)
        if match:
            return ReferenceFound(value=match.group(0), owner="creditor", kind="other", label="as the inquiry has it",
                                  confidence=0.95, evidence=line.evidence(match.group(0)))
    return None
