"""Finding 6: a blank JOBS_API_TOKEN or ZENDESK_WEBHOOK_SECRET is unset (and warned about at start-up),
never a guard that an empty credential passes; `Authorization: Bearer` with nothing after it is refused."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.config import get_settings
from app.logging import configure_from
from app.main import warn_about_open_doors
from tests.conftest import SetEnv
from tests.support.app_client import app_client
from tests.support.factories import encode, payload

BLANKS = ["", "   ", "\t"]


@pytest.mark.parametrize("blank", BLANKS, ids=["empty", "spaces", "tab"])
def test_a_blank_secret_counts_as_unset_and_is_warned_about(
    set_env: SetEnv, capsys: pytest.CaptureFixture[str], blank: str
) -> None:
    # The repeat window would fold this warning into one logged earlier in the same test run.
    set_env(jobs_api_token=blank, zendesk_webhook_secret=blank, log_repeat_window_seconds="0")
    settings = get_settings()
    assert settings.jobs_api_token is None and settings.zendesk_webhook_secret is None
    configure_from(settings)
    warn_about_open_doors(settings)
    logged = "".join(capsys.readouterr())
    assert "jobs_api_open" in logged and "webhook_signature_check_off" in logged


def test_a_real_secret_is_kept(set_env: SetEnv) -> None:
    set_env(jobs_api_token="tok-4711", zendesk_webhook_secret="hook-0815")
    settings = get_settings()
    assert settings.jobs_api_token is not None and settings.jobs_api_token.get_secret_value() == "tok-4711"
    assert settings.zendesk_webhook_secret is not None


@pytest.mark.parametrize("header", ["Bearer", "Bearer ", "Bearer    ", "bearer \t", "Basic ", "Basic Og=="])
def test_an_empty_credential_is_refused_everywhere(database: str, set_env: SetEnv, header: str) -> None:
    set_env(jobs_api_token="tok-4711")
    with app_client() as client:
        for path in ("/api/v1/jobs", "/api/v1/reviews", "/api/v1/inquiries", "/dashboard/jobs"):
            assert client.get(path, headers={"Authorization": header}).status_code == 401, path
        assert client.get("/api/v1/jobs", headers={"Authorization": "Bearer tok-4711"}).status_code == 200


def test_a_blank_webhook_secret_switches_the_check_off_like_an_unset_one(
    database: str, set_env: SetEnv
) -> None:
    set_env(zendesk_webhook_secret="")
    with app_client() as client:
        response = client.post("/api/v1/zendesk/webhook", content=encode(payload()),
                               headers={"content-type": "application/json"})
    assert response.status_code == 200


def test_the_blank_token_leaves_the_api_open_as_documented(client: TestClient, set_env: SetEnv) -> None:
    set_env(jobs_api_token="")
    assert client.get("/api/v1/jobs", headers={"Authorization": "Bearer"}).status_code == 200
