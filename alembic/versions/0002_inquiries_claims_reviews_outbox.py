"""inquiries (+ search keys), claims with their history, the review queue and the delivery outbox

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 11:20:04.321859
"""

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from alembic import op

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TIMESTAMP = sa.DateTime(timezone=True)

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('inquiries',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('external_id', sa.String(length=64), nullable=False),
    sa.Column('client_name', sa.String(length=200), nullable=False),
    sa.Column('client_birth_date', sa.Date(), nullable=True),
    sa.Column('firm_reference', sa.String(length=64), nullable=False),
    sa.Column('creditor_name', sa.String(length=200), nullable=False),
    sa.Column('creditor_email', sa.String(length=320), nullable=True),
    sa.Column('creditor_reference', sa.String(length=100), nullable=True),
    sa.Column('known_amount', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('sent_at', TIMESTAMP, nullable=True),
    sa.Column('routing_id', sa.String(length=64), nullable=True),
    sa.Column('handler_email', sa.String(length=320), nullable=True),
    sa.Column('firm_reference_key', sa.String(length=64), nullable=False),
    sa.Column('routing_key', sa.String(length=64), nullable=False),
    sa.Column('creditor_reference_key', sa.String(length=100), nullable=True),
    sa.Column('creditor_email_key', sa.String(length=320), nullable=True),
    sa.Column('creditor_domain', sa.String(length=255), nullable=True),
    sa.Column('client_name_key', sa.String(length=200), nullable=False),
    sa.Column('created_at', TIMESTAMP, nullable=False),
    sa.Column('updated_at', TIMESTAMP, nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inquiries')),
    sa.UniqueConstraint('external_id', name=op.f('uq_inquiries_external_id'))
    )
    with op.batch_alter_table('inquiries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inquiries_client_name_key'), ['client_name_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_inquiries_creditor_domain'), ['creditor_domain'], unique=False)
        batch_op.create_index(batch_op.f('ix_inquiries_creditor_email_key'), ['creditor_email_key'], unique=False)
        batch_op.create_index(
            batch_op.f('ix_inquiries_creditor_reference_key'), ['creditor_reference_key'], unique=False
        )
        batch_op.create_index(batch_op.f('ix_inquiries_firm_reference_key'), ['firm_reference_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_inquiries_routing_key'), ['routing_key'], unique=False)

    op.create_table('claims',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('inquiry_id', sa.Integer(), nullable=False),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('components', JSON, nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('source_email_id', sa.Integer(), nullable=True),
    sa.Column('source_received_at', TIMESTAMP, nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.Column('created_at', TIMESTAMP, nullable=False),
    sa.Column('updated_at', TIMESTAMP, nullable=False),
    sa.ForeignKeyConstraint(
        ['inquiry_id'], ['inquiries.id'],
        name=op.f('fk_claims_inquiry_id_inquiries'), ondelete='CASCADE'
    ),
    sa.ForeignKeyConstraint(
        ['source_email_id'], ['incoming_emails.id'],
        name=op.f('fk_claims_source_email_id_incoming_emails'), ondelete='SET NULL'
    ),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claims')),
    sa.UniqueConstraint('inquiry_id', name=op.f('uq_claims_inquiry_id'))
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claims_source_email_id'), ['source_email_id'], unique=False)

    op.create_table('inquiry_name_keys',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('inquiry_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('value', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(
        ['inquiry_id'], ['inquiries.id'],
        name=op.f('fk_inquiry_name_keys_inquiry_id_inquiries'), ondelete='CASCADE'
    ),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inquiry_name_keys'))
    )
    with op.batch_alter_table('inquiry_name_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inquiry_name_keys_inquiry_id'), ['inquiry_id'], unique=False)
        batch_op.create_index('ix_inquiry_name_keys_kind_value', ['kind', 'value'], unique=False)

    op.create_table('reviews',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('email_id', sa.Integer(), nullable=False),
    sa.Column('inquiry_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reasons', JSON, nullable=False),
    sa.Column('intent', sa.String(length=32), nullable=True),
    sa.Column('proposed_amount', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('proposed_components', JSON, nullable=False),
    sa.Column('match_status', sa.String(length=32), nullable=False),
    sa.Column('match_confidence', sa.Float(), nullable=False),
    sa.Column('explanation', JSON, nullable=False),
    sa.Column('created_at', TIMESTAMP, nullable=False),
    sa.Column('decided_by', sa.String(length=200), nullable=True),
    sa.Column('decided_at', TIMESTAMP, nullable=True),
    sa.Column('decision_note', sa.Text(), nullable=True),
    sa.Column('final_inquiry_id', sa.Integer(), nullable=True),
    sa.Column('final_amount', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('claim_history_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(
        ['email_id'], ['incoming_emails.id'],
        name=op.f('fk_reviews_email_id_incoming_emails'), ondelete='CASCADE'
    ),
    sa.ForeignKeyConstraint(
        ['final_inquiry_id'], ['inquiries.id'],
        name=op.f('fk_reviews_final_inquiry_id_inquiries'), ondelete='SET NULL'
    ),
    sa.ForeignKeyConstraint(
        ['inquiry_id'], ['inquiries.id'],
        name=op.f('fk_reviews_inquiry_id_inquiries'), ondelete='SET NULL'
    ),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reviews')),
    sa.UniqueConstraint('email_id', name=op.f('uq_reviews_email_id'))
    )
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reviews_inquiry_id'), ['inquiry_id'], unique=False)
        batch_op.create_index('ix_reviews_status_created', ['status', 'created_at'], unique=False)

    op.create_table('claim_history',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('old_amount', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('new_amount', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('old_components', JSON, nullable=False),
    sa.Column('new_components', JSON, nullable=False),
    sa.Column('old_status', sa.String(length=16), nullable=False),
    sa.Column('new_status', sa.String(length=16), nullable=False),
    sa.Column('source_email_id', sa.Integer(), nullable=True),
    sa.Column('review_id', sa.Integer(), nullable=True),
    sa.Column('actor_kind', sa.String(length=16), nullable=False),
    sa.Column('changed_by', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.String(length=64), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('evidence', JSON, nullable=False),
    sa.Column('at', TIMESTAMP, nullable=False),
    sa.ForeignKeyConstraint(
        ['claim_id'], ['claims.id'],
        name=op.f('fk_claim_history_claim_id_claims'), ondelete='CASCADE'
    ),
    sa.ForeignKeyConstraint(
        ['review_id'], ['reviews.id'],
        name=op.f('fk_claim_history_review_id_reviews'), ondelete='SET NULL'
    ),
    sa.ForeignKeyConstraint(
        ['source_email_id'], ['incoming_emails.id'],
        name=op.f('fk_claim_history_source_email_id_incoming_emails'), ondelete='SET NULL'
    ),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_history'))
    )
    with op.batch_alter_table('claim_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_history_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_history_source_email_id'), ['source_email_id'], unique=False)

    op.create_table('outbox',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('claim_history_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('email_id', sa.Integer(), nullable=True),
    sa.Column('delivery_id', sa.String(length=64), nullable=False),
    sa.Column('target', sa.String(length=500), nullable=False),
    sa.Column('payload', JSON, nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', TIMESTAMP, nullable=False),
    sa.Column('lease_expires_at', TIMESTAMP, nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('delivered_at', TIMESTAMP, nullable=True),
    sa.Column('created_at', TIMESTAMP, nullable=False),
    sa.ForeignKeyConstraint(
        ['claim_history_id'], ['claim_history.id'],
        name=op.f('fk_outbox_claim_history_id_claim_history'), ondelete='CASCADE'
    ),
    sa.ForeignKeyConstraint(
        ['email_id'], ['incoming_emails.id'],
        name=op.f('fk_outbox_email_id_incoming_emails'), ondelete='SET NULL'
    ),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox')),
    sa.UniqueConstraint('claim_history_id', 'channel', name='uq_outbox_claim_history_id_channel'),
    sa.UniqueConstraint('delivery_id', name=op.f('uq_outbox_delivery_id'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_email_id'), ['email_id'], unique=False)
        batch_op.create_index('ix_outbox_status_next_attempt', ['status', 'next_attempt_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_status_next_attempt')
        batch_op.drop_index(batch_op.f('ix_outbox_email_id'))

    op.drop_table('outbox')
    with op.batch_alter_table('claim_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_history_source_email_id'))
        batch_op.drop_index(batch_op.f('ix_claim_history_claim_id'))

    op.drop_table('claim_history')
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.drop_index('ix_reviews_status_created')
        batch_op.drop_index(batch_op.f('ix_reviews_inquiry_id'))

    op.drop_table('reviews')
    with op.batch_alter_table('inquiry_name_keys', schema=None) as batch_op:
        batch_op.drop_index('ix_inquiry_name_keys_kind_value')
        batch_op.drop_index(batch_op.f('ix_inquiry_name_keys_inquiry_id'))

    op.drop_table('inquiry_name_keys')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_source_email_id'))

    op.drop_table('claims')
    with op.batch_alter_table('inquiries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inquiries_routing_key'))
        batch_op.drop_index(batch_op.f('ix_inquiries_firm_reference_key'))
        batch_op.drop_index(batch_op.f('ix_inquiries_creditor_reference_key'))
        batch_op.drop_index(batch_op.f('ix_inquiries_creditor_email_key'))
        batch_op.drop_index(batch_op.f('ix_inquiries_creditor_domain'))
        batch_op.drop_index(batch_op.f('ix_inquiries_client_name_key'))

    op.drop_table('inquiries')
