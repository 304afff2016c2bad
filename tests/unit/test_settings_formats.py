"""Settings as an operator writes them: lists as `a,b,c` or JSON, levels in any case, and every setting
documented in the README's configuration table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.config import ConfigurationError, Settings, get_settings
from tests.conftest import SetEnv

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.parametrize("written", [
    "files.example.org,cdn.example.net",
    " files.example.org , cdn.example.net ",
    '["files.example.org", "cdn.example.net"]',
])
def test_a_list_setting_takes_commas_or_json(written: str, set_env: SetEnv) -> None:
    set_env(attachment_allowed_hosts=written)
    assert get_settings().attachment_allowed_hosts == ["files.example.org", "cdn.example.net"]


def test_an_empty_list_setting_is_an_empty_list(set_env: SetEnv) -> None:
    set_env(attachment_allowed_hosts="")
    assert get_settings().attachment_allowed_hosts == []


def test_a_broken_json_list_is_one_line_naming_the_setting(set_env: SetEnv) -> None:
    set_env(attachment_allowed_hosts='["files.example.org"')
    with pytest.raises(ConfigurationError) as caught:
        get_settings()
    message = str(caught.value)
    assert message.startswith("invalid configuration: ATTACHMENT_ALLOWED_HOSTS: not a JSON list")
    assert "\n" not in message


@pytest.mark.parametrize(("written", "level"), [("debug", "DEBUG"), ("Warning", "WARNING"), (" info ", "INFO")])
def test_log_level_is_read_in_any_case(written: str, level: str, set_env: SetEnv) -> None:
    set_env(log_level=written, log_format="JSON")
    settings = get_settings()
    assert (settings.log_level, settings.log_format) == (level, "json")


def test_an_unknown_log_level_still_names_the_choices(set_env: SetEnv) -> None:
    set_env(log_level="loud")
    with pytest.raises(ConfigurationError, match="LOG_LEVEL: Input should be 'DEBUG', 'INFO'"):
        get_settings()


def documented_settings() -> set[str]:
    """Every `NAME` in the first column of the README's configuration table."""
    section = README.read_text(encoding="utf-8").split("## Configuration", 1)[1].split("\n## ", 1)[0]
    names: set[str] = set()
    for line in section.splitlines():
        if line.startswith("| `"):
            names.update(re.findall(r"`([A-Z][A-Z0-9_]+)`", line.split("|")[1]))
    return names


# Environment variables read before the settings exist (to find the data home and its .env).
READ_BEFORE_SETTINGS = {"CREDITOR_MATCHER_HOME"}


def test_every_setting_is_in_the_readme_table_and_nothing_else_is() -> None:
    settings = {name.upper() for name in Settings.model_fields} | READ_BEFORE_SETTINGS
    documented = documented_settings()
    assert sorted(settings - documented) == [], "settings missing from the README table"
    assert sorted(documented - settings) == [], "README rows that are no setting"
