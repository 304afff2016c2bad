"""A reply whose figures are only in a PDF on Zendesk: the worker downloads it (API token on the
first hop only), reads it and stores the extracted claim; a broken file fails that file only."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from dramatiq import Worker
from fastapi.testclient import TestClient

from app.database import session_scope
from app.services import jobs
from tests.conftest import SetEnv
from tests.integration.attachments.local_sites import LocalSite, file, redirect
from tests.support.app_client import app_client
from tests.support.factories import payload
from tests.support.worker import drain

BODY = "Sehr geehrte Damen und Herren,\n\nanbei unsere Forderungsaufstellung.\n\nMit freundlichen Grüßen\nStadtwerke\n"


@pytest.fixture
def zendesk(database: str, set_env: SetEnv, tmp_path: Path) -> Iterator[LocalSite]:
    site = LocalSite("127.0.0.1")
    cdn = LocalSite("localhost")
    set_env(zendesk_subdomain="127.0.0.1", zendesk_email="agent@kanzlei.example", zendesk_api_token="tok-123",
            attachment_allowed_hosts='["localhost"]', attachment_allow_private_addresses="true",
            attachment_allow_plain_http="true", attachment_store_dir=str(tmp_path / "store"))
    site.cdn = cdn  # type: ignore[attr-defined]
    yield site
    site.close()
    cdn.close()


def process(client: TestClient, worker: Worker, attachments: list[dict[str, Any]]) -> Any:
    response = client.post("/api/v1/zendesk/webhook", json=payload(body_text=BODY, attachments=attachments))
    email_id = response.json()["email_id"]
    drain(worker, timeout_ms=30_000)
    with session_scope() as session:
        return jobs.get(session, email_id)


def test_figures_only_in_a_zendesk_pdf_are_extracted(
    zendesk: LocalSite, stub_worker: Worker, corpus_dir: Path
) -> None:
    cdn: LocalSite = zendesk.cdn  # type: ignore[attr-defined]
    pdf = (corpus_dir / "attachments" / "E015-forderungsaufstellung.pdf").read_bytes()
    cdn.routes["/blob/E015.pdf"] = file(pdf, "application/pdf")
    zendesk.routes["/attachments/token/a1/"] = redirect(cdn.url("/blob/E015.pdf"))
    attachment = {"url": zendesk.url("/attachments/token/a1/"), "filename": "aufstellung.pdf",
                  "content_type": "application/pdf", "size": len(pdf)}
    with app_client() as client:
        email = process(client, stub_worker, [attachment])
    assert email.processing_status == "completed"
    extraction = email.extracted_data["extraction"]
    assert extraction["attachments"][0]["status"] == "ok"
    assert extraction["total_amount"] is not None
    assert any(a["evidence"]["source"] == "aufstellung.pdf" for a in extraction["amounts"])
    first_hop = zendesk.requests_to("/attachments/token/a1/")[0]
    second_hop = cdn.requests_to("/blob/E015.pdf")[0]
    scheme, _, credentials = first_hop.headers["authorization"].partition(" ")
    assert (scheme, base64.b64decode(credentials).decode()) == ("Basic", "agent@kanzlei.example/token:tok-123")
    assert "authorization" not in second_hop.headers


def test_a_broken_attachment_fails_that_file_not_the_job(zendesk: LocalSite, stub_worker: Worker) -> None:
    zendesk.routes["/attachments/token/bad/"] = file(b"%PDF-1.7\n this is not really a pdf", "application/pdf")
    attachment = {"url": zendesk.url("/attachments/token/bad/"), "filename": "kaputt.pdf"}
    with app_client() as client:
        email = process(client, stub_worker, [attachment])
    assert email.processing_status == "completed"
    statuses = email.extracted_data["extraction"]["attachments"]
    assert statuses[0]["status"] == "failed" and statuses[0]["reason"]
