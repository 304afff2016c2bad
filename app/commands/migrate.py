"""commands/migrate.py — `creditor-matcher migrate [REV]`; invariant: the database ends at REV, up or
down, or the command refuses with one line and leaves it where it was."""

from __future__ import annotations

import argparse

from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError

from alembic import command
from app import migrations
from app.commands import locate
from app.config import Settings


class UnknownRevision(Exception):
    """REV names no migration; the message lists the ones there are."""


def _chain(script: ScriptDirectory) -> list[str]:
    """Every revision id from the first to the head (the history is linear)."""
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


def _position(chain: list[str], revision: str | None) -> int:
    return -1 if revision is None else chain.index(revision)


def resolve(script: ScriptDirectory, revision: str) -> str | None:
    """The full revision id REV stands for ("head", "base", an id or a unique prefix); None for base."""
    if revision == "base":
        return None
    try:
        found = script.get_revision(revision)
    except CommandError:
        found = None
    if found is None:
        known = ", ".join(_chain(script))
        raise UnknownRevision(f"unknown revision {revision!r} (known: {known}, head, base)")
    return found.revision


def move_to(settings: Settings, revision: str) -> tuple[str | None, str | None]:
    """Upgrade or downgrade to `revision`; (where it was, where it is now)."""
    config = migrations.alembic_config()
    script = ScriptDirectory.from_config(config)
    target = resolve(script, revision)
    before = locate.current_revision()
    chain = _chain(script)
    if before is not None and before not in chain:
        raise UnknownRevision(f"the database is at {before!r}, which this version does not know; "
                              "migrate it with the version that wrote it")
    if _position(chain, target) >= _position(chain, before):
        command.upgrade(config, target or "base")
    else:
        command.downgrade(config, target or "base")
    return before, locate.current_revision()


def run(args: argparse.Namespace, settings: Settings) -> str:
    """One line saying what happened."""
    file = locate.sqlite_file(settings)
    creating = file is not None and not file.is_file()
    before, after = move_to(settings, args.revision)
    place = locate.where(settings)
    if creating:
        return f"created the database at {place}, now at {after or 'base'}"
    if before == after:
        return f"database at {place} already at {after or 'base'}"
    chain = _chain(ScriptDirectory.from_config(migrations.alembic_config()))
    direction = "up" if _position(chain, after) > _position(chain, before) else "down"
    return f"database at {place} moved {direction} from {before or 'base'} to {after or 'base'}"


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "migrate", help="move the database schema to a revision (default: the newest), up or down",
        description="Upgrade the database to REV, or downgrade it when REV is older than where it stands. "
                    "Creates a missing SQLite file. An unknown REV is refused without touching anything.")
    parser.add_argument("revision", nargs="?", default="head", metavar="REV",
                        help="'head' (default), 'base' (no tables), or a revision id such as 0003")
