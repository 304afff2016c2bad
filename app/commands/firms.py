"""commands/firms.py — `creditor-matcher firms add|list|rotate-token`: the firms this deployment serves.
A new or rotated API token is printed once and kept only as its hash."""

from __future__ import annotations

import argparse

from rich.console import Console

from app.commands import locate, output
from app.commands.output import DASH, table
from app.config import Settings
from app.database import session_scope
from app.models import Firm
from app.services import firms


def _summary(firm: Firm) -> dict[str, object]:
    return {"id": firm.id, "slug": firm.slug, "name": firm.name, "inbound_addresses": list(firm.inbound_addresses),
            "firm_reference_pattern": firm.firm_reference_pattern,
            "own_zendesk_secret": firm.zendesk_webhook_secret is not None,
            "own_resend_secret": firm.resend_webhook_secret is not None,
            "debt_update_email": firm.debt_update_email, "portal_webhook_url": firm.portal_webhook_url}


def run(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    locate.require_database(settings, upgrade=args.action != "list")
    with session_scope() as session:
        if args.action == "list":
            every = firms.listing(session)
            if output.wants_json(args):
                output.print_json({"firms": [_summary(firm) for firm in every]})
            else:
                console.print(table(f"{len(every)} firms", ("ID", "Slug", "Name", "Inbound addresses", "Own secrets"),
                                    [(str(f.id), f.slug, f.name, ", ".join(f.inbound_addresses) or DASH,
                                      ", ".join(name for name, secret in (("zendesk", f.zendesk_webhook_secret),
                                                                         ("resend", f.resend_webhook_secret))
                                                if secret) or DASH) for f in every]))
            return 0
        if args.action == "add":
            issued = firms.create(session, args.slug, args.name or args.slug, inbound_addresses=args.address or (),
                                  firm_reference_pattern=args.firm_reference_pattern,
                                  zendesk_webhook_secret=args.zendesk_secret, resend_webhook_secret=args.resend_secret,
                                  debt_update_email=args.debt_update_email, portal_webhook_url=args.portal_url,
                                  portal_webhook_secret=args.portal_secret)
        else:
            issued = firms.rotate_token(session, args.slug)
        answer = _summary(issued.firm) | {"api_token": issued.token}
    if output.wants_json(args):
        output.print_json(answer)
    else:
        console.print(f"firm {answer['slug']} (id {answer['id']}): API token {issued.token}")
        console.print("The token is shown only now; the firm's webhooks: /api/v1/zendesk/webhook/"
                      f"{answer['slug']} and /api/v1/resend/webhook/{answer['slug']}")
    return 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("firms", help="the law firms this deployment serves, and their API tokens",
                            description="Each firm sees only its own jobs, inquiries, reviews and plans through "
                                        "its API token; the operator token (JOBS_API_TOKEN) sees all.")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="a new firm; prints its first API token once")
    add.add_argument("slug", help="short name in the firm's webhook paths, e.g. kanzlei-nord")
    add.add_argument("--name", help="the firm's name")
    add.add_argument("--address", action="append", metavar="ADDRESS",
                     help="an inbound address (name@domain, or @domain); repeat for several")
    add.add_argument("--firm-reference-pattern", metavar="REGEX", help="the firm's file numbers (default: the setting)")
    add.add_argument("--zendesk-secret", metavar="SECRET", help="the firm's own Zendesk webhook signing secret")
    add.add_argument("--resend-secret", metavar="WHSEC", help="the firm's own Resend (Svix) signing secret")
    add.add_argument("--debt-update-email", metavar="ADDRESS", help="who gets the firm's debt-update mails")
    add.add_argument("--portal-url", metavar="URL", help="the firm's portal webhook")
    add.add_argument("--portal-secret", metavar="SECRET", help="the firm's portal webhook secret")
    rotate = actions.add_parser("rotate-token", help="revoke the firm's tokens and print a new one once")
    rotate.add_argument("slug")
    listing = actions.add_parser("list", help="every firm (secrets and tokens are never shown)")
    for each in (add, rotate, listing):
        output.add_json_flag(each)
