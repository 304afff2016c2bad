"""routers/jobs.py — the operators' view of every job: list, detail with history, retry."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Header
from sqlalchemy.orm import Session

from app.database import get_session, session_scope
from app.models import IncomingEmail, ProcessingStatus
from app.routers.auth import Caller, caller, not_found_unless_seen, require_operator
from app.routers.csrf import require_json_same_origin
from app.routers.params import DEFAULT_LIMIT, Cursor, Limit, Offset, RowId
from app.schemas.jobs import (
    BulkRetry,
    BulkRetryAccepted,
    Cancelled,
    JobDetail,
    JobEventOut,
    JobList,
    JobSummary,
    OperatorAction,
    RetryAccepted,
)
from app.services import job_list, job_pages, jobs, operations, retries

router = APIRouter(prefix="/api/v1/jobs", tags=["jobs"], dependencies=[Depends(require_operator)])
OperatorHeader = Header(default=None, max_length=200, description="who acts (or the body's `operator`)")

SUBJECT_PREVIEW = 100


def summary(email: IncomingEmail) -> JobSummary:
    return JobSummary(
        id=email.id,
        processing_status=email.processing_status,
        from_email=email.from_email,
        subject=email.subject[:SUBJECT_PREVIEW],
        received_at=email.received_at,
        started_at=email.started_at,
        completed_at=email.completed_at,
        processing_error=email.processing_error,
    )


def detail(email: IncomingEmail) -> JobDetail:
    return JobDetail(
        id=email.id,
        processing_status=email.processing_status,
        from_email=email.from_email,
        from_name=email.from_name,
        subject=email.subject,
        received_at=email.received_at,
        started_at=email.started_at,
        completed_at=email.completed_at,
        processing_time_seconds=jobs.processing_seconds(email),
        processing_error=email.processing_error,
        retry_count=email.retry_count,
        attempt_count=email.attempt_count,
        extracted_data=email.extracted_data,
        match_status=email.match_status,
        match_confidence=email.match_confidence,
        attachment_urls=email.attachment_urls,
        sync_status=email.sync_status,
        events=[JobEventOut.model_validate(event, from_attributes=True) for event in email.events],
    )


@router.get("", response_model=JobList)
def list_jobs(
    status: ProcessingStatus | None = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    cursor: Cursor = None,
    session: Session = Depends(get_session),
    who: Caller = Depends(caller),
) -> JobList:
    """Newest email first. `next_cursor` names the following page (`?cursor=`); it stays cheap however
    deep the page, where a large `offset` has to walk every row before it."""
    found = job_pages.newest(session, status, limit, offset, cursor, firm_id=who.firm_id)
    return JobList(total=found.total, by_status=job_pages.counts_by_status(session, who.firm_id), limit=limit,
                   offset=offset, jobs=[summary(email) for email in found.rows], next_cursor=found.next_cursor)


@router.get("/{job_id}", response_model=JobDetail)
def get_job(job_id: RowId, session: Session = Depends(get_session), who: Caller = Depends(caller)) -> JobDetail:
    return detail(_seen_job(session, who, job_id))


def _seen_job(session: Session, who: Caller, job_id: int) -> IncomingEmail:
    """The job, or the same 404 as for a missing one when it belongs to another firm."""
    email = jobs.get(session, job_id)
    not_found_unless_seen(who, email.firm_id, f"job {job_id}")
    return email


@router.post("/retry", response_model=BulkRetryAccepted, dependencies=[Depends(require_json_same_origin)])
def retry_jobs(body: BulkRetry, x_operator: str | None = OperatorHeader,
               session: Session = Depends(get_session), who: Caller = Depends(caller)) -> BulkRetryAccepted:
    """Retry the listed failed jobs, or every failed job (`all_failed`); the others are reported as skipped
    (another firm's job as if it did not exist)."""
    operator = operations.operator_name(body.operator, x_operator)
    ids = job_list.failed_ids(session, job_list.JobFilter()) if body.all_failed else body.ids
    if not who.is_operator:
        ids = jobs.of_firm(session, ids, who.acting_firm)
    session.rollback()
    outcome = operations.retry_many(ids, operator)
    return BulkRetryAccepted(retried=outcome.retried, skipped=outcome.skipped, enqueued=outcome.enqueued,
                             operator=operator)


@router.post("/{job_id}/cancel", response_model=Cancelled, dependencies=[Depends(require_json_same_origin)])
def cancel_job(job_id: RowId, body: OperatorAction | None = None,
               x_operator: str | None = OperatorHeader, who: Caller = Depends(caller)) -> Cancelled:
    """A received or queued job is cancelled for good (409 once it has started or ended)."""
    _check_firm(who, job_id)
    operator = operations.operator_name(body.operator if body else None, x_operator)
    email = operations.cancel(job_id, operator)
    return Cancelled(id=email.id, processing_status=email.processing_status, operator=operator)


@router.post("/{job_id}/retry", response_model=RetryAccepted, dependencies=[Depends(require_json_same_origin)])
def retry_job(job_id: RowId, body: OperatorAction | None = None,
              x_operator: str | None = OperatorHeader, who: Caller = Depends(caller)) -> RetryAccepted:
    _check_firm(who, job_id)
    operator = operations.operator_name(body.operator if body else None, x_operator, "api")
    email, enqueued = retries.retry_failed(job_id, operator)
    return RetryAccepted(id=email.id, processing_status=email.processing_status,
                         retry_count=email.retry_count, enqueued=enqueued)


def _check_firm(who: Caller, job_id: int) -> None:
    if not who.is_operator:
        with session_scope() as session:
            _seen_job(session, who, job_id)
