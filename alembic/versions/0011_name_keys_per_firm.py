"""name keys carry their inquiry's firm, and the covering index is (kind, value, firm_id, inquiry_id)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 22:30:00.000000

The matcher's name lookups read only the email's firm's keys inside the index scan, so another firm's many
namesakes can no longer fill the places of a candidate list before the firm is checked. Like the child tables
of 0009, `firm_id` is a plain integer (added in place on SQLite) that a trigger on insert copies from the
parent inquiry, whichever code writes the keys; existing rows are set from their inquiry (only those of a
firm other than the default need writing). On a large PostgreSQL table the index build blocks writes to the
table meanwhile (build it CONCURRENTLY by hand first under the new name in a busy installation).
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_INDEX = ("ix_inquiry_name_keys_kind_value_inquiry", ["kind", "value", "inquiry_id"])
NEW_INDEX = ("ix_inquiry_name_keys_kind_value_firm_inquiry", ["kind", "value", "firm_id", "inquiry_id"])

POSTGRES_FUNCTION = """
CREATE FUNCTION inquiry_name_keys_firm_from_parent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.firm_id := COALESCE((SELECT firm_id FROM inquiries WHERE id = NEW.inquiry_id), NEW.firm_id);
    RETURN NEW;
END $$"""
POSTGRES_TRIGGER = ("CREATE TRIGGER inquiry_name_keys_firm BEFORE INSERT ON inquiry_name_keys "
                    "FOR EACH ROW EXECUTE FUNCTION inquiry_name_keys_firm_from_parent()")
SQLITE_TRIGGER = """CREATE TRIGGER inquiry_name_keys_firm AFTER INSERT ON inquiry_name_keys BEGIN
    UPDATE inquiry_name_keys
    SET firm_id = COALESCE((SELECT firm_id FROM inquiries WHERE id = NEW.inquiry_id), NEW.firm_id)
    WHERE id = NEW.id;
END"""
BACKFILL = """UPDATE inquiry_name_keys
SET firm_id = (SELECT firm_id FROM inquiries WHERE inquiries.id = inquiry_name_keys.inquiry_id)
WHERE inquiry_id IN (SELECT id FROM inquiries WHERE firm_id <> 1)"""


def upgrade() -> None:
    op.add_column("inquiry_name_keys", sa.Column("firm_id", sa.Integer(), server_default="1", nullable=False))
    op.execute(BACKFILL)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTION)
        op.execute(POSTGRES_TRIGGER)
    else:
        op.execute(SQLITE_TRIGGER)
    op.create_index(NEW_INDEX[0], "inquiry_name_keys", NEW_INDEX[1])
    op.drop_index(OLD_INDEX[0], table_name="inquiry_name_keys")


def downgrade() -> None:
    op.create_index(OLD_INDEX[0], "inquiry_name_keys", OLD_INDEX[1])
    op.drop_index(NEW_INDEX[0], table_name="inquiry_name_keys")
    postgres = op.get_bind().dialect.name == "postgresql"
    op.execute("DROP TRIGGER IF EXISTS inquiry_name_keys_firm" + (" ON inquiry_name_keys" if postgres else ""))
    if postgres:
        op.execute("DROP FUNCTION IF EXISTS inquiry_name_keys_firm_from_parent()")
    op.drop_column("inquiry_name_keys", "firm_id")  # in place on SQLite too (3.35+), as in 0009
