"""services/steps.py — names the pipeline step an error escaped from; invariant: a failed attempt's error says
which step failed and, for an attachment, which file from which host, and keeps the error's own class
(transient stays transient, permanent stays permanent)."""

from __future__ import annotations

import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from app.errors import CreditorMatcherError

MAX_ERROR_LENGTH = 2000
MAX_TRACEBACK_LENGTH = 20_000
_ATTRIBUTE = "_creditor_matcher_step"
_timings: ContextVar[dict[str, float] | None] = ContextVar("step_timings", default=None)


@dataclass(frozen=True)
class Where:
    """The step ("body", "attachments", "extraction", "matching"), and the file and host when one was at hand."""

    step: str
    filename: str | None = None
    host: str | None = None

    def label(self, message: str = "") -> str:
        """"step matching", or "attachment Rechnung.pdf from files.example" (the host only when the
        message does not name it already)."""
        if self.filename is None:
            return f"step {self.step}"
        return f"attachment {self.filename}" + (f" from {self.host}" if self.host and self.host not in message
                                                else "")

    def as_dict(self) -> dict[str, Any]:
        return {"step": self.step, "attachment": self.filename, "host": self.host}


@contextmanager
def step(name: str, *, filename: str | None = None, host: str | None = None) -> Iterator[None]:
    """Mark whatever escapes the block with where it happened; the innermost step wins, an outer block
    fills in the file or host the inner one did not know. Inside `timed()` a step without a file adds
    its duration to the timings (a file's step is part of the attachments step)."""
    started = time.perf_counter()
    try:
        yield
    except BaseException as error:
        inner = where(error)
        mark = Where(name, filename, host) if inner is None else Where(
            inner.step, inner.filename or filename, inner.host or host)
        setattr(error, _ATTRIBUTE, mark)
        raise
    finally:
        timings = _timings.get()
        if timings is not None and filename is None:
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - started


@contextmanager
def timed(timings: dict[str, float] | None = None) -> Iterator[dict[str, float]]:
    """Seconds spent in each step within the block, by step name, added to `timings` (for the stage
    histograms)."""
    timings = {} if timings is None else timings
    token = _timings.set(timings)
    try:
        yield timings
    finally:
        _timings.reset(token)


def where(error: BaseException) -> Where | None:
    found = getattr(error, _ATTRIBUTE, None)
    return found if isinstance(found, Where) else None


def describe(error: BaseException) -> str:
    """One line for the job row: where it failed, then what. Our own errors say what in words; anything
    else (a bug, a driver's error) keeps its class name, which is half the story."""
    message = str(error).strip()
    what = message if isinstance(error, CreditorMatcherError) and message else f"{type(error).__name__}: {message}"
    place = where(error)
    if place is None:  # from outside the pipeline: as it always was
        return f"{type(error).__name__}: {message}"[:MAX_ERROR_LENGTH]
    return f"{place.label(what)}: {what}"[:MAX_ERROR_LENGTH]


def format_traceback(error: BaseException, secrets: list[str] | tuple[str, ...] = ()) -> str:
    """The traceback as plain text (no frame locals), configured secrets blanked, capped at the tail."""
    text = "".join(traceback.format_exception(error))
    for secret in sorted((s for s in secrets if len(s) >= 4), key=len, reverse=True):
        text = text.replace(secret, "[redacted]")
    if len(text) > MAX_TRACEBACK_LENGTH:
        text = "…\n" + text[-MAX_TRACEBACK_LENGTH:]
    return text
