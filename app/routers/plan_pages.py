"""routers/plan_pages.py — adapter stage: the dashboard's settlement-plan pages (every client with plan letters,
and one client's standing); read-only, behind the dashboard's login and CSP, wording what services/plans computed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from app.database import get_session
from app.errors import NotFound
from app.models import utcnow
from app.routers.dashboard import error_page, render, require_dashboard_operator
from app.services import safetext
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
    clients = [view(found) for found in standing.load_all(session, standing.firm_today(utcnow()))]
    return render(request, "plans.html", {"section": "plans", "clients": clients})


@router.get("/clients/{firm_reference}/plan")
def client_plan_page(request: Request, firm_reference: str = Path(min_length=1, max_length=64),
                     session: Session = Depends(get_session)) -> Response:
    try:
        found = standing.load(session, safetext.clean(firm_reference), standing.firm_today(utcnow()))
    except NotFound as missing:
        return error_page(request, 404, missing.reason)
    return render(request, "plan.html", {"section": "plans", **view(found)})
