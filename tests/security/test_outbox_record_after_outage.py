"""A delivery that went out is recorded even when the database drops the first time we write it
down; otherwise the lease would run out and the case handler would get the mail twice. A re-sent
mail keeps its Message-ID, so a mail system can fold a re-send after a crash into one. A lost
wake-up call is re-sent as soon as a stale job would be."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import update
from sqlalchemy.exc import OperationalError

from app import queue
from app.config import get_settings
from app.database import session_scope
from app.models import OutboxMessage, utcnow
from app.services import matching_stage, outbox
from tests.conftest import SetEnv
from tests.integration.matching.support import add_inquiry, add_reply, stated
from tests.support.smtp_server import running_smtp_server

REPLY = "Für Ihre Mandantin Edda Quast, Vertrag 77 310 52, beläuft sich die Gesamtforderung auf 842,10 EUR."


def one_mail_entry() -> int:
    with session_scope() as session:
        add_inquiry(session, "INQ-77", "Edda Quast", "QS-2026-0077", creditor_reference="77 310 52",
                    known_amount=Decimal("800.00"), handler_email="akte@kanzlei.example")
        email = add_reply(session, body=REPLY)
        outcome = matching_stage.match_and_apply(session, email, stated("842.10"), get_settings())
    [entry_id] = outcome.outbox_ids
    return entry_id


def flaky(real: Callable[..., Any], failures: int) -> Callable[..., Any]:
    left = [failures]

    def record(*args: Any, **kwargs: Any) -> Any:
        if left[0]:
            left[0] -= 1
            raise OperationalError("UPDATE outbox", {}, Exception("server closed the connection unexpectedly"))
        return real(*args, **kwargs)

    return record


def test_a_sent_mail_is_recorded_after_the_database_comes_back(
    database: str, set_env: SetEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    with running_smtp_server() as server:
        set_env(smtp_host=server.host, smtp_port=server.port, smtp_starttls="false", smtp_from="cm@kanzlei.example")
        entry_id = one_mail_entry()
        monkeypatch.setattr(outbox, "record_success", flaky(outbox.record_success, failures=2))
        assert outbox.deliver(entry_id, get_settings()).status == "delivered"
        assert outbox.deliver(entry_id, get_settings()).status == "skipped"
    assert len(server.messages) == 1
    with session_scope() as session:
        row = session.get(OutboxMessage, entry_id)
        assert row is not None and row.status == "delivered"
        delivery_id = row.delivery_id
    assert server.messages[0].message["Message-ID"] == f"<{delivery_id}@kanzlei.example>"


def test_a_database_gone_for_good_still_raises_so_the_lease_decides(
    database: str, set_env: SetEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    with running_smtp_server() as server:
        set_env(smtp_host=server.host, smtp_port=server.port, smtp_starttls="false", outbox_timeout_seconds=0.1)
        entry_id = one_mail_entry()
        monkeypatch.setattr(outbox, "LEASE_MARGIN", timedelta(seconds=29.5))  # leaves ~1 s of lease
        monkeypatch.setattr(outbox, "record_success", flaky(outbox.record_success, failures=1000))
        with pytest.raises(OperationalError):
            outbox.deliver(entry_id, get_settings())
    with session_scope() as session:
        row = session.get(OutboxMessage, entry_id)
        assert row is not None and row.status == "sending"


def test_a_lost_wake_up_is_re_sent_after_the_stale_job_time_when_that_is_shorter(
    database: str, set_env: SetEnv
) -> None:
    with running_smtp_server() as server:
        set_env(smtp_host=server.host, smtp_port=server.port, smtp_starttls="false")
        entry_id = one_mail_entry()
    with session_scope() as session:
        session.execute(update(OutboxMessage).where(OutboxMessage.id == entry_id)
                        .values(next_attempt_at=utcnow() - timedelta(seconds=20)))
    assert outbox.retry_due(get_settings()) == []  # default: a minute before a wake-up counts as lost
    set_env(stale_job_seconds=10)
    try:
        assert outbox.retry_due(get_settings()) == [entry_id]
    finally:
        queue.get_broker().flush_all()  # the wake-up it sent must not reach a later test's worker
