"""Settings: defaults, and invalid values stopping start-up with a one-line reason."""

from __future__ import annotations

import pytest

from app.cli import main
from app.config import ConfigurationError, Settings, get_settings
from tests.conftest import SetEnv


def test_defaults_are_embedded_sqlite_and_in_process_queue() -> None:
    settings = Settings()
    assert settings.database_url.startswith("sqlite")
    assert settings.broker_kind == "embedded"
    assert settings.max_retries == 5
    assert (settings.retry_min_backoff_seconds, settings.retry_max_backoff_seconds) == (15, 300)


def test_redis_url_selects_the_redis_broker(set_env: SetEnv) -> None:
    set_env(redis_url="redis://127.0.0.1:6379/0")
    assert get_settings().broker_kind == "redis"


def test_invalid_values_name_every_bad_setting_on_one_line(set_env: SetEnv) -> None:
    set_env(max_retries="lots", database_url="mysql://x")
    with pytest.raises(ConfigurationError) as caught:
        get_settings()
    message = str(caught.value)
    assert "\n" not in message
    assert "MAX_RETRIES" in message and "DATABASE_URL" in message


def test_backoff_minimum_above_maximum_is_rejected(set_env: SetEnv) -> None:
    set_env(retry_min_backoff_seconds=600, retry_max_backoff_seconds=60)
    with pytest.raises(ConfigurationError, match="RETRY_MIN_BACKOFF_SECONDS"):
        get_settings()


def test_cli_refuses_to_start_with_a_bad_setting(
    set_env: SetEnv, capsys: pytest.CaptureFixture[str]
) -> None:
    set_env(stale_job_seconds="-3")
    assert main(["jobs", "list"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("invalid configuration: STALE_JOB_SECONDS")
    assert len(err.splitlines()) == 1
