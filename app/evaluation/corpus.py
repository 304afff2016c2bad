"""evaluation/corpus.py — load a corpus dir; invariant: inputs and expected labels are kept apart."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.errors import PermanentError
from app.services import money

CORPUS_FILE = "corpus.json"


class CorpusError(PermanentError):
    """The corpus directory is missing or its corpus.json is malformed."""


@dataclass(frozen=True)
class CorpusAttachment:
    path: Path
    filename: str
    content_type: str | None


@dataclass(frozen=True)
class CorpusEmail:
    """One email as it arrived — no labels here."""

    id: str
    received_at: str | None
    from_email: str
    from_name: str | None
    to: tuple[str, ...]  # every recipient; a corpus may give one address or a list
    subject: str | None
    body_text: str | None
    body_html: str | None
    attachments: tuple[CorpusAttachment, ...]


@dataclass(frozen=True)
class CorpusInquiry:
    """One inquiry the firm sent (client × creditor); the matcher's side of the data."""

    id: str
    client_name: str
    client_birth_date: str | None
    creditor_name: str
    creditor_email: str | None
    creditor_reference: str | None
    firm_reference: str
    known_amount: Decimal | None
    sent_at: str | None
    letter_type: str = "first"
    plan_offer: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class ExpectedLabels:
    """What a person decided for one email."""

    inquiry_id: str | None
    intent: str
    total_amount: Decimal | None
    components: Mapping[str, Decimal]
    creditor_reference: str | None
    auto_update_ok: bool
    notes: str
    # Every number in the email that is not the total; None where the corpus does not label them.
    decoys: frozenset[Decimal] | None = None
    # Plan corpora only (None elsewhere): the creditor's decision and its own figures.
    plan_decision: str | None = None
    counter_offer: Mapping[str, Decimal] | None = None
    labels_plan: bool = False


@dataclass(frozen=True)
class Corpus:
    directory: Path
    firm: Mapping[str, Any]
    inquiries: tuple[CorpusInquiry, ...]
    emails: tuple[CorpusEmail, ...]
    labels: Mapping[str, ExpectedLabels]


def _money(value: Any) -> Decimal | None:
    return None if value is None else money.to_cents(value)


def _decoys(value: Any) -> frozenset[Decimal] | None:
    if value is None:
        return None
    return frozenset(money.to_cents(item) for item in value)


def _addresses(value: Any) -> tuple[str, ...]:
    """A corpus's `to`: one address, a list of them, or nothing."""
    if not value:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(item for item in value if item)
    raise CorpusError(f"'to' must be an address or a list of addresses, not {type(value).__name__}")


def _email(raw: Mapping[str, Any], directory: Path) -> CorpusEmail:
    attachments = tuple(
        CorpusAttachment(path=directory / item["file"], filename=item.get("filename") or Path(item["file"]).name,
                         content_type=item.get("content_type"))
        for item in raw.get("attachments") or ()
    )
    return CorpusEmail(
        id=str(raw["id"]),
        received_at=raw.get("received_at"),
        from_email=raw.get("from_email") or "",
        from_name=raw.get("from_name"),
        to=_addresses(raw.get("to")),
        subject=raw.get("subject"),
        body_text=raw.get("body_text"),
        body_html=raw.get("body_html"),
        attachments=attachments,
    )


def read_labels(raw: Mapping[str, Any]) -> ExpectedLabels:
    components = raw.get("components") or {}
    return ExpectedLabels(
        inquiry_id=raw.get("inquiry_id"),
        intent=str(raw.get("intent")),
        total_amount=_money(raw.get("total_amount")),
        components={str(k): money.to_cents(v) for k, v in components.items()},
        creditor_reference=raw.get("creditor_reference"),
        auto_update_ok=bool(raw.get("auto_update_ok")),
        notes=str(raw.get("notes") or ""),
        decoys=_decoys(raw.get("decoys")),
        plan_decision=raw.get("plan_decision"),
        counter_offer=None if raw.get("counter_offer") is None
        else {str(k): money.exact(v) for k, v in raw["counter_offer"].items()},
        labels_plan="plan_decision" in raw,
    )


def _inquiry(raw: Mapping[str, Any]) -> CorpusInquiry:
    return CorpusInquiry(
        id=str(raw["id"]),
        client_name=raw.get("client_name") or "",
        client_birth_date=raw.get("client_birth_date"),
        creditor_name=raw.get("creditor_name") or "",
        creditor_email=raw.get("creditor_email"),
        creditor_reference=raw.get("creditor_reference"),
        firm_reference=raw.get("firm_reference") or "",
        known_amount=_money(raw.get("known_amount")),
        sent_at=raw.get("sent_at"),
        letter_type=raw.get("letter_type") or "first",
        plan_offer=raw.get("plan_offer"),
    )


def load_corpus(directory: Path) -> Corpus:
    """Read `directory/corpus.json`; attachment paths are resolved against `directory`."""
    path = Path(directory) / CORPUS_FILE
    if not path.is_file():
        raise CorpusError(f"no {CORPUS_FILE} in {directory}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        emails = tuple(_email(item, Path(directory)) for item in data["emails"])
        labels = {str(item["id"]): read_labels(item["expected"]) for item in data["emails"] if item.get("expected")}
        inquiries = tuple(_inquiry(item) for item in data.get("inquiries") or ())
    except (ValueError, KeyError, TypeError) as error:
        raise CorpusError(f"malformed {path}: {error}") from None
    return Corpus(directory=Path(directory), firm=data.get("firm") or {}, inquiries=inquiries, emails=emails,
                  labels=labels)
