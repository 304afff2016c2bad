"""a second inbound path (Resend): letters the provider reported undeliverable; reviewers' claims and priority

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 18:00:00.000000

`delivery_problems` keeps each bounce or complaint once (unique provider delivery id, so a replayed
webhook changes nothing); the inquiries it concerns carry when and why their letter did not arrive.
Reviews get a priority tier (amount at stake; existing open reviews ranked with the default tiers
1 000 € and 10 000 €) and a claim (who, until when) so several reviewers can work the queue at once.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "delivery_problems",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("delivery_id", sa.String(160), nullable=False),
        sa.Column("provider", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("provider_email_id", sa.String(128), nullable=False),
        sa.Column("recipients", JSON, nullable=False),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("inquiry_ids", JSON, nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("delivery_id", name="uq_delivery_problems_delivery_id"),
    )
    op.create_index("ix_delivery_problems_recorded_at", "delivery_problems", ["recorded_at"])
    with op.batch_alter_table("inquiries") as batch:
        batch.add_column(sa.Column("undeliverable_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("undeliverable_reason", sa.String(200), nullable=True))
    with op.batch_alter_table("reviews") as batch:
        batch.add_column(sa.Column("priority", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("claimed_by", sa.String(200), nullable=True))
        batch.add_column(sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True))
        batch.create_index("ix_reviews_status_priority_created", ["status", "priority", "created_at"])
    op.execute("UPDATE reviews SET priority = CASE WHEN proposed_amount >= 10000 THEN 2 "
               "WHEN proposed_amount >= 1000 THEN 1 ELSE 0 END")


def downgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.drop_index("ix_reviews_status_priority_created")
        batch.drop_column("claimed_until")
        batch.drop_column("claimed_by")
        batch.drop_column("priority")
    with op.batch_alter_table("inquiries") as batch:
        batch.drop_column("undeliverable_reason")
        batch.drop_column("undeliverable_at")
    op.drop_index("ix_delivery_problems_recorded_at", table_name="delivery_problems")
    op.drop_table("delivery_problems")
