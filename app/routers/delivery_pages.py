"""routers/delivery_pages.py — adapter stage: the dashboard's page of letters that did not arrive
(bounced) or were reported as spam (complained), with the inquiries each concerns; read-only."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from app.database import get_session
from app.routers.dashboard import dashboard_caller, render, require_dashboard_operator
from app.services import deliveries

router = APIRouter(prefix="/dashboard", tags=["dashboard"], include_in_schema=False,
                   dependencies=[Depends(require_dashboard_operator)])


@router.get("/deliveries")
def deliveries_page(request: Request, session: Session = Depends(get_session)) -> Response:
    problems = deliveries.recent(session, 200, dashboard_caller(request).firm_id)
    return render(request, "deliveries.html", {"section": "deliveries", "problems": problems})
