"""extraction/labels.py — German amount labels; invariant: one label per amount, by fixed priority."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.services.extraction.result import AmountLabel
from app.services.textfold import fold


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# A word that names the whole current claim.
CLAIM_TOTAL = _words(
    r"gesamt(?:forderung|betrag|betraege|summe|saldo|rueckstand|rueckstaende|schuld|verbindlichkeit|offen"
    r"|forderungsbetrag|zahlbetrag|\s+forderung)|restforderung|restschuld|restbetrag|restsaldo|endbetrag"
    r"|zahlbetrag|zu zahlende[rn]? (?:gesamt)?betrag|forderungssumme|forderungsstand|forderungshoehe"
    r"|hoehe der forderung|aktuelle forderung|offene gesamt\w*|forderung gesamt|gesamte forderung"
    r"|summe (?:der |aller )?(?:forderung\w*|offenen (?:posten|betraege))|endsaldo|schlusssaldo"
    r"|total amount|amount due|total due|balance due|outstanding balance|total outstanding|amount outstanding"
    r"|total balance|balance outstanding|total claim|grand total|total owed|total debt"
)
# A word that sums whatever it stands with ("Summe Kosten" is a costs subtotal).
TOTALIZER = _words(r"\binsgesamt\b|\bgesamt\b|\btotal\b|\bsumme\b|zwischensumme|endsumme|\bsumme\w*|\bgesamt\w*")
_STRONG_TOTALIZER = _words(r"\binsgesamt\b|\bgesamt\b|\btotal\b|endsumme")
PRINCIPAL = _words(
    r"hauptforderung|hauptsache|restkapital|\bkapital\b|kapitalforderung|restdarlehen|darlehensrest|\bprincipal\b"
)
PRINCIPAL_WEAK = _words(
    r"offene rechnung\w*|rechnungsbetr\w*|\brechnung\w*|schlussrechnung|endabrechnung|jahresabrechnung"
    r"|\w*abrechnung\b|mietrueckst\w*|mietschuld\w*|beitragsrueckst\w*|\bbeitraege\b|warenwert|kaufpreis"
    r"|offene posten aus|\binvoices?\b"
)
INTEREST = _words(r"zinsen\b|\bzins\b|zins(?:anteil|forderung|betrag|betraege|kosten)|verzugszins\b|\binterest\b")
COSTS = _words(
    r"(?<!neben)(?<!betriebs)(?<!heiz)(?<!strom)(?<!energie)(?<!wohn)(?<!waren)(?<!lebenshaltungs)kosten"
    r"|gebuehr|entgelt|auslagen|pauschale|verguetung|spesen|\bporto\b|ruecklastschrift|mahnung\b"
    r"|inkassokost\w*|\bfees?\b|\bcosts?\b|\bcharges\b"
)
BALANCE = _words(
    r"saldo|kontostand|offene[rsn]? (?:betrag|betraege|forderung\w*|summe|posten|saldo)|\boffen\b|noch offen"
    r"|rueckstand|rueckstaende|rueckstaendig\w*|\bsumme\b|forderung\w*|betraegt|belaeuft|schuld(?:en|et)?\b"
    r"|verbindlichkeit\w*|noch zu zahlen|ausstehend\w*|zahlungsrueckstand|\bbetrag\b|\boffene[rsn]?\b"
    r"|\bbalance\b|\boutstanding\b|zu zahlen|faellig\w*|aussenst\w*|schuldbetrag"
)
# Balance words that say only "this is some sum" ("beträgt", "fällig"): alone they never make a total safe.
WEAK_BALANCE = _words(
    r"^(?:betraegt|belaeuft|faellig\w*|zu zahlen|\bbetrag\b|schuld(?:en|et)?\b|\bbalance\b)$"
)
_LETTERS = re.compile(r"[A-Za-zÄÖÜäöüß]{2,}")


@dataclass(frozen=True)
class LabelVerdict:
    label: AmountLabel
    text: str
    subtotal: bool = False


def _found(pattern: re.Pattern[str], folded: str) -> str | None:
    match = pattern.search(folded)
    return match.group(0) if match else None


def classify(segment: str) -> LabelVerdict:
    """Label the text that stands with one amount (normally the text just before it).

    Priority: a claim-total word; then component words (principal, interest, costs — a totalizer
    next to them makes a subtotal); a bare totalizer ("insgesamt"); weaker principal words
    ("Rechnung"); balance words ("Saldo", "offener Betrag"); any other text; no text at all."""
    folded = fold(segment)
    word = _found(CLAIM_TOTAL, folded)
    if word:
        return LabelVerdict("total", word)
    totalizer = _found(TOTALIZER, folded) is not None
    for label, pattern in (("principal", PRINCIPAL), ("interest", INTEREST), ("costs", COSTS)):
        word = _found(pattern, folded)
        if word:
            return LabelVerdict(label, word, subtotal=totalizer)  # type: ignore[arg-type]
    word = _found(_STRONG_TOTALIZER, folded)
    if word:
        return LabelVerdict("total", word)
    word = _found(PRINCIPAL_WEAK, folded)
    if word:
        return LabelVerdict("principal", word, subtotal=totalizer)
    word = _found(BALANCE, folded)
    if word:
        return LabelVerdict("balance", word)
    if _LETTERS.search(segment):
        return LabelVerdict("other", segment.strip()[:60])
    return LabelVerdict("unlabelled", "")


def is_weak_balance(verdict_text: str) -> bool:
    """True when a balance label rests on a verb or a generic word only ("beträgt", "fällig")."""
    return bool(WEAK_BALANCE.match(verdict_text.strip()))


def is_claim_label(label: AmountLabel) -> bool:
    return label in ("total", "balance", "principal", "interest", "costs")
