"""migrations.py — run Alembic from code (the CLI's `migrate`, the tests, `serve` on start); invariant: the
same scripts are found in a checkout (./alembic) and in an installed wheel (app/_alembic)."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config

from alembic import command

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent


def script_location() -> Path:
    """The wheel's copy when installed (setup.py puts it there), else the checkout's alembic/."""
    packaged = PACKAGE / "_alembic"
    return packaged if (packaged / "env.py").exists() else ROOT / "alembic"


def alembic_config(database_url: str | None = None) -> Config:
    ini = ROOT / "alembic.ini"
    config = Config(str(ini)) if ini.exists() else Config()
    config.set_main_option("script_location", str(script_location()))
    if database_url:
        config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(database_url: str | None = None, revision: str = "head") -> None:
    command.upgrade(alembic_config(database_url), revision)
