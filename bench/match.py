"""bench/match.py — matching throughput: emails matched per second per worker against 100 000 inquiries.

Creates a scratch PostgreSQL database, bulk-inserts synthetic inquiries (with the same search
keys `services/inquiries.py` derives), then times `matching.match` (candidates → score → decide,
one worker, one connection) over a few hundred synthetic replies and prints the figures with the
machine they ran on. Not a test; the scratch database is dropped afterwards.

    .venv/bin/python bench/match.py [--inquiries 100000] [--replies 400] \
        [--admin-url postgresql://postgres@127.0.0.1:5432/postgres] [--keep | --database NAME] \
        [--decisions FILE] [--profile]

`--keep` leaves the filled database behind and `--database NAME` reuses it (migrated to head, not
refilled), so a change can be timed without the minute of inserts. `--decisions FILE` writes each
reply's decision (status, confidence, every ranked candidate with its signals) as JSON lines, to
compare two versions of the matcher decision by decision.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import random
import statistics
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the scratch database lives with the tests

from app import migrations
from app.config import Settings
from app.database import build_engine
from app.models import IncomingEmail, Inquiry, InquiryNameKey, utcnow
from app.services import inquiries
from app.services.matching import engine as matching
from tests.support.servers import scratch_database

FIRST_NAMES = ("Anna Anke Birgit Bernd Carsten Claudia Dörte Dieter Elke Emre Frank Friedhelm Gabriele Günter Hannah "
         "Heinz-Günter Ines Jürgen Jana Katrin Kathrin Klaus Lena Leonie Marlene Martin Mehmet Monika Niklas "
         "Olga Paul Petra Ralf Ramona Sabine Stefan Tobias Ursula Uwe Vera Werner Yvonne Zeynep Aylin Dragan")
SURNAMES = ("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf "
        "Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Krause Meier "
        "Lehmann Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn "
        "Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster "
        "Simon Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß Seidel "
        "Heinrich Brandt Haas Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch Bergmann "
        "Thomas Voigt Sauer Arnold Wolff Pfeiffer Weißbach Kühnel Lorenzen Lorentzen Petrović Ostendorf-Krüger "
        "Scholl-Ebersbach Brenninger Streletz Abendroth Kaya Yilmaz Öztürk Nowak Kowalski")
FIRST = FIRST_NAMES.split()
LAST = SURNAMES.split()
SECTORS = ("Bank", "Sparkasse", "Stadtwerke", "Energie", "Mobilfunk", "Versand", "Inkasso", "Wohnbau",
           "Versicherung", "Finanz", "Leasing", "Telekom")


def creditors(count: int, rng: random.Random) -> list[tuple[str, str]]:
    """(name, email) of `count` synthetic creditors, each on its own domain."""
    made = []
    for n in range(count):
        word = "".join(rng.choice("bcdfghklmnprstvwz") + rng.choice("aeiou") for _ in range(3)).capitalize()
        sector = rng.choice(SECTORS)
        domain = f"{word.lower()}-{sector.lower()}-{n}.example"
        made.append((f"{word} {sector} GmbH", f"forderungen@{domain}"))
    return made


def synthetic_inquiries(total: int, rng: random.Random) -> Iterator[inquiries.InquiryFields]:
    """Clients with 1–4 inquiries each at random creditors (a few big creditors get many)."""
    pool = creditors(max(50, total // 150), rng)
    client = number = 0
    while number < total:
        client += 1
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        born = date(1950, 1, 1) + timedelta(days=rng.randrange(20000))
        firm_reference = f"BS-{2020 + client % 7}-{client:06d}"
        for _ in range(rng.choice((1, 2, 2, 3, 3, 4))):
            number += 1
            creditor, address = pool[min(int(rng.paretovariate(1.2)) - 1, len(pool) - 1)] if rng.random() < 0.3 \
                else rng.choice(pool)
            yield inquiries.InquiryFields(
                id=f"SYN-{number:07d}", client_name=name, client_birth_date=born, firm_reference=firm_reference,
                creditor_name=creditor, creditor_email=address,
                creditor_reference=f"{rng.randrange(10**7, 10**8)} {rng.randrange(100, 999)}",
                known_amount=Decimal(rng.randrange(5000, 2_000_000)) / 100,
            )
            if number >= total:
                return


def bulk_insert(session: Session, fields: list[inquiries.InquiryFields]) -> list[Inquiry]:
    rows: list[dict[str, Any]] = []
    for data in fields:
        inquiry = Inquiry(external_id=data.id)
        inquiries.apply_fields(inquiry, data)
        rows.append({column.key: getattr(inquiry, column.key) for column in Inquiry.__table__.columns
                     if column.key not in ("id", "created_at", "updated_at")} | {
                         "created_at": utcnow(), "updated_at": utcnow()})
    ids = session.scalars(insert(Inquiry).returning(Inquiry.id, sort_by_parameter_order=True), rows).all()
    keys = [{"inquiry_id": inquiry_id, "kind": kind, "value": value}
            for inquiry_id, data in zip(ids, fields, strict=True)
            for kind, value in inquiries.name_keys(data.client_name)]
    session.execute(insert(InquiryNameKey), keys)
    return []


def reply_for(inquiry: Inquiry, rng: random.Random, n: int) -> IncomingEmail:
    """A reply in one of several shapes: plus-addressed, references only, name and birth date only."""
    shape = n % 4
    to = f"glaeubiger+{inquiry.firm_reference}@kanzlei.example" if shape in (0, 1) else "glaeubiger@kanzlei.example"
    subject = f"AW: Forderungsanfrage {inquiry.client_name}" if shape != 2 else "Ihre Anfrage"
    lines = ["Sehr geehrte Damen und Herren,", ""]
    if shape in (0, 2):
        lines.append(f"zu unserem Konto {inquiry.creditor_reference} (Ihr Zeichen {inquiry.firm_reference}) teilen "
                     f"wir die Forderung gegen Ihren Mandanten mit: {rng.randrange(100, 9999)},{rng.randrange(10, 99)}"
                     " EUR.")
    else:
        born = inquiry.client_birth_date
        lines.append(f"betreffend {inquiry.client_name}, geb. {born:%d.%m.%Y}, beträgt die Forderung "
                     f"{rng.randrange(100, 9999)},{rng.randrange(10, 99)} EUR." if born else "")
    lines += ["", "Mit freundlichen Grüßen", inquiry.creditor_name, "Musterstraße 1 · 12345 Musterstadt"]
    return IncomingEmail(dedup_key=str(uuid.uuid4()), zendesk_ticket_id=str(n), from_email=inquiry.creditor_email,
                         subject=subject, body_text="\n".join(lines), to_addresses=[to], cc_addresses=[],
                         attachment_urls=[], extra_fields={}, received_at=utcnow())


def fill(url: str, total: int, rng: random.Random) -> None:
    engine = build_engine(url)
    started = time.perf_counter()
    batch: list[inquiries.InquiryFields] = []
    with Session(engine) as session:
        for data in synthetic_inquiries(total, rng):
            batch.append(data)
            if len(batch) == 5000:
                bulk_insert(session, batch)
                batch = []
        if batch:
            bulk_insert(session, batch)
        session.commit()
    # As autovacuum leaves a table the portal filled over time: statistics, and the visibility map
    # that lets index-only scans skip the table rows.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM ANALYZE")
    engine.dispose()
    print(f"inserted {total} inquiries in {time.perf_counter() - started:.1f} s")


def decision_record(target: Inquiry, decision: matching.Decision) -> dict[str, Any]:
    return {"target": target.external_id, "status": decision.status, "confidence": decision.confidence,
            "reasons": list(decision.reasons),
            "ranked": [{"inquiry": s.inquiry.external_id, "confidence": s.confidence, "name_score": s.name_score,
                        "signals": [[g.code, g.client, g.creditor, g.why] for g in s.signals]}
                       for s in decision.ranked]}


def run(url: str, total: int, replies: int, seed: int, reuse: bool, decisions: Path | None,
        profile: bool) -> None:
    rng = random.Random(seed)
    migrations.upgrade(url)
    engine = build_engine(url)
    with Session(engine) as session:
        filled = session.scalar(select(func.count()).select_from(Inquiry)) or 0
    if reuse and filled:
        print(f"reusing {filled} inquiries")
        for _ in synthetic_inquiries(total, rng):  # the same random stream as a fresh fill
            pass
    else:
        fill(url, total, rng)
    settings = Settings(database_url=url)
    profiler = cProfile.Profile() if profile else None
    records: list[dict[str, Any]] = []
    with Session(engine) as session:
        count = session.scalar(select(func.count()).select_from(Inquiry)) or 0
        sample_ids = rng.sample(range(1, count + 1), replies)
        targets = session.scalars(select(Inquiry).where(Inquiry.id.in_(sample_ids))).all()
        timings: list[float] = []
        right = auto = 0
        for n, inquiry in enumerate(targets):
            email = reply_for(inquiry, rng, n)
            if profiler:
                profiler.enable()
            begin = time.perf_counter()
            decision = matching.match(session, email, email.body_text or "", None, settings)
            timings.append(time.perf_counter() - begin)
            if profiler:
                profiler.disable()
            right += decision.best is not None and decision.best.inquiry.id == inquiry.id
            auto += decision.status == "auto_matched"
            if decisions:
                records.append(decision_record(inquiry, decision))
    engine.dispose()
    if decisions:
        decisions.write_text("".join(json.dumps(record, sort_keys=True) + "\n" for record in records))
    seconds = sum(timings)
    print(f"machine: {platform.node()} · {platform.processor() or platform.machine()} · {os.cpu_count()} CPUs · "
          f"Python {platform.python_version()} · PostgreSQL via {url.split('@')[-1].rsplit('/', 1)[0]} · "
          f"load average {' '.join(f'{load:.2f}' for load in os.getloadavg())} (other work on the box slows this)")
    print(f"matched {len(timings)} replies against {count} inquiries in {seconds:.2f} s: "
          f"{len(timings) / seconds:.0f} emails/s per worker (one thread, one connection)")
    print(f"latency ms: median {statistics.median(timings) * 1000:.1f}, "
          f"p95 {sorted(timings)[int(len(timings) * 0.95)] * 1000:.1f}, max {max(timings) * 1000:.1f}")
    print(f"synthetic accuracy: best candidate right {right}/{len(timings)}, auto_matched {auto}/{len(timings)}")
    if profiler:
        text = io.StringIO()
        order, top = os.environ.get("BENCH_SORT", "cumulative"), int(os.environ.get("BENCH_TOP", "30"))
        pstats.Stats(profiler, stream=text).sort_stats(order).print_stats(top)
        print(f"matching profile (cProfile, top {top} by {order}; times inflated by profiling):")
        print(text.getvalue())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inquiries", type=int, default=100_000)
    parser.add_argument("--replies", type=int, default=400)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--admin-url", default=os.environ.get("TEST_POSTGRES_URL",
                                                              "postgresql://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--keep", action="store_true", help="leave the filled database behind")
    parser.add_argument("--database", help="reuse this kept database (by name) instead of a fresh one")
    parser.add_argument("--decisions", type=Path, help="write every decision as JSON lines to this file")
    parser.add_argument("--profile", action="store_true", help="cProfile the matching calls")
    args = parser.parse_args()
    if args.database:
        url = make_url(args.admin_url).set(drivername="postgresql+psycopg", database=args.database)
        run(url.render_as_string(hide_password=False), args.inquiries, args.replies, args.seed, True, args.decisions,
            args.profile)
        return 0
    with scratch_database(args.admin_url, "cm_bench", keep=args.keep) as url:
        run(url, args.inquiries, args.replies, args.seed, False, args.decisions, args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
