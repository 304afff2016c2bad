"""extraction/names.py — client and creditor names; invariant: contact persons never become the client."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.services.extraction.lines import SourceLine
from app.services.extraction.result import Evidence, NameFound
from app.services.textfold import Caseless, lowered


def _latin_letters(upper: bool) -> str:
    """Every letter of one case in the Latin alphabets clients' names are written in (Şahin, Łukasz, Dvořák,
    João, Kjærgård, Nguyễn), as the body of a character class: a letter left out ended a name where it stood."""
    blocks = (range(0x41, 0x5B), range(0x61, 0x7B), range(0xC0, 0x250), range(0x1E00, 0x1F00))
    return "".join(letter for block in blocks for letter in map(chr, block)
                   if letter.isalpha() and (letter.isupper() if upper else not letter.isupper()))


_UPPER = _latin_letters(upper=True)
_LETTERS = _UPPER + _latin_letters(upper=False) + "'’"
_WORD = rf"[{_UPPER}][{_LETTERS}]+(?:-[{_UPPER}][{_LETTERS}]+)*"
_FORWARD = rf"(?P<first>{_WORD}(?: {_WORD}){{0,2}}) (?P<last>{_WORD})"
_REVERSED = rf"(?P<rlast>{_WORD}),\s*(?P<rfirst>{_WORD}(?: {_WORD})?)"
_PERSON = rf"(?:{_REVERSED}|{_FORWARD})"
_ROLE = (
    r"(?:kreditnehmer(?:in)?|darlehensnehmer(?:in)?|kontoinhaber(?:in)?|vollstreckungsschuldner(?:in)?|schuldner(?:in)?"
    r"|mieter(?:in)?|kunde|kundin|mandant(?:in)?|versicherungsnehmer(?:in)?|debitor|mitglied|schuldnerin"
    r"|vertragspartner(?:in)?|vertragsinhaber(?:in)?|anschlussinhaber(?:in)?|zahlungspflichtige[r]?|inhaber(?:in)?)"
)
_CLIENT_PATTERNS: tuple[tuple[float, re.Pattern[str]], ...] = (
    (0.9, re.compile(rf"\b(?i:ihre[rsm]?|ihren)\s+(?i:mandant(?:in|en)?)\s+(?:(?i:herrn?|frau)\s+)?{_PERSON}")),
    (0.85, re.compile(rf"\b(?i:{_ROLE})\s*[:|]\s*(?:(?i:herrn?|frau)\s+)?{_PERSON}")),
    (0.85, re.compile(
        rf"\b(?i:unsere[rnms]?)\s+(?i:kundin|kunden|kunde|mitglieds?|mieterin|mieters?)\s+(?:(?i:herrn?|frau)\s+)?"
        rf"{_PERSON}")),
    (0.8, re.compile(rf"\./\.\s*(?:(?i:herrn?|frau)\s+)?{_PERSON}")),
    # a role typed short, its dot for the colon ("Kd. Sergej Brinkhoff", "Schu. Kowalczyk, Dennis", "Mitgl. …")
    (0.85, re.compile(rf"\b(?i:kd|kdin|kdn|schu|schuldn|mitgl|vn)\.\s*(?:(?i:herrn?|frau)\s+)?{_PERSON}")),
    (0.75, re.compile(
        rf"\b(?i:für|betreffend|betr\.|sache|sachen|angelegenheit|forderungsanfrage|anfrage)\s+(?:(?i:herrn?|frau)\s+)?"
        rf"{_PERSON}")),
    # a person written with their birth date ("Betreff: Dariusz Kempinski, geb. 09.11.1984", also indented on a line
    # of its own): the debtor
    (0.75, re.compile(rf"(?:^\s*|[:|]\s*|\s[–-]\s+){_PERSON},?\s*\(?(?i:geb\.|geboren)\s*(?i:am\s+)?\d")),
    # the holder in brackets after the account's number ("Für das Kundenkonto KK24-90177342 (Olga Tscherniak)")
    (0.7, re.compile(rf"\b(?i:kundenkonto|mietkonto|vertragskonto|konto|kundennummer|vertrag)\s+[\w./-]*\d[\w./-]*\s+"
                     rf"\(\s*{_FORWARD}\s*\)")),
    # a system writing the account holder surname first ("zum Kundenkonto WRZOSEK, NATALIA", "Mietkonto Lührs, Tomke")
    (0.7, re.compile(rf"\b(?i:kundenkonto|mietkonto|vertragskonto|konto|kunde|kundin)\s+{_REVERSED}")),
    (0.6, re.compile(rf"\b(?:Herrn?|Frau)\s+{_FORWARD}")),
)
_SURNAME_ONLY = re.compile(rf"\b(?:Herrn?|Frau)\s+(?P<last>{_WORD})\b")
# What each client pattern (and the surname-only one, last) cannot match without, in the pattern's own case
# rule: a line lacking it is not scanned for that pattern (tests/unit/extraction/test_precheck_agreement.py).
# The case-insensitive ones are scanned in the lowered line where they can be (textfold.Caseless).
_CLIENT_HINTS: tuple[Caseless | re.Pattern[str], ...] = (
    Caseless.compile("mandant"),
    re.compile("[:|]"),
    Caseless.compile("unsere"),
    re.compile(r"\./\."),
    Caseless.compile(r"kd|schu|mitgl|vn\."),
    Caseless.compile("für|betr|sache|angelegenheit|anfrage"),
    Caseless.compile("geb"),
    Caseless.compile("konto|kundennummer|vertrag"),
    Caseless.compile("konto|kunde|kundin"),
    re.compile("Herr|Frau"),
)
_CLIENT_SCANS = tuple((confidence, pattern, hint) for (confidence, pattern), hint
                      in zip(_CLIENT_PATTERNS, _CLIENT_HINTS, strict=True))
_SURNAME_HINT = _CLIENT_HINTS[-1]
_CONTACT_BEFORE = re.compile(
    r"(?:vertretung von|wenden sie sich an|ansprechpartner\w*|sachbearbeit\w*|kontakt\w*|zuständig\w*|durchwahl"
    r"|i\.\s?a\.|guten tag|hallo|sehr geehrte[rs]?|liebe[rs]?)\s*$",
    re.IGNORECASE,
)
_CONTACT_AFTER = re.compile(r"^\s*(?:unter\b|steht\b|erreichen\b|ist\s+(?:für|bis|ab|vom|nicht im))", re.IGNORECASE)
_STOP = {
    "gmbh", "ag", "kg", "eg", "mbh", "geb", "kundennummer", "vertrag", "nr", "straße", "strasse", "telefon",
    "herr", "herrn", "frau", "sehr", "geehrte", "damen", "herren", "ihr", "ihre", "az", "mit", "und", "bank",
    # Nouns that follow a name and end it ("Mandy Schwertfeger Konto …"), not a further part of the name. A
    # relative ("Frau Gutschmidts Tochter") stays a name of its own: a claim may be the relative's.
    "konto", "kundenkonto", "vertragskonto", "mitgliedskonto", "kunde", "kundin", "mitglied", "saldo", "rechnung",
}
_LEGAL_FORM = r"(?:GmbH(?: & Co\.? KG)?|AG|KG|KGaA|eG|SE|mbH|e\.\s?V\.|GbR|OHG|UG(?: \(haftungsbeschränkt\))?)"
# A name a company's legal form ends ("… für Verwaltungspraxis Nord GmbH") is a firm's, never a client's: the clients
# are people.
_FIRM_AFTER = re.compile(rf"\s*{_LEGAL_FORM}(?!\w)")
_FIRM_END = re.compile(rf"(?<!\w){_LEGAL_FORM}\W*$")


def _a_firm(text: str, match: re.Match[str]) -> bool:
    return bool(_FIRM_END.search(match.group(0)) or _FIRM_AFTER.match(text, match.end()))


_ORG = rf"(?P<org>(?:[A-ZÄÖÜ0-9][\wÄÖÜäöüß&.+-]*\s+){{0,5}}{_LEGAL_FORM}(?![\w]))"
_PRINCIPAL_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"\b(?:im auftrag (?:von|der|des|unserer (?:mandantin|auftraggeberin))|für unsere (?:mandantin|auftraggeberin"
        rf"|mandanten))\s*,?\s*(?:der|die|des)?\s*{_ORG}",
        re.IGNORECASE,
    ),
    re.compile(rf"\bauftraggeber(?:in)?\s*[,:|]\s*(?:der|die|des)?\s*{_ORG}", re.IGNORECASE),
    re.compile(rf"\bunsere[rn]?\s+auftraggeber(?:in)?,?\s*(?:der|die|des)?\s*{_ORG}", re.IGNORECASE),
    re.compile(rf"(?:^|[^\w])(?:die|der)?\s*{_ORG}\s+hat uns mit der (?:einziehung|beitreibung)", re.IGNORECASE),
    re.compile(rf"\bdass wir (?:die|den|das)?\s*{_ORG}\s+vertreten", re.IGNORECASE),
    re.compile(rf"{_ORG}\s+\./\."),
)
# A literal every _PRINCIPAL_PATTERNS match contains: lines without one are not scanned six times.
_PRINCIPAL_HINT = Caseless.compile(r"auftrag|für unsere|hat uns mit der|vertreten|\./\.")
_SIGNATURE_ORG = re.compile(rf"^\s*{_ORG}")
_KEYWORD_ORG = re.compile(
    r"^\s*(?P<org>(?:(?:Kreis|Stadt)?[Ss]parkasse|Volksbank|Raiffeisenbank|Finanzamt|Stadtwerke|Hausverwaltung|Stadt"
    r"|Gemeinde|Landkreis|Jobcenter|Landeshauptkasse|Stadtkasse|Gerichtskasse|Krankenkasse|Rundfunk\w*|AOK"
    r"|Techniker Krankenkasse)\b[^–—·|,\n]{0,50}?)\s*(?:[–—·|,]|$)"
)
_FROM_NAME_DEPARTMENT = re.compile(
    r"\s+(?:[–—-]|\||/)\s+.*$|\s+(?:Kundenservice|Forderungsmanagement|Buchhaltung|Kreditservice|Forderungsservice"
    r"|Service)\b.*$"
)


def _title(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")) if word.isupper() else word


def _clean_person(first: str, last: str) -> str | None:
    words = [w for w in f"{first} {last}".split() if w]
    kept: list[str] = []
    for word in words:
        if word.lower().strip(".,") in _STOP:
            break
        kept.append(_title(word))
    return " ".join(kept) if len(kept) >= 2 else None


def _person_from(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups.get("rlast"):
        return _clean_person(groups["rfirst"], groups["rlast"])
    if groups.get("first"):
        return _clean_person(groups["first"], groups["last"])
    return None


def _is_contact(line: str, match: re.Match[str]) -> bool:
    return bool(_CONTACT_BEFORE.search(line[: match.start()]) or _CONTACT_AFTER.match(line[match.end() :]))


def _name(value: str, role: str, confidence: float, line: SourceLine, text: str) -> NameFound:
    evidence = Evidence(source=line.source, part=line.part, location=line.location, text=text.strip())
    return NameFound(value=value, role=role, confidence=confidence, evidence=evidence)  # type: ignore[arg-type]


def _hinted(hint: Caseless | re.Pattern[str], text: str, lower: str | None) -> bool:
    """Whether a client pattern's hint is in the line (`lower` is `lowered(text)`)."""
    found = hint.search(text, lower) if isinstance(hint, Caseless) else hint.search(text)
    return found is not None


def find_client_names(lines: Sequence[SourceLine]) -> list[NameFound]:
    """Client name candidates from the reply, subject and attachments, best first."""
    found: list[NameFound] = []
    for line in lines:
        if line.part in ("quoted", "signature"):
            continue
        lower = lowered(line.text)
        for confidence, pattern, hint in _CLIENT_SCANS:
            if not _hinted(hint, line.text, lower):
                continue
            for match in pattern.finditer(line.text):
                person = _person_from(match)
                if person and not _is_contact(line.text, match) and not _a_firm(line.text, match):
                    found.append(_name(person, "client", confidence, line, match.group(0)))
        if _SURNAME_HINT.search(line.text) is None:
            continue
        for match in _SURNAME_ONLY.finditer(line.text):
            if not _is_contact(line.text, match) and match.group("last").lower() not in _STOP:
                found.append(_name(_title(match.group("last")), "client", 0.35, line, match.group(0)))
    found.sort(key=lambda n: -n.confidence)
    return found


_ORG_LEAD = re.compile(r"^(?:(?:Forderungs)?[Ss]ache|Angelegenheit|Firma|Fa\.|Auftraggeberin|Mandantin)\s+")


def _organisation(text: str) -> str:
    return _ORG_LEAD.sub("", " ".join(text.split()).strip(" ,.;"))


def _signature_organisation(lines: Sequence[SourceLine]) -> tuple[SourceLine, str] | None:
    for line in lines:
        if line.part != "signature":
            continue
        match = _SIGNATURE_ORG.match(line.text) or _KEYWORD_ORG.match(line.text)
        if match is not None:
            return line, _organisation(match.group("org"))
    return None


def find_creditor_names(lines: Sequence[SourceLine], from_name: str | None, from_email: str) -> list[NameFound]:
    """The original creditor (when an agency writes "im Auftrag von …") and the sender's organisation."""
    found: list[NameFound] = []
    for line in lines:
        if line.part == "quoted" or not _PRINCIPAL_HINT.search(line.text, lowered(line.text)):
            continue
        for pattern in _PRINCIPAL_PATTERNS:
            for match in pattern.finditer(line.text):
                found.append(_name(_organisation(match.group("org")), "creditor", 0.85, line, match.group(0)))
    sender = _signature_organisation(lines)
    if sender is not None:
        line, organisation = sender
        found.append(_name(organisation, "agent", 0.8, line, line.text))
    elif from_name and from_name.strip():
        sender_line = SourceLine(source="from", part="sender", location="sender name", text=from_name, key=0)
        cleaned = _FROM_NAME_DEPARTMENT.sub("", from_name).strip() or from_name.strip()
        found.append(_name(cleaned, "agent", 0.6, sender_line, from_name))
    else:
        domain = from_email.rsplit("@", 1)[-1]
        sender_line = SourceLine(source="from", part="sender", location="sender address", text=from_email, key=0)
        found.append(_name(domain, "agent", 0.3, sender_line, from_email))
    return found


def choose_creditor(names: Sequence[NameFound]) -> tuple[NameFound | None, NameFound | None]:
    """(creditor, agent): the original creditor when an agency names one, else the sender itself."""
    sender = next((n for n in names if n.role == "agent"), None)
    principals = [n for n in names if n.role == "creditor"]
    if sender is not None:
        principals = [n for n in principals if n.value.lower() != sender.value.lower()]
    if principals:
        return principals[0], sender
    return sender, None
