"""services/intake_batch.py — group commit for webhooks: requests arriving together share one transaction.

Each request is answered only after the commit that holds its row, the broker hears of a job only after
that commit (services/intake.py's rule), and each answer is what intake.accept would have said alone."""

from __future__ import annotations

import asyncio
from typing import Any
from weakref import WeakKeyDictionary

import anyio.to_thread
import psycopg
import structlog
from sqlalchemy.exc import OperationalError

from app import queue
from app.database import describe_driver_error, get_engine
from app.models import utcnow
from app.services import intake, job_batches

log = structlog.get_logger(__name__)

MAX_BATCH = 200
# Batches under way at once: while one waits on PostgreSQL or the broker, the next is written.
IN_FLIGHT = 2
# How long the received → queued marks gather before one statement moves them all. Under a burst that is
# several batches per mark: fewer statements for the web process and for PostgreSQL, where each mark
# rewrites its rows and their index entries (about 5 % of the web process's CPU per webhook).
MARK_GATHER_SECONDS = 0.02

Waiting = tuple[intake.InboundEmail, "asyncio.Future[intake.IntakeResult]"]

_EXISTING_SQL = "SELECT id, dedup_key FROM incoming_emails WHERE dedup_key = ANY(%(keys)s)"


class GroupCommit:
    """While IN_FLIGHT batches are under way, the requests that arrive wait and go together next:
    one request alone goes at once, a burst goes in a few transactions instead of one each.

    On PostgreSQL the batches use this event loop's own connection (autocommit: each statement its own
    transaction, committed before it returns) and the broker's asyncio sender, so no batch waits for a
    worker thread; one connection also means one batch statement at a time (see intake.py on deadlocks).
    There the received → queued mark runs after the answers, on a second connection (it only updates rows
    committed before, so it cannot deadlock with a batch), for every batch sent in the last
    MARK_GATHER_SECONDS in one statement: the answer only needs the commit and the broker, and a mark that
    never lands leaves the row `received`, which the worker claims all the same and the sweeper re-sends if
    nobody did."""

    def __init__(self) -> None:
        self._waiting: list[Waiting] = []
        self._drains: set[asyncio.Task[None]] = set()
        self._batches = _Link()
        self._marks = _Link()  # its own connection: a mark never holds up the next batch's statement
        self._sender = queue.AsyncSender()
        self._unmarked: list[int] = []
        self._marking: asyncio.Task[None] | None = None

    async def accept(self, email: intake.InboundEmail) -> intake.IntakeResult:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[intake.IntakeResult] = loop.create_future()
        self._waiting.append((email, future))
        if len(self._drains) < IN_FLIGHT:
            drain = loop.create_task(self._drain_all())
            self._drains.add(drain)
            drain.add_done_callback(self._drains.discard)
        return await future

    async def marked(self) -> None:
        """Return once every job answered so far has had its received → queued mark (or its failed try)."""
        if self._marking is not None:
            await self._marking

    async def aclose(self) -> None:
        await self.marked()
        await self._batches.aclose()
        await self._marks.aclose()
        await self._sender.aclose()

    async def _drain_all(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting[:MAX_BATCH], self._waiting[MAX_BATCH:]
            await self._settle(batch)

    async def _settle(self, batch: list[Waiting]) -> None:
        emails = [email for email, _ in batch]
        try:
            if get_engine().dialect.name == "postgresql":
                results = await self._accept_on_postgres(emails)
            else:
                results = await anyio.to_thread.run_sync(intake.accept_many, emails)
        except Exception as error:  # handed to each waiting request, whose handler maps it (503 for the database)
            if len(batch) == 1 or isinstance(error, OperationalError):
                for _, future in batch:
                    if not future.done():
                        future.set_exception(error)
                return
            for single in batch:  # one bad email must not sink the others: each alone
                await self._settle([single])
            return
        for (_, future), result in zip(batch, results, strict=True):
            if not future.done():
                future.set_result(result)

    async def _accept_on_postgres(self, emails: list[intake.InboundEmail]) -> list[intake.IntakeResult]:
        """intake.accept_many's steps, each one round trip: store (and commit), find the duplicates' jobs,
        tell the broker, mark the sent ones queued."""
        keys, rows = intake.prepare(emails)
        try:
            connection = await self._batches.connect()
            stored = await connection.execute(job_batches.INSERT_RECEIVED_SQL,
                                              job_batches.received_parameters(rows, utcnow()))
            written = {key: new_id for new_id, key in await stored.fetchall()}
            known = dict(written)
            if unwritten := intake.unwritten_keys(rows, written):
                found = await connection.execute(_EXISTING_SQL, {"keys": unwritten})
                known |= {key: email_id for email_id, key in await found.fetchall()}
            new_ids = list(written.values())
            taken = await self._sender.send_many(queue.PROCESS_EMAIL, [(email_id,) for email_id in new_ids])
            sent = {email_id for email_id, ok in zip(new_ids, taken, strict=True) if ok}
        except psycopg.OperationalError as error:  # the app's handler answers 503 for SQLAlchemy's kind
            raise OperationalError("intake batch", None, error) from error
        if sent:
            self._unmarked.extend(sent)
            if self._marking is None or self._marking.done():
                self._marking = asyncio.get_running_loop().create_task(self._mark_queued())
        return intake.answers(keys, emails, written, known, sent)

    async def _mark_queued(self) -> None:
        while self._unmarked:
            await asyncio.sleep(MARK_GATHER_SECONDS)
            ids, self._unmarked = sorted(self._unmarked), []
            try:
                connection = await self._marks.connect()
                await connection.execute(job_batches.MARK_QUEUED_SQL, job_batches.queued_parameters(ids))
            except psycopg.Error as error:
                log.warning("queued_mark_failed", jobs=len(ids), error=describe_driver_error(error),
                            hint="the jobs stay received; workers take them all the same")


class _Link:
    """One autocommit asyncio connection to the service's PostgreSQL database, (re)opened when first needed."""

    def __init__(self) -> None:
        self._connection: psycopg.AsyncConnection[tuple[Any, ...]] | None = None
        self._connecting = asyncio.Lock()

    async def connect(self) -> psycopg.AsyncConnection[tuple[Any, ...]]:
        async with self._connecting:
            if self._connection is None or self._connection.closed or self._connection.broken:
                url = get_engine().url.set(drivername="postgresql").render_as_string(hide_password=False)
                self._connection = await psycopg.AsyncConnection.connect(url, autocommit=True)
            return self._connection

    async def aclose(self) -> None:
        if self._connection is not None:
            await self._connection.close()
            self._connection = None


_per_loop: WeakKeyDictionary[asyncio.AbstractEventLoop, GroupCommit] = WeakKeyDictionary()


async def accept(email: intake.InboundEmail) -> intake.IntakeResult:
    """intake.accept for a request handler, sharing the transaction with the requests around it."""
    loop = asyncio.get_running_loop()
    group = _per_loop.get(loop)
    if group is None:
        group = _per_loop[loop] = GroupCommit()
    return await group.accept(email)


async def marked() -> None:
    """Wait for this event loop's pending received → queued marks (answers do not wait for them)."""
    group = _per_loop.get(asyncio.get_running_loop())
    if group is not None:
        await group.marked()


async def aclose() -> None:
    """Close this event loop's ingest connections (the web app's shutdown)."""
    group = _per_loop.pop(asyncio.get_running_loop(), None)
    if group is not None:
        await group.aclose()
