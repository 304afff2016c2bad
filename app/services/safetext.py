"""services/safetext.py — the request boundary's text rule: NUL and lone surrogates become U+FFFD.

PostgreSQL refuses both in text and JSON columns and neither encodes as UTF-8, so request text holding
them would be lost with a 500. Every request model (webhook, inquiry, review decision) derives from
`SafeTextModel`, which scrubs its raw input once, before any field is validated, and remembers the
original strings it replaced so deduplication can still tell two such deliveries apart."""

from __future__ import annotations

import hashlib
import re
from typing import Any, Self

from pydantic import BaseModel, ModelWrapValidatorHandler, PrivateAttr, ValidationInfo, model_validator

REPLACEMENT = "\ufffd"
# A Python str never holds a valid surrogate pair (json.loads joins them), so any surrogate is lone.
_UNSAFE = re.compile("[\x00\ud800-\udfff]")
# In UTF-8 JSON text both can only arrive escaped (\u0000, \ud800-\udfff): the parser refuses a raw control
# character in a string and the decoder a raw surrogate. UTF-16 or UTF-32 text, which json also reads, has
# NUL bytes. A body with neither yields nothing to scrub (the escape test may match an escaped backslash too).
_UNSAFE_ESCAPE = re.compile(rb"\\u(?:0000|[dD][89a-fA-F])")
# Validation context key: the caller read the raw JSON and found nothing to scrub (see json_needs_scrub).
NOTHING_TO_SCRUB = "safetext.nothing_to_scrub"


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


def json_needs_scrub(body: bytes) -> bool:
    """False when the JSON text `body` cannot decode to a NUL or a surrogate anywhere (keys included)."""
    return b"\x00" in body or _UNSAFE_ESCAPE.search(body) is not None


def original_bytes(text: str) -> bytes:
    """The UTF-8 bytes `text` arrived as, lone surrogates included (they cannot be encoded strictly)."""
    return text.encode("utf-8", "surrogatepass")


class SafeTextModel(BaseModel):
    """Base of every request model: input is scrubbed before validation."""

    _replaced: tuple[str, ...] = PrivateAttr(default=())

    @model_validator(mode="wrap")
    @classmethod
    def _scrub_input(cls, data: Any, handler: ModelWrapValidatorHandler[Self], info: ValidationInfo) -> Self:
        if info.context is not None and info.context.get(NOTHING_TO_SCRUB) is True:
            return handler(data)  # the webhook's hot path: a third of the body's validation time
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
