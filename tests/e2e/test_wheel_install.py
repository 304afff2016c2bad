"""A normal install: the built wheel, installed into a fresh virtualenv away from the checkout, migrates
a database and serves it (the Alembic scripts travel inside the package)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import httpx
import pytest
from alembic.script import ScriptDirectory

from app import migrations
from tests.e2e.test_processes import base_env, free_port, process, wait_for

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "alembic.ini", "alembic", "app")


def run(argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{' '.join(argv)}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def build_wheel(tmp_path: Path) -> Path:
    """Built from a copy of the sources, so the checkout gets no build/ or egg-info debris."""
    source = tmp_path / "source"
    source.mkdir()
    for name in SOURCES:
        origin = REPO / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__", "_alembic"))
        else:
            shutil.copy2(origin, source / name)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check", "-q",
         "-w", str(tmp_path / "dist"), str(source)], cwd=tmp_path)
    (wheel,) = (tmp_path / "dist").glob("creditor_matcher-*.whl")
    return wheel


def fresh_venv(tmp_path: Path) -> Path:
    """A new virtualenv; the third-party dependencies come from this test run's environment (a .pth
    line), so the test needs no index, while the package itself is only the wheel's."""
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    (purelib,) = (venv / "lib").glob("python3*/site-packages")
    (purelib / "zz_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv


def test_the_installed_wheel_migrates_and_serves(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    venv = fresh_venv(tmp_path)
    run([str(venv / "bin" / "python"), "-m", "pip", "install", "--no-deps", "--no-index",
         "--disable-pip-version-check", "-q", str(wheel)], cwd=tmp_path)
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    env = base_env(DATABASE_URL=f"sqlite:///{tmp_path / 'installed.db'}")
    where = run([str(venv / "bin" / "python"), "-c", "import app; print(app.__file__)"], cwd=workdir, env=env)
    assert where.startswith(str(venv)), f"the package must come from the wheel, not the checkout: {where}"

    migrated = run([str(venv / "bin" / "creditor-matcher"), "migrate"], cwd=workdir, env=env)
    head = ScriptDirectory.from_config(migrations.alembic_config()).get_current_head()
    assert "created the database at" in migrated and f"now at {head}" in migrated

    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    serve = [str(venv / "bin" / "creditor-matcher"), "serve", "--port", str(port)]
    with process(serve, env, tmp_path / "serve.log"):
        def answers() -> bool:
            try:
                return httpx.get(f"{base_url}/api/v1/jobs", timeout=2).status_code == 200
            except httpx.HTTPError:
                return False

        wait_for(answers, 60, "the installed service to answer")
        assert httpx.get(f"{base_url}/api/v1/jobs", timeout=5).json()["total"] == 0
