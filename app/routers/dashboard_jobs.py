"""routers/dashboard_jobs.py — adapter stage: the dashboard's jobs list (search, state tabs, cursor pages) and
the operator's actions on it (bulk retry, cancel); every action carries the operator's name into the history."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from app.database import get_session
from app.errors import RejectedInput
from app.models import ProcessingStatus
from app.routers.dashboard import (
    ERROR_SNIPPET,
    PAGE_SIZE,
    SUBJECT_PREVIEW,
    dashboard_caller,
    error_page,
    euros,
    guarded_pairs,
    render,
    require_dashboard_operator,
    seconds,
    seen_job,
    wants_fragment,
    when,
)
from app.routers.operator import remember_operator, remembered_operator, typed_operator
from app.routers.params import MAX_ROW_ID, RowId
from app.services import job_list, jobs, operations, queue_status

BULK_FORM_MAX_BYTES = 64_000
TABS = ("received", "queued", "processing", "completed", "failed", "cancelled")
router = APIRouter(prefix="/dashboard", tags=["dashboard"], include_in_schema=False,
                   dependencies=[Depends(require_dashboard_operator)])


@dataclass(frozen=True)
class Row:
    id: int
    status: str
    sender: str
    subject: str
    arrived: str
    email_date: str
    took: str
    intent: str
    amount: str
    outcome: str
    client: str
    needs_review: bool
    error: str | None
    can_retry: bool
    can_cancel: bool


def row_of(line: job_list.JobLine) -> Row:
    email = line.email
    error = email.processing_error
    return Row(
        id=email.id, status=email.processing_status, sender=email.from_email,
        subject=email.subject[:SUBJECT_PREVIEW], arrived=when(job_list.arrived(email)),
        email_date=when(email.received_at),
        took=seconds(jobs.processing_seconds(email)), intent=line.intent or "—", amount=euros(line.amount),
        outcome=line.outcome or "—", client=line.client or "—", needs_review=line.needs_review,
        error=error[:ERROR_SNIPPET] + ("…" if len(error) > ERROR_SNIPPET else "") if error else None,
        can_retry=email.processing_status == ProcessingStatus.FAILED.value,
        can_cancel=email.processing_status in jobs.WAITING)


@dataclass(frozen=True)
class View:
    """The list as the URL names it."""

    status: str = ""
    q: str = ""
    review: bool = False
    before: int | None = None
    after: int | None = None
    limit: int = PAGE_SIZE

    def filter(self) -> job_list.JobFilter:
        try:
            status = ProcessingStatus(self.status) if self.status else None
        except ValueError as error:
            raise RejectedInput(f"unknown status {self.status!r}", status_code=422) from error
        return job_list.JobFilter(status=status, text=self.q, needs_review=self.review)

    def query(self, **changes: Any) -> str:
        values = {"status": self.status, "q": self.q, "review": "1" if self.review else "",
                  "before": self.before, "after": self.after, "limit": self.limit if self.limit != PAGE_SIZE else None}
        values.update(changes)
        return urlencode({key: value for key, value in values.items() if value not in (None, "")})

    def url(self, path: str = "/dashboard/jobs", **changes: Any) -> str:
        query = self.query(**changes)
        return f"{path}?{query}" if query else path


def view_params(status: str = Query(default="", max_length=16), q: str = Query(default="", max_length=200),
                review: str = Query(default="", max_length=3),
                before: int | None = Query(default=None, ge=1, le=MAX_ROW_ID),
                after: int | None = Query(default=None, ge=0, le=MAX_ROW_ID),
                limit: int = Query(default=PAGE_SIZE, ge=1, le=200)) -> View:
    return View(status=status, q=q.strip(), review=review in {"1", "on", "true"}, before=before, after=after,
                limit=limit)


async def guarded_fields(request: Request) -> list[tuple[str, str]]:
    """A state-changing form with repeated fields (the selected ids), under the same locks as every
    dashboard form but with room for a whole page of ids."""
    return await guarded_pairs(request, BULK_FORM_MAX_BYTES, operations.MAX_BULK + 10)


def _of_login(request: Request, wanted: job_list.JobFilter) -> job_list.JobFilter:
    """The filter narrowed to the login's firm (an operator's login sees every firm)."""
    return replace(wanted, firm_id=dashboard_caller(request).firm_id)


def jobs_context(request: Request, session: Session, view: View) -> dict[str, Any]:
    found = job_list.page(session, _of_login(request, view.filter()), view.limit, before=view.before,
                          after=view.after)
    first = found.position + 1
    return {
        "view": view, "status": view.status, "q": view.q, "review": view.review, "tabs": TABS,
        "counts": found.counts, "rows": [row_of(line) for line in found.lines], "total": found.total,
        "first": first, "last": found.position + len(found.lines), "newer": found.newer_than_page,
        "tab_url": {tab: view.url(status=tab, before=None, after=None) for tab in ("", *TABS)},
        "table_url": view.url("/dashboard/jobs/table"),
        "newest_url": view.url(before=None, after=None),
        "previous_url": view.url(after=found.after, before=None) if found.after else None,
        "next_url": view.url(before=found.before, after=None) if found.before else None,
        "operator": remembered_operator(request),
        # The queue and its workers are the whole deployment's: a firm's login is not shown them.
        "queue": queue_status.status(session) if dashboard_caller(request).is_operator else None,
    }


def render_jobs(request: Request, session: Session, view: View, *, fragment: bool, notice: str | None = None,
                problem: str | None = None, status_code: int = 200) -> Response:
    try:
        context = jobs_context(request, session, view)
    except RejectedInput as error:
        return error_page(request, error.status_code, error.reason)
    return render(request, "jobs.html", {**context, "notice": notice, "problem": problem},
                  block="live" if fragment else None, status_code=status_code)


@router.get("/jobs")
def jobs_page(request: Request, view: View = Depends(view_params), session: Session = Depends(get_session)) -> Response:
    response = render_jobs(request, session, view, fragment=wants_fragment(request))
    if wants_fragment(request):  # the address bar shows the canonical link (no empty fields)
        response.headers["hx-push-url"] = view.url()
    return response


@router.get("/jobs/table")
def jobs_table(request: Request, view: View = Depends(view_params),
               session: Session = Depends(get_session)) -> Response:
    return render_jobs(request, session, view, fragment=True)


def _selected(fields: list[tuple[str, str]]) -> list[int]:
    ids = []
    for name, value in fields:
        if name == "id":
            if not value.isdigit() or not 1 <= int(value) <= MAX_ROW_ID:
                raise RejectedInput(f"not a job id: {value!r}", status_code=422)
            ids.append(int(value))
    return ids


def _answer(request: Request, session: Session, view: View, operator: str, notice: str | None,
            problem: str | None, status_code: int) -> Response:
    """htmx gets the notice (and the list refreshes at once on `jobs-changed`); a plain form post gets the
    whole page with the notice."""
    if wants_fragment(request):
        response = render(request, "jobs.html", {"notice": notice, "problem": problem}, block="notice",
                          status_code=status_code)
        response.headers["hx-trigger"] = "jobs-changed"
    else:
        response = render_jobs(request, session, view, fragment=False, notice=notice, problem=problem,
                               status_code=status_code)
    remember_operator(response, request, operator)
    return response


@router.post("/jobs/retry")
def bulk_retry(request: Request, view: View = Depends(view_params),
               fields: list[tuple[str, str]] = Depends(guarded_fields),
               session: Session = Depends(get_session)) -> Response:
    """Retry the ticked failed jobs, or (`all=1`) every failed job the current search shows."""
    values = dict(fields)
    operator = typed_operator(values)
    try:
        name = operations.operator_name(operator, remembered_operator(request))
        if values.get("all") == "1":
            ids = job_list.failed_ids(session, _of_login(request, view.filter()))
            session.rollback()  # the read above ends here; the retry commits in its own transaction
        else:
            ids = _selected(fields)
            who = dashboard_caller(request)
            if not who.is_operator:  # another firm's job is not there for this login
                ids = jobs.of_firm(session, ids, who.acting_firm)
                session.rollback()
        if not ids:
            raise RejectedInput("nothing selected: tick failed jobs or choose “retry all failed”", status_code=422)
        outcome = operations.retry_many(ids, name)
    except RejectedInput as refused:
        return _answer(request, session, view, operator, None, refused.reason, refused.status_code)
    skipped = f"; {len(outcome.skipped)} skipped (not failed any more)" if outcome.skipped else ""
    notice = f"{len(outcome.retried)} job(s) queued again by {name}{skipped}."
    return _answer(request, session, view, operator, notice, None, 200)


@router.post("/jobs/{job_id}/cancel")
def cancel_job(request: Request, job_id: RowId, view: View = Depends(view_params),
               fields: list[tuple[str, str]] = Depends(guarded_fields),
               session: Session = Depends(get_session)) -> Response:
    operator = typed_operator(dict(fields))
    try:
        name = operations.operator_name(operator, remembered_operator(request))
        if not dashboard_caller(request).is_operator:
            seen_job(request, session, job_id)
            session.rollback()  # hand the connection back before the cancel takes its own
        operations.cancel(job_id, name)
    except RejectedInput as refused:
        return _answer(request, session, view, operator, None, refused.reason, refused.status_code)
    return _answer(request, session, view, operator, f"Job {job_id} cancelled by {name}.", None, 200)
