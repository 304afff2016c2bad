"""settlement plans: inquiries carry letter_type and plan_offer, plan decisions with history, plan fields on reviews

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 14:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from alembic import op

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TIMESTAMP = sa.DateTime(timezone=True)

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('inquiries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('letter_type', sa.String(length=8), server_default='first', nullable=False))
        batch_op.add_column(sa.Column('plan_offer', JSON, nullable=True))
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.add_column(sa.Column('proposed_plan_decision', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('proposed_counter_offer', JSON, nullable=True))
        batch_op.add_column(sa.Column('final_plan_decision', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('final_counter_offer', JSON, nullable=True))
        batch_op.add_column(sa.Column('plan_decision_id', sa.Integer(), nullable=True))
    op.create_table('plan_decisions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('inquiry_id', sa.Integer(), nullable=False),
    sa.Column('decision', sa.String(length=16), nullable=False),
    sa.Column('counter_offer', JSON, nullable=True),
    sa.Column('conditions', JSON, nullable=False),
    sa.Column('reasons', JSON, nullable=False),
    sa.Column('evidence', JSON, nullable=False),
    sa.Column('source_email_id', sa.Integer(), nullable=True),
    sa.Column('review_id', sa.Integer(), nullable=True),
    sa.Column('actor_kind', sa.String(length=16), nullable=False),
    sa.Column('decided_by', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('effective_at', TIMESTAMP, nullable=False),
    sa.Column('recorded_at', TIMESTAMP, nullable=False),
    sa.ForeignKeyConstraint(['inquiry_id'], ['inquiries.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['review_id'], ['reviews.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['source_email_id'], ['incoming_emails.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('plan_decisions', schema=None) as batch_op:
        batch_op.create_index('ix_plan_decisions_inquiry_effective', ['inquiry_id', 'effective_at', 'id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_plan_decisions_source_email_id'), ['source_email_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('plan_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_decisions_source_email_id'))
        batch_op.drop_index('ix_plan_decisions_inquiry_effective')
    op.drop_table('plan_decisions')
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.drop_column('plan_decision_id')
        batch_op.drop_column('final_counter_offer')
        batch_op.drop_column('final_plan_decision')
        batch_op.drop_column('proposed_counter_offer')
        batch_op.drop_column('proposed_plan_decision')
    with op.batch_alter_table('inquiries', schema=None) as batch_op:
        batch_op.drop_column('plan_offer')
        batch_op.drop_column('letter_type')
