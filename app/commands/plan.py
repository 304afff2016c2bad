"""commands/plan.py — `creditor-matcher plan FIRM_REFERENCE`; invariant: it only shows what
services/plans/standing computed, in the words of services/plans/report (the JSON is the API's shape)."""

from __future__ import annotations

import argparse

from rich.console import Console, Group, RenderableType
from rich.text import Text

from app.commands import locate, output
from app.commands.output import pairs, table
from app.config import Settings
from app.database import session_scope
from app.models import utcnow
from app.schemas.plans import PlanStandingOut
from app.services.plans import report, standing


def view(found: standing.Standing) -> RenderableType:
    r = found.replacement
    title = Text(f"Settlement plan of {found.client_name} ({found.firm_reference}) as of {found.today}")
    creditors = table(None, report.HEADERS, [report.row(c) for c in found.creditors])
    unknown = r.unknown_agreed + r.unknown_other
    claims = (f"{report.amount(r.claims_agreed)} of {report.amount(r.claims_total)} ({report.share(r.claims_percent)})"
              + (f"; {unknown} claim(s) without a figure" if unknown else ""))
    facts = pairs(None, [
        ("Agreed by heads", f"{r.heads_agreed} of {r.heads_total} ({report.share(r.heads_percent)})"),
        ("Agreed by claims", claims),
        ("Outcome", "\n".join([report.OUTCOME[found.outcome], *found.reasons])),
        ("§ 309 InsO", "\n".join([report.VERDICT[r.possible], *r.reasons])),
    ])
    return Group(title, creditors, facts)


def run(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    locate.require_database(settings, upgrade=True)
    with session_scope() as session:
        found = standing.load(session, args.firm_reference, standing.firm_today(utcnow()))
    if output.wants_json(args):
        output.print_json(PlanStandingOut.of(found).model_dump(mode="json"))
    else:
        console.print(view(found))
    return 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "plan", help="where a client's settlement plan stands (heads, claims, § 309 InsO)",
        description="Every plan letter of the client with the creditor's current decision, the share agreed by "
                    "heads and by claims, the outcome of the out-of-court attempt and whether § 309 InsO can "
                    "replace the missing consents.")
    parser.add_argument("firm_reference", metavar="FIRM_REFERENCE", help="the client's file number at the firm")
    output.add_json_flag(parser)
