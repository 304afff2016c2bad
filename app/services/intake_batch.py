"""services/intake_batch.py — group commit for webhooks: requests arriving together share one transaction.

Each request is answered only after the commit that holds its row, the broker hears of a job only after
that commit (services/intake.py's rule), and each answer is what intake.accept would have said alone."""

from __future__ import annotations

import asyncio
from weakref import WeakKeyDictionary

import anyio.to_thread
from sqlalchemy.exc import OperationalError

from app.services import intake

MAX_BATCH = 200
# Batches in the database at once: while one waits on PostgreSQL or the broker, the next is written.
IN_FLIGHT = 3

Waiting = tuple[intake.InboundEmail, "asyncio.Future[intake.IntakeResult]"]


class GroupCommit:
    """While IN_FLIGHT batches are in the database, the requests that arrive wait and go together next:
    one request alone goes at once, a burst goes in a few transactions instead of one each."""

    def __init__(self) -> None:
        self._waiting: list[Waiting] = []
        self._drains: set[asyncio.Task[None]] = set()

    async def accept(self, email: intake.InboundEmail) -> intake.IntakeResult:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[intake.IntakeResult] = loop.create_future()
        self._waiting.append((email, future))
        if len(self._drains) < IN_FLIGHT:
            drain = loop.create_task(self._drain_all())
            self._drains.add(drain)
            drain.add_done_callback(self._drains.discard)
        return await future

    async def _drain_all(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting[:MAX_BATCH], self._waiting[MAX_BATCH:]
            await _settle(batch)


async def _settle(batch: list[Waiting]) -> None:
    try:
        results = await anyio.to_thread.run_sync(intake.accept_many, [email for email, _ in batch])
    except Exception as error:  # handed to each waiting request, whose handler maps it (503 for the database)
        if len(batch) == 1 or isinstance(error, OperationalError):
            for _, future in batch:
                if not future.done():
                    future.set_exception(error)
            return
        for single in batch:  # one bad email must not sink the others: each alone
            await _settle([single])
        return
    for (_, future), result in zip(batch, results, strict=True):
        if not future.done():
            future.set_result(result)


_per_loop: WeakKeyDictionary[asyncio.AbstractEventLoop, GroupCommit] = WeakKeyDictionary()


async def accept(email: intake.InboundEmail) -> intake.IntakeResult:
    """intake.accept for a request handler, sharing the transaction with the requests around it."""
    loop = asyncio.get_running_loop()
    group = _per_loop.get(loop)
    if group is None:
        group = _per_loop[loop] = GroupCommit()
    return await group.accept(email)
