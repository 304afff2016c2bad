"""the jobs search's indexes on PostgreSQL: trigrams over a job's and an inquiry's searched text, the matched inquiry

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 03:00:00.000000

services/job_search.py searches a job's text fields as one text (the fields joined by chr(31)) and an inquiry's
likewise; a GIN trigram index over exactly that text serves `ILIKE '%…%'`, and an expression index serves the
jobs matched to the inquiries found (partial: only jobs matched to an inquiry, so none while a job is under way).
Each status move writes a new row version, and with it new trigram entries: about 20 µs of PostgreSQL's time per
move. A trigram index of settled jobs only was tried and dropped: with many jobs under way (a backlog) the
planner then read the table for a search, 2-9 s at a million rows.

The trigram indexes need the pg_trgm extension (trusted: a database owner may create it). Where the server
lacks it, or this role may not create it, they are left out and the search reads the table as before (a
warning says so); to add them later, create the extension, then the two indexes below by hand. `IF NOT EXISTS`
keeps an index built beforehand by hand (CREATE INDEX CONCURRENTLY under the same name), as a busy
installation should: a plain build blocks writes to the table meanwhile. SQLite (the embedded default) gets
none of them.
"""

import logging
from collections.abc import Sequence

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from alembic import op

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("alembic.runtime.migration")

JOB_TEXT = (
    "coalesce(from_email, '') || chr(31) || coalesce(from_name, '') || chr(31) || coalesce(subject, '') || chr(31) || "
    "coalesce(CAST(to_addresses AS VARCHAR), '') || chr(31) || "
    "coalesce(extracted_data #>> '{extraction,client_name}', '') || chr(31) || "
    "coalesce(extracted_data #>> '{extraction,firm_reference}', '') || chr(31) || "
    "coalesce(extracted_data #>> '{extraction,creditor_reference}', '')"
)
INQUIRY_TEXT = (
    "coalesce(client_name, '') || chr(31) || coalesce(firm_reference, '') || chr(31) || "
    "coalesce(creditor_reference, '') || chr(31) || coalesce(external_id, '')"
)
MATCHED_INQUIRY = "extracted_data #>> '{match,inquiry_id}'"

# A pending list of 512 kB instead of 4 MB: the insert that overflows it merges it into the index, and a 4 MB merge
# held that ingest batch (and the requests waiting on it) for tens of milliseconds; bench/ingest.py's p99 went from
# 57-86 ms to 32-42 ms, against 33-93 ms without the index, in the same runs.
TRIGRAM_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_incoming_emails_search_text ON incoming_emails "
    f"USING gin (({JOB_TEXT}) gin_trgm_ops) WITH (gin_pending_list_limit = 512)",
    f"CREATE INDEX IF NOT EXISTS ix_inquiries_search_text ON inquiries USING gin (({INQUIRY_TEXT}) gin_trgm_ops)",
)
# Only jobs matched to an inquiry (IN (…) implies IS NOT NULL): none while a job is under way.
MATCHED_INQUIRY_INDEX = (
    f"CREATE INDEX IF NOT EXISTS ix_incoming_emails_matched_inquiry ON incoming_emails (({MATCHED_INQUIRY})) "
    f"WHERE ({MATCHED_INQUIRY}) IS NOT NULL"
)


def _has_trigrams() -> bool:
    """pg_trgm is there, or could be created here (in a savepoint: a refusal must not end the migration)."""
    bind = op.get_bind()
    if bind.scalar(text("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")):
        return True
    if not bind.scalar(text("SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'")):
        log.warning("pg_trgm is not available on this server: the jobs search stays without its index")
        return False
    try:
        with bind.begin_nested():
            bind.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except DBAPIError as error:
        log.warning("pg_trgm could not be created (%s): the jobs search stays without its index",
                    str(error.orig).strip())
        return False
    return True


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(MATCHED_INQUIRY_INDEX)
    if _has_trigrams():
        for statement in TRIGRAM_INDEXES:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in ("ix_incoming_emails_search_text", "ix_inquiries_search_text", "ix_incoming_emails_matched_inquiry"):
        op.execute(f"DROP INDEX IF EXISTS {name}")
    # pg_trgm stays: other things in the database may use it, and dropping it needs more rights than using it.
