"""The fault run of bench/fault_run.py in short: 400 signed replies on private PostgreSQL and Redis
while three worker groups are SIGKILLed, the web once, Redis and PostgreSQL crashed and restarted
once each; afterwards every accepted email is completed once, no claim changed twice, no outbox
entry or alert doubled (the full run's figures are in the README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.fault_run import Plan, fault_run

pytestmark = pytest.mark.e2e


def test_four_hundred_replies_survive_killed_workers_web_redis_and_postgres(tmp_path: Path) -> None:
    # Enough work, drained slowly enough (two threads per worker group), that every crash still lands while
    # emails are in flight however fast the pipeline has become (it finished 200 replies before the sixth).
    plan = Plan(emails=400, worker_groups=2, threads=2, worker_kills=3, web_kills=1, redis_restarts=1,
                postgres_restarts=1, timeout_seconds=300, seed=9)
    summary = fault_run(plan, tmp_path)
    logs = tmp_path / "logs"
    assert summary["chaos_error"] is None, f"{summary['chaos_error']} (logs in {logs})"
    assert summary["crashes"] == {"worker_group_kills": 3, "web_kills": 1, "redis_restarts": 1,
                                  "postgres_restarts": 1}, summary["events"]
    assert summary["accepted"] == plan.emails
    assert {name: n for name, n in summary["violations"].items() if n} == {}, summary
    assert summary["counts"]["claim_changes_by_replies"] > 0
    assert summary["counts"]["outbox_webhook_delivered"] == summary["counts"]["claim_changes_by_replies"]
