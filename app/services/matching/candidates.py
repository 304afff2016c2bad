"""matching/candidates.py — email facts and candidate inquiries; invariant: indexed lookups only, never a scan."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ARRAY,
    CTE,
    JSON,
    BindParameter,
    ColumnElement,
    CompoundSelect,
    Dialect,
    Select,
    String,
    Subquery,
    Text,
    and_,
    any_,
    bindparam,
    case,
    distinct,
    func,
    literal_column,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session, aliased
from sqlalchemy.types import TypeDecorator

from app.models import DEFAULT_FIRM_ID, IncomingEmail, Inquiry, InquiryNameKey
from app.services.extraction.result import ExtractionResult
from app.services.matching import normalize

MAX_CANDIDATES = 60
# A sender holding this many of the firm's inquiries (address and domain together) is a big creditor.
BIG_SENDER = 8000
_SENDER_SIZES_KEPT = 10_000
_SENDER_SIZES: dict[tuple[int, str, str | None], bool] = {}
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
    routing_digits: frozenset[str] = frozenset()  # the routing tags' groups of digits (normalize.digit_groups)
    subject_key: str = ""  # the subject as one reference key (normalize.reference_key), to find references in it


@dataclass(frozen=True)
class Candidates:
    """The inquiries worth scoring, plus which routing ids and firm references in the email are
    known at all (a known one naming another client is a conflict; an unknown one is not)."""

    inquiries: tuple[Inquiry, ...]
    known_routing_keys: frozenset[str]  # also those whose digits alone a routing tag holds
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
    recipients = [*email.to_addresses, *email.cc_addresses]
    routing = normalize.routing_keys(recipients)
    return EmailFacts(
        sender=sender,
        sender_domain=sender.rpartition("@")[2],
        routing_keys=frozenset(routing),
        routing_digits=normalize.routing_digit_groups(recipients),
        subject_key=normalize.reference_key(email.subject),
        reference_keys=frozenset(references),
        firm_reference_keys=frozenset(firm_keys),
        words=tuple(normalize.folded_words(folded)[:MAX_WORDS]),
        alnum_words=frozenset(normalize.alnum_words(folded)),
        dates=frozenset(dates),
        birth_dates=frozenset(birth_dates),
        client_name=client_name,
        creditor_name=creditor_name,
        firm_id=email.firm_id or DEFAULT_FIRM_ID,
    )


def routing_groups(inquiry: Inquiry) -> str | None:
    """The digit groups of the inquiry's routing id (its Aktenzeichen when it has none), to compare with a tag's."""
    return normalize.digit_groups(inquiry.routing_id or inquiry.firm_reference)


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
    # Each distinct word once: a long email repeats most of its words.
    tokens = {word for word in set(words) if len(word) >= MIN_TOKEN} - normalize.NAME_NOISE
    sounds = set(map(normalize.sound, [word for word in tokens if len(word) >= MIN_SOUND_WORD]))
    return (sorted(tokens)[:MAX_NAME_KEYS],
            sorted(code for code in sounds if len(code) >= MIN_SOUND)[:MAX_NAME_KEYS])


def gather(session: Session, facts: EmailFacts) -> Candidates:
    """Inquiries sharing a routing id, a firm or creditor reference, the sender (address or
    domain, together with a name hit) or two words of the client's name with the email: one
    statement finds and loads them."""
    tokens, sounds = name_search_keys(facts.words)
    domain = facts.sender_domain if facts.sender_domain and not normalize.is_shared_domain(facts.sender_domain) \
        else None
    statement = _CANDIDATES[_big_sender(session, facts.sender, domain, facts.firm_id),
                            list_binding(session.get_bind().dialect.name)]
    inquiries: tuple[Inquiry, ...] = tuple(session.scalars(statement, {
        "routing": sorted(facts.routing_keys), "digits": sorted(facts.routing_digits),
        "refs": sorted(facts.reference_keys | facts.firm_reference_keys),
        "tokens": tokens, "sounds": sounds, "sender": facts.sender, "domain": domain, "firm": facts.firm_id,
    }))
    # Every loaded inquiry that shares a routing id or reference with the email is one of the
    # reference hits (those come first, MAX_CANDIDATES at most), so the known keys are read off them.
    refs = facts.reference_keys | facts.firm_reference_keys
    return Candidates(
        inquiries,
        known_routing_keys=frozenset(i.routing_key for i in inquiries if i.routing_key in facts.routing_keys
                                     or routing_groups(i) in facts.routing_digits),
        known_firm_keys=frozenset(i.firm_reference_key for i in inquiries if i.firm_reference_key in refs),
        known_creditor_keys=frozenset(i.creditor_reference_key for i in inquiries
                                      if i.creditor_reference_key in facts.reference_keys),
    )


def _big_sender(session: Session, sender: str, domain: str | None, firm_id: int) -> bool:
    """Whether the sender's address or its domain holds BIG_SENDER inquiries of the firm or more: only picks
    the faster of two statements that find the same candidates, so a size remembered from an earlier
    email (the worker keeps it) may be stale without changing a result."""
    key = (firm_id, sender, domain)
    big = _SENDER_SIZES.get(key)
    if big is None:
        if len(_SENDER_SIZES) >= _SENDER_SIZES_KEPT:
            _SENDER_SIZES.clear()
        by_address, by_domain = session.execute(_SENDER_SIZE, {"sender": sender, "domain": domain,
                                                               "firm": firm_id}).one()
        big = _SENDER_SIZES[key] = max(by_address, by_domain) >= BIG_SENDER
    return big


def namesakes(session: Session, names: Iterable[str], firm_id: int = DEFAULT_FIRM_ID) -> list[Inquiry]:
    """Inquiries whose client shares a surname word or its sound with one of `names` (written person
    names, "first … last"), those sharing most first — the clients a written name could designate
    besides the match (a name only fits another client whose surname is spelt or sounds alike)."""
    tokens, sounds = name_search_keys(word for name in names for word in normalize.surname_tokens(name))
    if not tokens and not sounds:
        return []
    return list(session.scalars(_NAMESAKES, {"tokens": tokens, "sounds": sounds, "firm": firm_id}))


# The statements are built once; each email only binds its keys. Name keys are read from the
# covering index (kind, value, firm_id, inquiry_id) alone: one index range per kind and firm, no table rows.
# Short aliases keep the candidate statement's text under psycopg's 4096 characters, which it parses only once.
_KEYS = InquiryNameKey.__table__.alias("k").c
_TABLE = Inquiry.__table__.alias("i").c
_LOADED = aliased(Inquiry, name="q")
_FIRM: BindParameter[int] = bindparam("firm")
_SENDER_COLUMNS = ((_TABLE.creditor_email_key, "sender"), (_TABLE.creditor_domain, "domain"))


def _name_hits(lists: str) -> Subquery:
    """The firm's name keys the email's tokens or sound codes hit, one index range per kind: (inquiry_id,
    token), token 1 for a token's row and 0 for a sound code's."""
    parts = [select(_KEYS.inquiry_id, literal_column(marker).label("token"))
             .where(_key_hit(kind, name, lists), _KEYS.firm_id == _FIRM)
             for kind, name, marker in (("token", "tokens", "1"), ("sound", "sounds", "0"))]
    return union_all(*parts).subquery("hit")


# How a statement binds a list of keys: one array parameter (PostgreSQL), one JSON text parameter read by
# json_each (SQLite), or one parameter per item (any other database).
ARRAY_LIST, JSON_LIST, EXPANDED_LIST = "array", "json", "expanded"
_LIST_BINDING = {"postgresql": ARRAY_LIST, "sqlite": JSON_LIST}


def list_binding(dialect: str) -> str:
    return _LIST_BINDING.get(dialect, EXPANDED_LIST)


class SpacedKeys(TypeDecorator[list[str]]):
    """A list of keys bound as one text, the keys separated by spaces; PostgreSQL splits it again
    (string_to_array). psycopg dumps a list of strings element by element, several times slower than one
    string, and an email binds hundreds of keys. The keys are folded letters and digits, never a space."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: list[str] | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if any(" " in key or not key for key in value):
            raise ValueError("a lookup key is empty or holds a space")
        return " ".join(value)


def _one_of(column: ColumnElement[Any], name: str, lists: str) -> ColumnElement[bool]:
    """`column` is one of the list bound as `name`. On PostgreSQL one text parameter split into an array and
    on SQLite one JSON array read back by json_each, so the statement's text is the same for every email (the
    driver parses or prepares it once, and SQLAlchemy renders no per-email IN list) instead of one parameter
    per list item."""
    if lists == ARRAY_LIST:
        keys = func.string_to_array(bindparam(name, type_=SpacedKeys()), literal_column("' '"), type_=ARRAY(String))
        return column == any_(keys)
    if lists == JSON_LIST:
        return column.in_(select(literal_column("value")).select_from(func.json_each(bindparam(name, type_=JSON))))
    return column.in_(bindparam(name, expanding=True))


def _of_kind(kind: str) -> ColumnElement[bool]:
    """The key kind written into the statement ("token" or "sound", never input): shorter than a parameter."""
    return _KEYS.kind == literal_column(f"'{kind}'", String)


def _key_hit(kind: str, name: str, lists: str) -> ColumnElement[bool]:
    return and_(_of_kind(kind), _one_of(_KEYS.value, name, lists))


def _hits_per_inquiry(lists: str) -> tuple[CTE, CTE]:
    """Per inquiry of the firm any name word hits, how many distinct tokens and sound codes, as two row sets:
    `rows` counts the firm's key rows (another firm's namesakes never take a place), exact for the inquiries
    with at most one row of each kind (nothing to make distinct); `recounted` counts the few with more again,
    distinct values only (those inquiries are the firm's already). Counting every hit row distinctly was most
    of the statement's time (thousands of rows when the client's names are common)."""
    hit = _name_hits(lists)
    rows = (select(hit.c.inquiry_id, func.sum(hit.c.token).label("tokens"),
                   func.sum(1 - hit.c.token).label("sounds"))
            .group_by(hit.c.inquiry_id).cte("hitrows"))
    several = select(rows.c.inquiry_id).where(or_(rows.c.tokens >= 2, rows.c.sounds >= 2))
    recounted = (
        select(_KEYS.inquiry_id,
               func.count(distinct(case((_of_kind("token"), _KEYS.value)))).label("tokens"),
               func.count(distinct(case((_of_kind("sound"), _KEYS.value)))).label("sounds"))
        .where(_KEYS.inquiry_id.in_(several),
               or_(_key_hit("token", "tokens", lists), _key_hit("sound", "sounds", lists)))
        .group_by(_KEYS.inquiry_id)
        .cte("recount")
    )
    return rows, recounted


def _candidate_ids(big_sender: bool, lists: str) -> CompoundSelect:
    """(part, inquiry_id, tokens, sounds) rows: part 0 the reference hits, 1 the sender's inquiries
    sharing a name word (most shared words first: a big creditor holds thousands), 2 the inquiries
    sharing two words of the client's name; up to MAX_CANDIDATES each. Tokens and sounds count
    distinct name words, however many key rows an inquiry holds. `big_sender` only changes how the
    sender's inquiries are picked out (see _by_sender)."""
    strong = (
        select(literal_column("0").label("part"), _TABLE.id.label("inquiry_id"), literal_column("0").label("tokens"),
               literal_column("0").label("sounds"))
        .where(_TABLE.firm_id == _FIRM,
               or_(_one_of(_TABLE.routing_key, "routing", lists), _one_of(_TABLE.routing_digits, "digits", lists),
                   _one_of(_TABLE.firm_reference_key, "refs", lists),
                   _one_of(_TABLE.creditor_reference_key, "refs", lists)))
        .order_by(_TABLE.id)
        .limit(MAX_CANDIDATES)
    )
    rows, recounted = _hits_per_inquiry(lists)
    single = select(rows.c.inquiry_id, rows.c.tokens, rows.c.sounds).where(rows.c.tokens < 2, rows.c.sounds < 2)
    per_inquiry = union_all(single, select(recounted.c.inquiry_id, recounted.c.tokens, recounted.c.sounds))
    # Two words of the name: only inquiries with two key rows of one kind can have them, all recounted.
    by_name = (
        select(literal_column("2").label("part"), recounted.c.inquiry_id, recounted.c.tokens,
               literal_column("0").label("sounds"))
        .where(or_(recounted.c.tokens >= 2, recounted.c.sounds >= 2))
        .order_by(recounted.c.tokens.desc(), recounted.c.inquiry_id)
        .limit(MAX_CANDIDATES)
    )
    return union_all(strong.subquery().select(), _by_sender(per_inquiry.subquery("hits"), big_sender).select(),
                     by_name.subquery().select())


def _by_sender(hits: Subquery, big_sender: bool) -> Subquery:
    """The sender's inquiries among those a name word hits, most shared words first. Usually the sender's
    inquiry ids are read from the covering (address|domain, firm, id) indexes and looked up per hit; a
    big creditor's are thousands (17 % of all inquiries in bench/match.py), so for one the hits are
    walked best first and each is checked by its primary key until MAX_CANDIDATES are found."""
    order = (hits.c.tokens.desc(), hits.c.sounds.desc(), hits.c.inquiry_id)
    columns: tuple[ColumnElement[Any], ...] = (literal_column("1").label("part"), hits.c.inquiry_id, hits.c.tokens,
                                               hits.c.sounds)
    if not big_sender:
        owned = [hits.c.inquiry_id.in_(select(_TABLE.id).where(column == bindparam(name), _TABLE.firm_id == _FIRM))
                 for column, name in _SENDER_COLUMNS]
        return select(*columns).where(or_(*owned)).order_by(*order).limit(MAX_CANDIDATES).subquery()
    best_first = select(hits).order_by(*order).subquery("best")
    # A scalar subquery, not EXISTS: the planner would turn EXISTS into a join over all the sender's rows.
    senders = (select(and_(_TABLE.firm_id == _FIRM, or_(_TABLE.creditor_email_key == bindparam("sender"),
                                                        _TABLE.creditor_domain == bindparam("domain"))))
               .where(_TABLE.id == best_first.c.inquiry_id).scalar_subquery())
    return (select(literal_column("1").label("part"), best_first.c.inquiry_id, best_first.c.tokens,
                   best_first.c.sounds)
            .where(senders)
            .order_by(best_first.c.tokens.desc(), best_first.c.sounds.desc(), best_first.c.inquiry_id)
            .limit(MAX_CANDIDATES).subquery())


def _candidates(big_sender: bool, lists: str) -> Select[Any]:
    """The firm's inquiries among the first MAX_CANDIDATES of the candidate rows, by id: an inquiry found
    by several parts ranks by its first part (then most tokens, most sounds, lowest id). One statement,
    so the ids never travel to the worker and back."""
    found = _candidate_ids(big_sender, lists).cte("found")
    first = select(found.c.inquiry_id, func.min(found.c.part).label("part")).group_by(found.c.inquiry_id).subquery()
    chosen = (select(found.c.inquiry_id)
              .join(first, and_(first.c.inquiry_id == found.c.inquiry_id, first.c.part == found.c.part))
              .order_by(found.c.part, found.c.tokens.desc(), found.c.sounds.desc(), found.c.inquiry_id)
              .limit(MAX_CANDIDATES))
    return (select(_LOADED).where(_LOADED.id.in_(chosen.scalar_subquery()), _LOADED.firm_id == _FIRM)
            .order_by(_LOADED.id))


def _sender_size() -> Select[Any]:
    """How many of the firm's inquiries the sender's address and its domain hold, each counted up to BIG_SENDER
    (index-only: the covering address and domain indexes)."""
    counts = [select(func.count()).select_from(
        select(_TABLE.id).where(column == bindparam(name), _TABLE.firm_id == _FIRM).limit(BIG_SENDER).subquery())
        .scalar_subquery() for column, name in _SENDER_COLUMNS]
    return select(*counts)


def _namesake_ids() -> Select[tuple[int]]:
    """The inquiries most name-key rows hit first."""
    hit = _name_hits(EXPANDED_LIST)
    return (select(hit.c.inquiry_id).group_by(hit.c.inquiry_id)
            .order_by(func.count().desc(), hit.c.inquiry_id).limit(MAX_CANDIDATES))


# Another firm's inquiry never leaves the database for this email: every part already reads only the firm's
# rows (name keys carry their inquiry's firm, alembic 0011), and the loaded rows are checked once more.
_OF_FIRM = Inquiry.firm_id == bindparam("firm")
# By (big sender, how lists are bound).
_CANDIDATES = {(big, lists): _candidates(big, lists) for big in (False, True)
               for lists in (ARRAY_LIST, JSON_LIST, EXPANDED_LIST)}
_SENDER_SIZE = _sender_size()
_NAMESAKES = select(Inquiry).where(Inquiry.id.in_(_namesake_ids().scalar_subquery()), _OF_FIRM).order_by(Inquiry.id)
