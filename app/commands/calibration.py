"""commands/calibration.py — `creditor-matcher calibration`: what the decided reviews say about the rules and
thresholds (services/calibration.py computes it; this only words it)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from rich.console import Console, Group, RenderableType

from app.commands import locate, output
from app.commands.output import DASH, pairs, table
from app.config import Settings
from app.database import session_scope
from app.errors import RejectedInput
from app.services import calibration


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({part / whole:.0%})" if whole else DASH


def view(report: calibration.Report) -> RenderableType:
    decided = sum(report.outcomes.values())
    summary = pairs("Reviews", [
        ("Opened", str(report.reviews)), ("Still open", str(report.open)),
        ("Decided", ", ".join(f"{name} {count}" for name, count in sorted(report.outcomes.items())) or DASH),
        ("Proposal confirmed by the human", _share(report.confirmed, decided)),
    ])
    rules = table("What sent emails to a human", ("Rule", "Reviews", "Only cause", "Decided", "Confirmed"),
                  [(r.rule, str(r.reviews), str(r.sole_cause), str(r.decided), _share(r.confirmed, r.decided))
                   for r in report.rules])
    rows = []
    for t in report.thresholds:
        tried = "; ".join(f"{c.value:g}: −{c.removed} ({c.wrong_writes} wrong)" for c in t.candidates) or DASH
        safe = (f"{t.safe_value:g} removes {t.removed_at_safe}" if t.safe_value is not None
                else "none without a wrong write" if t.candidates else DASH)
        rows.append((t.setting, f"{t.current:g}", f"{t.direction} to relax", safe, tried))
    thresholds = table("Thresholds: reviews removed had the setting been relaxed (decided cases only count as wrong)",
                       ("Setting", "Now", "Relax by", "Safe on decided cases", "Values tried"), rows)
    return Group(summary, rules, thresholds)


def parse_since(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    except ValueError:
        raise RejectedInput(f"--since: not a date {value!r} (write 2026-11-01)") from None


def run(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    locate.require_database(settings)
    since = parse_since(args.since)
    with session_scope() as session:
        report = calibration.build(session, settings, since)
    if output.wants_json(args):
        output.print_json(report.as_dict())
    else:
        console.print(view(report))
    return 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "calibration", help="which rules and thresholds send emails to a human, and what the humans decided",
        description="Counts the reviews each rule opened and how often reviewers confirmed the system's proposal; "
                    "for MATCH_AUTO_THRESHOLD, MATCH_AMBIGUITY_MARGIN and CLAIM_JUMP_LIMIT, how many reviews a "
                    "relaxed value would have removed and how many of those were decided otherwise by a human "
                    "(each a wrong write had the system acted).")
    parser.add_argument("--since", metavar="DATE", help="only reviews opened on or after this date (YYYY-MM-DD)")
    output.add_json_flag(parser)
