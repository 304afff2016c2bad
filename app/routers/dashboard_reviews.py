"""routers/dashboard_reviews.py — adapter stage: the review pages of the dashboard (open and decided tabs, one page
per review with its evidence, the decision forms); decisions go through the review API's own handlers."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal
from urllib.parse import quote, unquote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from app.config import get_settings
from app.database import get_session, session_scope
from app.errors import NotFound, RejectedInput
from app.models import Review, utcnow
from app.routers import reviews as review_api
from app.routers.auth import OPERATOR, Caller
from app.routers.dashboard import (
    PAGE_SIZE,
    dashboard_caller,
    error_page,
    euros,
    guarded_form,
    render,
    require_dashboard_operator,
    wants_fragment,
)
from app.routers.params import RowId
from app.schemas.reviews import Correction, CounterOffer, Decision
from app.services import money, review, review_claims, review_lists

REVIEWER_COOKIE = "cm_reviewer"
REVIEWER_MAX = 200
PLAN_FIGURES = ("offer_amount", "quota_percent", "monthly_rate", "months")
DecisionKind = Literal["approve", "correct", "reject"]
View = Literal["list", "page"]

router = APIRouter(prefix="/dashboard", tags=["dashboard"], include_in_schema=False,
                   dependencies=[Depends(require_dashboard_operator)])


def remembered_reviewer(request: Request) -> str:
    """The name this browser last decided with (a cookie), to fill into the forms."""
    return unquote(request.cookies.get(REVIEWER_COOKIE, ""))[:REVIEWER_MAX]


def remember_reviewer(response: Response, name: str) -> None:
    if name.strip():
        response.set_cookie(REVIEWER_COOKIE, quote(name.strip()[:REVIEWER_MAX]), max_age=400 * 24 * 3600,
                            path="/dashboard", httponly=True, samesite="strict")


def parse_tab(value: str) -> review_lists.Tab:
    if value not in review_lists.TABS:
        raise RejectedInput(f"unknown tab {value!r}: open or decided", status_code=422)
    return "open" if value == "open" else "decided"


def list_url(tab: str, q: str, offset: int) -> str:
    query: dict[str, Any] = {"tab": tab}
    if q:
        query["q"] = q
    if offset:
        query["offset"] = offset
    return "/dashboard/reviews?" + urlencode(query)


def reviews_context(session: Session, tab: review_lists.Tab, q: str, offset: int, notice: str | None = None,
                    problem: str | None = None, firm_id: int | None = None) -> dict[str, Any]:
    total, items = review_lists.listing(session, tab, q, PAGE_SIZE, offset, firm_id)
    return {
        "section": "reviews", "tab": tab, "q": q, "items": items, "total": total, "offset": offset,
        "counts": review_lists.tab_counts(session, firm_id), "notice": notice, "problem": problem, "now": utcnow(),
        "action_query": urlencode({"offset": offset, "tab": tab, **({"q": q} if q else {})}),
        "queue_url": list_url(tab, q, offset),
        "previous_url": list_url(tab, q, max(offset - PAGE_SIZE, 0)) if offset > 0 else None,
        "next_url": list_url(tab, q, offset + PAGE_SIZE) if offset + PAGE_SIZE < total else None,
    }


def render_reviews(request: Request, context: dict[str, Any], status_code: int = 200,
                   reviewer: str | None = None) -> Response:
    return render(request, "reviews.html", {**context, "reviewer": reviewer or remembered_reviewer(request)},
                  block="queue" if wants_fragment(request) else None, status_code=status_code)


@router.get("/reviews")
def reviews_page(request: Request, tab: str = Query(default="open", max_length=16),
                 q: str = Query(default="", max_length=review_lists.SEARCH_MAX),
                 offset: int = Query(default=0, ge=0, le=1_000_000),
                 session: Session = Depends(get_session)) -> Response:
    return render_reviews(request, reviews_context(session, parse_tab(tab), q.strip(), offset,
                                                  firm_id=dashboard_caller(request).firm_id))


def change_percent(proposed: Decimal | None, reference: Decimal | None) -> str | None:
    """How far the proposed amount is from a reference amount, German notation: "+3,51 %"."""
    if proposed is None or reference is None or reference <= 0:
        return None
    change = (proposed - reference) / reference * 100
    return ("+" if change > 0 else "") + money.format_amount(change, "%")


def figure(name: str, value: Any) -> str:
    """One figure of a plan or counter-offer, as people read it."""
    if value is None or value == "":
        return "—"
    if name == "quota_percent":
        return euros(value).replace("€", "%")
    if name == "months":
        return str(value)
    return euros(value)


def plan_rows(offer: dict[str, Any] | None, counter: dict[str, Any] | None) -> list[dict[str, str]]:
    """The plan's offer next to the creditor's counter-offer, figure by figure (only figures either names)."""
    offer, counter = offer or {}, counter or {}
    return [{"name": name.replace("_", " "), "offered": figure(name, offer.get(name)),
             "countered": figure(name, counter.get(name))}
            for name in PLAN_FIGURES if offer.get(name) is not None or counter.get(name) is not None]


def review_context(session: Session, item: Any, notice: str | None = None,
                   problem: str | None = None) -> dict[str, Any]:
    shown = review_lists.detail(session, item)
    inquiry, email = shown.item.inquiry, shown.item.email
    data = (email.extracted_data if email is not None else None) or {}
    extraction = data.get("extraction") or {}
    match = data.get("match") or {}
    known = inquiry.known_amount if inquiry is not None else None
    return {
        "section": "reviews", "item": item, "email": email, "inquiry": inquiry,
        "final_inquiry": shown.item.final_inquiry,
        "known_amount": known, "current_amount": shown.current_amount,
        "change_to_known": change_percent(item.proposed_amount, known),
        "change_to_current": change_percent(item.proposed_amount, shown.current_amount),
        "extraction": extraction, "plan_reading": extraction.get("plan") or {},
        "explanation": item.explanation or match.get("explanation") or [],
        "plan_offer": inquiry.plan_offer if inquiry is not None else None,
        "plan_rows": plan_rows(inquiry.plan_offer if inquiry is not None else None, item.proposed_counter_offer),
        "notice": notice, "problem": problem, "now": utcnow(),
    }


def render_review(request: Request, context: dict[str, Any], status_code: int = 200,
                  reviewer: str | None = None) -> Response:
    return render(request, "review.html", {**context, "reviewer": reviewer or remembered_reviewer(request)},
                  block="detail" if wants_fragment(request) else None, status_code=status_code)


def seen_review(request: Request, session: Session, review_id: int) -> Review:
    """The review, or the same NotFound as for a missing one when it is another firm's than the login's."""
    item = review.get(session, review_id)
    if not dashboard_caller(request).sees(item.firm_id):
        raise NotFound(f"review {review_id} not found")
    return item


@router.get("/reviews/{review_id}")
def review_page(request: Request, review_id: RowId, session: Session = Depends(get_session)) -> Response:
    try:
        item = seen_review(request, session, review_id)
    except NotFound as missing:
        return error_page(request, 404, missing.reason)
    return render_review(request, review_context(session, item))


def parse_amount(text: str) -> Decimal | None:
    """An amount as operators type it, in any notation money.parse reads; blank is no amount."""
    if not text.strip():
        return None
    amount = money.parse(text)
    if amount is None:
        raise RejectedInput(f"not an amount: {text!r}")
    return amount


def counter_figures(fields: dict[str, str]) -> CounterOffer | None:
    """The counter-offer figures typed into the correction form (German or English notation); None if blank."""
    figures: dict[str, object] = {}
    for name in ("offer_amount", "quota_percent", "monthly_rate"):
        value = parse_amount(fields.get(name, ""))
        if value is not None:
            figures[name] = value
    months = fields.get("months", "").strip()
    if months:
        figures["months"] = months
    return CounterOffer.model_validate(figures) if figures else None


def decide(review_id: int, kind: DecisionKind, fields: dict[str, str], who: Caller = OPERATOR) -> str:
    """Hand the form to the review API's own handlers (same commit and outbox wake-up); returns a notice."""
    reviewer, note = fields.get("reviewer", "").strip(), fields.get("note", "").strip() or None
    try:
        if kind == "correct":
            counter = counter_figures(fields)
            # Figures typed with "as read" selected are a counter-offer's figures.
            chosen = fields.get("plan_decision", "").strip() or ("counter_offer" if counter else None)
            correction = Correction.model_validate({
                "reviewer": reviewer, "note": note, "amount": parse_amount(fields.get("amount", "")),
                "inquiry_id": fields.get("inquiry_id", "").strip() or None, "plan_decision": chosen,
                "counter_offer": counter})
            decided = review_api.correct(review_id, correction, x_reviewer=None, who=who)
        elif kind == "approve":
            decided = review_api.approve(review_id, Decision(reviewer=reviewer, note=note), None, who)
        else:
            decided = review_api.reject(review_id, Decision(reviewer=reviewer, note=note), None, who)
    except ValidationError as invalid:
        raise RejectedInput("; ".join(str(e["msg"]) for e in invalid.errors())) from invalid
    amount = f", amount {euros(decided.final_amount)}" if decided.final_amount is not None else ""
    plan = f", plan decision {decided.final_plan_decision}" if decided.final_plan_decision else ""
    return f"Review {review_id} {decided.status} by {decided.decided_by}{amount}{plan}."


@router.post("/reviews/next")
def next_review(request: Request, fields: dict[str, str] = Depends(guarded_form),
                session: Session = Depends(get_session)) -> Response:
    """"Next review": claim the next free review for the named reviewer and open its page (htmx follows
    HX-Redirect); the list with the reason when there is none or no name."""
    reviewer = fields.get("reviewer", "").strip()[:REVIEWER_MAX]
    firm = dashboard_caller(request).firm_id
    try:
        with session_scope() as claiming:
            found = review_claims.claim_next(claiming, reviewer, get_settings(), dashboard_caller(request).firm_id)
            found_id = found.id if found is not None else None
    except RejectedInput as refused:
        return render_reviews(request, reviews_context(session, "open", "", 0, problem=refused.reason, firm_id=firm),
                              refused.status_code, reviewer)
    if found_id is None:
        response = render_reviews(request, reviews_context(
            session, "open", "", 0, notice="No free review: every open review is decided or claimed by someone else.",
            firm_id=firm), reviewer=reviewer)
    else:
        target = f"/dashboard/reviews/{found_id}"
        response = (Response(status_code=200, headers={"HX-Redirect": target}) if wants_fragment(request)
                    else RedirectResponse(target, status_code=303))
    remember_reviewer(response, reviewer)
    return response


@router.post("/reviews/{review_id}/{kind}")
def review_decision(request: Request, review_id: RowId, kind: DecisionKind,
                    offset: int = Query(default=0, ge=0, le=1_000_000),
                    tab: str = Query(default="open", max_length=16),
                    q: str = Query(default="", max_length=review_lists.SEARCH_MAX),
                    view: View = Query(default="list"),
                    fields: dict[str, str] = Depends(guarded_form),
                    session: Session = Depends(get_session)) -> Response:
    """Decide from the list (the list comes back) or from the review's own page (the page comes back)."""
    notice = problem = None
    status_code = 200
    reviewer = fields.get("reviewer", "").strip()[:REVIEWER_MAX]
    try:
        notice = decide(review_id, kind, fields, dashboard_caller(request))
    except RejectedInput as refused:
        problem, status_code = refused.reason, refused.status_code
    if view == "page":
        try:
            item = seen_review(request, session, review_id)
        except NotFound as missing:
            return error_page(request, 404, missing.reason)
        response = render_review(request, review_context(session, item, notice, problem), status_code, reviewer)
    else:
        context = reviews_context(session, parse_tab(tab), q.strip(), offset, notice, problem,
                                  firm_id=dashboard_caller(request).firm_id)
        response = render_reviews(request, context, status_code, reviewer)
    remember_reviewer(response, reviewer)
    return response
