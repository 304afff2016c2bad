"""After startup the web and worker processes freeze what startup built, so the garbage collector's full
passes under load skip it (in the web process they were the ingest's slowest answers)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

WEB_PROBE = """
import gc
from fastapi.testclient import TestClient
from app.main import create_app
app = create_app(run_scheduler=False, run_embedded_worker=False)
before = gc.get_freeze_count()
with TestClient(app):
    print(before, gc.get_freeze_count())
"""


def run_probe(code: str, tmp_path: Path) -> list[int]:
    env = {key: value for key, value in os.environ.items()
           if key.upper() not in {"REDIS_URL", "RABBITMQ_URL", "DATABASE_URL"}}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'probe.db'}"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return [int(word) for word in done.stdout.strip().splitlines()[-1].split()]


def test_the_web_app_freezes_its_startup_objects_once_started(tmp_path: Path) -> None:
    before, after = run_probe(WEB_PROBE, tmp_path)
    assert before == 0
    assert after > 10_000


def test_the_worker_entry_point_freezes_its_startup_objects(tmp_path: Path) -> None:
    [frozen] = run_probe("import gc, app.worker; print(gc.get_freeze_count())", tmp_path)
    assert frozen > 10_000
