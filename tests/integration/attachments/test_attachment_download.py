"""Downloading a job's attachments from real local servers standing for Zendesk and its CDN."""

from __future__ import annotations

import base64
import socket
import time
from pathlib import Path

import httpx
import pytest

from app.errors import TransientError
from app.services.attachments import AttachmentStore, fetch_and_read
from tests.integration.attachments.local_sites import (
    CAP,
    EMAIL,
    TOKEN,
    LocalSite,
    PolicyFactory,
    claims_length,
    endless,
    file,
    overflowing,
    redirect,
    slow,
    status,
    trickle,
)
from tests.unit.attachments.samples import STATEMENT, pdf_bytes

STATEMENT_PDF = pdf_bytes([STATEMENT])
ZENDESK_PATH = "/attachments/token/abc123/?name=aufstellung.pdf"
CDN_PATH = "/attachment/abc123/aufstellung.pdf"
EXPECTED_AUTH = "Basic " + base64.b64encode(f"{EMAIL}/token:{TOKEN}".encode()).decode()


def _job(zendesk: LocalSite, path: str = ZENDESK_PATH, **extra: object) -> dict[str, object]:
    item: dict[str, object] = {
        "url": zendesk.url(path),
        "filename": "aufstellung.pdf",
        "content_type": "application/pdf",
        "size": len(STATEMENT_PDF),
    }
    item.update(extra)
    return item


def _serve_statement(zendesk: LocalSite, cdn: LocalSite) -> None:
    zendesk.routes[ZENDESK_PATH] = redirect(cdn.url(CDN_PATH), cookie="_zendesk_session=zs1")
    cdn.routes[CDN_PATH] = file(STATEMENT_PDF, "application/pdf")


def test_credentials_go_to_the_zendesk_host_only_and_the_redirect_is_followed_without_them(
    zendesk: LocalSite, cdn: LocalSite, make_policy: PolicyFactory, tmp_path: Path
) -> None:
    _serve_statement(zendesk, cdn)
    [result] = fetch_and_read([_job(zendesk)], make_policy(), AttachmentStore(tmp_path))
    assert result.status == "ok", result.reason
    assert "Gesamtforderung 767,50 €" in result.text
    [first_hop] = zendesk.requests_to(ZENDESK_PATH)
    [second_hop] = cdn.requests_to(CDN_PATH)
    assert first_hop.headers["authorization"] == EXPECTED_AUTH
    assert "authorization" not in second_hop.headers
    assert "cookie" not in second_hop.headers
    assert second_hop.headers["host"] == f"localhost:{cdn.port}"


def test_credentials_are_never_sent_to_the_redirect_host_even_by_a_leaky_client(
    zendesk: LocalSite, cdn: LocalSite, make_policy: PolicyFactory, tmp_path: Path
) -> None:
    _serve_statement(zendesk, cdn)
    leaky = httpx.Client(headers={"Authorization": "Bearer leaked"}, follow_redirects=True)
    with leaky:
        [result] = fetch_and_read([_job(zendesk)], make_policy(), AttachmentStore(tmp_path), leaky)
    assert result.status == "ok", result.reason
    assert zendesk.requests_to(ZENDESK_PATH)[0].headers["authorization"] == EXPECTED_AUTH
    assert "authorization" not in cdn.requests_to(CDN_PATH)[0].headers


def test_a_first_hop_host_that_is_not_zendesk_itself_gets_no_credentials(
    cdn: LocalSite, make_policy: PolicyFactory, tmp_path: Path
) -> None:
    cdn.routes[CDN_PATH] = file(STATEMENT_PDF)
    policy = make_policy(first_hop_hosts=frozenset({"127.0.0.1", "localhost"}))
    [result] = fetch_and_read([_job(cdn, CDN_PATH)], policy, AttachmentStore(tmp_path))
    assert result.status == "ok", result.reason
    assert "authorization" not in cdn.requests_to(CDN_PATH)[0].headers


def test_a_redirect_to_a_host_off_the_allow_list_fails_only_that_attachment(
    zendesk: LocalSite, cdn: LocalSite, make_policy: PolicyFactory, tmp_path: Path
) -> None:
    _serve_statement(zendesk, cdn)
    evil_path = "/attachments/token/evil/?name=x.pdf"
    evil_target = f"http://127.0.0.1:{cdn.port}{CDN_PATH}"  # right server, wrong host name
    zendesk.routes[evil_path] = redirect(evil_target)
    results = fetch_and_read(
        [_job(zendesk, evil_path), _job(zendesk)], make_policy(), AttachmentStore(tmp_path)
    )
    assert [r.status for r in results] == ["failed", "ok"]
    assert results[0].reason == "host 127.0.0.1 is not on the allow-list"
    assert len(cdn.requests_to(CDN_PATH)) == 1  # only the allowed second attachment


def test_a_private_address_is_refused_unless_the_policy_allows_it(
    zendesk: LocalSite, cdn: LocalSite, make_policy: PolicyFactory, tmp_path: Path
) -> None:
    _serve_statement(zendesk, cdn)
    policy = make_policy(allow_private_addresses=False)
    [result] = fetch_and_read([_job(zendesk)], policy, AttachmentStore(tmp_path))
    assert result.status == "failed"
    assert "non-public address (127.0.0.1)" in (result.reason or "")
    assert zendesk.seen == []


def test_a_body_that_runs_past_the_cap_is_cut_off_and_nothing_is_stored(
    zendesk: LocalSite, make_policy: PolicyFactory, tmp_path: Path
) -> None:
    zendesk.routes[ZENDESK_PATH] = endless(CAP * 8)
    store = AttachmentStore(tmp_path)
    [result] = fetch_and_read([_job(zendesk, size=100)], make_policy(), store)
    assert result.status == "failed"
    assert f"larger than the limit of {CAP} bytes" in (result.reason or "")
    assert store.lookup_url(zendesk.url(ZENDESK_PATH)) is None
    assert not (tmp_path / "objects").exists()


def test_a_content_length_above_the_cap_is_refused_without_waiting_for_the_body(
    zendesk: LocalSite, make_policy: PolicyFactory, tmp_path: Path
) -> None:
    zendesk.routes[ZENDESK_PATH] = claims_length(CAP * 100, hold_seconds=3)
    started = time.monotonic()
    [result] = fetch_and_read([_job(zendesk, size=10)], make_policy(), AttachmentStore(tmp_path))
    assert result.status == "failed"
    assert f"{CAP * 100} bytes (limit {CAP})" in (result.reason or "")
    assert time.monotonic() - started < 1.5


def test_a_server_sending_more_than_its_content_length_cannot_push_past_it(
    zendesk: LocalSite, make_policy: PolicyFactory, tmp_path: Path
) -> None:
    zendesk.routes[ZENDESK_PATH] = overflowing(declared=100, actual=CAP * 4)
    store = AttachmentStore(tmp_path)
    [result] = fetch_and_read([_job(zendesk, size=100)], make_policy(), store)
    assert result.size == 100
    stored = store.load_url(zendesk.url(ZENDESK_PATH))
    assert stored is not None
    assert len(stored[1]) == 100


def test_a_declared_attachment_size_above_the_cap_is_refused_without_a_request(
    zendesk: LocalSite, cdn: LocalSite, make_policy: PolicyFactory, tmp_path: Path
) -> None:
    _serve_statement(zendesk, cdn)
    [result] = fetch_and_read(
        [_job(zendesk, size=CAP + 1)], make_policy(), AttachmentStore(tmp_path)
    )
    assert result.status == "failed"
    assert "exceeds the limit" in (result.reason or "")
    assert zendesk.seen == []


@pytest.mark.parametrize("verdict", ["malware_found", "failed_to_scan", "not_scanned"])
def test_an_attachment_without_a_clean_malware_scan_is_skipped_without_a_request(
    verdict: str, zendesk: LocalSite, cdn: LocalSite, make_policy: PolicyFactory, tmp_path: Path
) -> None:
    _serve_statement(zendesk, cdn)
    job = [_job(zendesk, malware_scan_result=verdict)]
    [result] = fetch_and_read(job, make_policy(), AttachmentStore(tmp_path))
    assert (result.status, result.reason) == ("skipped", f"malware scan result: {verdict}")
    assert zendesk.seen == []


@pytest.mark.parametrize("verdict", ["clean", "malware_not_found", None])
def test_an_attachment_scanned_clean_or_not_marked_is_downloaded(
    verdict: str | None,
    zendesk: LocalSite,
    cdn: LocalSite,
    make_policy: PolicyFactory,
    tmp_path: Path,
) -> None:
    _serve_statement(zendesk, cdn)
    job = [_job(zendesk, malware_scan_result=verdict)]
    [result] = fetch_and_read(job, make_policy(), AttachmentStore(tmp_path))
    assert result.status == "ok"


def test_processing_the_same_email_twice_downloads_each_file_once(
    zendesk: LocalSite, cdn: LocalSite, make_policy: PolicyFactory, tmp_path: Path
) -> None:
    _serve_statement(zendesk, cdn)
    first = fetch_and_read([_job(zendesk)], make_policy(), AttachmentStore(tmp_path))
    again = fetch_and_read([_job(zendesk)], make_policy(), AttachmentStore(tmp_path))
    assert len(zendesk.seen) == 1
    assert len(cdn.seen) == 1
    assert again[0].status == "ok"
    assert again[0].sha256 == first[0].sha256
    assert again[0].text == first[0].text


def test_a_retry_after_a_transient_error_does_not_fetch_finished_files_again(
    zendesk: LocalSite, cdn: LocalSite, make_policy: PolicyFactory, tmp_path: Path
) -> None:
    _serve_statement(zendesk, cdn)
    flaky = "/attachments/token/flaky/?name=b.txt"
    zendesk.routes[flaky] = status(503)
    job = [_job(zendesk), _job(zendesk, flaky, size=10)]
    with pytest.raises(TransientError, match="HTTP 503"):
        fetch_and_read(job, make_policy(), AttachmentStore(tmp_path))
    zendesk.routes[flaky] = file(b"Gesamtforderung 12,00 EUR\n")
    results = fetch_and_read(job, make_policy(), AttachmentStore(tmp_path))
    assert [r.status for r in results] == ["ok", "ok"]
    assert len(zendesk.requests_to(ZENDESK_PATH)) == 1
    assert len(zendesk.requests_to(flaky)) == 2


def test_a_server_that_does_not_answer_in_time_raises_transient_error(
    zendesk: LocalSite, make_policy: PolicyFactory, tmp_path: Path
) -> None:
    zendesk.routes[ZENDESK_PATH] = slow(3.0)
    started = time.monotonic()
    with pytest.raises(TransientError, match="timed out"):
        fetch_and_read([_job(zendesk)], make_policy(timeout_seconds=0.3), AttachmentStore(tmp_path))
    assert time.monotonic() - started < 2.0


def test_a_download_dripping_past_the_overall_deadline_raises_transient_error(
    zendesk: LocalSite, make_policy: PolicyFactory, tmp_path: Path
) -> None:
    zendesk.routes[ZENDESK_PATH] = trickle(count=100, pause=0.05)
    policy = make_policy(timeout_seconds=1.0, deadline_seconds=0.6)
    with pytest.raises(TransientError, match="took over"):
        fetch_and_read([_job(zendesk, size=100)], policy, AttachmentStore(tmp_path))


def test_a_5xx_answer_raises_transient_error(
    zendesk: LocalSite, make_policy: PolicyFactory, tmp_path: Path
) -> None:
    zendesk.routes[ZENDESK_PATH] = status(502)
    with pytest.raises(TransientError, match="HTTP 502"):
        fetch_and_read([_job(zendesk)], make_policy(), AttachmentStore(tmp_path))


def test_a_404_fails_that_attachment_and_the_others_are_still_read(
    zendesk: LocalSite, cdn: LocalSite, make_policy: PolicyFactory, tmp_path: Path
) -> None:
    _serve_statement(zendesk, cdn)
    missing = _job(zendesk, "/attachments/token/gone/?name=x.pdf")
    results = fetch_and_read([missing, _job(zendesk)], make_policy(), AttachmentStore(tmp_path))
    assert [(r.status, r.reason) for r in results] == [
        ("failed", "HTTP 404 from 127.0.0.1"),
        ("ok", None),
    ]


def test_a_refused_connection_raises_transient_error(
    make_policy: PolicyFactory, tmp_path: Path
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    item = {"url": f"http://127.0.0.1:{closed_port}/attachments/token/x", "filename": "x.pdf"}
    with pytest.raises(TransientError, match="cannot connect"):
        fetch_and_read([item], make_policy(), AttachmentStore(tmp_path))


def test_a_redirect_loop_fails_that_attachment_after_the_redirect_limit(
    zendesk: LocalSite, cdn: LocalSite, make_policy: PolicyFactory, tmp_path: Path
) -> None:
    zendesk.routes[ZENDESK_PATH] = redirect(cdn.url("/loop"))
    cdn.routes["/loop"] = redirect("/loop")
    [result] = fetch_and_read([_job(zendesk)], make_policy(max_redirects=3), AttachmentStore(tmp_path))
    assert (result.status, result.reason) == ("failed", "more than 3 redirects")
    assert len(cdn.requests_to("/loop")) == 3


def test_plain_http_is_refused_unless_the_policy_allows_it(
    zendesk: LocalSite, cdn: LocalSite, make_policy: PolicyFactory, tmp_path: Path
) -> None:
    _serve_statement(zendesk, cdn)
    [result] = fetch_and_read([_job(zendesk)], make_policy(allow_plain_http=False), AttachmentStore(tmp_path))
    assert (result.status, result.reason) == ("failed", "URL scheme 'http' is not allowed")
    assert zendesk.seen == []


def test_an_unwritable_store_raises_transient_error_instead_of_losing_the_file(
    zendesk: LocalSite, cdn: LocalSite, make_policy: PolicyFactory, tmp_path: Path
) -> None:
    _serve_statement(zendesk, cdn)
    blocked = tmp_path / "store"
    blocked.write_text("a file where the store folder should be")
    with pytest.raises(TransientError, match="not writable"):
        fetch_and_read([_job(zendesk)], make_policy(), AttachmentStore(blocked))
