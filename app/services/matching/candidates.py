"""matching/candidates.py — email facts and candidate inquiries; invariant: indexed lookups only, never a scan."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, case, distinct, func, or_, select
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
    domain, together with a name hit) or two words of the client's name with the email."""
    refs = sorted(facts.reference_keys | facts.firm_reference_keys)
    routing = sorted(facts.routing_keys)
    strong = session.execute(
        select(Inquiry.id, Inquiry.routing_key, Inquiry.firm_reference_key, Inquiry.creditor_reference_key)
        .where(Inquiry.firm_id == facts.firm_id,
               or_(Inquiry.routing_key.in_(routing), Inquiry.firm_reference_key.in_(refs),
                   Inquiry.creditor_reference_key.in_(refs)))
        .limit(MAX_CANDIDATES)
    ).all()
    ids: list[int] = [row.id for row in strong]
    known_routing = frozenset(row.routing_key for row in strong if row.routing_key in facts.routing_keys)
    known_firm = frozenset(row.firm_reference_key for row in strong if row.firm_reference_key in refs)
    known_creditor = frozenset(
        row.creditor_reference_key for row in strong if row.creditor_reference_key in facts.reference_keys
    )
    tokens, sounds = name_search_keys(facts.words)
    ids += _sender_with_name(session, facts, tokens, sounds)
    ids += _by_full_name(session, tokens, sounds)
    unique = list(dict.fromkeys(ids))[:MAX_CANDIDATES]
    inquiries = session.scalars(select(Inquiry).where(Inquiry.id.in_(unique), Inquiry.firm_id == facts.firm_id)
                                .order_by(Inquiry.id)).all()
    return Candidates(tuple(inquiries), known_routing, known_firm, known_creditor)


def _name_match(tokens: list[str], sounds: list[str]) -> ColumnElement[bool]:
    return or_(
        (InquiryNameKey.kind == "token") & InquiryNameKey.value.in_(tokens),
        (InquiryNameKey.kind == "sound") & InquiryNameKey.value.in_(sounds),
    )


def _distinct_values(kind: str) -> ColumnElement[int]:
    return func.count(distinct(case((InquiryNameKey.kind == kind, InquiryNameKey.value))))


def _sender_with_name(session: Session, facts: EmailFacts, tokens: list[str], sounds: list[str]) -> list[int]:
    """Inquiries to the sender's address or (non-shared) domain whose client name shares a word,
    most shared words first (a big creditor may hold thousands of inquiries)."""
    sender_match = [Inquiry.creditor_email_key == facts.sender]
    if facts.sender_domain and not normalize.is_shared_domain(facts.sender_domain):
        sender_match.append(Inquiry.creditor_domain == facts.sender_domain)
    statement = (
        select(InquiryNameKey.inquiry_id)
        .join(Inquiry, Inquiry.id == InquiryNameKey.inquiry_id)
        .where(or_(*sender_match), _name_match(tokens, sounds))
        .group_by(InquiryNameKey.inquiry_id)
        .order_by(_distinct_values("token").desc(), _distinct_values("sound").desc(), InquiryNameKey.inquiry_id)
        .limit(MAX_CANDIDATES)
    )
    return list(session.scalars(statement))


def _by_full_name(session: Session, tokens: list[str], sounds: list[str]) -> list[int]:
    """Inquiries whose client name shares two words (spelled or sounding alike) with the email."""
    token_count = _distinct_values("token")
    statement = (
        select(InquiryNameKey.inquiry_id)
        .where(_name_match(tokens, sounds))
        .group_by(InquiryNameKey.inquiry_id)
        .having(or_(token_count >= 2, _distinct_values("sound") >= 2))
        .order_by(token_count.desc(), InquiryNameKey.inquiry_id)
        .limit(MAX_CANDIDATES)
    )
    return list(session.scalars(statement))


def namesakes(session: Session, names: Iterable[str], firm_id: int = DEFAULT_FIRM_ID) -> list[Inquiry]:
    """Inquiries whose client shares a surname word or its sound with one of `names` (written person
    names, "first … last"), those sharing most first — the clients a written name could designate
    besides the match (a name only fits another client whose surname is spelt or sounds alike)."""
    tokens, sounds = name_search_keys(word for name in names for word in normalize.surname_tokens(name))
    if not tokens and not sounds:
        return []
    statement = (
        select(InquiryNameKey.inquiry_id)
        .where(_name_match(tokens, sounds))
        .group_by(InquiryNameKey.inquiry_id)
        .order_by(func.count().desc(), InquiryNameKey.inquiry_id)
        .limit(MAX_CANDIDATES)
    )
    ids = list(session.scalars(statement))
    if not ids:
        return []
    return list(session.scalars(select(Inquiry).where(Inquiry.id.in_(ids), Inquiry.firm_id == firm_id)
                                .order_by(Inquiry.id)))
