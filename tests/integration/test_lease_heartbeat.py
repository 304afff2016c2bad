"""The lease heartbeat: one thread for the whole process keeps every running attempt's lease alive,
stops at release, and drops a lease the attempt no longer holds."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

from app.database import session_scope
from app.services import jobs
from app.services.leases import LeaseHeartbeat
from tests.support.factories import insert_email

SECONDS = 0.3  # extended every 0.1 s


def claimed(owner: str) -> jobs.Claim:
    email_id = insert_email("queued")
    with session_scope() as session:
        job = jobs.claim(session, email_id, owner, SECONDS)
    assert job is not None
    return job


def lease_of(email_id: int) -> datetime:
    with session_scope() as session:
        expires = jobs.get(session, email_id).lease_expires_at
    return expires or datetime.min.replace(tzinfo=UTC)


def wait_until(condition: Callable[[], bool], limit: float = 10.0) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def heartbeat_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "lease-heartbeat"]


def test_two_held_leases_are_both_pushed_forward_by_one_thread(sqlite_database: str) -> None:
    heartbeat = LeaseHeartbeat()
    before = len(heartbeat_threads())
    first, second = claimed("host:1:1"), claimed("host:1:2")
    started = {job.email_id: lease_of(job.email_id) for job in (first, second)}
    keys = [heartbeat.hold(job, SECONDS) for job in (first, second)]
    try:
        assert wait_until(lambda: all(lease_of(job.email_id) > started[job.email_id] for job in (first, second)))
        assert len(heartbeat_threads()) == before + 1
    finally:
        for key in keys:
            heartbeat.release(key)
    assert heartbeat.held() == 0


def test_a_released_lease_is_no_longer_extended(sqlite_database: str) -> None:
    heartbeat = LeaseHeartbeat()
    job = claimed("host:2:1")
    heartbeat.release(heartbeat.hold(job, SECONDS))
    after_release = lease_of(job.email_id)
    time.sleep(SECONDS)
    assert lease_of(job.email_id) == after_release


def test_a_lease_lost_to_another_worker_is_dropped_from_the_heartbeat(sqlite_database: str) -> None:
    heartbeat = LeaseHeartbeat()
    job = claimed("host:3:1")
    with session_scope() as session:
        assert jobs.complete(session, job)
    heartbeat.hold(job, SECONDS)
    assert wait_until(lambda: heartbeat.held() == 0)


def test_a_short_lease_added_while_the_thread_sleeps_for_a_long_one_is_kept_alive(sqlite_database: str) -> None:
    heartbeat = LeaseHeartbeat()
    long_held = claimed("host:4:1")
    long_key = heartbeat.hold(long_held, 600.0)  # the thread now sleeps ~200 s
    short = claimed("host:4:2")
    started = lease_of(short.email_id)
    short_key = heartbeat.hold(short, SECONDS)  # due in 0.1 s: the thread must be woken for it
    try:
        assert wait_until(lambda: lease_of(short.email_id) > started, limit=3.0)
    finally:
        heartbeat.release(short_key)
        heartbeat.release(long_key)


def test_a_lease_added_behind_an_earlier_one_is_extended_in_its_turn(sqlite_database: str) -> None:
    heartbeat = LeaseHeartbeat()
    first, second = claimed("host:5:1"), claimed("host:5:2")
    first_key = heartbeat.hold(first, SECONDS)
    started = lease_of(second.email_id)
    second_key = heartbeat.hold(second, 2 * SECONDS)  # due after the first: no wake-up, the next round serves it
    try:
        assert wait_until(lambda: lease_of(second.email_id) > started, limit=3.0)
    finally:
        heartbeat.release(second_key)
        heartbeat.release(first_key)
