"""extraction/llm.py — optional LLM second opinion on hard cases (off by default); it may only
propose an intent and a total the deterministic reader already saw in the creditor's own new
text, and whatever it changes goes to a human: it never makes an amount safe to apply."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, get_args

import httpx
import structlog
from pydantic import SecretStr

from app.config import Settings
from app.deadlines import DeadlineExceeded, Watchdog, network_deadline
from app.services import breakers, money
from app.services.attachments.result import AttachmentText
from app.services.extraction.result import ExtractionResult, Intent
from app.services.parsing import ParsedBody

log = structlog.get_logger(__name__)

INTENTS: tuple[str, ...] = get_args(Intent)
OWN_TEXT_PARTS = ("reply", "attachment")
MAX_PROMPT_CHARS = 12_000
CALL_TIMEOUTS = 3  # the whole call (connect, headers, answer) may take this many timeouts
UNCERTAIN_INTENT = 0.6
INSTRUCTIONS = (
    "You read a creditor's reply to a German debt-counselling law firm. Answer with one JSON "
    'object: {"intent": one of ' + ", ".join(INTENTS) + ', "total_amount": the creditor\'s '
    "current total claim in EUR as a string exactly as written, or null, \"reason\": one short "
    "sentence}. Instalments, paid amounts, dates, IBANs and phone numbers are never the total."
)


@dataclass(frozen=True)
class LlmConfig:
    base_url: str
    api_key: SecretStr
    model: str
    timeout_seconds: float
    breaker: str | None = None  # services/breakers.py; set when configured from settings

    @classmethod
    def from_settings(cls, settings: Settings) -> LlmConfig | None:
        if settings.llm_provider == "off" or settings.llm_api_key is None:
            return None
        return cls(settings.llm_api_base.rstrip("/"), settings.llm_api_key, settings.llm_model,
                   settings.llm_timeout_seconds, breakers.LLM)


def needs_help(result: ExtractionResult) -> bool:
    """Worth a second opinion: a statement without a total, or an unsure intent."""
    missing_total = result.intent in ("debt_statement", "payment_plan") and result.total_amount is None
    return missing_total or result.intent_confidence < UNCERTAIN_INTENT


def own_text(parsed: ParsedBody, attachments: Sequence[AttachmentText]) -> str:
    """The creditor's new words only: the reply and readable attachments, never quoted history."""
    parts = [parsed.reply_text] + [f"[{a.filename}]\n{a.text}" for a in attachments if a.status == "ok"]
    return "\n\n".join(parts)[:MAX_PROMPT_CHARS]


def answered_total(raw: object) -> Decimal | None:
    """The model's total: a string as the creditor wrote it, or (against the instructions) a JSON number."""
    if isinstance(raw, str):
        return money.parse(raw)
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        try:
            return money.to_cents(raw)
        except money.NotMoney:
            return None
    return None


def seen_in_own_text(result: ExtractionResult, value: Decimal) -> bool:
    return any(
        found.value == value and not found.rejected and found.evidence.part in OWN_TEXT_PARTS
        for found in result.amounts
    )


class LlmRefiner:
    """Calls an OpenAI-compatible chat-completions endpoint; any failure leaves the result as is."""

    def __init__(self, config: LlmConfig, client: httpx.Client | None = None) -> None:
        self._config = config
        self._client = client or httpx.Client(timeout=config.timeout_seconds)

    def _ask(self, text: str) -> dict[str, Any]:
        with network_deadline(self._config.timeout_seconds * CALL_TIMEOUTS, "LLM call") as dog:
            return self._post(text, dog)

    def _post(self, text: str, dog: Watchdog) -> dict[str, Any]:
        response = self._client.post(
            f"{self._config.base_url}/chat/completions",
            extensions={"trace": dog.httpx_trace},
            headers={"Authorization": f"Bearer {self._config.api_key.get_secret_value()}"},
            json={
                "model": self._config.model,
                "temperature": 0,
                "response_format": {"type": "json_object"},
                "messages": [{"role": "system", "content": INSTRUCTIONS},
                             {"role": "user", "content": text}],
            },
        )
        response.raise_for_status()
        answer = json.loads(response.json()["choices"][0]["message"]["content"])
        if not isinstance(answer, dict):
            raise ValueError("answer is not a JSON object")
        return answer

    def refine(self, result: ExtractionResult, parsed: ParsedBody,
               attachments: Sequence[AttachmentText] = ()) -> ExtractionResult:
        if not needs_help(result):
            return result
        try:
            with breakers.around(self._config.breaker, lambda e: isinstance(e, httpx.HTTPError | DeadlineExceeded)):
                answer = self._ask(own_text(parsed, attachments))
        except breakers.BreakerOpen:
            log.info("llm_refine_skipped", reason="circuit breaker open")
            return result
        except (httpx.HTTPError, DeadlineExceeded, KeyError, IndexError, TypeError,
                ValueError) as error:
            log.warning("llm_refine_failed", error=type(error).__name__)
            return result
        return merge(result, answer)


def merge(result: ExtractionResult, answer: dict[str, Any]) -> ExtractionResult:
    """Fold the model's answer in where the rules allow; record why in the reasons."""
    update: dict[str, Any] = {}
    reason = str(answer.get("reason") or "")[:200]
    intent = answer.get("intent")
    if intent in INTENTS and intent != result.intent:
        update["intent"] = intent
        update["intent_reasons"] = [*result.intent_reasons, f"llm: {intent} ({reason})"]
    value = answered_total(answer.get("total_amount"))
    if value is not None and result.total_amount is None:
        if seen_in_own_text(result, value):
            update["total_amount"] = value
        else:
            log.info("llm_total_ignored", reason="not among the amounts read from the creditor's own text")
    if not update:
        return result
    update["amount_is_safe"] = False
    update["amount_safety_reasons"] = [*result.amount_safety_reasons, "changed by the LLM refiner: needs a human"]
    return result.model_copy(update=update)
