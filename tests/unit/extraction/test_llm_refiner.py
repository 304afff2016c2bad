"""The optional LLM refiner: off by default, driven here through a mocked HTTP transport only;
it may fill a missing total only with an amount read from the creditor's own text, and
anything it changes is marked unsafe to apply automatically."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from app.config import Settings
from app.services.extraction.llm import LlmConfig, LlmRefiner, answered_total, merge
from app.services.extraction.result import AmountFound, Evidence, ExtractionResult
from app.services.parsing import parse_body

CONFIG = LlmConfig("https://llm.example/v1", SecretStr("sk-test"), "small-model", 5)
PARSED = parse_body(
    "Guten Tag,\nder Saldo Ihres Mandanten steht bei 1.480,20 EUR.\n\n"
    "> Nach unseren Unterlagen beträgt die Forderung 999,00 EUR.\n", None
)


def found(value: str, part: str, rejected: bool = False) -> AmountFound:
    return AmountFound(value=Decimal(value), label="unlabelled", confidence=0.4, rejected=rejected,
                       evidence=Evidence(source="body", part=part, location="line 2", text=value))  # type: ignore[arg-type]


def unsure_result(**overrides: Any) -> ExtractionResult:
    data: dict[str, Any] = {
        "intent": "debt_statement", "intent_reasons": ["asks about the claim"], "intent_confidence": 0.8,
        "total_amount": None, "amounts": [found("1480.20", "reply"), found("999.00", "quoted")],
        "amount_is_safe": False, "amount_safety_reasons": ["no total stated"],
    }
    data.update(overrides)
    return ExtractionResult(**data)


def transport(answer: object, calls: list[httpx.Request], status: int = 200) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        content = answer if isinstance(answer, str) else json.dumps(answer)
        return httpx.Response(status, json={"choices": [{"message": {"content": content}}]})

    return httpx.MockTransport(handle)


def refiner(answer: object, calls: list[httpx.Request], status: int = 200) -> LlmRefiner:
    return LlmRefiner(CONFIG, httpx.Client(transport=transport(answer, calls, status)))


def test_the_refiner_is_off_unless_a_provider_and_key_are_configured() -> None:
    assert LlmConfig.from_settings(Settings()) is None
    assert LlmConfig.from_settings(Settings(llm_provider="openai")) is None
    config = LlmConfig.from_settings(Settings(llm_provider="openai", llm_api_key=SecretStr("k")))
    assert config is not None and config.model == "gpt-4o-mini"


def test_a_total_seen_in_the_reply_is_taken_but_marked_for_a_human() -> None:
    calls: list[httpx.Request] = []
    refined = refiner({"intent": "debt_statement", "total_amount": "1.480,20 EUR", "reason": "Saldo"},
                      calls).refine(unsure_result(), PARSED)
    assert refined.total_amount == Decimal("1480.20")
    assert refined.amount_is_safe is False
    assert "changed by the LLM refiner: needs a human" in refined.amount_safety_reasons
    sent = json.loads(calls[0].content)
    assert calls[0].headers["authorization"] == "Bearer sk-test"
    assert "1.480,20" in sent["messages"][1]["content"]
    assert "999,00" not in sent["messages"][1]["content"], "quoted history must not reach the model"


def test_a_total_only_found_in_quoted_history_is_ignored() -> None:
    calls: list[httpx.Request] = []
    refined = refiner({"intent": "debt_statement", "total_amount": "999,00"}, calls).refine(unsure_result(), PARSED)
    assert refined.total_amount is None


def test_a_total_the_reader_rejected_is_ignored() -> None:
    result = unsure_result(amounts=[found("1480.20", "reply", rejected=True)])
    assert merge(result, {"total_amount": "1480.20"}).total_amount is None


def test_a_different_intent_is_recorded_with_the_models_reason() -> None:
    refined = merge(unsure_result(intent_confidence=0.3), {"intent": "payment_plan", "reason": "Ratenangebot"})
    assert refined.intent == "payment_plan"
    assert refined.intent_reasons[-1] == "llm: payment_plan (Ratenangebot)"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("EUR 1.480,20", "1480.20"), ("1,480.20", "1480.20"), ("1.480", "1480.00"), (1480.2, "1480.20"),
     (1480, "1480.00"), ("etwa tausend", None), (True, None), (None, None), (1e300, None), (["1480"], None)],
)
def test_the_models_total_is_read_as_written_or_as_a_json_number(raw: object, expected: str | None) -> None:
    assert answered_total(raw) == (None if expected is None else Decimal(expected))


@pytest.mark.parametrize("answer", [{"intent": "gibberish"}, {"total_amount": "viel Geld"}, {}])
def test_answers_outside_the_rules_change_nothing(answer: dict[str, Any]) -> None:
    result = unsure_result()
    assert merge(result, answer) == result


@pytest.mark.parametrize(("answer", "status"), [("not json", 200), ({"intent": "settled"}, 500)])
def test_a_broken_or_failing_model_leaves_the_result_unchanged(answer: object, status: int) -> None:
    calls: list[httpx.Request] = []
    result = unsure_result()
    assert refiner(answer, calls, status).refine(result, PARSED) == result
    assert len(calls) == 1


def test_a_confident_result_is_not_sent_to_the_model() -> None:
    calls: list[httpx.Request] = []
    confident = unsure_result(total_amount=Decimal("1480.20"), intent_confidence=0.95)
    assert refiner({"intent": "spam"}, calls).refine(confident, PARSED) == confident
    assert calls == []
