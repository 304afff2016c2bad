"""A PostgreSQL restart leaves the worker's pooled connections dead. Whenever it happens between two of the
worker's transactions it costs nothing: no attempt, no failure, no alert. A connection idle a while is pinged
before use; one reused at once is not, and the transaction whose first statement finds it dead runs again on a
fresh one. Killing every backend of the test database stands in for the restart."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import psycopg
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from app import database
from app.config import get_settings
from app.database import get_engine, session_scope
from app.models import IncomingEmail, JobEvent
from app.services import intake, processing
from tests.support.factories import payload


@pytest.fixture
def restart(postgres_database: str) -> Iterator[Callable[[], None]]:
    """Ends every other connection to the test database, as a database restart does, and waits until
    they are gone."""
    url = get_engine().url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url, autocommit=True) as admin:
        def kill_all() -> None:
            others = [row[0] for row in admin.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")]
            assert others, "the pool held no connection to kill"
            for pid in others:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            for _ in range(500):  # the backends exit asynchronously
                left = admin.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(%s)", (others,)).fetchone()
                if left is not None and left[0] == 0:
                    return
                time.sleep(0.01)
            raise AssertionError("the killed backends did not go away")

        yield kill_all
    get_engine().dispose()  # a test that failed midway may leave dead connections for the next one


@pytest.fixture
def pings(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the pool's pings."""
    counted: list[int] = []
    dialect = get_engine().dialect
    real = dialect.do_ping

    def counting(dbapi_connection: Any) -> bool:
        counted.append(1)
        return real(dbapi_connection)

    monkeypatch.setattr(dialect, "do_ping", counting)
    return counted


def accepted() -> int:
    return intake.accept(intake.InboundEmail.model_validate(payload())).email_id


def history(email_id: int) -> tuple[str | None, int, list[str]]:
    with session_scope() as session:
        row = session.execute(select(IncomingEmail.processing_status, IncomingEmail.attempt_count)
                              .where(IncomingEmail.id == email_id)).one()
        kinds = list(session.scalars(select(JobEvent.kind).where(JobEvent.email_id == email_id)
                                     .order_by(JobEvent.id)))
    return row[0], row[1], kinds


def test_a_restart_between_two_jobs_costs_no_attempt(restart: Callable[[], None], pings: list[int]) -> None:
    first, second = accepted(), accepted()
    assert processing.run_attempt(first, get_settings(), notify=lambda _id: pytest.fail("no alert")) == "completed"
    restart()
    assert processing.run_attempt(second, get_settings(), notify=lambda _id: pytest.fail("no alert")) == "completed"
    status, attempts, kinds = history(second)
    assert (status, attempts) == ("completed", 1)
    assert kinds.count("attempt_started") == 1 and "attempt_failed" not in kinds
    assert pings == []  # the connections were reused at once: the dead one was found by the claim's statement


def test_a_restart_between_the_claim_and_the_processing_costs_no_attempt(
    restart: Callable[[], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    email_id = accepted()
    hold = processing.leases.heartbeat.hold

    def restart_then_hold(*args: Any) -> int:  # the lease is taken between the two transactions
        restart()
        return hold(*args)

    monkeypatch.setattr(processing.leases.heartbeat, "hold", restart_then_hold)
    assert processing.run_attempt(email_id, get_settings(), notify=lambda _id: pytest.fail("no alert")) == "completed"
    status, attempts, kinds = history(email_id)
    assert (status, attempts) == ("completed", 1)
    assert kinds.count("attempt_started") == 1 and "attempt_failed" not in kinds


def test_an_idle_connection_is_pinged_and_a_dead_one_replaced_before_use(
    restart: Callable[[], None], pings: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    with session_scope() as session:
        session.execute(text("SELECT 1"))
    monkeypatch.setattr(database, "PING_AFTER_IDLE_SECONDS", 0.0)  # every pooled connection counts as idle
    restart()
    with session_scope() as session:  # no retry here: only the ping can have saved this statement
        assert session.scalar(select(func.count()).select_from(IncomingEmail)) == 0
    assert pings == [1]


def test_a_connection_reused_at_once_is_not_pinged(postgres_database: str, pings: list[int]) -> None:
    for _ in range(3):
        with session_scope() as session:
            session.execute(text("SELECT 1"))
    assert pings == []


def test_a_connection_dead_again_on_the_second_run_is_the_error_it_was(postgres_database: str,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """One more run, not a loop; and an error that is not a dead connection is never run again."""
    email_id = accepted()
    calls: list[str] = []

    def dead(*_args: Any) -> None:
        calls.append("claim")
        raise OperationalError("SELECT", {}, Exception("server closed the connection"), connection_invalidated=True)

    monkeypatch.setattr(processing, "_claim_once", dead)
    with pytest.raises(OperationalError):
        processing.run_attempt(email_id, get_settings())
    assert calls == ["claim", "claim"]

    def refused(*_args: Any) -> None:
        calls.append("refused")
        raise OperationalError("SELECT", {}, Exception("too many connections"))

    monkeypatch.setattr(processing, "_claim_once", refused)
    with pytest.raises(OperationalError):
        processing.run_attempt(email_id, get_settings())
    assert calls[2:] == ["refused"]
    assert history(email_id)[1] == 0
