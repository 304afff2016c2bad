"""logging.py — structlog setup, the correlation id that ties web and worker log lines to one job,
and the guards every line passes: no configured secret, no SQL parameters, no traceback locals,
and an identical warning or error repeated in a loop logged once per window, then counted."""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Iterable
from contextvars import ContextVar
from typing import TYPE_CHECKING

import structlog

if TYPE_CHECKING:
    from app.config import Settings

correlation_id: ContextVar[str | None] = ContextVar("correlation_id", default=None)

REDACTED = "[redacted]"
MIN_SECRET_LENGTH = 4  # shorter values would blank out ordinary words; no real secret is this short
SUPPRESSED_FIELD = "repeats_suppressed"
_QUIET_LOGGERS = {
    # At INFO/DEBUG SQLAlchemy logs statements and result rows, i.e. email content.
    "sqlalchemy": logging.WARNING,
    # httpx logs each request's full URL at INFO (an attachment URL carries its access token);
    # httpcore traces each connection at DEBUG. Our own lines say what matters.
    "httpx": logging.WARNING,
    "httpcore": logging.INFO,
    "hpack": logging.INFO,
    # APScheduler says "Running job …" / "executed successfully" at INFO on every tick; our own
    # `scheduler_tick` line says it at DEBUG, and APScheduler's warnings (a missed run) still show.
    "apscheduler": logging.WARNING,
}
# Servers that install their own handlers and format (uvicorn's default log config): their records go
# through the root handler instead, so a process writes one format.
_ADOPTED_LOGGERS = ("uvicorn", "uvicorn.error", "uvicorn.access", "dramatiq")


def _add_correlation_id(
    _logger: object, _method: str, event_dict: structlog.types.EventDict
) -> structlog.types.EventDict:
    value = correlation_id.get()
    if value is not None:
        event_dict.setdefault("correlation_id", value)
    return event_dict


def _add_suppressed_count(
    _logger: object, _method: str, event_dict: structlog.types.EventDict
) -> structlog.types.EventDict:
    count = getattr(event_dict.get("_record"), SUPPRESSED_FIELD, 0)
    if count:
        event_dict[SUPPRESSED_FIELD] = count
    return event_dict


class CurrentStderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the time of each record (test capture swaps it)."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass


class RedactingFormatter(structlog.stdlib.ProcessorFormatter):
    """Renders like ProcessorFormatter, then blanks every configured secret out of the text,
    tracebacks and third-party lines included."""

    def __init__(self, secrets: Iterable[str], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        unique = {value for value in secrets if len(value) >= MIN_SECRET_LENGTH}
        self._secrets = sorted(unique, key=len, reverse=True)  # a secret inside another: longest first

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


class RepeatFilter(logging.Filter):
    """Lets the first of a run of identical warnings/errors through, drops the rest for
    `window_seconds`, and marks the next one let through with how many were dropped.

    Identical means same logger, level, event and error text; ids of the job at hand do not
    count, so an outage that fails every job the same way costs one line per window."""

    def __init__(self, window_seconds: float) -> None:
        super().__init__()
        self.window_seconds = window_seconds
        self._lock = threading.Lock()
        self._seen: dict[tuple[str, ...], tuple[float, int]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING or self.window_seconds <= 0:
            return True
        key = _identity(record)
        now = time.monotonic()
        with self._lock:
            opened, dropped = self._seen.get(key, (float("-inf"), 0))
            if now - opened < self.window_seconds:
                self._seen[key] = (opened, dropped + 1)
                return False
            if len(self._seen) > 10_000:
                self._forget_before(now - self.window_seconds)
            self._seen[key] = (now, 0)
        if dropped:
            setattr(record, SUPPRESSED_FIELD, dropped)
        return True

    def _forget_before(self, moment: float) -> None:
        self._seen = {key: value for key, value in self._seen.items() if value[0] >= moment}


def _identity(record: logging.LogRecord) -> tuple[str, ...]:
    exc_info = record.exc_info
    if isinstance(record.msg, dict):  # a structlog event
        event = str(record.msg.get("event"))
        error = str(record.msg.get("error", ""))
        if record.msg.get("exc_info") is True:
            exc_info = sys.exc_info()
    else:
        event, error = str(record.msg), ""
    exception = ""
    if isinstance(exc_info, tuple) and exc_info[1] is not None:
        exception = f"{type(exc_info[1]).__name__}: {exc_info[1]}"
    return (record.name, str(record.levelno), event, error, exception)


def configure_logging(level: str = "INFO", fmt: str = "console", *, secrets: Iterable[str] = (),
                      repeat_window_seconds: float = 60.0) -> None:
    """Route structlog and stdlib logging through one renderer at one level; `secrets` never
    appear in any line; identical warnings/errors come once per `repeat_window_seconds`."""
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer()
        if fmt == "json"
        # Plain tracebacks: rich's (when installed) print every frame's locals, tokens included.
        else structlog.dev.ConsoleRenderer(colors=False,
                                           exception_formatter=structlog.dev.plain_traceback)
    )
    shared: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        _add_correlation_id,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    structlog.configure(
        # The level check first: a debug line below the level then costs a lookup, not a timestamp.
        processors=[structlog.stdlib.filter_by_level, *shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    handler = CurrentStderrHandler()
    handler.addFilter(RepeatFilter(repeat_window_seconds))
    handler.setFormatter(RedactingFormatter(secrets, processors=[
        _add_suppressed_count,
        structlog.stdlib.ProcessorFormatter.remove_processors_meta,
        structlog.processors.format_exc_info,
        renderer,
    ], foreign_pre_chain=[*shared, structlog.stdlib.add_logger_name]))  # whose line it is
    # No line shows them, and looking them up is a quarter of a line's cost (one per request at ingest).
    logging.logThreads = logging.logProcesses = logging.logMultiprocessing = False
    # Nor does any line show where it was logged from; finding that walks the caller's frames for every record.
    logging._srcfile = None
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name, floor in _QUIET_LOGGERS.items():
        logging.getLogger(name).setLevel(max(floor, logging.getLevelName(level)))
    for name in _ADOPTED_LOGGERS:
        adopted = logging.getLogger(name)
        adopted.handlers[:] = []
        adopted.propagate = True


def configure_from(settings: Settings, level: str | None = None) -> None:
    """configure_logging with the operator's level, format, window and every configured secret."""
    configure_logging(level or settings.log_level, settings.log_format,
                      secrets=settings.secret_values(),
                      repeat_window_seconds=settings.log_repeat_window_seconds)
