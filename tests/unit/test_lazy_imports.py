"""The web and worker entry points do not load the attachment readers' heavy libraries at import time:
OCR, PDF and office formats are imported by the reader that needs them, the RabbitMQ client only where
RabbitMQ is the broker, and the web process loads the processing pipeline only when it runs the embedded
worker (memory per process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pytesseract", "PIL", "pypdfium2", "docx", "openpyxl", "pika")
PROBE = (
    "import importlib, json, sys; importlib.import_module(sys.argv[1]); wanted = set(sys.argv[2:]); "
    "print(json.dumps(sorted(name for name, module in sys.modules.items() "
    "if module is not None and {name, name.split('.')[0]} & wanted)))"
)


def loaded_after_import(module: str, tmp_path: Path, names: tuple[str, ...] = HEAVY) -> list[str]:
    env = {key: value for key, value in os.environ.items()
           if key.upper() not in {"REDIS_URL", "RABBITMQ_URL", "DATABASE_URL"}}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'probe.db'}"
    done = subprocess.run([sys.executable, "-c", PROBE, module, *names], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    loaded: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return loaded


@pytest.mark.parametrize("module", ["app.worker", "app.main"])
def test_entry_point_does_not_import_attachment_libraries(module: str, tmp_path: Path) -> None:
    assert loaded_after_import(module, tmp_path) == []


def test_the_probe_sees_a_reader_library_once_its_reader_is_imported(tmp_path: Path) -> None:
    # Guards the check above against passing because the probe cannot see anything.
    assert "pypdfium2" in loaded_after_import("app.services.attachments.pdf", tmp_path)


PIPELINE = ("app.embedded", "app.services.pipeline", "app.services.extraction", "app.services.matching.engine",
            "rapidfuzz", "inscriptis", "lxml")


def test_the_web_app_does_not_import_the_processing_pipeline(tmp_path: Path) -> None:
    assert loaded_after_import("app.main", tmp_path, PIPELINE) == []


def test_the_worker_imports_the_processing_pipeline(tmp_path: Path) -> None:
    # Guards the check above: the same probe sees the pipeline where it is needed.
    assert set(loaded_after_import("app.worker", tmp_path, PIPELINE)) >= {"app.services.pipeline", "rapidfuzz"}


EXTRAS = ("rich", "pygments", "httpx._main")


@pytest.mark.parametrize("module", ["app.worker", "app.main"])
def test_entry_point_does_not_load_the_extras_libraries_load_when_installed(module: str, tmp_path: Path) -> None:
    assert loaded_after_import(module, tmp_path, EXTRAS) == []


def test_the_probe_sees_the_extras_when_the_libraries_are_imported_plainly(tmp_path: Path) -> None:
    # Guards the check above: without app.extras, importing httpx alone loads its CLI and rich.
    assert set(loaded_after_import("httpx", tmp_path, EXTRAS)) >= {"rich", "httpx._main"}


def test_the_cli_can_still_use_rich_after_the_entry_points_loaded(tmp_path: Path) -> None:
    probe = ("import app.main, app.worker, structlog, rich.console, io; "
             "out = io.StringIO(); rich.console.Console(file=out).print('[bold]ok[/bold]'); "
             "structlog.get_logger().info('still logs'); print(out.getvalue().strip())")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'probe.db'}"}
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "ok"


def test_the_web_app_does_not_import_the_http_client_only_deliveries_and_downloads_use(tmp_path: Path) -> None:
    assert loaded_after_import("app.main", tmp_path, ("httpx", "httpcore")) == []
    # Guards the check above: the worker, which downloads attachments and delivers changes, has it.
    assert "httpx" in loaded_after_import("app.worker", tmp_path, ("httpx",))
