"""services/plans/report.py — a client's plan standing as plain text for the terminal; invariant: it only
words what `standing` computed (German amount notation), it decides nothing."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from app.services import money
from app.services.plans.offer import PlanOffer
from app.services.plans.standing import CreditorStanding, Standing

VERDICT = {True: "possible", False: "not possible", None: "cannot tell yet"}
OUTCOME = {
    "accepted": "accepted — every creditor agreed",
    "failed": "failed — the certificate of failure can be issued (§ 305 Abs. 1 Nr. 1 InsO)",
    "pending": "pending",
}
HEADERS = ("Inquiry", "Creditor", "Claim", "Offer", "Decision", "Counter-offer", "Date", "By")


def amount(value: Decimal | None) -> str:
    return "—" if value is None else money.format_eur(value)


def share(value: Decimal | None) -> str:
    return "—" if value is None else f"{money.format_amount(value, '')} %"


def offer_text(offer: PlanOffer | None) -> str:
    if offer is None:
        return "—"
    parts: list[str] = [offer.type]
    if offer.quota_percent is not None:
        parts.append(f"{money.format_amount(offer.quota_percent, '')} %")
    if offer.offer_amount is not None:
        parts.append(money.format_eur(offer.offer_amount))
    if offer.monthly_rate is not None and offer.months is not None:
        parts.append(f"{money.format_eur(offer.monthly_rate)} × {offer.months}")
    return " ".join(parts)


def counter_text(creditor: CreditorStanding) -> str:
    figures = creditor.current.counter_offer if creditor.current else None
    if not figures:
        return ""
    shown = []
    for name, value in sorted(figures.items()):
        if name == "months":
            shown.append(f"{value} months")
        elif name == "quota_percent":
            shown.append(f"quota {money.format_amount(value, '')} %")
        else:
            shown.append(f"{name.replace('_', ' ')} {money.format_eur(value)}")
    return ", ".join(shown)


def row(creditor: CreditorStanding) -> tuple[str, ...]:
    current = creditor.current
    decision = current.decision if current else ("no answer, OVERDUE" if creditor.overdue else "no answer")
    return (creditor.letter.inquiry_id, creditor.letter.creditor_name, amount(creditor.letter.claim),
            offer_text(creditor.letter.offer), decision, counter_text(creditor),
            current.effective_at.strftime("%Y-%m-%d") if current else "",
            f"{current.decided_by} ({current.actor_kind})" if current else "")


def table(rows: Sequence[tuple[str, ...]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(r, widths, strict=True)).rstrip() for r in rows]


def text(standing: Standing) -> str:
    r = standing.replacement
    lines = [f"Settlement plan of {standing.client_name} ({standing.firm_reference}) as of {standing.today}", ""]
    lines += table([HEADERS, *(row(c) for c in standing.creditors)])
    lines += [
        "",
        f"Agreed by heads:  {r.heads_agreed} of {r.heads_total} ({share(r.heads_percent)})",
        f"Agreed by claims: {amount(r.claims_agreed)} of {amount(r.claims_total)} ({share(r.claims_percent)})"
        + (f"; {r.unknown_agreed + r.unknown_other} claim(s) without a figure"
           if r.unknown_agreed + r.unknown_other else ""),
        f"Outcome:          {OUTCOME[standing.outcome]}",
        *(f"                  {reason}" for reason in standing.reasons),
        f"§ 309 InsO:       {VERDICT[r.possible]}",
        *(f"                  {reason}" for reason in r.reasons),
    ]
    return "\n".join(lines)
