"""covering indexes for the matcher: name keys (kind, value, inquiry_id), a sender's inquiries (address or domain, id)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 18:00:00.000000

The matcher looks names up by (kind, value), and a sender's inquiries up by address or domain, and needs
only the inquiry ids: with the id in the index PostgreSQL answers from the index alone (an index-only
scan) instead of visiting a table row per hit (17 000 rows for a big creditor). Each old index is a
prefix of its new one, so it goes. On a large PostgreSQL table the builds take a while and block writes
to the table meanwhile (in a busy installation, build them CONCURRENTLY by hand first under the new
names; this migration then only drops the old ones).
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, old index, its columns, new index, its columns)
INDEXES = (
    ('inquiry_name_keys', 'ix_inquiry_name_keys_kind_value', ['kind', 'value'],
     'ix_inquiry_name_keys_kind_value_inquiry', ['kind', 'value', 'inquiry_id']),
    ('inquiries', 'ix_inquiries_creditor_email_key', ['creditor_email_key'],
     'ix_inquiries_creditor_email_key_id', ['creditor_email_key', 'id']),
    ('inquiries', 'ix_inquiries_creditor_domain', ['creditor_domain'],
     'ix_inquiries_creditor_domain_id', ['creditor_domain', 'id']),
)


def upgrade() -> None:
    for table, old, _, new, columns in INDEXES:
        op.create_index(new, table, columns, unique=False, if_not_exists=True)
        op.drop_index(old, table_name=table)


def downgrade() -> None:
    for table, old, old_columns, new, _ in INDEXES:
        op.create_index(old, table, old_columns, unique=False)
        op.drop_index(new, table_name=table)
