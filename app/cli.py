"""cli.py — `creditor-matcher`: the entry point; invariant: every command answers in one line on error
(exit code ≠ 0), a table on a terminal and JSON when piped or with --json (command groups in app/commands/)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeAlias

from sqlalchemy.exc import OperationalError

from app import evaluation, server
from app.commands import calibration as calibration_command
from app.commands import firms as firms_command
from app.commands import ingest as ingest_command
from app.commands import jobs as jobs_command
from app.commands import locate, output
from app.commands import migrate as migrate_command
from app.commands import plan as plan_command
from app.commands import reviews as reviews_command
from app.config import ConfigurationError, Settings, get_settings
from app.database import describe_unreachable, session_scope
from app.errors import RejectedInput
from app.logging import configure_from
from app.services import ingest, inquiries


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
    print(migrate_command.run(args, settings))
    return 0


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    locate.require_database(settings, upgrade=True)
    return ingest_command.run(args, settings, output.console())


def cmd_jobs(args: argparse.Namespace, settings: Settings) -> int:
    locate.require_database(settings)
    return jobs_command.run(args, output.console())


def cmd_reviews(args: argparse.Namespace, settings: Settings) -> int:
    locate.require_database(settings)
    return reviews_command.run(args, settings, output.console())


def cmd_inquiries(args: argparse.Namespace, settings: Settings) -> int:
    locate.require_database(settings, upgrade=True)
    as_json = output.wants_json(args)
    with session_scope() as session:
        if args.action == "import":
            report = inquiries.import_records(session, inquiries.read_file(Path(args.file)))
            result: dict[str, Any] = {"created": len(report.created), "updated": len(report.updated)}
        elif args.action == "reindex":
            result = {"reindexed": inquiries.rebuild_search_keys(session)}
        else:
            total, page = inquiries.list_inquiries(session, args.limit, args.offset)
            result = {"total": total, "inquiries": [
                {"id": i.external_id, "client_name": i.client_name, "firm_reference": i.firm_reference,
                 "creditor_name": i.creditor_name, "known_amount": i.known_amount, "letter_type": i.letter_type,
                 **({"plan_offer": i.plan_offer} if i.plan_offer else {})} for i in page]}
    if as_json:
        _print_json(result)
    elif args.action == "list":
        output.console().print(output.table(
            f"{len(result['inquiries'])} of {result['total']} inquiries",
            ("ID", "Client", "Firm reference", "Creditor", "Known amount", "Letter"),
            [(i["id"], i["client_name"], i["firm_reference"], i["creditor_name"], output.amount(i["known_amount"]),
              i["letter_type"]) for i in result["inquiries"]]))
    else:
        output.console().print(", ".join(f"{name} {count}" for name, count in result.items()))
    return 0


def cmd_plan(args: argparse.Namespace, settings: Settings) -> int:
    """Where a client's settlement plan stands: JSON with --json or when piped, else a readable table."""
    return plan_command.run(args, settings, output.console())


def cmd_firms(args: argparse.Namespace, settings: Settings) -> int:
    return firms_command.run(args, settings, output.console())


def cmd_calibration(args: argparse.Namespace, settings: Settings) -> int:
    return calibration_command.run(args, settings, output.console())


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


Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _runtime_parsers(sub: Subparsers) -> None:
    serve = sub.add_parser("serve", help="migrate, then run the web service (+ embedded worker)",
                           description="Bring the database to the newest schema, then serve the API and the "
                                       "dashboard; without REDIS_URL/RABBITMQ_URL an embedded worker processes "
                                       "the jobs in the same process.")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    serve.set_defaults(handler=cmd_serve)

    worker = sub.add_parser("worker", help="run Dramatiq workers against Redis/RabbitMQ",
                            description="Separate worker processes for production (needs REDIS_URL or "
                                        "RABBITMQ_URL); `serve` alone runs an embedded worker.")
    worker.add_argument("--processes", type=int, default=1, help="worker processes (default 1)")
    worker.add_argument("--threads", type=int, default=4, help="threads per process (default 4)")
    worker.set_defaults(handler=cmd_worker)


def _inquiry_parsers(sub: Subparsers) -> None:
    inquiries_cmd = sub.add_parser("inquiries", help="import (JSON list or CSV) / list the firm's inquiries",
                                   description="The firm's letters to creditors, which replies are matched to.")
    inquiries_sub = inquiries_cmd.add_subparsers(dest="action", required=True, metavar="ACTION")
    importing = inquiries_sub.add_parser("import", help="create or update inquiries from a file, all or none")
    importing.add_argument("file", metavar="FILE", help="a JSON list, a corpus.json, or a CSV with a header row")
    reindex = inquiries_sub.add_parser("reindex",
                                       help="rebuild the search keys after an upgrade that changes name folding")
    inquiry_list = inquiries_sub.add_parser("list", help="the inquiries, by id")
    inquiry_list.add_argument("--limit", type=int, default=50, help="how many (default 50)")
    inquiry_list.add_argument("--offset", type=int, default=0, help="skip this many (default 0)")
    for parser in (importing, reindex, inquiry_list):
        output.add_json_flag(parser)
    inquiries_cmd.set_defaults(handler=cmd_inquiries)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="creditor-matcher", description="Read creditors' replies and keep the debt records: serve, "
        "process, feed emails in, and look after jobs, reviews, inquiries and settlement plans.",
        epilog="Commands print a table on a terminal and JSON when piped or with --json. The database is "
               "DATABASE_URL (environment, or .env in the data home or the current directory); a relative "
               "SQLite path is relative to CREDITOR_MATCHER_HOME.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _runtime_parsers(sub)
    migrate_command.add_parser(sub)
    ingest_command.add_parser(sub)
    jobs_command.add_parser(sub)
    reviews_command.add_parser(sub)
    _inquiry_parsers(sub)
    plan_command.add_parser(sub)
    calibration_command.add_parser(sub)
    firms_command.add_parser(sub)

    eval_cmd = sub.add_parser("eval", help="replay a labelled corpus through the pipeline on a scratch database",
                              description="Score extraction and matching against a corpus's labels; the "
                                          "operator's database is never touched.")
    eval_cmd.add_argument("corpus_dir", metavar="CORPUS_DIR", help="a folder with corpus.json")
    eval_cmd.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    eval_cmd.add_argument("--predictions", metavar="FILE", help="write one JSON prediction per email per line")
    eval_cmd.set_defaults(handler=cmd_eval)
    for name, handler in (("migrate", cmd_migrate), ("ingest", cmd_ingest), ("jobs", cmd_jobs),
                          ("reviews", cmd_reviews), ("plan", cmd_plan), ("calibration", cmd_calibration),
                          ("firms", cmd_firms)):
        sub.choices[name].set_defaults(handler=handler)
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
    except (ingest.UnreadableInput, evaluation.CorpusError, locate.NoDatabase) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except migrate_command.UnknownRevision as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OperationalError as error:
        print(f"error: database unreachable: {describe_unreachable(error)}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
