"""Out-of-range numbers, absurdly nested JSON and timestamps at the calendar's edge are refused with a 4xx and
a reason on SQLite and PostgreSQL, never a 500 (issue 9, finding 9)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app import queue
from tests.support.app_client import app_client
from tests.support.factories import payload

JSON = {"content-type": "application/json"}
TOO_BIG_FOR_INT4 = 2_147_483_648
TOO_BIG_FOR_INT8 = 9_223_372_036_854_775_808
DEPTH = 10_000


@pytest.fixture
def web(database: str) -> Iterator[TestClient]:
    queue.declare_queue()
    queue.get_broker().flush_all()
    with app_client() as client:
        yield client
    queue.get_broker().flush_all()


def body_of(response: Any) -> object:
    """The JSON body, or for a dashboard error page the reason it shows, as the same shape."""
    if response.headers["content-type"].startswith("text/html"):
        found = re.search(r'<p class="problem"[^>]*>(.*?)</p>', response.text, re.S)
        return {"detail": found.group(1).strip() if found else None, "page": True}
    return response.json()


def assert_refused_with_reason(response_status: int, body: object, allowed: set[int]) -> None:
    assert response_status in allowed, body
    assert isinstance(body, dict) and body.get("detail"), body


@pytest.mark.parametrize("number", [TOO_BIG_FOR_INT4, TOO_BIG_FOR_INT8, 10**30, -1, 0])
@pytest.mark.parametrize("template", [
    "/api/v1/jobs/{n}", "/api/v1/reviews/{n}", "/dashboard/jobs/{n}",
])
def test_an_id_no_row_can_have_is_a_client_error(web: TestClient, template: str, number: int) -> None:
    response = web.get(template.format(n=number))
    assert_refused_with_reason(response.status_code, body_of(response), {404, 422})


@pytest.mark.parametrize("number", [TOO_BIG_FOR_INT4, TOO_BIG_FOR_INT8, -5])
@pytest.mark.parametrize("template", [
    "/api/v1/jobs/{n}/retry", "/api/v1/reviews/{n}/approve", "/api/v1/reviews/{n}/reject",
    "/api/v1/reviews/{n}/correct",
])
def test_a_write_to_an_impossible_id_is_a_client_error(web: TestClient, template: str, number: int) -> None:
    response = web.post(template.format(n=number), content=b"{}", headers=JSON)
    assert_refused_with_reason(response.status_code, response.json(), {404, 422})


@pytest.mark.parametrize("offset", [str(TOO_BIG_FOR_INT8), str(TOO_BIG_FOR_INT8 - 1), str(TOO_BIG_FOR_INT4), "-1",
                                    "1e999", "NaN"])
@pytest.mark.parametrize("path", ["/api/v1/jobs", "/api/v1/reviews", "/api/v1/inquiries", "/dashboard/jobs",
                                  "/dashboard/reviews"])
def test_an_offset_beyond_any_table_is_a_422(web: TestClient, path: str, offset: str) -> None:
    position = "before" if path == "/dashboard/jobs" else "offset"  # the jobs list pages by cursor (a row id)
    response = web.get(path, params={position: offset})
    assert_refused_with_reason(response.status_code, body_of(response), {422})
    assert ("page" in body_of(response)) == path.startswith("/dashboard")  # type: ignore[operator]


def test_the_largest_offset_allowed_still_answers_an_empty_page(web: TestClient) -> None:
    response = web.get("/api/v1/jobs", params={"offset": TOO_BIG_FOR_INT4 - 1})
    assert response.status_code == 200
    assert response.json()["jobs"] == []


def test_an_inquiry_id_longer_than_any_stored_is_a_422_and_a_control_character_no_500(web: TestClient) -> None:
    too_long = web.get("/api/v1/inquiries/" + "I" * 65)
    assert_refused_with_reason(too_long.status_code, too_long.json(), {422})
    absent = web.get("/api/v1/inquiries/INQ%00-1")
    assert_refused_with_reason(absent.status_code, absent.json(), {404})


def nested_arrays(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def nested_objects(depth: int) -> bytes:
    return b'{"a":' * depth + b"1" + b"}" * depth


@pytest.mark.parametrize("body", [nested_arrays(DEPTH), nested_objects(DEPTH)], ids=["arrays", "objects"])
@pytest.mark.parametrize("path", ["/api/v1/zendesk/webhook", "/api/v1/inquiries", "/api/v1/reviews/1/approve",
                                  "/api/v1/reviews/1/correct"])
def test_json_nested_ten_thousand_deep_is_a_400(web: TestClient, path: str, body: bytes) -> None:
    response = web.post(path, content=body, headers=JSON)
    assert_refused_with_reason(response.status_code, response.json(), {400, 422})


def test_a_deep_but_parseable_extra_field_in_a_webhook_does_not_break_intake(web: TestClient) -> None:
    data = payload()
    text = json.dumps(data)[:-1] + ', "extra": ' + nested_objects(200).decode() + "}"
    response = web.post("/api/v1/zendesk/webhook", content=text.encode(), headers=JSON)
    assert response.status_code in {200, 400, 422}, response.text


EDGE_INSTANTS = [
    "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00-14:00",
    "9999-12-31T23:59:59-14:00", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59+14:00",
    "1969-12-31T23:59:59Z",
]


@pytest.mark.parametrize("instant", EDGE_INSTANTS)
def test_a_received_at_at_the_calendars_edge_is_a_422_naming_the_field(web: TestClient, instant: str) -> None:
    response = web.post("/api/v1/zendesk/webhook", json=payload(received_at=instant))
    assert response.status_code == 422, response.text
    assert "received_at" in json.dumps(response.json()["detail"])


def test_an_ordinary_received_at_with_any_offset_is_accepted(web: TestClient) -> None:
    for instant in ("2026-11-23T09:00:00+14:00", "2026-11-23T09:00:00-12:00", "1970-01-01T00:00:00Z"):
        response = web.post("/api/v1/zendesk/webhook", json=payload(received_at=instant))
        assert response.status_code == 200, response.text


@pytest.mark.parametrize("instant", EDGE_INSTANTS)
def test_an_inquiry_sent_at_at_the_calendars_edge_is_a_422(web: TestClient, instant: str) -> None:
    inquiry = {"id": "INQ-EDGE", "client_name": "Greta Lindqvist", "firm_reference": "GL-2026-7",
               "creditor_name": "Nordbank", "sent_at": instant}
    response = web.post("/api/v1/inquiries", json=inquiry)
    assert response.status_code == 422, response.text
    assert "sent_at" in json.dumps(response.json()["detail"])
