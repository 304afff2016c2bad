"""routers/inquiries.py — the firm's inquiries over HTTP: upsert on the portal's id, list, detail."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response
from sqlalchemy.orm import Session

from app.database import get_session
from app.models import Inquiry
from app.routers.auth import Caller, caller, require_operator
from app.routers.csrf import require_json_same_origin
from app.routers.params import DEFAULT_LIMIT, ExternalId, Limit, Offset
from app.schemas.inquiries import ClaimOut, InquiryIn, InquiryList, InquiryOut
from app.services import claims, inquiries, money, safetext
from app.services.plans.offer import PlanOffer

router = APIRouter(prefix="/api/v1/inquiries", tags=["inquiries"], dependencies=[Depends(require_operator)])


def shape(session: Session, inquiry: Inquiry) -> InquiryOut:
    claim = claims.current(session, inquiry.id)
    claim_out = None if claim is None else ClaimOut(
        amount=claim.amount, components={k: money.exact(v) for k, v in (claim.components or {}).items()},
        currency=claim.currency, status=claim.status, version=claim.version, updated_by=claim.updated_by,
        source_email_id=claim.source_email_id,
    )
    return InquiryOut(
        id=inquiry.external_id, client_name=inquiry.client_name, client_birth_date=inquiry.client_birth_date,
        firm_reference=inquiry.firm_reference, creditor_name=inquiry.creditor_name,
        creditor_email=inquiry.creditor_email, creditor_domain=inquiry.creditor_domain,
        creditor_reference=inquiry.creditor_reference, known_amount=inquiry.known_amount,
        currency=inquiry.currency, sent_at=inquiry.sent_at, routing_id=inquiry.routing_id,
        handler_email=inquiry.handler_email, letter_type=inquiry.letter_type,
        plan_offer=PlanOffer.model_validate(inquiry.plan_offer) if inquiry.plan_offer else None,
        undeliverable_at=inquiry.undeliverable_at, undeliverable_reason=inquiry.undeliverable_reason,
        created_at=inquiry.created_at, updated_at=inquiry.updated_at,
        claim=claim_out,
    )


@router.post("", response_model=InquiryOut, status_code=201, dependencies=[Depends(require_json_same_origin)])
def upsert_inquiry(body: InquiryIn, response: Response, session: Session = Depends(get_session),
                   who: Caller = Depends(caller)) -> InquiryOut:
    """201 when the inquiry is new, 200 when the firm's inquiry with this `id` was updated."""
    inquiry, created = inquiries.upsert(session, body, who.acting_firm)
    response.status_code = 201 if created else 200
    return shape(session, inquiry)


@router.get("", response_model=InquiryList)
def list_inquiries(
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    session: Session = Depends(get_session),
    who: Caller = Depends(caller),
) -> InquiryList:
    """The caller's firm's inquiries; every firm's for the operator (X-Firm narrows it to one)."""
    firm = who.firm_id if not who.is_operator else (who.acting_firm if who.named_firm else None)
    total, page = inquiries.list_inquiries(session, limit, offset, firm)
    return InquiryList(total=total, limit=limit, offset=offset, inquiries=[shape(session, i) for i in page])


@router.get("/{inquiry_id}", response_model=InquiryOut)
def get_inquiry(inquiry_id: ExternalId, session: Session = Depends(get_session),
                who: Caller = Depends(caller)) -> InquiryOut:
    return shape(session, inquiries.get(session, safetext.clean(inquiry_id), who.acting_firm))
