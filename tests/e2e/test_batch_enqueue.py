"""A batch of jobs sent to Redis in one pipelined round trip is what a real `dramatiq app.worker` reads:
the messages decode as the broker's own, and the worker completes every job of the batch."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import dramatiq
import pytest
import redis
from sqlalchemy import select

from app import migrations, queue
from app.database import session_scope
from app.models import IncomingEmail
from app.services import intake, intake_batch
from tests.conftest import SetEnv
from tests.support.factories import payload
from tests.support.servers import scratch_database

pytestmark = pytest.mark.e2e

BIN = Path(sys.executable).parent


@pytest.fixture
def redis_broker(postgres_admin: str, redis_server_url: str, set_env: SetEnv) -> Iterator[str]:
    """This process on a scratch PostgreSQL database with the Redis broker (its own namespace), for the block."""
    namespace = f"cm_batch_{uuid.uuid4().hex[:8]}"
    previous = queue.get_broker()
    with scratch_database(postgres_admin) as database_url:
        migrations.upgrade(database_url)
        set_env(database_url=database_url, redis_url=redis_server_url, broker_namespace=namespace)
        queue.configure_broker()
        try:
            yield namespace
        finally:
            queue._configured = previous
            dramatiq.set_broker(previous)
            set_env(database_url=None, redis_url=None, broker_namespace=None)
            client = redis.Redis.from_url(redis_server_url)
            for key in client.scan_iter(f"{namespace}*"):
                client.delete(key)


def job_statuses(ids: list[int]) -> set[str]:
    with session_scope() as session:
        return set(session.scalars(select(IncomingEmail.processing_status).where(IncomingEmail.id.in_(ids))))


def through_the_web_process(emails: list[intake.InboundEmail]) -> list[intake.IntakeResult]:
    async def arrive() -> list[intake.IntakeResult]:
        try:
            return await asyncio.gather(*(intake_batch.accept(email) for email in emails))
        finally:
            await intake_batch.aclose()

    return asyncio.run(arrive())


@pytest.mark.parametrize("accept", [intake.accept_many, through_the_web_process], ids=["blocking", "asyncio"])
def test_a_pipelined_batch_is_read_and_completed_by_a_real_worker(
    accept: Callable[[list[intake.InboundEmail]], list[intake.IntakeResult]], redis_broker: str, tmp_path: Path
) -> None:
    results = accept([intake.InboundEmail.model_validate(payload()) for _ in range(12)])
    ids = [result.email_id for result in results]
    assert {result.status for result in results} == {"queued"}

    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    stored = client.hgetall(f"{redis_broker}:{queue.QUEUE_NAME}.msgs")
    messages = [dramatiq.Message.decode(data) for data in stored.values()]
    assert sorted(message.args[0] for message in messages) == sorted(ids)
    assert {(message.actor_name, message.queue_name) for message in messages} == {(queue.PROCESS_EMAIL, "default")}
    assert {key.decode() for key in stored} == {message.options["redis_message_id"] for message in messages}
    assert client.llen(f"{redis_broker}:{queue.QUEUE_NAME}") == len(ids)

    env = {**os.environ, "LOG_LEVEL": "WARNING"}
    with (tmp_path / "worker.log").open("wb") as log:
        worker = subprocess.Popen([str(BIN / "dramatiq"), "app.worker", "--processes", "1", "--threads", "2"],
                                  env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while job_statuses(ids) != {"completed"} and time.monotonic() < deadline:
            time.sleep(0.2)
        assert job_statuses(ids) == {"completed"}, (tmp_path / "worker.log").read_text()[-2000:]
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=20)


class EnqueueWatcher(dramatiq.Middleware):
    def __init__(self) -> None:
        self.before: list[int] = []
        self.after: list[int] = []

    def before_enqueue(self, broker: dramatiq.Broker, message: dramatiq.Message[object], delay: int | None) -> None:
        self.before.append(message.args[0])

    def after_enqueue(self, broker: dramatiq.Broker, message: dramatiq.Message[object], delay: int | None) -> None:
        self.after.append(message.args[0])


@pytest.mark.parametrize("accept", [intake.accept_many, through_the_web_process], ids=["blocking", "asyncio"])
def test_middleware_that_watches_enqueues_is_told_of_every_message_of_a_batch(
    accept: Callable[[list[intake.InboundEmail]], list[intake.IntakeResult]], redis_broker: str
) -> None:
    # The installed middleware has nothing to do at enqueue, so the batch skips asking it; one that has is told.
    watcher = EnqueueWatcher()
    queue.get_broker().add_middleware(watcher)
    results = accept([intake.InboundEmail.model_validate(payload()) for _ in range(5)])
    ids = sorted(result.email_id for result in results)
    assert sorted(watcher.before) == ids
    assert sorted(watcher.after) == ids
