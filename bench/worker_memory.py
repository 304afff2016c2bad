"""bench/worker_memory.py — memory of the Procfile's web and worker process trees, after startup, after
2 000 emails and sampled through N jobs.

Starts `web:` (uvicorn) and `worker:` (`dramatiq app.worker` and the worker process it forks) as the
Procfile writes them, on a scratch PostgreSQL database (removed afterwards) and a spare Redis db, then
posts signed webhooks built from the dev corpus's body-only emails (each with its own ticket, webhook id
and line of text), keeping at most `--window` jobs unfinished, while the worker processes them. At each
sample the dashboard's jobs list is fetched once too, so the web process does what it does in use.
Prints RSS (summed over each tree: pages a forked child shares with its parent count twice) and PSS
(shared pages split) in MiB, the rate, and the growth from 2 000 jobs to the end. Not a test.

    .venv/bin/python bench/worker_memory.py [--jobs 10000] [--sample-every 1000] [--port 8741]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.stack import (
    Memory,
    Sent,
    Stack,
    body_only_emails,
    machine,
    payload,
    post_webhooks,
    procfile_command,
    tree_cpu_seconds,
    tree_memory,
    wait_for_port,
)

FIRST_MARK = 2000


def settled_memory(pid: int, least_seconds: float = 3.0, timeout: float = 60.0) -> Memory:
    """The tree's memory once it has stopped changing (imports done, worker process forked)."""
    time.sleep(least_seconds)
    deadline, last = time.monotonic() + timeout, tree_memory(pid)
    while time.monotonic() < deadline:
        time.sleep(1.0)
        now = tree_memory(pid)
        if abs(now.rss - last.rss) < 0.5 and now.processes == last.processes:
            return now
        last = now
    return last


def row(label: str, web: Memory, worker: Memory, rate: str = "") -> None:
    print(f"{label:>12} {web.rss:>8.1f} {web.pss:>8.1f} {worker.rss:>9.1f} {worker.pss:>9.1f} "
          f"{web.rss + worker.rss:>9.1f} {web.pss + worker.pss:>9.1f} {rate:>7}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=10000)
    parser.add_argument("--sample-every", type=int, default=1000)
    parser.add_argument("--window", type=int, default=600, help="most jobs sent but not yet finished")
    parser.add_argument("--batch", type=int, default=200, help="webhooks posted per round")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--port", type=int, default=8741)
    args = parser.parse_args()

    emails = body_only_emails()
    base = f"http://127.0.0.1:{args.port}"
    print(f"machine: {machine()}")
    with Stack("cm_mem") as stack:
        web_line, worker_line = procfile_command("web", port=str(args.port)), procfile_command("worker")
        web, worker = stack.start("web", web_line), stack.start("worker", worker_line)
        print(f"web:     {' '.join(web_line[1:])}  (pid {web.pid})")
        print(f"worker:  {' '.join(worker_line[1:])}  (pid {worker.pid})")
        print(f"load:    {args.jobs} signed webhooks, {len(emails)} body-only dev-corpus emails cycled, "
              f"{args.connections} connections, at most {args.window} unfinished")
        wait_for_port(args.port, web, timeout=120)
        startup_web, startup_worker = settled_memory(web.pid), settled_memory(worker.pid)
        print(f"{'':>12} {'web MiB':>17} {'worker MiB':>19} {'together MiB':>19}")
        print(f"{'jobs done':>12} {'RSS':>8} {'PSS':>8} {'RSS':>9} {'PSS':>9} {'RSS':>9} {'PSS':>9} {'jobs/s':>7}")
        row("startup", startup_web, startup_worker)
        print(f"{'':>12} processes: web {startup_web.processes}, worker {startup_worker.processes}")

        sent, total = Sent(), 0
        samples: list[tuple[int, Memory, Memory]] = []
        marks = [FIRST_MARK, *range(args.sample_every, args.jobs + 1, args.sample_every)]
        marks = sorted({mark for mark in marks if mark <= args.jobs} | {args.jobs})
        cpu_start, wall_start = tree_cpu_seconds(worker.pid), time.perf_counter()
        last_done, last_time, stalled_since = 0, time.perf_counter(), time.monotonic()
        with stack.connect() as db, httpx.Client(base_url=base, timeout=60) as client:
            while marks:
                done = stack.count_finished(db)
                if done > last_done:
                    stalled_since = time.monotonic()
                elif time.monotonic() - stalled_since > 120:
                    print(f"no job finished for 2 minutes; worker log:\n{stack.log_tail('worker')}")
                    return 1
                if done >= marks[0]:
                    while marks and done >= marks[0]:
                        marks.pop(0)
                    client.get("/api/v1/jobs", params={"limit": 50})
                    client.get("/dashboard/jobs")
                    now = time.perf_counter()
                    rate = f"{(done - last_done) / (now - last_time):.0f}"
                    samples.append((done, tree_memory(web.pid), tree_memory(worker.pid)))
                    row(str(done), samples[-1][1], samples[-1][2], rate)
                    last_done, last_time = done, now
                if total < args.jobs and total - done < args.window:
                    count = min(args.batch, args.jobs - total)
                    bodies = [json.dumps(payload(emails, total + n, "mem")).encode() for n in range(count)]
                    asyncio.run(post_webhooks(base, bodies, args.connections, sent))
                    total += count
                else:
                    time.sleep(0.5)
            cpu = tree_cpu_seconds(worker.pid) - cpu_start
            wall = time.perf_counter() - wall_start
            finished = db.execute(
                "SELECT processing_status, count(*), sum(attempt_count) FROM incoming_emails GROUP BY 1"
            ).fetchall()
        print(f"webhooks: statuses {dict(sorted(sent.statuses.items()))}; jobs by status and attempts: "
              f"{ {status: (count, attempts) for status, count, attempts in finished} }")
        print(f"worker tree CPU {cpu * 1000 / args.jobs:.1f} ms/job over {wall:.0f} s "
              f"({args.jobs / wall:.0f} jobs/s, web and load generator on the same 2 CPUs)")
        first = next((sample for sample in samples if sample[0] >= FIRST_MARK), samples[0])
        last = samples[-1]
        print(f"growth from {first[0]} to {last[0]} jobs: web RSS {last[1].rss - first[1].rss:+.1f} MiB, "
              f"worker RSS {last[2].rss - first[2].rss:+.1f} MiB, together "
              f"{last[1].rss + last[2].rss - first[1].rss - first[2].rss:+.1f} MiB "
              f"(PSS {last[1].pss + last[2].pss - first[1].pss - first[2].pss:+.1f} MiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
