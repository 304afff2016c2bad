"""setup.py — packaging only: the wheel carries the repository's alembic/ scripts as app/_alembic, so an
installed service can migrate (pyproject.toml holds everything else)."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildWithMigrations(build_py):
    """build_py plus a copy of alembic/ (env.py, script.py.mako, versions/*.py) into app/_alembic."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install runs the checkout's alembic/ itself
        target = Path(self.build_lib) / "app" / "_alembic"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(HERE / "alembic", target,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithMigrations})
