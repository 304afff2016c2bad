"""Applied changes reach the portal (signed JSON, stable delivery id, retried after a 500, never
delivered twice) and the case handler (German mail through a real SMTP server, at most once)."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import timedelta
from decimal import Decimal

from dramatiq import Worker
from sqlalchemy import select, update

from app import queue
from app.config import get_settings
from app.database import session_scope
from app.models import IncomingEmail, OutboxMessage, utcnow
from app.services import matching_stage, outbox
from tests.conftest import SetEnv
from tests.integration.matching.support import Receiver, add_inquiry, add_reply, stated, webhook_receiver
from tests.support.factories import queued_message_args
from tests.support.smtp_server import refusing_port, running_smtp_server
from tests.support.worker import drain

SECRET = "portal-shared-secret"
BODY = "zum Konto 4401 882 310 Ihres Mandanten Jürgen Weißbach beträgt die Forderung 3.212,32 EUR."


def apply_one() -> matching_stage.MatchOutcome:
    with session_scope() as session:
        add_inquiry(session, "INQ-1", "Jürgen Weißbach", "BS-2026-0117", creditor_reference="4401 882 310",
                    known_amount=Decimal("3120.45"), handler_email="sb@kanzlei.example")
        email = add_reply(session, body=BODY)
        outcome = matching_stage.match_and_apply(session, email, stated("3212.32"), get_settings())
        session.execute(update(IncomingEmail).where(IncomingEmail.id == email.id)
                        .values(sync_status=outcome.sync_status))
    return outcome


def entry(outbox_id: int) -> OutboxMessage:
    with session_scope() as session:
        row = session.get(OutboxMessage, outbox_id)
        assert row is not None
        return row


def sync_status() -> str | None:
    with session_scope() as session:
        return session.scalars(select(IncomingEmail.sync_status)).one()


def make_due(outbox_id: int) -> None:
    with session_scope() as session:
        session.execute(update(OutboxMessage).where(OutboxMessage.id == outbox_id)
                        .values(next_attempt_at=utcnow() - timedelta(minutes=5)))


def webhook_id(outcome: matching_stage.MatchOutcome) -> int:
    return next(i for i in outcome.outbox_ids if entry(i).channel == "webhook")


def portal(set_env: SetEnv, receiver: Receiver, **extra: object) -> None:
    set_env(portal_webhook_url=receiver.url, portal_webhook_secret=SECRET, outbox_min_backoff_seconds=0.05,
            outbox_max_backoff_seconds=0.2, **extra)


def test_the_portal_gets_signed_json_with_a_delivery_id(database: str, set_env: SetEnv) -> None:
    with webhook_receiver(200) as receiver:
        portal(set_env, receiver)
        outcome = apply_one()
        assert sync_status() == "pending"
        result = outbox.deliver(webhook_id(outcome), get_settings())
    assert result.status == "delivered"
    [post] = receiver.posts
    expected = "sha256=" + hmac.new(SECRET.encode(), post.body, hashlib.sha256).hexdigest()
    assert post.headers[outbox.SIGNATURE_HEADER.lower()] == expected
    assert post.headers[outbox.DELIVERY_HEADER.lower()] == entry(webhook_id(outcome)).delivery_id
    payload = json.loads(post.body)
    assert (payload["inquiry"]["id"], payload["claim"]["amount"], payload["previous"]["amount"]) == (
        "INQ-1", "3212.32", "3120.45")
    assert sync_status() == "synced"


def test_a_500_is_retried_with_the_same_delivery_id_and_then_synced(database: str, set_env: SetEnv) -> None:
    with webhook_receiver(500, 200) as receiver:
        portal(set_env, receiver)
        outbox_id = webhook_id(apply_one())
        first = outbox.deliver(outbox_id, get_settings())
        assert (first.status, first.retry_in) == ("pending", 0.05)
        assert "500" in (entry(outbox_id).last_error or "")
        make_due(outbox_id)
        second = outbox.deliver(outbox_id, get_settings())
    assert second.status == "delivered"
    assert [p.headers[outbox.DELIVERY_HEADER.lower()] for p in receiver.posts] == [entry(outbox_id).delivery_id] * 2
    assert receiver.posts[0].body == receiver.posts[1].body
    assert (entry(outbox_id).attempts, sync_status()) == (2, "synced")


def test_a_delivered_change_is_never_posted_again(database: str, set_env: SetEnv) -> None:
    with webhook_receiver(200) as receiver:
        portal(set_env, receiver)
        outbox_id = webhook_id(apply_one())
        outbox.deliver(outbox_id, get_settings())
        make_due(outbox_id)
        again = outbox.deliver(outbox_id, get_settings())
    assert again.status == "skipped"
    assert len(receiver.posts) == 1


def test_the_actor_retries_after_a_500_with_backoff(database: str, set_env: SetEnv, stub_worker: Worker) -> None:
    with webhook_receiver(500, 500, 200) as receiver:
        portal(set_env, receiver)
        outcome = apply_one()
        assert matching_stage.after_commit(outcome) == len(outcome.outbox_ids)
        drain(stub_worker)
    assert len(receiver.posts) == 3
    assert entry(webhook_id(outcome)).status == "delivered"
    assert sync_status() == "synced"


def test_used_up_attempts_mark_the_sync_failed_and_the_tick_retries_later(database: str, set_env: SetEnv) -> None:
    with webhook_receiver(500, 500, 200) as receiver:
        portal(set_env, receiver, outbox_max_attempts=2)
        outbox_id = webhook_id(apply_one())
        outbox.deliver(outbox_id, get_settings())
        make_due(outbox_id)
        final = outbox.deliver(outbox_id, get_settings())
        assert (final.status, final.retry_in, sync_status()) == ("failed", None, "failed")
        queue.get_broker().flush_all()
        assert outbox.retry_due(get_settings()) == []  # not due yet
        make_due(outbox_id)
        assert outbox.retry_due(get_settings()) == [outbox_id]
        assert (outbox_id,) in queued_message_args()
        assert outbox.deliver(outbox_id, get_settings()).status == "delivered"
        queue.get_broker().flush_all()
    assert sync_status() == "synced"


def test_a_delivery_stuck_in_flight_is_picked_up_by_the_tick(database: str, set_env: SetEnv) -> None:
    with webhook_receiver(200) as receiver:
        portal(set_env, receiver)
        outbox_id = webhook_id(apply_one())
        with session_scope() as session:
            session.execute(update(OutboxMessage).where(OutboxMessage.id == outbox_id)
                            .values(status="sending", lease_expires_at=utcnow() - timedelta(seconds=1)))
        queue.get_broker().flush_all()
        assert outbox.retry_due(get_settings()) == [outbox_id]
        queue.get_broker().flush_all()
        assert outbox.deliver(outbox_id, get_settings()).status == "delivered"


def test_the_case_handler_gets_one_german_mail_per_change(database: str, set_env: SetEnv) -> None:
    with running_smtp_server() as server:
        set_env(smtp_host=server.host, smtp_port=server.port, smtp_starttls="false", smtp_from="cm@kanzlei.example")
        outcome = apply_one()
        [mail_id] = outcome.outbox_ids  # no portal URL set: mail only
        assert outbox.deliver(mail_id, get_settings()).status == "delivered"
        make_due(mail_id)
        assert outbox.deliver(mail_id, get_settings()).status == "skipped"
    [received] = server.messages
    assert received.rcpt_tos == ("sb@kanzlei.example",)
    assert received.message["Subject"].startswith("Forderung aktualisiert: Jürgen Weißbach")
    text = received.message.get_content()
    assert "Bisher:  3.120,45 EUR" in text and "Neu:     3.212,32 EUR" in text
    assert entry(mail_id).status == "delivered"


def test_a_failed_mail_is_recorded_and_never_fails_the_job(database: str, set_env: SetEnv) -> None:
    with refusing_port() as port:
        set_env(smtp_host="127.0.0.1", smtp_port=port, smtp_starttls="false", smtp_timeout_seconds=2)
        outcome = apply_one()
        [mail_id] = outcome.outbox_ids
        result = outbox.deliver(mail_id, get_settings())
    assert result.status == "pending" and result.retry_in is not None
    assert "connect" in (entry(mail_id).last_error or "")
    with session_scope() as session:
        job = session.scalars(select(IncomingEmail)).one()
        assert job.processing_status == "processing" and job.sync_status is None
