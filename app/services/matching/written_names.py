"""matching/written_names.py — does a client name written in a reply designate the matched client? A
different person, or a name that fits another client, never passes as a spelling variant.

The rule, for every full name (first and last name) the extractor read as the client's in the creditor's
own text (reply, subject, attachment — never the quoted firm letter or the signature):

- **same**: after `fold` (case, umlauts, ß, accents, strokes) the words are the client's, in any order,
  or a part of them that keeps the surname and a first name ("Anna Schulz" for "Anna Maria Schulz"),
  or the surname alone.
  Passes — identical names of two clients are the matcher's business (birth date, name rival).
- **another client**: the name is the same as, or a close spelling of, a different client on file
  ("Jana Schulz" while the match is "Janna Schulz" and Jana is a client too) → review, even when the
  birth date or the firm reference confirms the match (the creditor may have mixed up the two).
  The same client's other inquiries (same Aktenzeichen) are no other client.
- **variant**: surname and first names each a close spelling of the client's ("Kathrin"/"Katrin",
  "Mohamed Al Khatib"/"Mohammed Al-Khatib"), or the client's full name plus a further first name.
  Passes only when the birth date or the firm reference (in the text or as the routing address)
  confirms the matched client; otherwise → review.
- **relative**: the client's surname (or a close spelling) with another first name ("Maria Schulz" for
  "Peter Schulz") → review: a different person of that family.
- **unrelated**: a name that resembles neither the client nor any client on file. Written under a
  client label ("Ihre Mandantin …", "Kunde: …", "./. …") → review, unless the creditor's own text
  also names the matched client (then a co-party or a misread phrase); a weaker find ("Frau …",
  "für …") is more likely a contact person or a phrase and is left alone.

Names of one word (a surname only) are not judged against other people: the extractor's one-word finds are
often first names or contact persons. They cannot tell two people of a family apart either, so one case is
judged (`surname_only`): where two clients of that surname each have a letter at the matched creditor, the
creditor's text never writes the matched client's first name and the reply did not come to the client's own
routing address, a human decides whose claim it is — the creditor's "Frau …" may be the one, its account number
the other."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from app.models import Inquiry
from app.services.extraction.result import NameFound
from app.services.matching import normalize
from app.services.matching.score import Scored, client_identity, creditor_identity

Relation = Literal["same", "variant", "relative", "unrelated"]

# Similarity (0–100, rapidfuzz ratio on folded letters) at which two surnames or two first names count as
# spellings of one name: "haase"/"hasse" 80, "lukas"/"lucas" 80, "jana"/"janna" 89; "hans"/"hanna" 67.
SURNAME_CLOSE = 80.0
FIRST_CLOSE = 75.0
# Shortest name whose sound code alone may make it a spelling of another ("Maier"/"Meyer").
MIN_SOUND_NAME = 4
# Extractor confidence of a name written under a client label (role word, "Ihre Mandantin", "./.").
LABELLED_CLIENT = 0.8
# Match signals that tie the reply to the matched client independently of how the name is spelt.
CONFIRMING_SIGNALS = frozenset({"birth_date", "firm_reference", "routing_id"})
MAX_SURNAME_WORDS = 3
# Words for a relative (folded) that may follow a surname in the genitive: another person, not the client's thing.
_KIN = frozenset({
    "tochter", "sohn", "mann", "ehemann", "frau", "ehefrau", "mutter", "vater", "bruder", "schwester", "enkel",
    "enkelin", "kinder", "kind", "witwe", "witwer", "partner", "partnerin", "lebensgefaehrte", "lebensgefaehrtin",
})


@dataclass(frozen=True)
class _Split:
    first: tuple[str, ...]
    surname_close: bool
    surname_score: float


def relation(written: str, client: str) -> Relation:
    """How a written person's name relates to a client's name on file."""
    ours = normalize.name_tokens(client)
    # A genitive's "s" ("Frau Kampmeier-Rosts neues Konto", "Herrn Wendts Vertrag") is no other name.
    written_tokens = normalize.name_tokens(written)
    theirs = [token[:-1] if token.endswith("s") and token not in ours and token[:-1] in ours else token
              for token in written_tokens]
    if not ours or len(theirs) < 2:
        return "unrelated"
    surname = set(normalize.surname_tokens(client)) or {ours[-1]}
    # The surname first, in the genitive ("Herrn Lemckes Abrufkredit", "Frau Kampmeier-Rosts neues Konto"): what
    # follows is the client's, not another name.
    # ("Frau Gutschmidts Tochter" is another person of the family, and stays one.)
    genitive = next((index for index, token in enumerate(theirs) if token != written_tokens[index]), None)
    if genitive is not None and all(token in surname for token in theirs[:genitive + 1]) \
            and not _KIN.intersection(theirs[genitive + 1:]):
        return "same"
    if set(theirs) <= surname:  # the surname alone (of two words) cannot tell a family apart
        return "same"
    if set(theirs) == set(ours) or "".join(theirs) == "".join(ours):
        return "same"
    if set(theirs) < set(ours) and surname <= set(theirs) and set(theirs) - surname:
        return "same"
    if set(ours) < set(theirs):
        return "variant"
    split = _best_split(theirs, ours)
    if not split.surname_close:
        return "unrelated"
    first_ours = "".join(token for token in ours if token not in surname) or ours[0]
    first_theirs = "".join(token for token in split.first if token not in surname)
    return "variant" if _alike(first_theirs, first_ours, FIRST_CLOSE) else "relative"


def _alike(left: str, right: str, threshold: float) -> bool:
    """Two folded names are spellings of one: similar letters, or (long enough) the same sound code."""
    if not left or not right:
        return False
    if fuzz.ratio(left, right) >= threshold:
        return True
    return min(len(left), len(right)) >= MIN_SOUND_NAME and normalize.sound(left) == normalize.sound(right)


def _best_split(theirs: list[str], ours: list[str]) -> _Split:
    """Cut the written words into first names and surname where the surname fits the client's best:
    the last one to three words ("Mohamed Al Khatib"), or the first ones for "SCHULZ Jana"."""
    our_surnames = ["".join(ours[-size:]) for size in range(1, min(MAX_SURNAME_WORDS, len(ours) - 1) + 1)]
    best = _Split((), False, 0.0)
    for size in range(1, min(MAX_SURNAME_WORDS, len(theirs) - 1) + 1):
        for surname, first in (("".join(theirs[-size:]), theirs[:-size]), ("".join(theirs[:size]), theirs[size:])):
            for own in our_surnames:
                score = float(fuzz.ratio(surname, own))
                close = _alike(surname, own, SURNAME_CLOSE)
                if (close, score) > (best.surname_close, best.surname_score):
                    best = _Split(tuple(first), close, score)
    return best


def any_stranger(names: Iterable[str], client: str) -> bool:
    """Whether one of the written names is not plainly the client's (relation other than "same"): only
    such a name is ever compared with other clients."""
    return any(relation(name, client) != "same" for name in names)


def full_names(written: Iterable[NameFound]) -> list[NameFound]:
    """The extractor's client names of at least two words, each spelling once (most confident kept)."""
    kept: dict[str, NameFound] = {}
    for name in written:
        if name.role != "client" or len(normalize.name_tokens(name.value)) < 2:
            continue
        key = normalize.name_key(name.value)
        if key not in kept or name.confidence > kept[key].confidence:
            kept[key] = name
    return list(kept.values())


def confirmed(best: Scored) -> bool:
    """The birth date or the firm reference ties the reply to this client."""
    return any(signal.code in CONFIRMING_SIGNALS for signal in best.signals)


def doubts(best: Scored, written: Sequence[NameFound], others: Iterable[Inquiry]) -> list[str]:
    """Why the names written in the reply need a human before the matched claim is written (empty: none)."""
    client = best.inquiry
    rivals = [other for other in _unique(others) if client_identity(other) != client_identity(client)]
    names = full_names(written)
    # When the creditor's own text names our client as well, a labelled stranger is more likely a
    # co-party or a misread phrase than the person the figures are about.
    ours = [name for name in names if name.evidence.part != "subject" and relation(name.value, client.client_name)
            == "same"]
    # An attachment is a document of its own: a stranger labelled the debtor there ("Schuldner: Herr Dietmar
    # Wolkenhauer") is who its figures are about, whatever name the mail around it writes.
    ours_in = {name.evidence.source for name in ours}
    reasons: list[str] = []
    for name in names:
        counts = not ours or (name.evidence.part == "attachment" and name.evidence.source not in ours_in)
        reason = _doubt(name, client, confirmed(best), rivals, strangers_count=counts)
        if reason is not None and reason not in reasons:
            reasons.append(reason)
    return reasons


def _doubt(name: NameFound, client: Inquiry, is_confirmed: bool, rivals: list[Inquiry], *,
           strangers_count: bool) -> str | None:
    to_client = relation(name.value, client.client_name)
    if to_client == "same":
        return None
    where = f"'{name.value}' ({name.evidence.part})"
    labelled = name.confidence >= LABELLED_CLIENT
    # A weak find unlike our client may be a contact person: only another client's exact name counts then.
    fits = ("same",) if to_client == "unrelated" and not labelled else ("same", "variant")
    for rival in rivals:
        if (kind := relation(name.value, rival.client_name)) in fits:
            how = "the name" if kind == "same" else "a close spelling of the name"
            return (f"name conflict: the text names {where}, {how} of another client, {rival.client_name} "
                    f"({rival.firm_reference}), not {client.client_name}")
    if to_client == "variant":
        if is_confirmed:
            return None
        return (f"name conflict: the text names {where}, only a close spelling of {client.client_name}, "
                "and neither the birth date nor the firm reference confirms the client")
    if to_client == "relative":
        return f"name conflict: the text names {where}, another first name than the client {client.client_name}"
    if labelled and strangers_count:
        return f"name conflict: the text names {where} as the client, not {client.client_name}"
    return None


def surname_only(best: Scored, written: Sequence[NameFound], others: Iterable[Inquiry]) -> list[str]:
    """Why a reply that names the client by surname alone may be about the client's namesake at the same creditor
    (empty: it is not). A number does not settle it (the creditor may have looked up the relative's account and written
    to the firm's general inbox); the answer sent to the client's own routing address, in that letter's thread, does."""
    client = best.inquiry
    if any(signal.code == "routing_id" for signal in best.signals):
        return []
    surname = set(normalize.surname_tokens(client.client_name))
    if not surname:
        return []
    own_text = [(name, set(normalize.name_tokens(name.value))) for name in written
                if name.role == "client" and name.evidence.part in ("reply", "subject", "attachment")]
    if any(tokens - surname and relation(name.value, client.client_name) in ("same", "variant")
           for name, tokens in own_text):
        return []
    shown = next((name.value for name, tokens in own_text if tokens == surname), None)
    if shown is None:
        return []
    for rival in _unique(others):
        if client_identity(rival) != client_identity(client) \
                and creditor_identity(rival) == creditor_identity(client) \
                and set(normalize.surname_tokens(rival.client_name)) == surname:
            return [f"name conflict: the text names only the surname '{shown}', and two clients of that name have "
                    f"letters at this creditor: {client.client_name} and {rival.client_name} ({rival.firm_reference})"]
    return []


def _unique(inquiries: Iterable[Inquiry]) -> list[Inquiry]:
    seen: dict[str, Inquiry] = {}
    for inquiry in inquiries:
        seen.setdefault(inquiry.external_id, inquiry)
    return list(seen.values())
