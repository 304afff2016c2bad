"""bench/fault_checks.py — after a fault run, what the database (and the sinks) must show: every
accepted email one row and completed once, every claim change written once, every outbox entry
and alert once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import psycopg

# name → SQL returning one number that must be 0.
ZERO_QUERIES: dict[str, str] = {
    "emails_not_completed": "SELECT count(*) FROM incoming_emails WHERE processing_status <> 'completed'",
    "emails_completed_twice": """
        SELECT count(*) FROM (SELECT email_id FROM job_events WHERE kind = 'status' AND to_status = 'completed'
                              GROUP BY email_id HAVING count(*) > 1) AS twice""",
    "completed_without_event": """
        SELECT count(*) FROM incoming_emails e WHERE e.processing_status = 'completed' AND NOT EXISTS (
            SELECT 1 FROM job_events j WHERE j.email_id = e.id AND j.kind = 'status' AND j.to_status = 'completed')""",
    "claim_changes_doubled": """
        SELECT count(*) FROM (SELECT claim_id, source_email_id FROM claim_history WHERE source_email_id IS NOT NULL
                              GROUP BY claim_id, source_email_id HAVING count(*) > 1) AS twice""",
    "claim_versions_not_contiguous": """
        SELECT count(*) FROM claims c WHERE c.version + 1 <> (SELECT count(DISTINCT h.version) FROM claim_history h
                                                              WHERE h.claim_id = c.id)
           OR c.version + 1 <> (SELECT count(*) FROM claim_history h WHERE h.claim_id = c.id)""",
    "claim_not_from_latest_applied_reply": """
        SELECT count(*) FROM claims c JOIN incoming_emails src ON src.id = c.source_email_id
        WHERE EXISTS (SELECT 1 FROM claim_history h JOIN incoming_emails e ON e.id = h.source_email_id
                      WHERE h.claim_id = c.id AND h.actor_kind = 'system' AND e.received_at > src.received_at)""",
    "reviews_doubled": """
        SELECT count(*) FROM (SELECT email_id FROM reviews GROUP BY email_id HAVING count(*) > 1) AS twice""",
    "outbox_entries_doubled": """
        SELECT count(*) FROM (SELECT claim_history_id, channel FROM outbox
                              GROUP BY claim_history_id, channel HAVING count(*) > 1) AS twice""",
    "applied_changes_without_webhook_entry": """
        SELECT count(*) FROM claim_history h WHERE h.actor_kind = 'system' AND NOT EXISTS (
            SELECT 1 FROM outbox o WHERE o.claim_history_id = h.id AND o.channel = 'webhook')""",
    "outbox_not_delivered": "SELECT count(*) FROM outbox WHERE status <> 'delivered'",
}

COUNT_QUERIES: dict[str, str] = {
    "emails": "SELECT count(*) FROM incoming_emails",
    "claim_changes_by_replies": "SELECT count(*) FROM claim_history WHERE actor_kind = 'system'",
    "replies_superseded": "SELECT count(*) FROM job_events WHERE kind = 'claim_superseded'",
    "reviews_opened": "SELECT count(*) FROM reviews",
    "outbox_webhook_delivered": "SELECT count(*) FROM outbox WHERE channel = 'webhook' AND status = 'delivered'",
    "outbox_email_delivered": "SELECT count(*) FROM outbox WHERE channel = 'email' AND status = 'delivered'",
    "failed_jobs": "SELECT count(*) FROM incoming_emails WHERE processing_status = 'failed'",
    "requeued_by_sweeper": "SELECT count(*) FROM job_events WHERE kind = 'requeued'",
    "attempts_failed": "SELECT count(*) FROM job_events WHERE kind = 'attempt_failed'",
    "max_attempts_of_one_email": "SELECT coalesce(max(attempt_count), 0) FROM incoming_emails",
}


def psycopg_url(sqlalchemy_url: str) -> str:
    return sqlalchemy_url.replace("postgresql+psycopg://", "postgresql://", 1)


def progress(database_url: str) -> dict[str, int]:
    """Jobs per status and outbox entries not yet delivered (for the wait loop)."""
    with psycopg.connect(psycopg_url(database_url), connect_timeout=3) as conn:
        rows = conn.execute("SELECT processing_status, count(*) FROM incoming_emails GROUP BY 1").fetchall()
        pending = conn.execute("SELECT count(*) FROM outbox WHERE status <> 'delivered'").fetchone()
    counts = {str(status): int(n) for status, n in rows}
    counts["outbox_open"] = int(pending[0]) if pending else 0
    return counts


@dataclass(frozen=True)
class Verdict:
    violations: dict[str, int]
    counts: dict[str, int]

    @property
    def ok(self) -> bool:
        return not any(self.violations.values())


def check(database_url: str, accepted: dict[str, int], sinks: dict[str, dict[str, int]]) -> Verdict:
    """`accepted`: webhook id → the email id the service answered with."""
    with psycopg.connect(psycopg_url(database_url)) as conn:
        violations = {name: _one(conn, sql) for name, sql in ZERO_QUERIES.items()}
        counts = {name: _one(conn, sql) for name, sql in COUNT_QUERIES.items()}
        rows = conn.execute("SELECT zendesk_webhook_id, count(*), min(id) FROM incoming_emails "
                            "GROUP BY zendesk_webhook_id").fetchall()
    stored = {str(webhook): (int(n), int(first)) for webhook, n, first in rows}
    violations["accepted_emails_missing"] = sum(1 for webhook in accepted if webhook not in stored)
    violations["accepted_emails_doubled"] = sum(1 for n, _ in stored.values() if n > 1)
    violations["answered_id_differs_from_row"] = sum(
        1 for webhook, email_id in accepted.items() if webhook in stored and stored[webhook][1] != email_id)
    violations["rows_never_accepted"] = sum(1 for webhook in stored if webhook not in accepted)
    portal, mailbox = sinks["portal"], sinks["mailbox"]
    violations["portal_changes_with_two_delivery_ids"] = portal["changes_with_two_delivery_ids"]
    violations["portal_deliveries_missing"] = max(counts["outbox_webhook_delivered"] - portal["distinct_deliveries"], 0)
    violations["mail_changes_with_two_message_ids"] = mailbox["update_changes_with_two_message_ids"]
    violations["update_mails_missing"] = max(counts["outbox_email_delivered"] - len_distinct(mailbox), 0)
    violations["alerts_doubled"] = mailbox["alerts_doubled"]
    violations["alerts_without_failed_job"] = max(mailbox["alerts"] - counts["failed_jobs"], 0)
    return Verdict(violations, counts)


def len_distinct(mailbox: dict[str, int]) -> int:
    return mailbox["update_mails"] - mailbox["update_mails_resent_same_id"]


def _one(conn: psycopg.Connection[Any], sql: str) -> int:
    row = conn.execute(sql).fetchone()
    return int(row[0]) if row else 0
