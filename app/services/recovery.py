"""services/recovery.py — the sweeper: re-enqueue jobs stuck before enqueue, lost in the broker,
or held by a dead worker, so no accepted email is ever left behind (and, while processing is paused, does nothing)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import structlog

from app import queue
from app.config import Settings
from app.database import session_scope
from app.models import IncomingEmail, ProcessingStatus, utcnow
from app.services import dispatch, jobs, workers
from app.services.failure_notifier import notify_permanent_failure

log = structlog.get_logger(__name__)
S = ProcessingStatus


@dataclass
class SweepReport:
    requeued: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)


def _settle_abandoned(email_id: int, now: datetime, settings: Settings,
                      notify: Callable[[int], object], report: SweepReport) -> None:
    # Re-checked inside the UPDATE, so a lease renewed since the scan is left alone.
    still_abandoned = (
        jobs.abandoned(now, settings.stale_job_seconds, settings.job_time_limit_seconds),
    )
    with session_scope() as session:
        email = jobs.get(session, email_id)
        out_of_attempts = email.attempt_count >= settings.max_retries + 1
        if out_of_attempts:
            changed = jobs.fail(session, email_id,
                                "worker lost (lease expired) on the last attempt",
                                attempt=email.attempt_count, extra_where=still_abandoned)
        else:
            changed = jobs.requeue(session, email_id, S.PROCESSING.value,
                                   "worker lost: lease expired", still_abandoned)
    if changed and out_of_attempts:
        report.failed.append(email_id)
        notify(email_id)
    elif changed:
        report.requeued.append(email_id)
        queue.send(queue.PROCESS_EMAIL, email_id)


def sweep(settings: Settings, *, now: datetime | None = None,
          notify: Callable[[int], object] = notify_permanent_failure) -> SweepReport:
    now = now or utcnow()
    report = SweepReport()
    with session_scope() as session:
        if workers.is_paused(session):
            # Paused by an operator: waiting is expected, and a running job is left to finish;
            # re-sending or failing anything now would only burn attempts.
            return report
        stuck = jobs.stuck_jobs(session, now, settings.stale_job_seconds,
                                settings.job_time_limit_seconds)
    for email_id, status in stuck:
        if status == S.PROCESSING.value:
            _settle_abandoned(email_id, now, settings, notify, report)
            continue
        with session_scope() as session:
            changed = jobs.requeue(session, email_id, status, f"stale in {status}: re-sent")
        if changed and queue.send(queue.PROCESS_EMAIL, email_id):
            report.requeued.append(email_id)
    if report.requeued or report.failed:
        log.warning("sweep_recovered", requeued=len(report.requeued), failed=len(report.failed))
    return report


def _owner_pid(owner: str) -> int | None:
    parts = owner.rsplit(":", 2)
    return int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else None


def reclaim_orphans(settings: Settings, hostname: str, own_pid: int, alive: Callable[[int], bool],
                    notify: Callable[[int], object] = notify_permanent_failure) -> SweepReport:
    """Take over at once the `processing` jobs of a worker process on this host that no longer exists
    (killed, or forced out by a second Ctrl-C), instead of waiting for their lease to expire. The attempt
    counts, as for any lost worker: a job that kills its process must not loop forever."""
    report = SweepReport()
    with session_scope() as session:
        held = dispatch.held_on_host(session, hostname)
    for email_id, owner in held:
        pid = _owner_pid(owner)
        if pid is None or pid == own_pid or alive(pid):
            continue
        same_owner = (IncomingEmail.lease_owner == owner,)
        with session_scope() as session:
            attempts = jobs.get(session, email_id).attempt_count
            if attempts >= settings.max_retries + 1:
                changed = jobs.fail(session, email_id, f"worker process {pid} gone on the last attempt",
                                    attempt=attempts, extra_where=same_owner)
            else:
                changed = jobs.requeue(session, email_id, S.PROCESSING.value,
                                       f"worker process {pid} gone", same_owner)
        if changed and attempts >= settings.max_retries + 1:
            report.failed.append(email_id)
            notify(email_id)
        elif changed:
            report.requeued.append(email_id)
            queue.send(queue.PROCESS_EMAIL, email_id)
    if report.requeued or report.failed:
        log.warning("orphans_recovered", requeued=len(report.requeued), failed=len(report.failed))
    return report
