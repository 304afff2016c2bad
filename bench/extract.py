"""bench/extract.py — extraction throughput on one core; invariant: measures only, asserts nothing.

Usage: .venv/bin/python bench/extract.py [CORPUS_DIR] [--seconds N]
Prints emails per second for (a) body only: parse_body + extract over every corpus email, and
(b) with a PDF attachment: the same plus reading one corpus PDF with the attachment stage.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import time
from collections.abc import Callable
from pathlib import Path

import structlog

from app.evaluation.corpus import CorpusEmail, load_corpus
from app.services.attachments.text import read_attachment
from app.services.extraction import extract
from app.services.parsing import parse_body

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev"


def pin_to_one_core() -> str:
    """Run on a single CPU where the OS allows it, so the figure is per core."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def body_only(email: CorpusEmail) -> None:
    parsed = parse_body(email.body_text, email.body_html)
    extract(parsed, subject=email.subject, from_email=email.from_email, from_name=email.from_name, to=email.to)


def with_pdf(email: CorpusEmail, pdf: bytes, name: str) -> None:
    parsed = parse_body(email.body_text, email.body_html)
    attachment = read_attachment(pdf, name, "application/pdf")
    extract(parsed, subject=email.subject, from_email=email.from_email, from_name=email.from_name,
            attachments=[attachment], to=email.to)


def measure(label: str, emails: list[CorpusEmail], work: Callable[[CorpusEmail], None], seconds: float) -> None:
    for email in emails:  # warm-up: compile regexes, load libraries
        work(email)
    done = 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        for email in emails:
            work(email)
            done += 1
    elapsed = time.perf_counter() - started
    print(f"{label:28} {done / elapsed:10.1f} emails/s   ({done} emails in {elapsed:.2f} s, "
          f"{1000 * elapsed / done:.2f} ms each)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seconds", type=float, default=3.0, help="time per measurement")
    args = parser.parse_args()
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    pinned = pin_to_one_core()
    corpus = load_corpus(args.corpus)
    emails = list(corpus.emails)
    pdf_email = next(e for e in corpus.emails for a in e.attachments if a.path.suffix.lower() == ".pdf")
    pdf_path = next(a.path for a in pdf_email.attachments if a.path.suffix.lower() == ".pdf")
    pdf = pdf_path.read_bytes()
    print(f"machine: {platform.platform()} · {platform.processor() or platform.machine()} · "
          f"{os.cpu_count()} CPUs visible · Python {platform.python_version()} · {pinned}")
    print(f"corpus:  {args.corpus.resolve()} ({len(emails)} emails); PDF: {pdf_path.name} ({len(pdf)} bytes)")
    measure("body only", emails, body_only, args.seconds)
    measure("body + 1 PDF attachment", emails, lambda e: with_pdf(e, pdf, pdf_path.name), args.seconds)


if __name__ == "__main__":
    main()
