"""Worker heartbeats and the processing switch on both databases: a worker is alive while its beat is recent,
a clean shutdown forgets it, and pausing records who paused."""

from __future__ import annotations

from datetime import timedelta

from app.database import session_scope
from app.models import utcnow
from app.services import workers


def test_a_worker_is_alive_while_its_last_beat_is_recent(database: str) -> None:
    with session_scope() as session:
        workers.beat(session, "dramatiq", threads=4, worker_id="box-a:101")
        workers.beat(session, "embedded", worker_id="box-b:202")
    with session_scope() as session:
        workers.beat(session, "dramatiq", threads=4, jobs_done=7, worker_id="box-a:101")
        assert [w.id for w in workers.live(session, 30)] == ["box-a:101", "box-b:202"]
        assert [w.id for w in workers.live(session, 30, now=utcnow() + timedelta(seconds=60))] == []
        row = workers.live(session, 30)[0]
        assert (row.hostname, row.pid, row.threads, row.jobs_done) == ("box-a", 101, 4, 7)


def test_a_clean_shutdown_forgets_the_worker(database: str) -> None:
    with session_scope() as session:
        workers.beat(session, "embedded", worker_id="box-c:303")
    with session_scope() as session:
        workers.forget(session, "box-c:303")
    with session_scope() as session:
        assert workers.live(session, 30) == []


def test_pausing_and_resuming_records_the_operator(database: str) -> None:
    with session_scope() as session:
        assert not workers.is_paused(session)
        workers.set_paused(session, True, "Frau Quandt")
    with session_scope() as session:
        assert workers.is_paused(session)
        flag = workers.set_paused(session, False, "Herr Lind")
        assert (flag.value, flag.changed_by) == ("running", "Herr Lind")
    with session_scope() as session:
        assert not workers.is_paused(session)
