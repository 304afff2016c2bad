"""A bad setting — a broken JSON list, an unknown log level, a bad value in `.env` — ends every entry point
(serve, uvicorn, the dramatiq worker, any CLI command) with the same one line naming the setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.security.test_startup_errors import BIN, ENTRY_POINTS, run

EVERY_ENTRY_POINT = {**ENTRY_POINTS, "cli": [str(BIN / "creditor-matcher"), "jobs", "list"]}


@pytest.mark.parametrize("entry", EVERY_ENTRY_POINT)
@pytest.mark.parametrize(("written", "expected"), [
    ({"ATTACHMENT_ALLOWED_HOSTS": '["files.example.org"'},
     "invalid configuration: ATTACHMENT_ALLOWED_HOSTS: not a JSON list"),
    ({"LOG_LEVEL": "loud"}, "invalid configuration: LOG_LEVEL: Input should be"),
    ({".env": "MAX_RETRIES=plenty\n"}, "invalid configuration: MAX_RETRIES: Input should be a valid integer"),
])
def test_a_bad_setting_ends_every_entry_point_with_one_line(
    entry: str, written: dict[str, str], expected: str, tmp_path: Path
) -> None:
    env = dict(written)
    dotenv = env.pop(".env", None)
    if dotenv is not None:
        (tmp_path / ".env").write_text(dotenv, encoding="utf-8")
    broker = {"REDIS_URL": "redis://127.0.0.1:1/0"} if entry == "dramatiq" else {}
    code, lines = run(EVERY_ENTRY_POINT[entry], tmp_path, DATABASE_URL=f"sqlite:///{tmp_path}/cm.db", **env,
                      **broker)
    assert code != 0
    assert len(lines) == 1, lines
    assert lines[0].removeprefix("error: ").startswith(expected), lines
