"""services/claims.py — the only code that changes a claim's amount; each change: version+1, one history row."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal, cast

from sqlalchemy import Select, Table, bindparam, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from app.database import add_inserted
from app.models import Claim, ClaimHistory, Inquiry, utcnow
from app.services import money

ActorKind = Literal["system", "reviewer", "import"]
ApplyStatus = Literal["applied", "already_applied", "superseded"]


@dataclass(frozen=True)
class ClaimChange:
    """What to write: the new total (and components), where it comes from and who decided."""

    amount: Decimal
    actor_kind: ActorKind
    changed_by: str
    reason: str
    components: Mapping[str, Decimal] = field(default_factory=dict)
    status: str = "open"
    source_email_id: int | None = None
    source_received_at: datetime | None = None
    review_id: int | None = None
    note: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ApplyResult:
    """`applied`: this call wrote `history`; `already_applied`: the same source was written
    before (`history` is that row); `superseded`: a newer reply already set the figures."""

    status: ApplyStatus
    claim: Claim
    history: ClaimHistory | None


def _components(values: Mapping[str, Decimal]) -> dict[str, str]:
    return {name: str(money.to_cents(amount)) for name, amount in sorted(values.items())}


def open_claim(session: Session, inquiry: Inquiry) -> Claim:
    """The claim of a new inquiry, starting at the amount the firm knows (history version 0)."""
    claim = Claim(inquiry_id=inquiry.id, amount=inquiry.known_amount, components={}, currency=inquiry.currency,
                  status="open", version=0, updated_by="import")
    session.add(claim)
    session.flush()
    session.add(ClaimHistory(
        claim_id=claim.id, version=0, old_amount=None, new_amount=inquiry.known_amount, old_components={},
        new_components={}, old_status="open", new_status="open", actor_kind="import", changed_by="import",
        reason="inquiry_opened", evidence={"inquiry": inquiry.external_id}, at=utcnow(),
    ))
    return claim


def follow_known_amount(session: Session, inquiry: Inquiry) -> None:
    """The portal re-sent an inquiry: its known amount still counts while no reply has set the claim."""
    claim = locked(session, inquiry.id)
    if claim is None:
        open_claim(session, inquiry)
    elif claim.updated_by == "import" and claim.amount != inquiry.known_amount:
        old = claim.amount
        claim.amount = inquiry.known_amount
        claim.version += 1
        session.add(ClaimHistory(
            claim_id=claim.id, version=claim.version, old_amount=old, new_amount=inquiry.known_amount,
            old_components={}, new_components={}, old_status=claim.status, new_status=claim.status, actor_kind="import",
            changed_by="import", reason="known_amount_updated", evidence={"inquiry": inquiry.external_id},
            at=utcnow(),
        ))


_LOCKED = (select(Claim).where(Claim.inquiry_id == bindparam("inquiry_id")).with_for_update()
           .execution_options(populate_existing=True))


def locked(session: Session, inquiry_id: int) -> Claim | None:
    """The inquiry's claim, row-locked until commit on PostgreSQL (SQLite serialises writers)."""
    return session.scalars(_LOCKED, {"inquiry_id": inquiry_id}).first()


def current(session: Session, inquiry_id: int) -> Claim | None:
    return session.scalars(select(Claim).where(Claim.inquiry_id == inquiry_id)).first()


# Built once: the matcher reads one inquiry's figures per email, and building costs more than running.
_CLAIMS = cast(Table, Claim.__table__)
_CHANGED_AMOUNT = select(_CLAIMS.c.amount).where(_CLAIMS.c.inquiry_id == bindparam("inquiry_id"),
                                                 _CLAIMS.c.version > 0)


def changed_amount(session: Session, inquiry_id: int) -> Decimal | None:
    """The claim's amount once anything has changed it (version > 0); None while it still holds the
    amount the inquiry was opened with, or there is no claim."""
    return session.execute(_CHANGED_AMOUNT, {"inquiry_id": inquiry_id}).scalar()


def history(session: Session, inquiry_id: int) -> list[ClaimHistory]:
    statement = (select(ClaimHistory).join(Claim, Claim.id == ClaimHistory.claim_id)
                 .where(Claim.inquiry_id == inquiry_id).order_by(ClaimHistory.id))
    return list(session.scalars(statement))


def _earlier_write(session: Session, claim: Claim, change: ClaimChange) -> ClaimHistory | None:
    """The history row this same source already produced (system: same email; reviewer: same review).
    Its id is looked up first (Core); only a found row is loaded as an object, which is rare."""
    if change.actor_kind == "reviewer" and change.review_id is not None:
        statement, source = _WRITTEN_FOR_REVIEW, change.review_id
    elif change.source_email_id is not None:
        statement, source = _WRITTEN_FROM_EMAIL, change.source_email_id
    else:
        return None
    found = session.execute(statement, {"claim_id": claim.id, "source": source}).scalar()
    return None if found is None else session.get(ClaimHistory, found)


_HISTORY = cast(Table, ClaimHistory.__table__)


def _written_by(column: Any, claim_id: Any = None) -> Select[tuple[int]]:
    """The newest history row of a claim (`claim_id`: bound by name unless given) written by the bound source."""
    claim = bindparam("claim_id") if claim_id is None else claim_id
    return (select(_HISTORY.c.id).where(_HISTORY.c.claim_id == claim, column == bindparam("source"))
            .order_by(_HISTORY.c.id.desc()).limit(1))


_WRITTEN_FOR_REVIEW = _written_by(_HISTORY.c.review_id)
_WRITTEN_FROM_EMAIL = _written_by(_HISTORY.c.source_email_id)
# apply's two writes, built once (Core: the ORM unit of work cost more CPU than the statements themselves).
_INSERT_HISTORY = insert(_HISTORY).returning(_HISTORY.c.id)
_UPDATE_CLAIM = update(_CLAIMS).where(_CLAIMS.c.id == bindparam("claim_row"))


@dataclass(frozen=True)
class LockedForEmail:
    """The inquiry's claim row-locked for a write from one email (None: no claim yet), and the history row that
    email already wrote on it, if any: what `apply` reads first, read before the write gate in one statement."""

    claim: Claim | None
    earlier_id: int | None
    email_id: int

    @property
    def changed_amount(self) -> Decimal | None:
        """As `changed_amount`: the amount once anything has changed it."""
        return self.claim.amount if self.claim is not None and self.claim.version > 0 else None


_LOCKED_WITH_EARLIER = (
    select(Claim, _written_by(_HISTORY.c.source_email_id, _CLAIMS.c.id).correlate(Claim).scalar_subquery())
    .where(Claim.inquiry_id == bindparam("inquiry_id")).with_for_update(of=Claim)
    .execution_options(populate_existing=True))


def lock_for_email(session: Session, inquiry_id: int, email_id: int) -> LockedForEmail:
    """The claim locked as `locked` does, together with the history row `email_id` already wrote on it."""
    row = session.execute(_LOCKED_WITH_EARLIER, {"inquiry_id": inquiry_id, "source": email_id}).first()
    return LockedForEmail(row[0], row[1], email_id) if row is not None else LockedForEmail(None, None, email_id)


def apply(session: Session, inquiry: Inquiry, change: ClaimChange,
          already_locked: LockedForEmail | None = None) -> ApplyResult:
    """Write `change` onto the inquiry's claim unless this source was applied already, or (for
    the system) a reply received later has already set the figures. A reviewer's decision is
    applied whatever the order: the human has seen both. `already_locked` (for a change from that email) spares
    reading the claim and the earlier write again."""
    if already_locked is not None and already_locked.email_id == change.source_email_id \
            and change.actor_kind == "system":
        claim = already_locked.claim or open_claim(session, inquiry)
        earlier = session.get(ClaimHistory, already_locked.earlier_id) if already_locked.earlier_id else None
    else:
        claim = locked(session, inquiry.id) or open_claim(session, inquiry)
        earlier = _earlier_write(session, claim, change)
    if earlier is not None:
        return ApplyResult("already_applied", claim, earlier)
    newer = claim.source_received_at
    if (change.actor_kind == "system" and newer is not None and change.source_received_at is not None
            and change.source_received_at < newer):
        return ApplyResult("superseded", claim, None)
    now = utcnow()
    written = {
        "claim_id": claim.id, "version": claim.version + 1, "old_amount": claim.amount,
        "new_amount": money.to_cents(change.amount), "old_components": dict(claim.components or {}),
        "new_components": _components(change.components), "old_status": claim.status, "new_status": change.status,
        "source_email_id": change.source_email_id, "review_id": change.review_id, "actor_kind": change.actor_kind,
        "changed_by": change.changed_by, "reason": change.reason, "note": change.note, "evidence": change.evidence,
        "at": now,
    }
    figures = {
        "amount": written["new_amount"], "components": written["new_components"], "status": change.status,
        "version": written["version"], "updated_by": change.changed_by, "source_email_id": change.source_email_id,
        "source_received_at": change.source_received_at if change.source_received_at is not None and (
            newer is None or change.source_received_at > newer) else newer,
        "updated_at": now,
    }
    return ApplyResult("applied", claim, _write(session, claim, written, figures))


def _write(session: Session, claim: Claim, written: dict[str, Any], figures: dict[str, Any]) -> ClaimHistory:
    """The history row and the claim's new figures as two Core statements, with the same rows as a flush
    of the objects would write; the session's claim object takes the figures as its committed state, and
    the history row joins the session as a persistent object (its firm_id, set by the database, loads if
    touched)."""
    entry = add_inserted(session, _INSERT_HISTORY, ClaimHistory, written)  # after an opened claim's first row
    session.execute(_UPDATE_CLAIM, {"claim_row": claim.id, **figures})
    for key, value in figures.items():
        set_committed_value(claim, key, value)
    return entry
