"""Circuit breakers, shared through the database: open after BREAKER_FAILURE_THRESHOLD failures in a row, one
trial call after the cool-down, closed by its success; shown in /health; the LLM and SMTP are not called while
theirs is open."""

from __future__ import annotations

import json
from datetime import timedelta
from threading import Barrier, Thread

import httpx
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import update

from app.config import Settings
from app.database import session_scope
from app.models import CircuitBreaker, utcnow
from app.services import breakers
from app.services.extraction.llm import LlmConfig, LlmRefiner
from app.services.extraction.result import ExtractionResult
from app.services.failure_notifier import FailureNotifier
from app.services.notifiers import SmtpConfig, SmtpDeliveryError, build_message, send_message
from app.services.parsing import parse_body
from tests.conftest import SetEnv
from tests.support.smtp_server import refusing_port, running_smtp_server


@pytest.fixture
def threshold_three(database: str, set_env: SetEnv) -> str:
    set_env(breaker_failure_threshold=3, breaker_cooldown_seconds=120)
    return database


def row(name: str) -> CircuitBreaker | None:
    with session_scope() as session:
        return session.get(CircuitBreaker, name)


def cool_down_over(name: str) -> None:
    """Stands for the cool-down having passed (no sleeping in tests)."""
    with session_scope() as session:
        session.execute(update(CircuitBreaker).where(CircuitBreaker.name == name)
                        .values(retry_at=utcnow() - timedelta(seconds=1)))


def fail(name: str, times: int) -> list[bool]:
    return [breakers.failed(name, "ConnectError: refused") for _ in range(times)]


def test_a_breaker_opens_on_the_threshold_th_failure_in_a_row(threshold_three: str) -> None:
    assert breakers.allow("portal").clean
    assert fail("portal", 3) == [False, False, True]
    opened = row("portal")
    assert opened is not None and (opened.state, opened.failures, opened.opened_count) == ("open", 3, 1)
    with pytest.raises(breakers.BreakerOpen) as caught:
        breakers.allow("portal")
    assert caught.value.until == opened.retry_at
    assert 119 <= caught.value.seconds_left() <= 120


def test_a_success_in_between_starts_the_count_again(threshold_three: str) -> None:
    fail("smtp", 2)
    breakers.succeeded(breakers.allow("smtp"))
    assert fail("smtp", 2) == [False, False]
    found = row("smtp")
    assert found is not None and (found.state, found.failures) == ("closed", 2)


def test_after_the_cool_down_exactly_one_trial_call_goes_and_its_success_closes(threshold_three: str) -> None:
    fail("llm", 3)
    cool_down_over("llm")
    trial = breakers.allow("llm")
    with pytest.raises(breakers.BreakerOpen):
        breakers.allow("llm")  # a second caller waits for the trial's answer
    assert row("llm").state == "half_open"  # type: ignore[union-attr]
    breakers.succeeded(trial)
    closed = row("llm")
    assert closed is not None and (closed.state, closed.failures, closed.retry_at) == ("closed", 0, None)
    assert breakers.allow("llm").clean


def test_a_failed_trial_opens_the_breaker_again_for_a_whole_cool_down(threshold_three: str) -> None:
    fail("portal", 3)
    cool_down_over("portal")
    breakers.allow("portal")
    assert breakers.failed("portal", "HTTPStatusError: 503") is True
    reopened = row("portal")
    assert reopened is not None and (reopened.state, reopened.opened_count) == ("open", 2)
    with pytest.raises(breakers.BreakerOpen):
        breakers.allow("portal")


def test_of_callers_racing_past_the_cool_down_one_makes_the_trial(threshold_three: str) -> None:
    fail("smtp", 3)
    cool_down_over("smtp")
    start, outcomes = Barrier(6), []

    def race() -> None:
        start.wait()
        try:
            breakers.allow("smtp")
            outcomes.append("trial")
        except breakers.BreakerOpen:
            outcomes.append("waits")

    threads = [Thread(target=race) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["trial"] + ["waits"] * 5


def test_an_open_breaker_is_a_warning_in_health_and_503_only_when_strict(
        threshold_three: str, client: TestClient) -> None:
    assert client.get("/health").json()["checks"]["breakers"] == {"ok": True, "reason": None, "breakers": []}
    fail("portal", 3)
    answer = client.get("/health")
    body = answer.json()
    assert answer.status_code == 200 and body["status"] == "degraded"
    assert any(w.startswith("circuit breaker portal is open: calls wait until") for w in body["warnings"])
    [shown] = body["checks"]["breakers"]["breakers"]
    assert (shown["name"], shown["state"], shown["failures"]) == ("portal", "open", 3)
    assert shown["last_error"] == "ConnectError: refused"
    assert client.get("/health?strict=true").status_code == 503


def unsure() -> ExtractionResult:
    return ExtractionResult(intent="debt_statement", intent_reasons=["stand-in"], intent_confidence=0.3,  # type: ignore[arg-type]
                            total_amount=None)


def test_the_llm_is_not_called_while_its_breaker_is_open(threshold_three: str) -> None:
    calls: list[httpx.Request] = []

    def down(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        raise httpx.ConnectError("connection refused", request=request)

    config = LlmConfig("https://llm.example/v1", SecretStr("sk-test"), "small-model", 5, breakers.LLM)
    refiner = LlmRefiner(config, httpx.Client(transport=httpx.MockTransport(down)))
    parsed = parse_body("Die Forderung beträgt 1.480,20 EUR.", None)
    for _ in range(5):
        assert refiner.refine(unsure(), parsed) == unsure()  # the reader's result stands
    assert len(calls) == 3
    assert row(breakers.LLM).state == "open"  # type: ignore[union-attr]


def test_an_llm_that_answers_badly_is_not_a_failure_of_the_service(threshold_three: str) -> None:
    def nonsense(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"choices": [{"message": {"content": json.dumps(["not", "an", "object"])}}]})

    config = LlmConfig("https://llm.example/v1", SecretStr("sk-test"), "small-model", 5, breakers.LLM)
    refiner = LlmRefiner(config, httpx.Client(transport=httpx.MockTransport(nonsense)))
    for _ in range(4):
        refiner.refine(unsure(), parse_body("Die Forderung beträgt 1.480,20 EUR.", None))
    assert row(breakers.LLM) is None


def test_smtp_is_not_contacted_while_its_breaker_is_open_and_a_refusal_is_not_a_failure(
        threshold_three: str) -> None:
    message = build_message(sender="cm@firm.test", recipients="admin@firm.test", subject="s", body="b")
    with refusing_port() as port:
        config = SmtpConfig(host="127.0.0.1", port=port, starttls=False, timeout_seconds=2)
        for _ in range(3):
            with pytest.raises(SmtpDeliveryError):
                send_message(config, message, breaker=breakers.SMTP)
        with pytest.raises(breakers.BreakerOpen):
            send_message(config, message, breaker=breakers.SMTP)
    cool_down_over(breakers.SMTP)
    with running_smtp_server() as server:
        config = SmtpConfig(host=server.host, port=server.port, starttls=False, timeout_seconds=2)
        assert send_message(config, message, breaker=breakers.SMTP) == {}
        assert len(server.messages) == 1
    assert row(breakers.SMTP).state == "closed"  # type: ignore[union-attr]


def test_a_failure_alert_is_not_tried_while_the_smtp_breaker_is_open(threshold_three: str) -> None:
    for _ in range(3):
        breakers.failed(breakers.SMTP, "SmtpDeliveryError: SMTP connect failed: timed out")
    with running_smtp_server() as server:
        notifier = FailureNotifier(Settings(smtp_host=server.host, smtp_port=server.port, smtp_starttls=False,
                                            admin_email="admin@firm.test"))
        assert notifier.send_failure_notification(7, "boom", "a@b.example", "s", breaker=breakers.SMTP) is False
        assert server.messages == []
        assert notifier.send_failure_notification(7, "boom", "a@b.example", "s") is True  # no breaker asked
