"""matching/candidates.py — email facts and candidate inquiries; invariant: indexed lookups only, never a scan."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    CompoundSelect,
    Select,
    Subquery,
    bindparam,
    case,
    func,
    literal_column,
    or_,
    select,
    union,
    union_all,
)
from sqlalchemy.orm import Session

from app.models import DEFAULT_FIRM_ID, IncomingEmail, Inquiry, InquiryNameKey
from app.services.extraction.result import ExtractionResult
from app.services.matching import normalize

MAX_CANDIDATES = 60
MAX_REFERENCE_KEYS = 3000
MAX_NAME_KEYS = 1500
MAX_WORDS = 3000
MIN_TOKEN = 3
MIN_SOUND_WORD = 4
MIN_SOUND = 3

_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")
_BIRTH_LABEL = re.compile(r"(?:\bgeb(?:oren|urtsdatum|\.-datum)?\b\.?|\*)\s*(?:am\s*)?[:\s]*$", re.IGNORECASE)


@dataclass(frozen=True)
class EmailFacts:
    """Everything the matcher reads from one email, already folded into search keys."""

    sender: str
    sender_domain: str
    routing_keys: frozenset[str]
    reference_keys: frozenset[str]
    firm_reference_keys: frozenset[str]
    words: tuple[str, ...]
    alnum_words: frozenset[str]
    dates: frozenset[date]
    birth_dates: frozenset[date]
    client_name: str | None = None
    creditor_name: str | None = None
    firm_id: int = DEFAULT_FIRM_ID  # matching only ever sees this firm's inquiries


@dataclass(frozen=True)
class Candidates:
    """The inquiries worth scoring, plus which routing ids and firm references in the email are
    known at all (a known one naming another client is a conflict; an unknown one is not)."""

    inquiries: tuple[Inquiry, ...]
    known_routing_keys: frozenset[str]
    known_firm_keys: frozenset[str]
    known_creditor_keys: frozenset[str]


def read_facts(
    email: IncomingEmail, body_text: str, extraction: ExtractionResult | None, firm_reference_pattern: str
) -> EmailFacts:
    """Collect the email's identifying facts from its envelope, subject, body text (all parts:
    the quoted letter is the firm's own and names the case too) and the extractor's findings."""
    text = f"{email.subject or ''}\n{body_text}"
    references = set(_limited(normalize.reference_windows(text), MAX_REFERENCE_KEYS))
    firm_keys = {normalize.reference_key(m.group()) for m in re.finditer(firm_reference_pattern, text)}
    client_name = creditor_name = None
    if extraction is not None:
        found = [extraction.firm_reference, extraction.creditor_reference]
        found += [reference.value for reference in extraction.references]
        references.update(key for key in map(normalize.reference_key, found) if key)
        if extraction.firm_reference:
            firm_keys.add(normalize.reference_key(extraction.firm_reference))
        client_name = extraction.client_name
        creditor_name = extraction.creditor_name or extraction.agent_name
    dates, birth_dates = _dates(text)
    sender = normalize.email_address(email.from_email)
    folded = normalize.fold(text)
    return EmailFacts(
        sender=sender,
        sender_domain=sender.rpartition("@")[2],
        routing_keys=frozenset(normalize.routing_keys([*email.to_addresses, *email.cc_addresses])),
        reference_keys=frozenset(references),
        firm_reference_keys=frozenset(firm_keys),
        words=tuple(normalize.text_words(text)[:MAX_WORDS]),
        alnum_words=frozenset(re.split(r"[^a-z0-9]+", folded)),
        dates=frozenset(dates),
        birth_dates=frozenset(birth_dates),
        client_name=client_name,
        creditor_name=creditor_name,
        firm_id=email.firm_id or DEFAULT_FIRM_ID,
    )


def _limited(keys: Iterable[str], limit: int) -> list[str]:
    return sorted(keys, key=len, reverse=True)[:limit]


def _dates(text: str) -> tuple[set[date], set[date]]:
    """All calendar dates written in the text, and those written as someone's birth date."""
    found: set[date] = set()
    births: set[date] = set()
    for match in _DATE.finditer(text):
        day, month, year = (match.group(1), match.group(2), match.group(3)) if match.group(1) else (
            match.group(6), match.group(5), match.group(4))
        try:
            value = date(int(year), int(month), int(day))
        except ValueError:
            continue
        found.add(value)
        if _BIRTH_LABEL.search(text[max(0, match.start() - 24):match.start()]):
            births.add(value)
    return found, births


def name_search_keys(words: Iterable[str]) -> tuple[list[str], list[str]]:
    """The name tokens and Kölner Phonetik codes an email's words are looked up by."""
    tokens = {word for word in words if len(word) >= MIN_TOKEN and word not in normalize.NAME_NOISE}
    sounds = {normalize.sound(word) for word in tokens if len(word) >= MIN_SOUND_WORD}
    return (sorted(tokens)[:MAX_NAME_KEYS],
            sorted(code for code in sounds if len(code) >= MIN_SOUND)[:MAX_NAME_KEYS])


def gather(session: Session, facts: EmailFacts) -> Candidates:
    """Inquiries sharing a routing id, a firm or creditor reference, the sender (address or
    domain, together with a name hit) or two words of the client's name with the email: one
    statement finds them all, a second loads them."""
    tokens, sounds = name_search_keys(facts.words)
    domain = facts.sender_domain if facts.sender_domain and not normalize.is_shared_domain(facts.sender_domain) \
        else None
    found = session.execute(_CANDIDATE_IDS, {
        "routing": sorted(facts.routing_keys), "refs": sorted(facts.reference_keys | facts.firm_reference_keys),
        "tokens": tokens, "sounds": sounds, "sender": facts.sender, "domain": domain, "firm": facts.firm_id,
    }).all()
    ranked = sorted(found, key=lambda row: (row.part, -row.tokens, -row.sounds, row.inquiry_id))
    unique = list(dict.fromkeys(row.inquiry_id for row in ranked))[:MAX_CANDIDATES]
    inquiries = tuple(session.scalars(_BY_IDS, {"ids": unique, "firm": facts.firm_id})) if unique else ()
    # Every loaded inquiry that shares a routing id or reference with the email is one of the
    # reference hits (those come first, MAX_CANDIDATES at most), so the known keys are read off them.
    refs = facts.reference_keys | facts.firm_reference_keys
    return Candidates(
        inquiries,
        known_routing_keys=frozenset(i.routing_key for i in inquiries if i.routing_key in facts.routing_keys),
        known_firm_keys=frozenset(i.firm_reference_key for i in inquiries if i.firm_reference_key in refs),
        known_creditor_keys=frozenset(i.creditor_reference_key for i in inquiries
                                      if i.creditor_reference_key in facts.reference_keys),
    )


def namesakes(session: Session, names: Iterable[str], firm_id: int = DEFAULT_FIRM_ID) -> list[Inquiry]:
    """Inquiries whose client shares a surname word or its sound with one of `names` (written person
    names, "first … last"), those sharing most first — the clients a written name could designate
    besides the match (a name only fits another client whose surname is spelt or sounds alike)."""
    tokens, sounds = name_search_keys(word for name in names for word in normalize.surname_tokens(name))
    if not tokens and not sounds:
        return []
    return list(session.scalars(_NAMESAKES, {"tokens": tokens, "sounds": sounds, "firm": firm_id}))


# The statements are built once; each email only binds its keys. Name keys are read from the
# covering index (kind, value, inquiry_id) alone: one index range per kind, no table rows.
_KEYS = InquiryNameKey.__table__.c


def _name_hits(*columns: ColumnElement[Any], distinct: bool) -> Subquery:
    """The name keys the email's tokens or sound codes hit, one index range per kind."""
    parts = [select(*columns).where(_KEYS.kind == kind, _KEYS.value.in_(bindparam(name, expanding=True)))
             for kind, name in (("token", "tokens"), ("sound", "sounds"))]
    return (union(*parts) if distinct else union_all(*parts)).subquery("name_hit")


def _candidate_ids() -> CompoundSelect:
    """(part, inquiry_id, tokens, sounds) rows: part 0 the reference hits, 1 the sender's inquiries
    sharing a name word (most shared words first: a big creditor holds thousands), 2 the inquiries
    sharing two words of the client's name; up to MAX_CANDIDATES each. Tokens and sounds count
    distinct name words, however many key rows an inquiry holds."""
    table = Inquiry.__table__.c
    refs: BindParameter[str] = bindparam("refs", expanding=True)
    firm: BindParameter[int] = bindparam("firm")
    strong = (
        select(literal_column("0").label("part"), table.id.label("inquiry_id"), literal_column("0").label("tokens"),
               literal_column("0").label("sounds"))
        .where(table.firm_id == firm,
               or_(table.routing_key.in_(bindparam("routing", expanding=True)), table.firm_reference_key.in_(refs),
                   table.creditor_reference_key.in_(refs)))
        .order_by(table.id)
        .limit(MAX_CANDIDATES)
    )
    # Per inquiry any name word hits, how many distinct tokens and sound codes: computed once, read twice.
    hit = _name_hits(_KEYS.inquiry_id, _KEYS.kind, _KEYS.value, distinct=True)
    per_inquiry = (
        select(hit.c.inquiry_id, func.count(case((hit.c.kind == "token", 1))).label("tokens"),
               func.count(case((hit.c.kind == "sound", 1))).label("sounds"))
        .group_by(hit.c.inquiry_id)
        .cte("name_hits")
    ).c
    # A sender's inquiry ids come from the covering indexes (thousands at a big creditor).
    by_sender = (
        select(literal_column("1").label("part"), per_inquiry.inquiry_id, per_inquiry.tokens, per_inquiry.sounds)
        .where(or_(per_inquiry.inquiry_id.in_(select(table.id).where(table.creditor_email_key == bindparam("sender"),
                                                                     table.firm_id == firm)),
                   per_inquiry.inquiry_id.in_(select(table.id).where(table.creditor_domain == bindparam("domain"),
                                                                     table.firm_id == firm))))
        .order_by(per_inquiry.tokens.desc(), per_inquiry.sounds.desc(), per_inquiry.inquiry_id)
        .limit(MAX_CANDIDATES)
    )
    by_name = (
        select(literal_column("2").label("part"), per_inquiry.inquiry_id, per_inquiry.tokens,
               literal_column("0").label("sounds"))
        .where(or_(per_inquiry.tokens >= 2, per_inquiry.sounds >= 2))
        .order_by(per_inquiry.tokens.desc(), per_inquiry.inquiry_id)
        .limit(MAX_CANDIDATES)
    )
    return union_all(strong.subquery().select(), by_sender.subquery().select(), by_name.subquery().select())


def _namesake_ids() -> Select[tuple[int]]:
    """The inquiries most name-key rows hit first."""
    hit = _name_hits(_KEYS.inquiry_id, distinct=False)
    return (select(hit.c.inquiry_id).group_by(hit.c.inquiry_id)
            .order_by(func.count().desc(), hit.c.inquiry_id).limit(MAX_CANDIDATES))


_CANDIDATE_IDS = _candidate_ids()
# Another firm's inquiry never leaves the database for this email (the name parts search every firm's keys,
# so a very common name could fill a part with other firms' clients; the reference and sender parts cannot).
_OF_FIRM = Inquiry.firm_id == bindparam("firm")
_BY_IDS = select(Inquiry).where(Inquiry.id.in_(bindparam("ids", expanding=True)), _OF_FIRM).order_by(Inquiry.id)
_NAMESAKES = select(Inquiry).where(Inquiry.id.in_(_namesake_ids().scalar_subquery()), _OF_FIRM).order_by(Inquiry.id)
