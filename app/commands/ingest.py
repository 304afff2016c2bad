"""commands/ingest.py — `creditor-matcher ingest FILE|DIR`; invariant: every email enters through
intake.accept like a webhook delivery (dedup included), one unreadable file never stops the others."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from app.commands import output
from app.commands.output import table, text
from app.config import Settings
from app.database import session_scope
from app.evaluation import CorpusError, load_corpus
from app.evaluation.corpus import CORPUS_FILE
from app.evaluation.replay import inbound
from app.services import dispatch, ingest, inquiries, intake, processing
from app.services.attachments import AttachmentStore, store_from_settings

Source = tuple[str, Callable[[], intake.InboundEmail]]  # a name for people and how to read it


def _files(directory: Path) -> list[Path]:
    found = sorted(p for p in directory.iterdir()
                   if p.is_file() and p.suffix.lower() in (".eml", ".json") and p.name != CORPUS_FILE)
    if not found:
        raise ingest.UnreadableInput(f"no {CORPUS_FILE}, .eml or .json files in {directory}")
    return found


def sources(path: Path, store: AttachmentStore) -> tuple[str, list[Source]]:
    """(kind, the emails to feed in order): a corpus folder by received_at, a directory by file name."""
    if path.is_dir() and (path / CORPUS_FILE).is_file():
        corpus = load_corpus(path)
        ordered = sorted(corpus.emails, key=lambda e: (e.received_at or "", e.id))
        return "corpus", [(email.id, _reader_of_corpus_email(email, store)) for email in ordered]
    if path.is_dir():
        return "directory", [(p.name, _reader_of_file(p, store)) for p in _files(path)]
    return "file", [(path.name, _reader_of_file(path, store))]


def _reader_of_file(path: Path, store: AttachmentStore) -> Callable[[], intake.InboundEmail]:
    return lambda: ingest.load(path, store)


def _reader_of_corpus_email(email: Any, store: AttachmentStore) -> Callable[[], intake.InboundEmail]:
    return lambda: inbound(email, store)


def feed_one(read: Callable[[], intake.InboundEmail], settings: Settings, now: bool) -> dict[str, Any]:
    """Accept one email (and with `now` process it here); the outcome as the single-file JSON shape."""
    result = intake.accept(read())
    outcome: dict[str, Any] = {"status": result.status, "email_id": result.email_id}
    if now and result.status != "duplicate":
        try:
            outcome["processing"] = processing.run_attempt(result.email_id, settings)
        except processing.RetryLater as later:
            outcome["processing"] = f"retry in {later.delay_seconds:.0f} s: {later.error}"
    return outcome


def _progress(total: int) -> Progress:
    """A bar on stderr, shown only on a terminal and for more than one email (stdout stays clean JSON)."""
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=Console(stderr=True), disable=total < 2 or not sys.stderr.isatty(), transient=True)


def feed(items: list[Source], settings: Settings, now: bool) -> Iterator[dict[str, Any]]:
    with _progress(len(items)) as progress:
        task = progress.add_task("processing" if now else "ingesting", total=len(items))
        for name, read in items:
            progress.update(task, description=name)
            try:
                yield {"source": name, **feed_one(read, settings, now)}
            except ingest.UnreadableInput as error:
                yield {"source": name, "status": "unreadable", "error": str(error)}
            progress.advance(task)


def _import_inquiries(path: Path) -> dict[str, int]:
    with session_scope() as session:
        report = inquiries.load_corpus(session, {"inquiries": [asdict(i) for i in load_corpus(path).inquiries]})
    return {"created": len(report.created), "updated": len(report.updated)}


def run(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    path = Path(args.path)
    if not path.exists():
        raise ingest.UnreadableInput(f"no such file or directory: {path}")
    kind, items = sources(path, store_from_settings(settings))
    if args.inquiries and kind != "corpus":
        raise CorpusError(f"--inquiries needs a corpus folder (with {CORPUS_FILE}); {path} is none")
    imported = _import_inquiries(path) if args.inquiries else None
    results = list(feed(items, settings, args.now))
    if kind == "file" and "error" in results[0]:
        raise ingest.UnreadableInput(results[0]["error"])
    failed = sum(1 for r in results if r["status"] == "unreadable")
    waiting = [r for r in results if r["status"] in ("queued", "received") and "processing" not in r]
    if waiting:
        label = waiting[0]["email_id"] if len(waiting) == 1 else f"{len(waiting)} jobs"
        print(dispatch.pickup_note(label, all(r["status"] == "queued" for r in waiting), settings), file=sys.stderr)
    if output.wants_json(args):
        output.print_json(_single(results[0]) if kind == "file" else summary(kind, path, results, imported))
    else:
        render(console, kind, results, imported)
    return 1 if failed else 0


def _single(result: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in result.items() if k != "source"}


def summary(kind: str, path: Path, results: list[dict[str, Any]],
            imported: dict[str, int] | None) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for result in results:
        counts[result["status"]] = counts.get(result["status"], 0) + 1
    return {"kind": kind, "path": str(path), "counts": counts, "emails": results,
            **({"inquiries": imported} if imported is not None else {})}


def render(console: Console, kind: str, results: list[dict[str, Any]], imported: dict[str, int] | None) -> None:
    if imported is not None:
        console.print(f"inquiries: {imported['created']} created, {imported['updated']} updated")
    rows = [(r["source"], r["status"], text(r.get("email_id")), text(r.get("processing") or r.get("error")))
            for r in results]
    console.print(table(f"{len(results)} email(s) from a {kind}", ("Source", "Status", "Job", "Processing"), rows))
    if any(r["status"] in ("queued", "received") and "processing" not in r for r in results):
        console.print("`creditor-matcher jobs list` shows where they stand")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "ingest", help="feed emails in as Zendesk would: a .eml, a webhook .json, a folder of them, or a corpus",
        description="Each email is accepted like a webhook delivery (a duplicate is recognised) and queued for "
                    "the workers; with --now it is processed in this process instead. PATH may be a .eml file, "
                    f"a saved webhook .json, a directory of such files (by name), or a corpus folder with "
                    f"{CORPUS_FILE} (by received_at, attachments included). A progress bar shows on a terminal.")
    parser.add_argument("path", metavar="PATH", help="a .eml or .json file, a directory of them, or a corpus folder")
    parser.add_argument("--now", action="store_true", help="process each email here and now, not by the workers")
    parser.add_argument("--inquiries", action="store_true",
                        help=f"with a corpus folder: first import the inquiries of its {CORPUS_FILE}")
    output.add_json_flag(parser)
