"""a job's searched text in a side table that status moves never rewrite (job_search_texts), its trigram index there

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 10:00:00.000000

0012 indexed the searched text (a job's text fields joined by chr(31)) with trigrams on incoming_emails itself.
Every row version of a job gets its own index entries, and a job is written many times: `received` and the
batched `queued` mark at ingest, then processing, completed, retries. Measured with bench/ingest.py, that index
alone cost about a quarter of PostgreSQL's CPU per webhook (0.39-0.41 against 0.29-0.30 ms with it dropped).

Now the text lives in job_search_texts (one row per job, deleted with it) and the trigram index is there. The
rows are written by triggers, whoever writes the job (as 0005's counters are): on PostgreSQL one statement-level
trigger per INSERT statement writes the texts of all the rows it inserted (the ingest batch stays one statement,
one round trip), and a row trigger rewrites a job's text only when an UPDATE sets one of the searched columns and
the text it gives is different (extraction's client name and references arrive with `completed`); a status move
sets none of them and fires nothing. SQLite (the embedded default) has the same table and triggers, without the
index. The rows of existing jobs are filled in here: the triggers are created first, in this transaction, so no
job written meanwhile is missed (PostgreSQL: CREATE TRIGGER holds off writers of incoming_emails until the
commit). On SQLite a later batch migration that recreates incoming_emails drops these triggers: it must create
them again (SQLITE_TRIGGERS) and refill the table (BACKFILL).

Measured (session 9, bench/search_side_sql.py: what ingest and a worker send PostgreSQL per job, 0012 and this
in turn, six pairs on a busy 2-core box): PostgreSQL's CPU per ingested job 0.81-0.93 of 0012's (median 0.84), the
worker's statements 0.85-1.14 (median 0.96, noise); the searches stay index scans and take about as long.

The trigram index needs pg_trgm, as in 0012 (created here if it may be, in a savepoint; else a warning and the
search reads the side table, which is still far smaller than the jobs). A busy installation can build it
beforehand by hand (CREATE INDEX CONCURRENTLY under the same name, after the table exists), and drop 0012's index
likewise; `IF EXISTS` / `IF NOT EXISTS` keep that work. The way down builds 0012's index on the jobs again, a
plain build that holds off writers of incoming_emails meanwhile (build it CONCURRENTLY by hand first on a large one).
"""

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from alembic import op

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("alembic.runtime.migration")


def job_text(row: str) -> str:
    """0012's JOB_TEXT (services/job_search.py's JOB_TEXT_SQL), over the columns of `row` (e.g. "NEW.")."""
    return (
        f"coalesce({row}from_email, '') || chr(31) || coalesce({row}from_name, '') || chr(31) || "
        f"coalesce({row}subject, '') || chr(31) || coalesce(CAST({row}to_addresses AS VARCHAR), '') || chr(31) || "
        f"coalesce({row}extracted_data #>> '{{extraction,client_name}}', '') || chr(31) || "
        f"coalesce({row}extracted_data #>> '{{extraction,firm_reference}}', '') || chr(31) || "
        f"coalesce({row}extracted_data #>> '{{extraction,creditor_reference}}', '')"
    )


def sqlite_job_text(row: str) -> str:
    """The same text as SQLite builds it (services/job_search.py's joined fields there)."""
    return (
        f"coalesce({row}from_email, '') || char(31) || coalesce({row}from_name, '') || char(31) || "
        f"coalesce({row}subject, '') || char(31) || coalesce(CAST({row}to_addresses AS VARCHAR), '') || char(31) || "
        f"coalesce(json_extract({row}extracted_data, '$.extraction.client_name'), '') || char(31) || "
        f"coalesce(json_extract({row}extracted_data, '$.extraction.firm_reference'), '') || char(31) || "
        f"coalesce(json_extract({row}extracted_data, '$.extraction.creditor_reference'), '')"
    )


# The columns the text is made of: an UPDATE that sets none of them (every status move) fires no trigger. On
# PostgreSQL extracted_data is left to the one statement that writes it, the worker's completion (services/jobs.py
# `complete`), which writes the text in the same statement: a row trigger there cost PostgreSQL about 120 µs per
# completion (60 µs of it firing a trigger at all), the statement's own upsert half that.
SEARCHED_COLUMNS = "from_email, from_name, subject, to_addresses, extracted_data"
POSTGRES_TRIGGERED_COLUMNS = "from_email, from_name, subject, to_addresses"

POSTGRES_FUNCTIONS = (
    f"""CREATE FUNCTION job_search_texts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO job_search_texts (email_id, search_text) SELECT id, {job_text("")} FROM inserted_jobs;
    RETURN NULL;
END $$""",
    f"""CREATE FUNCTION job_search_texts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO job_search_texts AS t (email_id, search_text) VALUES (NEW.id, {job_text("NEW.")})
    ON CONFLICT (email_id) DO UPDATE SET search_text = EXCLUDED.search_text;
    RETURN NULL;
END $$""",
)
POSTGRES_TRIGGERS = (
    "CREATE TRIGGER job_search_texts_insert AFTER INSERT ON incoming_emails "
    "REFERENCING NEW TABLE AS inserted_jobs FOR EACH STATEMENT EXECUTE FUNCTION job_search_texts_insert()",
    f"CREATE TRIGGER job_search_texts_update AFTER UPDATE OF {POSTGRES_TRIGGERED_COLUMNS} ON incoming_emails "
    f"FOR EACH ROW WHEN (({job_text('OLD.')}) IS DISTINCT FROM ({job_text('NEW.')})) "
    "EXECUTE FUNCTION job_search_texts_update()",
)
SQLITE_TRIGGERS = (
    f"""CREATE TRIGGER job_search_texts_insert AFTER INSERT ON incoming_emails BEGIN
        INSERT INTO job_search_texts (email_id, search_text) VALUES (NEW.id, {sqlite_job_text("NEW.")});
    END""",
    f"""CREATE TRIGGER job_search_texts_update AFTER UPDATE OF {SEARCHED_COLUMNS} ON incoming_emails
    WHEN ({sqlite_job_text("OLD.")}) IS NOT ({sqlite_job_text("NEW.")}) BEGIN
        INSERT INTO job_search_texts (email_id, search_text) VALUES (NEW.id, {sqlite_job_text("NEW.")})
        ON CONFLICT (email_id) DO UPDATE SET search_text = excluded.search_text;
    END""",
)
TRIGGER_NAMES = ("job_search_texts_insert", "job_search_texts_update")
BACKFILL = {
    "postgresql": f"INSERT INTO job_search_texts (email_id, search_text) "
                  f"SELECT id, {job_text('')} FROM incoming_emails",
    "sqlite": f"INSERT INTO job_search_texts (email_id, search_text) "
              f"SELECT id, {sqlite_job_text('')} FROM incoming_emails",
}

# 512 kB of pending list, as 0012 found for the jobs' index: a 4 MB merge held an ingest batch for tens of ms.
TRIGRAM_INDEX = ("CREATE INDEX IF NOT EXISTS ix_job_search_texts_search_text ON job_search_texts "
                 "USING gin (search_text gin_trgm_ops) WITH (gin_pending_list_limit = 512)")
# 0012's index on the jobs themselves, dropped here and built again on the way down.
OLD_INDEX = (f"CREATE INDEX IF NOT EXISTS ix_incoming_emails_search_text ON incoming_emails "
             f"USING gin (({job_text('')}) gin_trgm_ops) WITH (gin_pending_list_limit = 512)")


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
    op.create_table(
        "job_search_texts",
        sa.Column("email_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["email_id"], ["incoming_emails.id"],
                                name=op.f("fk_job_search_texts_email_id_incoming_emails"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("email_id", name=op.f("pk_job_search_texts")),
    )
    dialect = op.get_bind().dialect.name
    postgres = dialect == "postgresql"
    for statement in (*POSTGRES_FUNCTIONS, *POSTGRES_TRIGGERS) if postgres else SQLITE_TRIGGERS:
        op.execute(statement)
    op.execute(BACKFILL["postgresql" if postgres else "sqlite"])
    if postgres:
        op.execute("DROP INDEX IF EXISTS ix_incoming_emails_search_text")
        if _has_trigrams():
            op.execute(TRIGRAM_INDEX)


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for name in TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + (" ON incoming_emails" if postgres else ""))
    if postgres:
        for name in TRIGGER_NAMES:
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
        if op.get_bind().scalar(text("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")):
            op.execute(OLD_INDEX)
    op.drop_table("job_search_texts")
