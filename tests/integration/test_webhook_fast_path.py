"""The webhook's fast path answers every request exactly as the routed webhook does, and takes only its own.

Each request below goes once to the app as it runs and once to the same app with the fast path removed (so the
FastAPI routes answer), and the two answers must agree: status, content type and body (a new job's id aside)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import anyio
import httpx
import pytest
from fastapi.testclient import TestClient
from opentelemetry import _logs as otel_logs
from opentelemetry import metrics, trace
from starlette.types import Message, Receive, Scope, Send

from app import queue
from app.database import session_scope
from app.errors import RejectedInput
from app.main import create_app
from app.routers.webhook_fast_path import WebhookFastPath, webhook_target
from app.services import firms, jobs
from tests.conftest import SetEnv
from tests.support.factories import encode, payload, signed_headers

SECRET = "fast-path-secret"
FIRM_SECRET = "fast-path-firm-secret"
URL = "/api/v1/zendesk/webhook"


@pytest.fixture
def clients(database: str, set_env: SetEnv) -> Iterator[tuple[TestClient, TestClient]]:
    set_env(zendesk_webhook_secret=SECRET, webhook_max_body_bytes=8 * 1024)
    queue.declare_queue()
    queue.get_broker().flush_all()
    with session_scope() as session:
        firms.create(session, "kanzlei-fast", "Kanzlei Fast", zendesk_webhook_secret=FIRM_SECRET)
    firms.forget_directory()
    fast = create_app(run_scheduler=False, run_embedded_worker=False)
    routed = create_app(run_scheduler=False, run_embedded_worker=False)
    routed.user_middleware = [layer for layer in routed.user_middleware if layer.cls is not WebhookFastPath]
    assert len(routed.user_middleware) == len(fast.user_middleware) - 1
    with TestClient(fast) as fast_client, TestClient(routed) as routed_client:
        yield fast_client, routed_client
    queue.get_broker().flush_all()
    firms.forget_directory()


Request = Callable[[str], httpx.Response]  # given a tag that keeps the two sides' deliveries apart


def signed(data: dict[str, Any], *, secret: str = SECRET, stamp: str | None = None) -> tuple[bytes, dict[str, str]]:
    body = encode(data)
    return body, signed_headers(secret, body, stamp)


def comparable(response: httpx.Response) -> tuple[int, str, Any]:
    kind = response.headers.get("content-type", "")
    body: Any = response.json() if kind.startswith("application/json") else response.text
    if isinstance(body, dict) and isinstance(body.get("email_id"), int):
        body = {**body, "email_id": "<an id>"}
    return response.status_code, kind, body


def stale() -> str:
    return (datetime.now(UTC) - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")


def cases(client: TestClient) -> dict[str, Request]:
    def post(path: str, body: bytes, headers: dict[str, str]) -> httpx.Response:
        return client.post(path, content=body, headers=headers)

    def new_delivery(tag: str) -> dict[str, Any]:
        return payload(webhook_id=f"fast-{tag}", ticket_id=abs(hash(tag)) % 10**8)

    def twice(tag: str) -> httpx.Response:
        body, headers = signed(new_delivery(tag + "-twice"))
        post(URL, body, headers)
        return post(URL, body, headers)

    nested = b"[" * 3000 + b"]" * 3000
    return {
        "accepted": lambda tag: post(URL, *signed(new_delivery(tag))),
        "duplicate": twice,
        "firm path": lambda tag: post(f"{URL}/kanzlei-fast", *signed(new_delivery(tag + "-firm"), secret=FIRM_SECRET)),
        "unknown firm": lambda tag: post(f"{URL}/no-such-firm", *signed(new_delivery(tag))),
        "slug the route refuses": lambda tag: post(f"{URL}/X", *signed(new_delivery(tag))),
        "path beyond the slug": lambda tag: post(f"{URL}/kanzlei-fast/more", *signed(new_delivery(tag))),
        "wrong signature": lambda tag: post(URL, encode(new_delivery(tag)),
                                            signed(new_delivery(tag))[1]),
        "stale timestamp": lambda tag: post(URL, *signed(new_delivery(tag), stamp=stale())),
        "no signature": lambda tag: post(URL, encode(new_delivery(tag)), {"content-type": "application/json"}),
        "not JSON content": lambda tag: post(URL, b"plain", {"content-type": "text/plain"}),
        "broken JSON": lambda tag: post(URL, *signed_raw(b"{not json")),
        "JSON array": lambda tag: post(URL, *signed_raw(b"[1, 2]")),
        "missing fields": lambda tag: post(URL, *signed({"ticket_id": 5})),
        "bad field values": lambda tag: post(URL, *signed(new_delivery(tag) | {"from_email": "x", "body_text": ""})),
        "too large": lambda tag: post(URL, *signed(new_delivery(tag) | {"body_text": "x" * 20_000})),
        "nested too deeply": lambda tag: post(URL, *signed_raw(nested)),
        "GET": lambda tag: client.get(URL),
    }


def signed_raw(body: bytes) -> tuple[bytes, dict[str, str]]:
    return body, signed_headers(SECRET, body)


CASES = [
    "accepted", "duplicate", "firm path", "unknown firm", "slug the route refuses", "path beyond the slug",
    "wrong signature", "stale timestamp", "no signature", "not JSON content", "broken JSON", "JSON array",
    "missing fields", "bad field values", "too large", "nested too deeply", "GET",
]


@pytest.mark.parametrize("case", CASES)
def test_the_fast_path_answers_as_the_route_does(clients: tuple[TestClient, TestClient], case: str) -> None:
    fast, routed = clients
    fast_answer = cases(fast)[case]("fast")
    routed_answer = cases(routed)[case]("routed")
    assert comparable(fast_answer) == comparable(routed_answer)
    assert fast_answer.status_code != 500


def test_the_cases_cover_acceptance_and_each_kind_of_refusal(clients: tuple[TestClient, TestClient]) -> None:
    fast, _ = clients
    statuses = {case: cases(fast)[case](f"cover-{case}").status_code for case in CASES}
    assert {statuses["accepted"], statuses["duplicate"], statuses["firm path"]} == {200}
    assert statuses["nested too deeply"] == 400 and statuses["too large"] == 413
    assert set(statuses.values()) >= {200, 400, 401, 404, 405, 413, 415, 422}


def test_the_firm_path_lands_in_the_firm(clients: tuple[TestClient, TestClient]) -> None:
    fast, _ = clients
    answer = cases(fast)["firm path"]("land").json()
    with session_scope() as session:
        firm = firms.by_slug(session, "kanzlei-fast")
        assert jobs.get(session, answer["email_id"]).firm_id == firm.id


# The layer itself, around a small app that records what reaches it.

@pytest.mark.parametrize(("method", "path", "expected"), [
    ("POST", URL, (True, None)),
    ("POST", f"{URL}/kanzlei-a", (True, "kanzlei-a")),
    ("POST", f"{URL}/a1", (True, "a1")),
    ("POST", f"{URL}/", (False, None)),
    ("POST", f"{URL}/A", (False, None)),
    ("POST", f"{URL}/-lead", (False, None)),
    ("POST", f"{URL}/kanzlei-a/extra", (False, None)),
    ("POST", f"{URL}x", (False, None)),
    ("POST", "/api/v1/resend/webhook", (False, None)),
    ("GET", URL, (False, None)),
    ("PUT", f"{URL}/kanzlei-a", (False, None)),
])
def test_which_requests_the_fast_path_takes(method: str, path: str, expected: tuple[bool, str | None]) -> None:
    assert webhook_target({"type": "http", "method": method, "path": path}) == expected


@pytest.mark.parametrize(("root", "path", "expected"), [
    ("/cm", f"/cm{URL}", (True, None)),
    ("/cm", f"/cm{URL}/kanzlei-a", (True, "kanzlei-a")),
    ("/cm", URL, (True, None)),  # a server that leaves the prefix out of `path`
    ("/cm", f"/cmx{URL}", (False, None)),
])
def test_behind_a_mount_prefix_the_path_is_read_as_the_router_reads_it(
    root: str, path: str, expected: tuple[bool, str | None]
) -> None:
    assert webhook_target({"type": "http", "method": "POST", "path": path, "root_path": root}) == expected


def test_requests_the_fast_path_leaves_reach_the_app_and_its_own_do_not() -> None:
    anyio.run(_requests_the_fast_path_leaves_reach_the_app_and_its_own_do_not)


async def _requests_the_fast_path_leaves_reach_the_app_and_its_own_do_not() -> None:
    reached: list[str] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        reached.append(f"{scope['method']} {scope['path']}")
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    layer = WebhookFastPath(app, exception_handlers={})
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    for method, path in (("GET", URL), ("POST", "/api/v1/jobs/1/retry"), ("POST", f"{URL}/A")):
        scope = {"type": "http", "method": method, "path": path, "headers": [], "query_string": b""}
        await layer(scope, receive, send)
    assert reached == [f"GET {URL}", "POST /api/v1/jobs/1/retry", f"POST {URL}/A"]
    with pytest.raises(RejectedInput):  # no handlers given: the webhook's own refusal (no JSON type) escapes
        await layer({"type": "http", "method": "POST", "path": URL, "headers": [], "query_string": b""}, receive, send)
    assert len(reached) == 3
    assert [message["status"] for message in sent if message["type"] == "http.response.start"] == [204, 204, 204]


def test_requests_do_not_consult_opentelemetry(clients: tuple[TestClient, TestClient],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # The service configures no OpenTelemetry provider; FastAPI's hooks would look the global ones up per request.
    looked_up: list[str] = []
    for module, name in ((trace, "get_tracer_provider"), (metrics, "get_meter_provider"),
                         (otel_logs, "get_logger_provider")):
        original = getattr(module, name)
        monkeypatch.setattr(module, name, lambda original=original, name=name: looked_up.append(name) or original())
    fast, _ = clients
    body = encode(payload())
    assert fast.post(URL, content=body, headers=signed_headers(SECRET, body)).status_code == 200
    assert fast.get("/api/v1/jobs").status_code == 200
    assert looked_up == []
