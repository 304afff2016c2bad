"""A firm's staff log in to the dashboard with their firm's API token (Chromium): they see their own jobs
and not another firm's, and the deployment-wide pages are not in their menu."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.test_dashboard_browser import BIN, SCREENSHOTS, TOKEN, Service
from tests.browser.test_dashboard_browser import browser as browser
from tests.conftest import SetEnv
from tests.e2e.test_processes import free_port, healthy, process, wait_for

pytestmark = pytest.mark.browser


@pytest.fixture
def service(tmp_path: Path, set_env: SetEnv) -> Iterator[tuple[Service, str]]:
    database_url = f"sqlite:///{tmp_path / 'firms.db'}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS", "DATABASE", "RABBITMQ"))}
    env.update(DATABASE_URL=database_url, JOBS_API_TOKEN=TOKEN, LOG_LEVEL="WARNING")
    subprocess.run([str(BIN / "creditor-matcher"), "migrate"], env=env, check=True, capture_output=True)
    added = subprocess.run([str(BIN / "creditor-matcher"), "firms", "add", "kanzlei-nord", "--name", "Kanzlei Nord",
                            "--address", "post@kanzlei-nord.example", "--json"], env=env, check=True,
                           capture_output=True, text=True)
    firm_token = json.loads(added.stdout)["api_token"]
    port = free_port()
    served = Service(base_url=f"http://127.0.0.1:{port}", log=tmp_path / "serve.log")
    with process([str(BIN / "creditor-matcher"), "serve", "--port", str(port)], env, served.log):
        wait_for(lambda: healthy(served.base_url), 30, "serve to answer")
        set_env(database_url=database_url)
        yield served, firm_token


def test_a_firm_login_sees_only_its_own_jobs(service: tuple[Service, str], browser: Browser) -> None:
    served, firm_token = service
    ours = served.post_reply(subject="Antwort an Kanzlei Nord", to_addresses=["post+KN-1@kanzlei-nord.example"])
    theirs = served.post_reply(subject="Antwort an die Standardkanzlei", to_addresses=["glaeubiger@other.example"])
    served.wait_completed(ours, theirs)
    context = browser.new_context(base_url=served.base_url, viewport={"width": 1400, "height": 900},
                                  http_credentials={"username": "nord", "password": firm_token})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(served.base_url)
                  else route.abort())
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto("/dashboard/jobs")
    expect(page.locator("body")).to_contain_text("Antwort an Kanzlei Nord")
    expect(page.locator("body")).not_to_contain_text("Antwort an die Standardkanzlei")
    expect(page.locator("nav >> text=Workers")).to_have_count(0)
    expect(page.locator("nav >> text=Charts")).to_have_count(0)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "firm-login-jobs.png"), full_page=True)
    assert page.goto(f"/dashboard/jobs/{theirs}").status == 404  # type: ignore[union-attr]
    assert page.goto("/dashboard/workers").status == 403  # type: ignore[union-attr]
    context.close()
