"""GET/HEAD /health on both databases, against the real Redis and a broker URL where nothing listens: 503
names the dependency that does not answer, workers not seen and the jobs waiting for them are a warning."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from app.config import get_settings
from app.database import session_scope
from app.models import WorkerHeartbeat, utcnow
from app.services import workers
from tests.conftest import SetEnv
from tests.support.factories import insert_email

DOWN_BROKER = "redis://:broker-pass-7731@127.0.0.1:1/0"
DOWN_DATABASE = "postgresql+psycopg://cm:db-pass-4417@127.0.0.1:1/cm"


def test_a_healthy_embedded_service_answers_ok_on_get_and_head(client: TestClient) -> None:
    answer = client.get("/health")
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "ok" and body["warnings"] == []
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "database": True, "broker": True, "workers": True, "breakers": True}
    assert body["checks"]["broker"]["kind"] == "embedded"
    head = client.head("/health")
    assert head.status_code == 200 and head.content == b""


def test_healthz_stays_an_alias_of_health(client: TestClient) -> None:
    assert client.get("/healthz").json() == client.get("/health").json()
    assert client.head("/healthz").status_code == 200


def test_with_redis_and_a_recent_worker_the_service_is_ok(
    client: TestClient, set_env: SetEnv, redis_server_url: str
) -> None:
    set_env(redis_url=redis_server_url)
    with session_scope() as session:
        workers.beat(session, "dramatiq", threads=4, worker_id="box-a:101")
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["checks"]["broker"] == {"ok": True, "reason": None, "kind": "redis"}
    assert body["checks"]["workers"]["alive"] == 1


def test_jobs_queued_with_no_worker_alive_are_a_warning_not_a_503(
    client: TestClient, set_env: SetEnv, redis_server_url: str
) -> None:
    set_env(redis_url=redis_server_url, worker_seen_within_seconds=30)
    for _ in range(3):
        insert_email("queued")
    with session_scope() as session:  # a worker that stopped beating two minutes ago
        workers.beat(session, "dramatiq", worker_id="box-old:9")
        row = session.get(WorkerHeartbeat, "box-old:9")
        assert row is not None
        row.last_seen_at = utcnow() - timedelta(minutes=2)
    answer = client.get("/health")
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "degraded" and body["queued"] == 3
    assert body["warnings"] == ["3 jobs queued with no worker alive"]
    assert body["checks"]["workers"] == {"ok": False, "reason": "no worker seen in the last 30 s",
                                         "alive": 0, "within_seconds": 30}
    assert client.get("/health?strict=true").status_code == 503


def test_a_broker_that_does_not_answer_is_a_503_naming_the_broker(client: TestClient, set_env: SetEnv) -> None:
    set_env(redis_url=DOWN_BROKER)
    answer = client.get("/health")
    assert answer.status_code == 503
    body = answer.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["broker"]["ok"] is False
    assert "127.0.0.1:1" in body["checks"]["broker"]["reason"]
    assert "broker-pass-7731" not in answer.text
    assert client.head("/health").status_code == 503


def test_a_database_that_does_not_answer_is_a_503_naming_the_database(
    client: TestClient, set_env: SetEnv
) -> None:
    reachable = get_settings().database_url
    set_env(database_url=DOWN_DATABASE)
    try:
        answer = client.get("/health")
    finally:
        set_env(database_url=reachable)  # the fixture empties the tables afterwards
    assert answer.status_code == 503
    body = answer.json()
    assert body["checks"]["database"]["ok"] is False and body["checks"]["database"]["reason"]
    assert body["checks"]["broker"]["ok"] is True
    assert body["queued"] is None and body["warnings"] == []
    assert "db-pass-4417" not in answer.text


def test_a_paused_service_says_so_and_how_many_jobs_wait(client: TestClient) -> None:
    insert_email("queued")
    with session_scope() as session:
        workers.set_paused(session, True, "Frau Quandt")
    body = client.get("/health").json()
    assert body["status"] == "degraded"
    assert body["warnings"] == ["processing is paused by an operator; 1 jobs waiting"]
