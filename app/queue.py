"""queue.py — broker choice (Redis / RabbitMQ / embedded) and sending jobs by name after the commit.

The database row is the source of truth; a message is only a wake-up call, so a send that
fails is logged and left to the sweeper rather than raised into the caller."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit
from uuid import uuid4

import anyio.to_thread
import dramatiq
import redis
import redis.asyncio
import structlog
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker
from dramatiq.middleware import CurrentMessage, Middleware

from app.config import Settings, get_settings

QUEUE_NAME = "default"
PROCESS_EMAIL = "process_email"

log = structlog.get_logger(__name__)


def build_broker(settings: Settings) -> dramatiq.Broker:
    broker: dramatiq.Broker
    if settings.broker_kind == "redis":
        broker = RedisBroker(url=settings.redis_url, namespace=settings.broker_namespace)
    elif settings.broker_kind == "rabbitmq":
        from dramatiq.brokers.rabbitmq import RabbitmqBroker  # noqa: PLC0415  (pika only with RabbitMQ)

        broker = RabbitmqBroker(url=settings.rabbitmq_url)
    else:
        broker = StubBroker()
    broker.add_middleware(CurrentMessage())
    return broker


_configured: dramatiq.Broker | None = None


def configure_broker(settings: Settings | None = None) -> dramatiq.Broker:
    """Build the broker from settings and make it the global one actors bind to."""
    global _configured
    _configured = build_broker(settings or get_settings())
    dramatiq.set_broker(_configured)
    return _configured


def get_broker() -> dramatiq.Broker:
    """The configured broker, built from settings on first use (never Dramatiq's own default)."""
    return _configured if _configured is not None else configure_broker()


@contextmanager
def isolated_broker() -> Iterator[dramatiq.Broker]:
    """A throwaway in-process broker for the duration of the block (the evaluator's replay), so
    nothing it sends reaches the real queue; the previous broker is restored afterwards."""
    global _configured
    previous = _configured
    stub = StubBroker()
    stub.declare_queue(QUEUE_NAME)
    _configured = stub
    try:
        yield stub
    finally:
        _configured = previous


def send(actor_name: str, *args: Any, delay_seconds: float | None = None) -> bool:
    """Enqueue `actor_name(*args)`; True when the broker took it. Call only after commit."""
    broker = get_broker()
    if isinstance(broker, StubBroker) and QUEUE_NAME not in broker.queues:
        # A process without an in-process worker (the CLI in embedded mode): nothing here would ever
        # read the message; the row is committed and the service's poll picks it up.
        log.debug("no_local_worker", actor=actor_name, args=args)
        return False
    message: dramatiq.Message[Any] = dramatiq.Message(
        queue_name=QUEUE_NAME, actor_name=actor_name, args=args, kwargs={}, options={}
    )
    delay = int(delay_seconds * 1000) if delay_seconds else None
    try:
        broker.enqueue(message, delay=delay)
    except Exception as error:  # any broker failure: the sweeper re-sends from the row
        log.error("enqueue_failed", actor=actor_name, args=args, error=str(error))
        return False
    return True


def send_many(actor_name: str, args_each: Sequence[tuple[Any, ...]]) -> list[bool]:
    """`send(actor_name, *args)` for each entry, in order; which ones the broker took. Call only after commit.

    On Redis the whole batch is one round trip: what dramatiq's enqueue script does per message (the message,
    encoded by the broker's own Message, stored under its Redis id in the queue's hash, then the id pushed on
    the queue's list) done for all of them in two commands inside MULTI/EXEC, so workers read them exactly
    as if `broker.enqueue` had sent each. (The script's other chores, a heartbeat for this process's broker
    id and a rare maintenance pass, belong to consumers; workers do them on every fetch.)"""
    broker = get_broker()
    if not isinstance(broker, RedisBroker) or not args_each:
        return [send(actor_name, *args) for args in args_each]
    messages = _redis_messages(broker, actor_name, args_each)
    try:
        pipeline = broker.client.pipeline(transaction=True)
        _enqueue_commands(broker, messages, pipeline)
        pipeline.execute()
    except Exception as error:  # any broker failure: the sweeper re-sends from the rows
        log.error("enqueue_failed", actor=actor_name, messages=len(messages), error=str(error))
        return [False] * len(messages)
    return _taken(broker, messages)


class AsyncSender:
    """send_many for an event loop: on Redis the same single round trip through redis' asyncio client,
    without a thread; other brokers' blocking clients are called from a worker thread."""

    def __init__(self) -> None:
        self._client: redis.asyncio.Redis | None = None

    async def send_many(self, actor_name: str, args_each: Sequence[tuple[Any, ...]]) -> list[bool]:
        broker = get_broker()
        if not args_each:
            return []
        if not isinstance(broker, RedisBroker):
            return await anyio.to_thread.run_sync(send_many, actor_name, args_each)
        messages = _redis_messages(broker, actor_name, args_each)
        try:
            if self._client is None:
                self._client = redis.asyncio.Redis.from_url(str(get_settings().redis_url))
            pipeline = self._client.pipeline(transaction=True)
            _enqueue_commands(broker, messages, pipeline)
            await pipeline.execute()
        except Exception as error:  # any broker failure: the sweeper re-sends from the rows
            log.error("enqueue_failed", actor=actor_name, messages=len(messages), error=str(error))
            return [False] * len(messages)
        return _taken(broker, messages)

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
        self._client = None


def _redis_messages(broker: RedisBroker, actor_name: str,
                    args_each: Sequence[tuple[Any, ...]]) -> list[dramatiq.Message[Any]]:
    # As RedisBroker.enqueue: a fresh Redis id per message, and the middleware told before it is sent.
    messages: list[dramatiq.Message[Any]] = [
        dramatiq.Message(queue_name=QUEUE_NAME, actor_name=actor_name, args=args, kwargs={},
                         options={"redis_message_id": str(uuid4())}) for args in args_each]
    if _any_middleware_hooks(broker, "before_enqueue"):
        for message in messages:
            broker.emit_before("enqueue", message, None)
    return messages


def _any_middleware_hooks(broker: dramatiq.Broker, hook: str) -> bool:
    """Whether any of the broker's middleware does something at `hook`: none of the installed ones does at
    enqueue, and asking each of them per message was a tenth of the batch's Redis work at ingest."""
    return any(getattr(type(middleware), hook) is not getattr(Middleware, hook) for middleware in broker.middleware)


def _enqueue_commands(broker: RedisBroker, messages: list[dramatiq.Message[Any]],
                      pipeline: redis.client.Pipeline | redis.asyncio.client.Pipeline) -> None:
    # The keys of dramatiq 2.2's dispatch.lua: "<namespace>:<queue>" (ids) and "<namespace>:<queue>.msgs".
    queue_key = f"{broker.namespace}:{QUEUE_NAME}"
    ids = [message.options["redis_message_id"] for message in messages]
    pipeline.hset(f"{queue_key}.msgs", mapping={
        redis_id: message.encode() for redis_id, message in zip(ids, messages, strict=True)})
    pipeline.rpush(queue_key, *ids)


def _taken(broker: RedisBroker, messages: list[dramatiq.Message[Any]]) -> list[bool]:
    if _any_middleware_hooks(broker, "after_enqueue"):
        for message in messages:
            broker.emit_after("enqueue", message, None)
    return [True] * len(messages)


def declare_queue() -> None:
    """Make sure the default queue exists on the current broker (the stub broker insists)."""
    get_broker().declare_queue(QUEUE_NAME)


def broker_problem(settings: Settings, timeout_seconds: float = 2.0) -> str | None:
    """Why the configured broker does not answer right now, or None when it does (the embedded
    broker lives in this process and always answers). Never raises; never names a password."""
    if settings.broker_kind == "redis":
        client = redis.Redis.from_url(str(settings.redis_url), socket_connect_timeout=timeout_seconds,
                                      socket_timeout=timeout_seconds)
        try:
            client.ping()
        except Exception as error:  # any failure to answer is the answer; redis names host and port itself
            return _first_line(error)
        finally:
            client.close()
    elif settings.broker_kind == "rabbitmq":
        import pika  # type: ignore[import-untyped]  # noqa: PLC0415

        try:
            parameters = pika.URLParameters(str(settings.rabbitmq_url))
            parameters.socket_timeout = parameters.blocked_connection_timeout = timeout_seconds
            parameters.connection_attempts, parameters.retry_delay = 1, 0
            pika.BlockingConnection(parameters).close()
        except Exception as error:
            return f"{_first_line(error)} at {urlsplit(str(settings.rabbitmq_url)).hostname}"
    return None


def _first_line(error: BaseException) -> str:
    """The error's first line; pika's connection errors say nothing themselves, their first argument does."""
    text = str(error).strip() or "; ".join(str(arg).strip() or repr(arg) for arg in error.args)
    lines = text.splitlines()
    return f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__
