"""commands/jobs.py — `creditor-matcher jobs list|show|retry`; invariant: the JSON is the jobs API's shape,
the terminal view says status, history, what was read, the match and the error."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.text import Text

from app.commands import output
from app.commands.output import DASH, Cell, amount, pairs, table, text, when
from app.config import get_settings
from app.database import session_scope
from app.models import ProcessingStatus
from app.routers.jobs import detail, summary
from app.schemas.jobs import JobDetail, JobSummary
from app.services import dispatch, jobs, retries


def list_view(total: int, by_status: dict[str, int], page: Sequence[JobSummary]) -> RenderableType:
    counts = "  ".join(f"{name} {count}" for name, count in sorted(by_status.items()) if count) or "no jobs"
    rows = [(str(job.id), job.processing_status, when(job.received_at), job.from_email, job.subject,
             text(job.processing_error)) for job in page]
    return Group(table(f"{len(page)} of {total} jobs ({counts})",
                       ("ID", "Status", "Received", "From", "Subject", "Error"), rows))


def _extraction(data: dict[str, Any]) -> Iterable[tuple[str, Cell]]:
    extraction = data.get("extraction") or {}
    if not extraction:
        return [("Extraction", "not yet")]
    attachments = extraction.get("attachments") or []
    read = ", ".join(f"{item.get('filename')} ({item.get('status')})" for item in attachments) or DASH
    return [
        ("Intent", text(extraction.get("intent"))),
        ("Total", amount(extraction.get("total_amount"))
         + ("" if extraction.get("total_amount") is None
            else "  (safe to apply)" if extraction.get("amount_is_safe") else "  (not safe to apply)")),
        ("Firm reference", text(extraction.get("firm_reference"))),
        ("Creditor ref.", text(extraction.get("creditor_reference"))),
        ("Client", text(extraction.get("client_name"))),
        ("Creditor", text(extraction.get("creditor_name"))),
        ("Attachments", read),
    ]


def _match(job: JobDetail) -> Iterable[tuple[str, Cell]]:
    match = (job.extracted_data or {}).get("match") or {}
    if not match:
        return [("Match", text(job.match_status))]
    confidence = match.get("match_confidence")
    target = match.get("inquiry_id")
    shown = f"{match.get('match_status')} → {target}" if target else str(match.get("match_status"))
    if confidence is not None:
        shown += f" ({float(confidence):.0%})"
    rows: list[tuple[str, Cell]] = [("Match", shown), ("Action", text(match.get("action")))]
    if match.get("applied_amount") is not None:
        rows.append(("Applied", amount(match.get("applied_amount"))))
    if match.get("review_id") is not None:
        rows.append(("Review", f"{match['review_id']} (creditor-matcher reviews show {match['review_id']})"))
    if match.get("reasons"):
        rows.append(("Reasons", ", ".join(str(reason) for reason in match["reasons"])))
    return rows


def _transition(before: str | None, after: str | None) -> str:
    if after is None:
        return ""
    return f"{before} → {after}" if before else after


def show_view(job: JobDetail) -> RenderableType:
    head: list[tuple[str, Cell]] = [
        ("Status", job.processing_status),
        ("From", f"{job.from_name} <{job.from_email}>" if job.from_name else job.from_email),
        ("Subject", job.subject),
        ("Received", when(job.received_at)),
        ("Started", when(job.started_at)),
        ("Finished", when(job.completed_at)),
        ("Took", DASH if job.processing_time_seconds is None else f"{job.processing_time_seconds:.1f} s"),
        ("Attempts", f"{job.attempt_count} ({job.retry_count} retries)"),
        ("Sync", text(job.sync_status)),
    ]
    if job.processing_error:
        head.append(("Error", Text(job.processing_error, style="red")))
    facts = [*head, *_extraction(job.extracted_data or {}), *_match(job)]
    history = table("History", ("At", "Event", "Status", "Attempt", "Message"), [
        (when(event.at), event.kind,
         _transition(event.from_status, event.to_status),
         text(event.attempt), text(event.message)) for event in job.events])
    return Group(pairs(f"Job {job.id}", facts), "", history)


def operator_name() -> str:
    """The system user running the CLI, as the operator named in a job's history."""
    try:
        return f"{getpass.getuser()} (cli)"
    except (KeyError, OSError):
        return "cli"


def run(args: argparse.Namespace, console: Console) -> int:
    as_json = output.wants_json(args)
    if args.action == "retry":
        email, enqueued = retries.retry_failed(args.id, args.operator or operator_name())
        result = {"id": email.id, "processing_status": email.processing_status,
                  "retry_count": email.retry_count, "enqueued": enqueued}
        if as_json:
            output.print_json(result)
        else:
            console.print(f"job {email.id} is {email.processing_status} again (retry {email.retry_count})")
        print(dispatch.pickup_note(email.id, enqueued, get_settings()), file=sys.stderr)
        return 0
    with session_scope() as session:
        if args.action == "show":
            job = detail(jobs.get(session, args.id))
            if as_json:
                output.print_json(job.model_dump(mode="json"))
            else:
                console.print(show_view(job))
            return 0
        status = ProcessingStatus(args.status) if args.status else None
        total, rows = jobs.list_jobs(session, status, args.limit, args.offset)
        by_status = jobs.counts_by_status(session)
        page = [summary(email) for email in rows]
    if as_json:
        output.print_json({"total": total, "by_status": by_status,
                           "jobs": [job.model_dump(mode="json") for job in page]})
    else:
        console.print(list_view(total, by_status, page))
    return 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("jobs", help="list, show or retry jobs (one job = one received email)",
                            description="The job table: every accepted email, its state and history.")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="the newest jobs first, with counts per state")
    listing.add_argument("--status", choices=[s.value for s in ProcessingStatus], help="only jobs in this state")
    listing.add_argument("--limit", type=int, default=50, help="how many jobs (default 50)")
    listing.add_argument("--offset", type=int, default=0, help="skip this many of the newest (default 0)")
    show = actions.add_parser("show", help="one job: status, what was read, the match, the error, its history")
    retry = actions.add_parser("retry", help="put a failed job back in the queue")
    for action in (listing, show, retry):
        output.add_json_flag(action)
    show.add_argument("id", type=int, metavar="ID", help="the job's id (jobs list shows it)")
    retry.add_argument("id", type=int, metavar="ID", help="the failed job's id")
    retry.add_argument("--operator", default=None,
                       help="who retries, for the job's history (default: the system user name)")
