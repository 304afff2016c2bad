"""job counters without shared row locks on PostgreSQL: the triggers append deltas, the web process folds them

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 19:00:00.000000

With 0005's triggers every insert, move and delete of a job updated a counter row; two statements moving
several jobs each (two web processes' ingest batches) could take those rows in opposite orders and
deadlock. Now the PostgreSQL triggers only INSERT into job_status_deltas, which locks nothing another
writer waits for; readers add the pending deltas to the counters, and `job_pages.fold_deltas` (a scheduler
tick in the web process, every few seconds) moves them into the counters in one statement, taking the
counter rows in status order. SQLite keeps 0005's triggers (one writer at a time cannot deadlock).
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPENDING = """
CREATE OR REPLACE FUNCTION job_status_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO job_status_deltas (status, delta) VALUES (NEW.processing_status, 1);
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO job_status_deltas (status, delta) VALUES (OLD.processing_status, -1);
    ELSE
        INSERT INTO job_status_deltas (status, delta)
        VALUES (OLD.processing_status, -1), (NEW.processing_status, 1);
    END IF;
    RETURN NULL;
END $$
"""
# 0005's function, restored on the way down (shards of 16, rows taken in status order per move).
SHARDS = 16
UPDATING = f"""
CREATE OR REPLACE FUNCTION job_status_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
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
FOLD = """
WITH folded AS (DELETE FROM job_status_deltas RETURNING status, delta)
INSERT INTO job_status_counts AS c (status, shard, count)
SELECT status, 0, sum(delta) FROM folded GROUP BY status ORDER BY status
ON CONFLICT (status, shard) DO UPDATE SET count = c.count + EXCLUDED.count
"""


def upgrade() -> None:
    op.create_table(
        "job_status_deltas",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("delta", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_status_deltas")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(APPENDING)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(UPDATING)
        op.execute(FOLD)
    op.drop_table("job_status_deltas")
