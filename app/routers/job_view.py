"""routers/job_view.py — adapter stage: what the dashboard's job page shows about a job's attachments and its last
failure; invariant: an attachment without a reading always says why, and only a waiting job shows a next attempt."""

from __future__ import annotations

from typing import Any

from app.models import IncomingEmail, JobEvent, ProcessingStatus

S = ProcessingStatus
FINAL = frozenset({S.COMPLETED.value, S.FAILED.value, S.CANCELLED.value})
NOT_READ = "not read"


def is_final(email: IncomingEmail) -> bool:
    """Completed, failed or cancelled: nothing changes without an operator, so the page stops refreshing."""
    return email.processing_status in FINAL


def shows_next_attempt(email: IncomingEmail) -> bool:
    """A retry time means something only while the job waits in the queue (never on a failed job)."""
    return email.available_at is not None and email.processing_status == S.QUEUED.value


def last_failure(events: list[JobEvent]) -> JobEvent | None:
    """The latest failed attempt (retried or final), unless an attempt has started since."""
    for event in reversed(events):
        if event.kind == "attempt_started":
            return None
        if event.kind == "attempt_failed" or (event.kind == "status" and event.to_status == S.FAILED.value):
            return event
    return None


def unread_reason(email: IncomingEmail, filename: str, failure: JobEvent | None) -> str:
    """Why `filename` has no reading: not processed yet, cancelled, or what the failed attempt hit."""
    status = email.processing_status
    if status == S.PROCESSING.value:
        return "being read now: the job is processing"
    if status == S.CANCELLED.value:
        return "the job was cancelled before it was read"
    if failure is None:
        if status in (S.RECEIVED.value, S.QUEUED.value):
            return "not read yet: the job is waiting for a worker"
        return "no reading was recorded for this file"
    where = failure.details or {}
    error = failure.message or email.processing_error or "unknown error"
    step, failed_file = where.get("step"), where.get("attachment")
    if failed_file == filename:
        return f"the download or reading failed: {error}"
    if step == "attachments" and failed_file:
        return f"the attempt stopped at attachment {failed_file}; this file's reading was not kept"
    if step == "body":
        return "the attempt failed on the email body, before the attachments"
    if step in ("extraction", "matching"):
        return f"read, but the attempt failed later (step {step}), so the reading was not kept"
    return f"the attempt failed before its reading was kept: {error}"


def attachment_rows(email: IncomingEmail, extraction: dict[str, Any], events: list[JobEvent]
                    ) -> list[dict[str, Any]]:
    """Each attachment the webhook named, with how reading it went or why it was not read (never its URL)."""
    read = {item.get("filename"): item for item in extraction.get("attachments") or []}
    failure = last_failure(events)
    rows = []
    for index, ref in enumerate(email.attachment_urls or [], start=1):
        name = ref.get("filename") or ref.get("file_name") or f"attachment {index}"
        outcome = read.pop(name, {})
        status = outcome.get("status", NOT_READ)
        reason = outcome.get("reason") or (unread_reason(email, name, failure) if status == NOT_READ else None)
        rows.append({"filename": name, "content_type": ref.get("content_type"), "size": ref.get("size"),
                     "status": status, "detected_type": outcome.get("detected_type"), "reason": reason})
    rows.extend({"filename": name, **outcome, "status": outcome.get("status")} for name, outcome in read.items())
    return rows
