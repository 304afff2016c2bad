"""migrations.py — run Alembic from code (the CLI's `migrate`, the tests, `serve` on start); invariant: the
same scripts are found in a checkout (./alembic) and in an installed wheel (app/_alembic)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


# Expression indexes that migrations 0012 and 0013 build on PostgreSQL only, the trigram ones only where the server
# has pg_trgm: the models cannot declare an index with that condition, so autogenerate leaves them out of its diff.
# (ix_incoming_emails_search_text is 0012's, which 0013 moved to ix_job_search_texts_search_text.)
MIGRATION_ONLY_INDEXES = frozenset({"ix_incoming_emails_search_text", "ix_inquiries_search_text",
                                    "ix_incoming_emails_matched_inquiry", "ix_job_search_texts_search_text"})


def include_object(item: Any, name: str | None, kind: str, reflected: bool, compare_to: Any) -> bool:
    """Alembic's autogenerate filter: everything but the MIGRATION_ONLY_INDEXES found in the database."""
    return not (kind == "index" and reflected and compare_to is None and name in MIGRATION_ONLY_INDEXES)


def upgrade(database_url: str | None = None, revision: str = "head") -> None:
    command.upgrade(alembic_config(database_url), revision)
