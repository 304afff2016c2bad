"""cli.py — `creditor-matcher serve | worker | migrate | ingest | jobs | inquiries | plan | eval`."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.exc import OperationalError

from app import embedded, evaluation, migrations, server
from app.config import ConfigurationError, Settings, get_settings
from app.database import describe_unreachable, session_scope
from app.errors import RejectedInput
from app.logging import configure_from
from app.models import ProcessingStatus, utcnow
from app.routers.jobs import detail, summary
from app.schemas.plans import PlanStandingOut
from app.services import ingest, inquiries, intake, jobs, processing, retries
from app.services.attachments import store_from_settings
from app.services.plans import report, standing


def _print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    return server.serve(args.host, args.port, settings)


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    if settings.broker_kind == "embedded":
        print("worker needs REDIS_URL or RABBITMQ_URL; `serve` runs an embedded worker itself",
              file=sys.stderr)
        return 2
    argv = [sys.executable, "-m", "dramatiq", "app.worker",
            "--processes", str(args.processes), "--threads", str(args.threads)]
    os.execv(sys.executable, argv)
    return 0  # pragma: no cover - execv does not return


def cmd_migrate(args: argparse.Namespace, settings: Settings) -> int:
    migrations.upgrade(revision=args.revision)
    print(f"database at {args.revision}")
    return 0


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    migrations.upgrade()
    payload = ingest.load(Path(args.file), store_from_settings(settings))
    result = intake.accept(payload)
    outcome: dict[str, Any] = {"status": result.status, "email_id": result.email_id}
    if args.now and result.status != "duplicate":
        try:
            outcome["processing"] = processing.run_attempt(result.email_id, settings)
        except processing.RetryLater as later:
            outcome["processing"] = f"retry in {later.delay_seconds:.0f} s: {later.error}"
    _print_json(outcome)
    if not args.now and result.status != "duplicate":
        print(embedded.pickup_note(result.email_id, result.status == "queued", settings), file=sys.stderr)
    return 0


def cmd_jobs(args: argparse.Namespace, settings: Settings) -> int:
    if args.action == "retry":
        email, enqueued = retries.retry_failed(args.id)
        _print_json({"id": email.id, "processing_status": email.processing_status,
                     "retry_count": email.retry_count, "enqueued": enqueued})
        print(embedded.pickup_note(email.id, enqueued, settings), file=sys.stderr)
        return 0
    with session_scope() as session:
        if args.action == "show":
            _print_json(detail(jobs.get(session, args.id)).model_dump(mode="json"))
            return 0
        status = ProcessingStatus(args.status) if args.status else None
        total, page = jobs.list_jobs(session, status, args.limit, args.offset)
        _print_json({"total": total, "by_status": jobs.counts_by_status(session),
                     "jobs": [summary(email).model_dump(mode="json") for email in page]})
    return 0


def cmd_inquiries(args: argparse.Namespace, settings: Settings) -> int:
    migrations.upgrade()
    with session_scope() as session:
        if args.action == "import":
            report = inquiries.import_records(session, inquiries.read_file(Path(args.file)))
            _print_json({"created": len(report.created), "updated": len(report.updated)})
            return 0
        if args.action == "reindex":
            _print_json({"reindexed": inquiries.rebuild_search_keys(session)})
            return 0
        total, page = inquiries.list_inquiries(session, args.limit, args.offset)
        _print_json({"total": total, "inquiries": [
            {"id": i.external_id, "client_name": i.client_name, "firm_reference": i.firm_reference,
             "creditor_name": i.creditor_name, "known_amount": i.known_amount, "letter_type": i.letter_type,
             **({"plan_offer": i.plan_offer} if i.plan_offer else {})} for i in page]})
    return 0


def cmd_plan(args: argparse.Namespace, settings: Settings) -> int:
    """Where a client's settlement plan stands: JSON with --json or when piped, else a readable table."""
    migrations.upgrade()
    with session_scope() as session:
        found = standing.load(session, args.firm_reference, standing.firm_today(utcnow()))
    if args.json or not sys.stdout.isatty():
        _print_json(PlanStandingOut.of(found).model_dump(mode="json"))
    else:
        print(report.text(found))
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    configure_from(settings, "WARNING")  # the report is the output, not per-job lines
    with tempfile.TemporaryDirectory(prefix="cm-eval-") as workdir:
        report = evaluation.run_pipeline_eval(Path(args.corpus_dir), settings, Path(workdir))
    if args.predictions:
        evaluation.write_predictions(report, Path(args.predictions))
    if args.json:
        print(json.dumps(evaluation.report_json(report), ensure_ascii=False))
    else:
        print(evaluation.report_text(report))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="creditor-matcher", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="migrate, then run the web service (+ embedded worker)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(handler=cmd_serve)

    worker = sub.add_parser("worker", help="run Dramatiq workers against Redis/RabbitMQ")
    worker.add_argument("--processes", type=int, default=1)
    worker.add_argument("--threads", type=int, default=4)
    worker.set_defaults(handler=cmd_worker)

    migrate = sub.add_parser("migrate", help="alembic upgrade")
    migrate.add_argument("revision", nargs="?", default="head")
    migrate.set_defaults(handler=cmd_migrate)

    ingest_cmd = sub.add_parser("ingest", help="feed a .eml or a webhook JSON file")
    ingest_cmd.add_argument("file")
    ingest_cmd.add_argument("--now", action="store_true", help="process it in this process")
    ingest_cmd.set_defaults(handler=cmd_ingest)

    jobs_cmd = sub.add_parser("jobs", help="list / show / retry jobs")
    jobs_sub = jobs_cmd.add_subparsers(dest="action", required=True)
    listing = jobs_sub.add_parser("list")
    listing.add_argument("--status", choices=[s.value for s in ProcessingStatus])
    listing.add_argument("--limit", type=int, default=50)
    listing.add_argument("--offset", type=int, default=0)
    for action in ("show", "retry"):
        jobs_sub.add_parser(action).add_argument("id", type=int)
    jobs_cmd.set_defaults(handler=cmd_jobs)

    inquiries_cmd = sub.add_parser("inquiries", help="import (JSON list or CSV) / list the firm's inquiries")
    inquiries_sub = inquiries_cmd.add_subparsers(dest="action", required=True)
    inquiries_sub.add_parser("import").add_argument("file")
    inquiries_sub.add_parser("reindex", help="rebuild the search keys after an upgrade that changes name folding")
    inquiry_list = inquiries_sub.add_parser("list")
    inquiry_list.add_argument("--limit", type=int, default=50)
    inquiry_list.add_argument("--offset", type=int, default=0)
    inquiries_cmd.set_defaults(handler=cmd_inquiries)

    plan_cmd = sub.add_parser("plan", help="where a client's settlement plan stands (heads, claims, § 309 InsO)")
    plan_cmd.add_argument("firm_reference", metavar="FIRM_REFERENCE")
    plan_cmd.add_argument("--json", action="store_true", help="print JSON even on a terminal")
    plan_cmd.set_defaults(handler=cmd_plan)

    eval_cmd = sub.add_parser("eval", help="replay a labelled corpus through the pipeline on a scratch database")
    eval_cmd.add_argument("corpus_dir")
    eval_cmd.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    eval_cmd.add_argument("--predictions", metavar="FILE", help="write one JSON prediction per email per line")
    eval_cmd.set_defaults(handler=cmd_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = get_settings()
    except ConfigurationError as error:
        print(error, file=sys.stderr)
        return 2
    configure_from(settings)
    try:
        return int(args.handler(args, settings))
    except RejectedInput as error:
        print(f"error: {error.reason}", file=sys.stderr)
        return 1
    except (ingest.UnreadableInput, evaluation.CorpusError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except OperationalError as error:
        print(f"error: database unreachable: {describe_unreachable(error)}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
