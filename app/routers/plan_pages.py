"""routers/plan_pages.py — adapter stage: the dashboard's settlement-plan pages (every client with plan letters,
and one client's standing); read-only, behind the dashboard's login and CSP, wording what services/plans computed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from app.database import get_session
from app.errors import NotFound
from app.models import Firm, utcnow
from app.routers.dashboard import dashboard_caller, error_page, render, require_dashboard_operator
from app.services import firms, safetext
from app.services.plans import report, standing

router = APIRouter(prefix="/dashboard", tags=["dashboard"], include_in_schema=False,
                   dependencies=[Depends(require_dashboard_operator)])

OUTCOME_LABEL = {"accepted": "accepted", "failed": "failed", "pending": "pending"}
OUTCOME_BADGE = {"accepted": "ok", "failed": "bad", "pending": "warn"}
VERDICT_BADGE = {True: "ok", False: "bad", None: "warn"}


@dataclass(frozen=True)
class CreditorRow:
    creditor: standing.CreditorStanding
    claim: str
    offer: str
    counter_offer: str


def view(found: standing.Standing) -> dict[str, Any]:
    r = found.replacement
    unknown = r.unknown_agreed + r.unknown_other
    return {
        "standing": found, "replacement": r,
        "rows": [CreditorRow(creditor=c, claim=report.amount(c.letter.claim), offer=report.offer_text(c.letter.offer),
                             counter_offer=report.counter_text(c)) for c in found.creditors],
        "heads_share": report.share(r.heads_percent), "claims_share": report.share(r.claims_percent),
        "claims_agreed": report.amount(r.claims_agreed), "claims_total": report.amount(r.claims_total),
        "unknown_claims": unknown, "outcome_badge": OUTCOME_BADGE[found.outcome],
        "verdict": report.VERDICT[r.possible], "verdict_badge": VERDICT_BADGE[r.possible],
    }


@router.get("/plans")
def plans_page(request: Request, session: Session = Depends(get_session)) -> Response:
    """The login's firm's clients; the operator sees every firm's, each linked with its firm."""
    who, today = dashboard_caller(request), standing.firm_today(utcnow())
    shown = firms.listing(session) if who.is_operator else [session.get(Firm, who.acting_firm)]
    clients = [view(found) | {"firm": firm.slug} for firm in shown if firm is not None
               for found in standing.load_all(session, today, firm.id)]
    return render(request, "plans.html", {"section": "plans", "clients": clients,
                                          "several_firms": who.is_operator and len(shown) > 1})


@router.get("/clients/{firm_reference}/plan")
def client_plan_page(request: Request, firm_reference: str = Path(min_length=1, max_length=64),
                     firm: str = Query(default="", max_length=40),
                     session: Session = Depends(get_session)) -> Response:
    """One client's plan: of the login's firm, or for the operator of the firm named by `?firm=` (default firm)."""
    who = dashboard_caller(request)
    try:
        firm_id = firms.by_slug(session, firm).id if who.is_operator and firm else who.acting_firm
        found = standing.load(session, safetext.clean(firm_reference), standing.firm_today(utcnow()), firm_id)
    except NotFound as missing:
        return error_page(request, 404, missing.reason)
    return render(request, "plan.html", {"section": "plans", **view(found)})
