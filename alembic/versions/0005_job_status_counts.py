"""jobs per state as counters kept by triggers (job_status_counts), indexes for newest-first keyset pages

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 16:00:00.000000

The triggers count every insert, status change and delete of incoming_emails in the same transaction,
whichever code (or SQL) writes the row. A job is counted in shard `id % 16` of its status; a status move
touches its two counter rows in the order of the status names, so two moves never wait on each other in
opposite orders. On a large PostgreSQL table the new indexes take a while to build (plain CREATE INDEX
locks writes meanwhile; build them CONCURRENTLY by hand first in a busy installation).
On SQLite a later batch migration that recreates incoming_emails (copy-and-move) drops these triggers:
such a migration must create them again (SQLITE_TRIGGERS below) and rebuild the counters (BACKFILL).
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SHARDS = 16

POSTGRES_FUNCTION = f"""
CREATE FUNCTION job_status_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO job_status_counts AS c (status, shard, count)
        VALUES (NEW.processing_status, NEW.id % {SHARDS}, 1)
        ON CONFLICT (status, shard) DO UPDATE SET count = c.count + 1;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE job_status_counts SET count = count - 1
        WHERE status = OLD.processing_status AND shard = OLD.id % {SHARDS};
    ELSE
        UPDATE job_status_counts SET count = count - 1
        WHERE status = OLD.processing_status AND shard = OLD.id % {SHARDS}
          AND OLD.processing_status < NEW.processing_status;
        INSERT INTO job_status_counts AS c (status, shard, count)
        VALUES (NEW.processing_status, NEW.id % {SHARDS}, 1)
        ON CONFLICT (status, shard) DO UPDATE SET count = c.count + 1;
        UPDATE job_status_counts SET count = count - 1
        WHERE status = OLD.processing_status AND shard = OLD.id % {SHARDS}
          AND OLD.processing_status > NEW.processing_status;
    END IF;
    RETURN NULL;
END $$
"""
POSTGRES_TRIGGERS = (
    "CREATE TRIGGER job_status_counts_insert AFTER INSERT ON incoming_emails "
    "FOR EACH ROW EXECUTE FUNCTION job_status_counts_track()",
    "CREATE TRIGGER job_status_counts_move AFTER UPDATE OF processing_status ON incoming_emails "
    "FOR EACH ROW WHEN (OLD.processing_status IS DISTINCT FROM NEW.processing_status) "
    "EXECUTE FUNCTION job_status_counts_track()",
    "CREATE TRIGGER job_status_counts_delete AFTER DELETE ON incoming_emails "
    "FOR EACH ROW EXECUTE FUNCTION job_status_counts_track()",
)
SQLITE_TRIGGERS = (
    f"""CREATE TRIGGER job_status_counts_insert AFTER INSERT ON incoming_emails BEGIN
        INSERT INTO job_status_counts (status, shard, count) VALUES (NEW.processing_status, NEW.id % {SHARDS}, 1)
        ON CONFLICT (status, shard) DO UPDATE SET count = count + 1;
    END""",
    f"""CREATE TRIGGER job_status_counts_move AFTER UPDATE OF processing_status ON incoming_emails
    WHEN OLD.processing_status IS NOT NEW.processing_status BEGIN
        UPDATE job_status_counts SET count = count - 1
        WHERE status = OLD.processing_status AND shard = OLD.id % {SHARDS};
        INSERT INTO job_status_counts (status, shard, count) VALUES (NEW.processing_status, NEW.id % {SHARDS}, 1)
        ON CONFLICT (status, shard) DO UPDATE SET count = count + 1;
    END""",
    f"""CREATE TRIGGER job_status_counts_delete AFTER DELETE ON incoming_emails BEGIN
        UPDATE job_status_counts SET count = count - 1
        WHERE status = OLD.processing_status AND shard = OLD.id % {SHARDS};
    END""",
)
BACKFILL = (f"INSERT INTO job_status_counts (status, shard, count) "
            f"SELECT processing_status, id % {SHARDS}, count(*) FROM incoming_emails GROUP BY 1, 2")


def upgrade() -> None:
    op.create_table('job_status_counts',
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('shard', sa.Integer(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('status', 'shard', name=op.f('pk_job_status_counts'))
    )
    with op.batch_alter_table('incoming_emails', schema=None) as batch_op:
        batch_op.drop_index('ix_incoming_emails_status_received')
        batch_op.create_index('ix_incoming_emails_status_received', ['processing_status', 'received_at', 'id'],
                              unique=False)
        batch_op.create_index('ix_incoming_emails_received_id', ['received_at', 'id'], unique=False)
        batch_op.create_index('ix_incoming_emails_status_id', ['processing_status', 'id'], unique=False)
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        op.execute("LOCK TABLE incoming_emails IN SHARE ROW EXCLUSIVE MODE")  # no move between backfill and triggers
        op.execute(POSTGRES_FUNCTION)
    for statement in POSTGRES_TRIGGERS if postgres else SQLITE_TRIGGERS:
        op.execute(statement)
    op.execute(BACKFILL)


def downgrade() -> None:
    for name in ('job_status_counts_insert', 'job_status_counts_move', 'job_status_counts_delete'):
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + (" ON incoming_emails"
                                                     if op.get_bind().dialect.name == "postgresql" else ""))
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS job_status_counts_track()")
    with op.batch_alter_table('incoming_emails', schema=None) as batch_op:
        batch_op.drop_index('ix_incoming_emails_status_id')
        batch_op.drop_index('ix_incoming_emails_received_id')
        batch_op.drop_index('ix_incoming_emails_status_received')
        batch_op.create_index('ix_incoming_emails_status_received', ['processing_status', 'received_at'],
                              unique=False)
    op.drop_table('job_status_counts')
