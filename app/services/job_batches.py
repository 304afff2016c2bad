"""services/job_batches.py — jobs.py's batch writers for ingest: many new jobs stored as `received`, each with
its first history event, and many moved received → queued, each a conditional change with its event.

The same rules as services/jobs.py (which delegates here): a status moves only from the states it may move
from, and every move leaves its event in the same transaction."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import insert, text, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.postgresql.psycopg import dialect as psycopg_dialect
from sqlalchemy.orm import Session

from app.models import DEFAULT_FIRM_ID, IncomingEmail, JobEvent, ProcessingStatus, utcnow

S = ProcessingStatus

_TEXT_COLUMNS = ("dedup_key", "zendesk_ticket_id", "zendesk_webhook_id", "message_id", "in_reply_to",
                 "from_email", "from_name", "subject", "body_text", "body_html")
_JSON_COLUMNS = ("to_addresses", "cc_addresses", "attachment_urls", "extra_fields")
# PostgreSQL: every row of a batch and each one's first event in one statement whose text never changes
# (the rows as one JSON array, encoded in C rather than as one array parameter per column), so it is
# parsed once per connection however many rows come.
_INSERT_RECEIVED = text(f"""
WITH given AS (
    SELECT * FROM jsonb_to_recordset(CAST(:rows AS jsonb))
        AS given({", ".join(f"{name} text" for name in _TEXT_COLUMNS)},
                 {", ".join(f"{name} jsonb" for name in _JSON_COLUMNS)}, received_at timestamptz, firm_id integer,
                 note text)
), inserted AS (
    INSERT INTO incoming_emails ({", ".join((*_TEXT_COLUMNS, *_JSON_COLUMNS))}, received_at, firm_id,
                                 processing_status, status_changed_at, created_at, updated_at, retry_count,
                                 attempt_count)
    SELECT {", ".join((*_TEXT_COLUMNS, *_JSON_COLUMNS))}, received_at, firm_id, :received, :now, :now, :now, 0, 0
    FROM given
    ON CONFLICT (dedup_key) DO NOTHING
    RETURNING id, dedup_key, firm_id
), first_events AS (
    INSERT INTO job_events (email_id, firm_id, at, kind, to_status, message)
    SELECT inserted.id, inserted.firm_id, :now, 'status', :received, given.note
    FROM inserted JOIN given USING (dedup_key)
)
SELECT id, dedup_key FROM inserted
""")


def received_parameters(rows: list[tuple[dict[str, Any], str]], now: datetime) -> dict[str, Any]:
    """The PostgreSQL statement's parameters for `rows`."""
    given = [{**{name: values[name] for name in (*_TEXT_COLUMNS, *_JSON_COLUMNS)},
              "received_at": values["received_at"].isoformat(), "firm_id": values.get("firm_id", DEFAULT_FIRM_ID),
              "note": note} for values, note in rows]
    return {"rows": json.dumps(given), "now": now, "received": S.RECEIVED.value}


def insert_received_many(session: Session, rows: list[tuple[dict[str, Any], str]]) -> dict[str, int]:
    """Insert new jobs as `received`, each with its first history event (`message`), and return
    {dedup_key: id} for the rows this call wrote; a key stored already is skipped (ON CONFLICT DO
    NOTHING) and absent from the answer. On PostgreSQL one statement, one round trip, for the whole
    batch; elsewhere a multi-row INSERT … RETURNING for the jobs and one for their events."""
    now = utcnow()
    if session.get_bind().dialect.name == "postgresql":
        answer = session.execute(_INSERT_RECEIVED, received_parameters(rows, now))
        return {key: new_id for new_id, key in answer}
    statement = (sqlite.insert(IncomingEmail)
                 .on_conflict_do_nothing(index_elements=[IncomingEmail.dedup_key])
                 .returning(IncomingEmail.id, IncomingEmail.dedup_key))
    connection = session.connection()
    written: dict[str, int] = {key: new_id for new_id, key in connection.execute(statement, [
        {**values, "processing_status": S.RECEIVED.value, "status_changed_at": now, "created_at": now,
         "updated_at": now} for values, _ in rows])}
    messages = {values["dedup_key"]: message for values, message in rows}
    if written:
        connection.execute(insert(JobEvent), [
            {"email_id": new_id, "at": now, "kind": "status", "from_status": None, "to_status": S.RECEIVED.value,
             "attempt": None, "message": messages[key], "details": None} for key, new_id in written.items()])
    return written


_MARK_QUEUED = text("""
WITH moved AS (
    UPDATE incoming_emails SET processing_status = :queued, status_changed_at = :now, updated_at = :now
    WHERE id = ANY(:ids) AND processing_status = :received
    RETURNING id
), events AS (
    INSERT INTO job_events (email_id, at, kind, from_status, to_status, message)
    SELECT id, :now, 'status', :received, :queued, :reason FROM moved
)
SELECT id FROM moved
""")


def queued_parameters(email_ids: list[int], reason: str = "enqueued") -> dict[str, Any]:
    return {"ids": email_ids, "now": utcnow(), "reason": reason, "queued": S.QUEUED.value,
            "received": S.RECEIVED.value}


def mark_queued_many(session: Session, email_ids: list[int], reason: str = "enqueued") -> list[int]:
    """received → queued for each job the broker has (one a worker took already stays as it is), with
    its history event; the ids this call moved. One statement on PostgreSQL, two elsewhere."""
    if session.get_bind().dialect.name == "postgresql":
        return list(session.scalars(_MARK_QUEUED, queued_parameters(email_ids, reason)))
    moved = list(session.scalars(
        update(IncomingEmail)
        .where(IncomingEmail.id.in_(email_ids), IncomingEmail.processing_status == S.RECEIVED.value)
        .values(processing_status=S.QUEUED.value, status_changed_at=utcnow())
        .returning(IncomingEmail.id)
        .execution_options(synchronize_session=False)
    ))
    if moved:
        at = utcnow()
        session.execute(insert(JobEvent), [
            {"email_id": email_id, "at": at, "kind": "status", "from_status": S.RECEIVED.value,
             "to_status": S.QUEUED.value, "message": reason} for email_id in moved])
    return moved


# The same two PostgreSQL statements in psycopg's own parameter style, for a connection outside SQLAlchemy
# (the web process's async ingest connection, services/intake_batch.py).
INSERT_RECEIVED_SQL = str(_INSERT_RECEIVED.compile(dialect=psycopg_dialect()))
MARK_QUEUED_SQL = str(_MARK_QUEUED.compile(dialect=psycopg_dialect()))
