"""routers/deliveries.py — `GET /api/v1/delivery-problems`: the firm's letters that bounced or were
reported as spam, newest first, with the inquiries each concerns."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from app.database import get_session
from app.routers.auth import Caller, caller, require_operator
from app.schemas.deliveries import DeliveryProblemList, DeliveryProblemOut, LetterOut
from app.services import deliveries

router = APIRouter(prefix="/api/v1/delivery-problems", tags=["inquiries"], dependencies=[Depends(require_operator)])


def shape(found: deliveries.ProblemWithLetters) -> DeliveryProblemOut:
    p = found.problem
    return DeliveryProblemOut(
        id=p.id, provider=p.provider, kind=p.kind, recipients=p.recipients, subject=p.subject, detail=p.detail,
        occurred_at=p.occurred_at, recorded_at=p.recorded_at,
        letters=[LetterOut(inquiry_id=i.external_id, client_name=i.client_name, firm_reference=i.firm_reference,
                           creditor_name=i.creditor_name, creditor_email=i.creditor_email) for i in found.inquiries])


@router.get("", response_model=DeliveryProblemList)
def list_delivery_problems(limit: Annotated[int, Query(ge=1, le=500)] = 100, session: Session = Depends(get_session),
                           who: Caller = Depends(caller)) -> DeliveryProblemList:
    return DeliveryProblemList(problems=[shape(found) for found in deliveries.recent(session, limit, who.firm_id)])
