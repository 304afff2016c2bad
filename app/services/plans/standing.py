"""services/plans/standing.py — where a client's settlement plan stands; invariant: the standing is computed from
the plan letters and each letter's current decision alone (pure `assess`), and § 309 InsO says "possible" only
when it holds whatever the claims without a figure turn out to be.

The rules, per client (n = every plan letter of the client, k = those whose current decision is `accepted`):
- outcome `failed` as soon as one creditor's current decision is `declined` or `counter_offer` (a counter-offer
  the firm has not taken stays the creditor's current decision): the out-of-court attempt has failed and the firm
  may issue the certificate of failure (§ 305 Abs. 1 Nr. 1 InsO); `accepted` when every creditor accepted;
  otherwise `pending`, with the creditors still outstanding (no answer, needs_info, unclear).
- § 309 InsO (the court replaces missing consents) needs MORE than half of the named creditors (2k > n; exactly
  half is not enough) AND the agreeing creditors' claims MORE than half of all named claims
  (2 · agreed > total, i.e. agreed > not agreed).
- Claims without a figure (`known_amount` is None) count as heads; their amount is unknown, any figure ≥ 0 (a
  listed claim may still turn out to be nil). With A = known agreed claims and N = known other claims the claims
  test reads A + X > N + Y for unknown X ≥ 0 (agreeing) and Y ≥ 0 (not agreeing):
  * no unknown on the other side (Y = 0): it holds for every X exactly when A > N → True; when A ≤ N an unknown
    agreeing claim could still tip it (None), and without one it is False;
  * an unknown claim on the other side could be arbitrarily large, so it never surely holds: None, unless it
    surely fails — A ≤ N with no unknown agreeing claim → False.
  The heads test needs no figures; when it fails the verdict is False whatever the claims are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.models import DEFAULT_FIRM_ID, Inquiry, PlanDecision
from app.services import money
from app.services.matching.normalize import reference_key
from app.services.plans import decisions
from app.services.plans.offer import PlanOffer

Outcome = Literal["accepted", "failed", "pending"]
REFUSALS = frozenset({"declined", "counter_offer"})
ZERO = Decimal("0.00")
HUNDRED = Decimal("100")
FIRM_TIME_ZONE = ZoneInfo("Europe/Berlin")


def firm_today(now: datetime) -> date:
    """The firm's calendar day at `now` (reply-by dates are German calendar days)."""
    return now.astimezone(FIRM_TIME_ZONE).date()


@dataclass(frozen=True)
class PlanLetter:
    """One creditor's plan letter: `claim` is the claim the plan lists (None when the plan names no figure)."""

    inquiry_id: str
    creditor_name: str
    claim: Decimal | None
    offer: PlanOffer | None


@dataclass(frozen=True)
class CurrentDecision:
    """The decision in force for one letter, with the counter-offer's figures when it is a counter_offer."""

    decision: str
    effective_at: datetime
    actor_kind: str
    decided_by: str
    counter_offer: Mapping[str, Decimal] | None = None
    note: str | None = None


@dataclass(frozen=True)
class CreditorStanding:
    letter: PlanLetter
    current: CurrentDecision | None
    overdue: bool

    @property
    def decision(self) -> str | None:
        return self.current.decision if self.current else None

    @property
    def agreed(self) -> bool:
        return self.decision == "accepted"


@dataclass(frozen=True)
class Replacement:
    """§ 309 InsO: `possible` True / False / None (cannot tell while claim figures are missing), with the figures."""

    possible: bool | None
    heads_agreed: int
    heads_total: int
    heads_percent: Decimal | None
    claims_agreed: Decimal
    claims_total: Decimal
    claims_percent: Decimal | None
    unknown_agreed: int
    unknown_other: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Standing:
    firm_reference: str
    client_name: str
    today: date
    creditors: tuple[CreditorStanding, ...]
    outcome: Outcome
    outstanding: tuple[str, ...]
    refused: tuple[str, ...]
    replacement: Replacement
    reasons: tuple[str, ...] = field(default=())

    @property
    def certificate_of_failure(self) -> bool:
        """The firm may certify that the out-of-court attempt failed (§ 305 Abs. 1 Nr. 1 InsO)."""
        return self.outcome == "failed"


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """`part` as a percentage of `whole`, to two places; None when the whole is nothing."""
    return None if whole <= ZERO else money.to_cents(part * HUNDRED / whole)


def is_overdue(offer: PlanOffer | None, current: CurrentDecision | None, today: date) -> bool:
    """No decision recorded and the plan's reply-by day has passed."""
    return current is None and offer is not None and offer.reply_by is not None and offer.reply_by < today


def _claims_verdict(agreed: Decimal, other: Decimal, unknown_agreed: int, unknown_other: int) -> bool | None:
    if agreed > other:
        return True if unknown_other == 0 else None
    return None if unknown_agreed else False


def replacement(creditors: Sequence[CreditorStanding]) -> Replacement:
    """The § 309 InsO verdict and its figures (see the module docstring for unknown claim figures)."""
    k, n = sum(1 for c in creditors if c.agreed), len(creditors)
    agreed = sum((c.letter.claim for c in creditors if c.agreed and c.letter.claim is not None), ZERO)
    other = sum((c.letter.claim for c in creditors if not c.agreed and c.letter.claim is not None), ZERO)
    unknown_agreed = sum(1 for c in creditors if c.agreed and c.letter.claim is None)
    unknown_other = sum(1 for c in creditors if not c.agreed and c.letter.claim is None)
    heads_ok = 2 * k > n
    claims_ok = _claims_verdict(agreed, other, unknown_agreed, unknown_other)
    total = agreed + other
    reasons = [f"{k} of {n} creditors agreed: " + ("more than half" if heads_ok else "not more than half")]
    claims_line = f"agreed claims {money.format_eur(agreed)} of {money.format_eur(total)}"
    if claims_ok is True:
        reasons.append(f"{claims_line}: more than half")
    elif claims_ok is False:
        reasons.append(f"{claims_line}: not more than half")
    else:
        unknown = unknown_agreed + unknown_other
        figures = "1 claim without a figure decides" if unknown == 1 else f"{unknown} claims without a figure decide"
        reasons.append(f"{claims_line}; {figures} whether that is more than half")
    possible = False if not heads_ok or claims_ok is False else claims_ok
    return Replacement(
        possible=possible, heads_agreed=k, heads_total=n, heads_percent=percent(money.exact(k), money.exact(n)),
        claims_agreed=agreed, claims_total=total, claims_percent=percent(agreed, total),
        unknown_agreed=unknown_agreed, unknown_other=unknown_other, reasons=tuple(reasons),
    )


def outcome_of(creditors: Sequence[CreditorStanding]) -> Outcome:
    if any(c.decision in REFUSALS for c in creditors):
        return "failed"
    if creditors and all(c.agreed for c in creditors):
        return "accepted"
    return "pending"


def _label(creditor: CreditorStanding) -> str:
    return f"{creditor.letter.creditor_name} ({creditor.letter.inquiry_id})"


def assess(firm_reference: str, client_name: str, letters: Iterable[tuple[PlanLetter, CurrentDecision | None]],
           today: date) -> Standing:
    """The standing of one client's plan from its letters and their current decisions, as of `today`."""
    creditors = tuple(CreditorStanding(letter=letter, current=current,
                                       overdue=is_overdue(letter.offer, current, today))
                      for letter, current in letters)
    outcome = outcome_of(creditors)
    refused = tuple(_label(c) for c in creditors if c.decision in REFUSALS)
    outstanding = tuple(_label(c) for c in creditors if c.decision not in REFUSALS and not c.agreed)
    if outcome == "failed":
        declined = [_label(c) for c in creditors if c.decision == "declined"]
        countered = [_label(c) for c in creditors if c.decision == "counter_offer"]
        who = "; ".join(part for part in (f"declined by {', '.join(declined)}" if declined else "",
                                          f"counter-offer not taken from {', '.join(countered)}" if countered else "")
                        if part)
        reasons = (f"{who}: the out-of-court attempt has failed; the firm can issue the certificate of failure "
                   "(§ 305 Abs. 1 Nr. 1 InsO)",)
    elif outcome == "accepted":
        reasons = ("every creditor accepted the plan",)
    else:
        reasons = (f"waiting for {', '.join(outstanding)}",)
    return Standing(firm_reference=firm_reference, client_name=client_name, today=today, creditors=creditors,
                    outcome=outcome, outstanding=outstanding, refused=refused, replacement=replacement(creditors),
                    reasons=reasons)


def current_decision(row: PlanDecision | None) -> CurrentDecision | None:
    if row is None:
        return None
    figures = {name: money.exact(value) for name, value in (row.counter_offer or {}).items()}
    return CurrentDecision(decision=row.decision, effective_at=row.effective_at, actor_kind=row.actor_kind,
                           decided_by=row.decided_by, counter_offer=figures or None, note=row.note)


def plan_letter(inquiry: Inquiry) -> PlanLetter:
    return PlanLetter(inquiry_id=inquiry.external_id, creditor_name=inquiry.creditor_name,
                      claim=inquiry.known_amount,
                      offer=PlanOffer.model_validate(inquiry.plan_offer) if inquiry.plan_offer else None)


def _standings(session: Session, letters: Sequence[Inquiry], today: date) -> list[Standing]:
    """One standing per client among `letters` (grouped by the firm reference's key, in first-seen order)."""
    current = decisions.current(session, [inquiry.id for inquiry in letters])
    by_client: dict[str, list[Inquiry]] = {}
    for inquiry in letters:
        by_client.setdefault(inquiry.firm_reference_key, []).append(inquiry)
    return [assess(group[0].firm_reference, group[0].client_name,
                   [(plan_letter(i), current_decision(current.get(i.id))) for i in group], today)
            for group in by_client.values()]


def _plan_letters(session: Session, key: str | None = None, firm_id: int | None = None) -> list[Inquiry]:
    query = select(Inquiry).where(Inquiry.letter_type == "plan")
    if firm_id is not None:
        query = query.where(Inquiry.firm_id == firm_id)
    if key is not None:
        query = query.where(Inquiry.firm_reference_key == key)
    return list(session.scalars(query.order_by(Inquiry.firm_reference_key, Inquiry.creditor_name, Inquiry.id)))


def load(session: Session, firm_reference: str, today: date, firm_id: int = DEFAULT_FIRM_ID) -> Standing:
    """Where the plan of the firm's client with `firm_reference` (compared without case, spaces or punctuation)
    stands; NotFound when that client has no plan letters."""
    key = reference_key(firm_reference)
    letters = _plan_letters(session, key, firm_id) if key else []
    if not letters:
        raise NotFound(f"no plan letters for client {firm_reference!r}")
    return _standings(session, letters, today)[0]


def load_all(session: Session, today: date, firm_id: int = DEFAULT_FIRM_ID) -> list[Standing]:
    """The standing of every client of the firm that has plan letters, ordered by firm reference."""
    return _standings(session, _plan_letters(session, firm_id=firm_id), today)
