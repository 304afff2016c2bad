"""the operator's day: worker heartbeats, service switches (pause), the failed attempt's traceback

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 15:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

TIMESTAMP = sa.DateTime(timezone=True)

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('worker_heartbeats',
    sa.Column('id', sa.String(length=128), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('hostname', sa.String(length=255), nullable=False),
    sa.Column('pid', sa.Integer(), nullable=False),
    sa.Column('threads', sa.Integer(), nullable=False),
    sa.Column('started_at', TIMESTAMP, nullable=False),
    sa.Column('last_seen_at', TIMESTAMP, nullable=False),
    sa.Column('jobs_done', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('worker_heartbeats', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_worker_heartbeats_last_seen_at'), ['last_seen_at'], unique=False)
    op.create_table('service_flags',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('value', sa.String(length=64), nullable=False),
    sa.Column('changed_by', sa.String(length=200), nullable=False),
    sa.Column('changed_at', TIMESTAMP, nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    with op.batch_alter_table('incoming_emails', schema=None) as batch_op:
        batch_op.add_column(sa.Column('error_traceback', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('incoming_emails', schema=None) as batch_op:
        batch_op.drop_column('error_traceback')
    op.drop_table('service_flags')
    with op.batch_alter_table('worker_heartbeats', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_worker_heartbeats_last_seen_at'))
    op.drop_table('worker_heartbeats')
