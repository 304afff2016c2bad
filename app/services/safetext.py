"""services/safetext.py — the request boundary's text rule: NUL and lone surrogates become U+FFFD.

PostgreSQL refuses both in text and JSON columns and neither encodes as UTF-8, so request text holding
them would be lost with a 500. Every request model (webhook, inquiry, review decision) derives from
`SafeTextModel`, which scrubs its raw input once, before any field is validated, and remembers the
original strings it replaced so deduplication can still tell two such deliveries apart."""

from __future__ import annotations

import hashlib
import re
from typing import Any, Self

from pydantic import BaseModel, ModelWrapValidatorHandler, PrivateAttr, model_validator

REPLACEMENT = "\ufffd"
# A Python str never holds a valid surrogate pair (json.loads joins them), so any surrogate is lone.
_UNSAFE = re.compile("[\x00\ud800-\udfff]")


def clean(text: str) -> str:
    """`text` with every NUL and lone surrogate replaced by U+FFFD."""
    return _UNSAFE.sub(REPLACEMENT, text)


def scrub(value: Any, replaced: list[str] | None = None) -> Any:
    """JSON-shaped `value` (dicts, lists, strings, scalars) with every string and key cleaned; the
    original of each string that changed is appended to `replaced`."""
    if isinstance(value, str):
        if _UNSAFE.search(value) is None:
            return value
        if replaced is not None:
            replaced.append(value)
        return clean(value)
    if isinstance(value, dict):
        return {scrub(key, replaced): scrub(item, replaced) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [scrub(item, replaced) for item in value]
    return value


def original_bytes(text: str) -> bytes:
    """The UTF-8 bytes `text` arrived as, lone surrogates included (they cannot be encoded strictly)."""
    return text.encode("utf-8", "surrogatepass")


class SafeTextModel(BaseModel):
    """Base of every request model: input is scrubbed before validation."""

    _replaced: tuple[str, ...] = PrivateAttr(default=())

    @model_validator(mode="wrap")
    @classmethod
    def _scrub_input(cls, data: Any, handler: ModelWrapValidatorHandler[Self]) -> Self:
        replaced: list[str] = []
        model = handler(scrub(data, replaced))
        model._replaced = tuple(replaced)
        return model

    def replaced_digest(self) -> str | None:
        """A hash of the original bytes of every replaced string (None when nothing was replaced)."""
        if not self._replaced:
            return None
        digest = hashlib.sha256()
        for text in self._replaced:
            digest.update(original_bytes(text))
            digest.update(b"\x00")
        return digest.hexdigest()
