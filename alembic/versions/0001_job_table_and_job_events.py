"""job table (incoming_emails) and its history (job_events)

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23 11:04:25.232908
"""

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from alembic import op

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TIMESTAMP = sa.DateTime(timezone=True)

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('incoming_emails',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('dedup_key', sa.String(length=128), nullable=False),
    sa.Column('zendesk_ticket_id', sa.String(length=64), nullable=False),
    sa.Column('zendesk_webhook_id', sa.String(length=128), nullable=True),
    sa.Column('message_id', sa.String(length=512), nullable=True),
    sa.Column('in_reply_to', sa.String(length=512), nullable=True),
    sa.Column('from_email', sa.String(length=320), nullable=False),
    sa.Column('from_name', sa.String(length=320), nullable=True),
    sa.Column('to_addresses', JSON, nullable=False),
    sa.Column('cc_addresses', JSON, nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('body_text', sa.Text(), nullable=True),
    sa.Column('body_html', sa.Text(), nullable=True),
    sa.Column('attachment_urls', JSON, nullable=False),
    sa.Column('extra_fields', JSON, nullable=False),
    sa.Column('received_at', TIMESTAMP, nullable=False),
    sa.Column('created_at', TIMESTAMP, nullable=False),
    sa.Column('updated_at', TIMESTAMP, nullable=False),
    sa.Column('started_at', TIMESTAMP, nullable=True),
    sa.Column('completed_at', TIMESTAMP, nullable=True),
    sa.Column('processing_status', sa.String(length=16), nullable=False),
    sa.Column('processing_error', sa.Text(), nullable=True),
    sa.Column('retry_count', sa.Integer(), nullable=False),
    sa.Column('attempt_count', sa.Integer(), nullable=False),
    sa.Column('status_changed_at', TIMESTAMP, nullable=False),
    sa.Column('available_at', TIMESTAMP, nullable=True),
    sa.Column('lease_owner', sa.String(length=128), nullable=True),
    sa.Column('lease_expires_at', TIMESTAMP, nullable=True),
    sa.Column('extracted_data', JSON, nullable=True),
    sa.Column('match_status', sa.String(length=32), nullable=True),
    sa.Column('match_confidence', sa.Float(), nullable=True),
    sa.Column('sync_status', sa.String(length=16), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incoming_emails')),
    sa.UniqueConstraint('dedup_key', name=op.f('uq_incoming_emails_dedup_key'))
    )
    with op.batch_alter_table('incoming_emails', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incoming_emails_from_email'), ['from_email'], unique=False)
        batch_op.create_index(
            'ix_incoming_emails_status_changed', ['processing_status', 'status_changed_at'], unique=False
        )
        batch_op.create_index('ix_incoming_emails_status_received', ['processing_status', 'received_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_incoming_emails_zendesk_ticket_id'), ['zendesk_ticket_id'], unique=False)

    op.create_table('job_events',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('email_id', sa.Integer(), nullable=False),
    sa.Column('at', TIMESTAMP, nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('from_status', sa.String(length=16), nullable=True),
    sa.Column('to_status', sa.String(length=16), nullable=True),
    sa.Column('attempt', sa.Integer(), nullable=True),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('details', JSON, nullable=True),
    sa.ForeignKeyConstraint(
        ['email_id'], ['incoming_emails.id'],
        name=op.f('fk_job_events_email_id_incoming_emails'), ondelete='CASCADE',
    ),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_events'))
    )
    with op.batch_alter_table('job_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_job_events_email_id'), ['email_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('job_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_job_events_email_id'))

    op.drop_table('job_events')
    with op.batch_alter_table('incoming_emails', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incoming_emails_zendesk_ticket_id'))
        batch_op.drop_index('ix_incoming_emails_status_received')
        batch_op.drop_index('ix_incoming_emails_status_changed')
        batch_op.drop_index(batch_op.f('ix_incoming_emails_from_email'))

    op.drop_table('incoming_emails')
