"""circuit breakers, metric counters, and the outbox's one-alert mark

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 18:00:00.000000

`circuit_breakers`: one row per guarded dependency, shared by the web process and every worker.
`metric_counters`: counters for /metrics written by the process that did the work (a worker's outcomes and
stage timings reach the web process's scrape through the database). `outbox.alerted_at`: set by the one
conditional UPDATE that decides an entry has failed long enough to tell the admin; the (status, created_at)
index finds the oldest undelivered entry without a scan.
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

TIMESTAMP = sa.DateTime(timezone=True)

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('circuit_breakers',
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('retry_at', TIMESTAMP, nullable=True),
    sa.Column('opened_at', TIMESTAMP, nullable=True),
    sa.Column('opened_count', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('changed_at', TIMESTAMP, nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_circuit_breakers'))
    )
    op.create_table('metric_counters',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('labels', sa.String(length=255), nullable=False),
    sa.Column('shard', sa.Integer(), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('name', 'labels', 'shard', name=op.f('pk_metric_counters'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('alerted_at', TIMESTAMP, nullable=True))
        batch_op.create_index('ix_outbox_status_created', ['status', 'created_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_status_created')
        batch_op.drop_column('alerted_at')
    op.drop_table('metric_counters')
    op.drop_table('circuit_breakers')
