"""commands/reviews.py — `creditor-matcher reviews list|show|approve|correct|reject`; invariant: a decision goes
through services/review.py exactly as the API's does (same checks, same audit), outbox sent after commit."""

from __future__ import annotations

import argparse
import re
from decimal import Decimal

from rich.console import Console, Group, RenderableType

from app.commands import output
from app.commands.output import DASH, Cell, amount, pairs, table, text, when
from app.config import Settings
from app.database import session_scope
from app.errors import RejectedInput
from app.routers.reviews import shape
from app.schemas.reviews import CounterOffer, ReviewOut
from app.services import money, outbox, review

PLAN_DECISIONS = ("accepted", "declined", "counter_offer", "needs_info", "unclear")
# A counter-offer is `name=value` pairs split on the commas that start a new name: `monthly_rate=5,00` keeps its
# German decimal comma.
_PAIR_START = re.compile(r",\s*(?=[a-z_]+\s*=)")


def parse_amount(written: str) -> Decimal:
    """An amount as people write it (1.234,56 or 1,234.56, with or without €); RejectedInput otherwise."""
    value = money.parse(written)
    if value is None:
        raise RejectedInput(f"not an amount: {written!r} (write it as 1.234,56 or 1234.56)")
    return value


def parse_counter_offer(written: str) -> dict[str, Decimal]:
    """`months=24,monthly_rate=5,00` → the creditor's figures, validated like the API's counter_offer."""
    figures: dict[str, object] = {}
    for part in _PAIR_START.split(written.strip()):
        name, sep, value = part.partition("=")
        name = name.strip()
        if not sep or name not in CounterOffer.model_fields:
            known = ", ".join(CounterOffer.model_fields)
            raise RejectedInput(f"counter-offer: {part.strip()!r} is not name=value with a name of {known}")
        figures[name] = int(value) if name == "months" and value.strip().isdigit() else parse_amount(value)
    try:
        return CounterOffer.model_validate(figures).figures()
    except ValueError as error:
        raise RejectedInput(f"counter-offer: {error}") from None


def _proposal(item: ReviewOut) -> str:
    if item.proposed_plan_decision:
        return item.proposed_plan_decision
    return amount(item.proposed_amount)


def list_view(total: int, items: list[ReviewOut], status: str | None) -> RenderableType:
    rows = [(str(item.id), str(item.email_id), item.status, text(item.inquiry_id), _proposal(item),
             f"{item.match_confidence:.0%}", ", ".join(item.reasons) or DASH, when(item.created_at),
             text(item.decided_by)) for item in items]
    title = f"{len(items)} of {total} {status or ''} reviews".replace("  ", " ")
    return table(title, ("ID", "Job", "Status", "Inquiry", "Proposed", "Confidence", "Reasons", "Opened", "By"),
                 rows)


def _figures(figures: dict[str, Decimal] | None) -> str:
    if not figures:
        return DASH
    return ", ".join(f"{name}={value if name == 'months' else amount(value)}" for name, value in figures.items())


def show_view(item: ReviewOut) -> RenderableType:
    facts: list[tuple[str, Cell]] = [
        ("Status", item.status), ("Job", f"{item.email_id} (creditor-matcher jobs show {item.email_id})"),
        ("Intent", text(item.intent)), ("Suggested inquiry", text(item.inquiry_id)),
        ("Match", f"{item.match_status} ({item.match_confidence:.0%})"),
        ("Proposed amount", amount(item.proposed_amount)),
        ("Components", ", ".join(f"{k} {amount(v)}" for k, v in item.proposed_components.items()) or DASH),
        ("Reasons", ", ".join(item.reasons) or DASH), ("Opened", when(item.created_at)),
    ]
    if item.proposed_plan_decision:
        facts += [("Plan decision", item.proposed_plan_decision),
                  ("Counter-offer", _figures(item.proposed_counter_offer))]
    if item.status != review.OPEN:
        facts += [("Decided by", text(item.decided_by)), ("Decided at", when(item.decided_at)),
                  ("Note", text(item.decision_note)), ("Final inquiry", text(item.final_inquiry_id)),
                  ("Final amount", amount(item.final_amount))]
        if item.final_plan_decision:
            facts += [("Final plan decision", item.final_plan_decision),
                      ("Final counter-offer", _figures(item.final_counter_offer))]
    candidates = table("Candidates", ("Inquiry", "Confidence", "Why"), [
        (text(entry.get("inquiry")), _share(entry.get("confidence")), _why(entry))
        for entry in item.explanation])
    return Group(pairs(f"Review {item.id}", facts), "", candidates) if item.explanation \
        else pairs(f"Review {item.id}", facts)


def _share(value: object) -> str:
    return DASH if not isinstance(value, int | float) else f"{value:.0%}"


def _why(entry: dict[str, object]) -> str:
    signals = entry.get("signals")
    if isinstance(signals, list):
        return "; ".join(str(s.get("why") or s.get("signal")) if isinstance(s, dict) else str(s)
                         for s in signals) or DASH
    return DASH


def decide(args: argparse.Namespace, settings: Settings) -> ReviewOut:
    """Take the operator's decision in one unit of work, then wake the outbox (after the commit)."""
    with session_scope() as session:
        if args.action == "approve":
            decided = review.approve(session, args.id, args.reviewer, args.note, settings)
        elif args.action == "reject":
            decided = review.reject(session, args.id, args.reviewer, args.note)
        else:
            amount_given, inquiry, plan = correction(args)
            decided = review.correct(session, args.id, args.reviewer, args.note, settings, amount=amount_given,
                                     inquiry_external_id=inquiry, plan=plan)
        shaped = shape(session, decided.review)
    outbox.send_after_commit(decided.outbox_ids)
    return shaped


def correction(args: argparse.Namespace) -> tuple[Decimal | None, str | None, review.PlanAnswer | None]:
    """The keyword arguments of review.correct from `--amount`, `--inquiry`, `--plan-decision`,
    `--counter-offer`."""
    if args.counter_offer and args.plan_decision not in (None, "counter_offer"):
        raise RejectedInput("--counter-offer belongs to --plan-decision counter_offer")
    decision = "counter_offer" if args.counter_offer and not args.plan_decision else args.plan_decision
    plan = None if decision is None else review.PlanAnswer(
        decision, parse_counter_offer(args.counter_offer) if args.counter_offer else None)
    return parse_amount(args.amount) if args.amount else None, args.inquiry, plan


def run(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    as_json = output.wants_json(args)
    if args.action in ("approve", "correct", "reject"):
        decided = decide(args, settings)
        if as_json:
            output.print_json(decided.model_dump(mode="json"))
        else:
            console.print(f"review {decided.id} {decided.status} by {decided.decided_by}")
            console.print(show_view(decided))
        return 0
    with session_scope() as session:
        if args.action == "show":
            item = shape(session, review.get(session, args.id))
            output.print_json(item.model_dump(mode="json")) if as_json else console.print(show_view(item))
            return 0
        total, page = review.list_reviews(session, args.status, args.limit, args.offset)
        items = [shape(session, r) for r in page]
    if as_json:
        output.print_json({"total": total, "limit": args.limit, "offset": args.offset,
                           "reviews": [item.model_dump(mode="json") for item in items]})
    else:
        console.print(list_view(total, items, args.status))
    return 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("reviews", help="the review queue: list, show and decide reviews",
                            description="Replies the matcher would not apply alone wait here for a person. "
                                        "Every decision is recorded with the reviewer's name in the job's "
                                        "history, exactly as a decision in the dashboard or the API.")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="reviews, oldest first (default: the open ones)")
    listing.add_argument("--status", choices=review.STATUSES, default=review.OPEN,
                         help="which reviews (default open)")
    listing.add_argument("--all", dest="status", action="store_const", const=None, help="every review")
    listing.add_argument("--limit", type=int, default=50, help="how many (default 50)")
    listing.add_argument("--offset", type=int, default=0, help="skip this many (default 0)")
    output.add_json_flag(listing)
    show = actions.add_parser("show", help="one review: the proposal, its reasons and the candidates")
    show.add_argument("id", type=int, metavar="ID", help="the review's id (reviews list shows it)")
    output.add_json_flag(show)
    _decision_parsers(actions)


def _decision_parsers(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    approve = actions.add_parser("approve", help="accept the proposal: the suggested inquiry gets the amount")
    correct = actions.add_parser("correct", help="decide with your own amount, inquiry and/or plan decision")
    reject = actions.add_parser("reject", help="close the review without changing any claim")
    for parser in (approve, correct, reject):
        parser.add_argument("id", type=int, metavar="ID", help="the open review's id")
        parser.add_argument("--reviewer", required=True, help="your name, recorded with the decision")
        parser.add_argument("--note", help="why, recorded with the decision")
        output.add_json_flag(parser)
    correct.add_argument("--amount", help="the claim amount, German or English notation: 1.234,56 or 1234.56")
    correct.add_argument("--inquiry", metavar="INQUIRY_ID", help="the inquiry the reply really answers")
    correct.add_argument("--plan-decision", choices=PLAN_DECISIONS,
                         help="for a reply to a settlement plan: the creditor's decision")
    correct.add_argument("--counter-offer", metavar="FIGURES",
                         help="a counter-offer's figures, e.g. months=24,monthly_rate=5,00 "
                              "(names: offer_amount, quota_percent, monthly_rate, months)")
