"""several firms in one deployment: firms, their API tokens, and the firm on every tenant-owned row

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 18:30:00.000000

Every existing row belongs to firm 1, the default firm made here; its empty fields mean "as the settings
say", so a single-firm installation runs on unchanged. `firm_id` is a plain indexed integer (no foreign
key), so SQLite adds it in place instead of rebuilding tables (which would drop the job counter triggers
of 0005). Events, reviews, claims, claim history, plan decisions and outbox entries take their firm from
their parent row through a trigger on insert, whichever code writes them (a parent written by the same
statement, which the trigger cannot see yet, leaves the firm the statement gave). On PostgreSQL adding a column
with a constant default does not rewrite the table.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TIMESTAMP = sa.DateTime(timezone=True)
OWNED = ("incoming_emails", "inquiries", "delivery_problems")
# child table: (its column pointing at the parent, the parent table)
CHILDREN = {
    "job_events": ("email_id", "incoming_emails"),
    "reviews": ("email_id", "incoming_emails"),
    "claims": ("inquiry_id", "inquiries"),
    "claim_history": ("claim_id", "claims"),
    "plan_decisions": ("inquiry_id", "inquiries"),
    "outbox": ("claim_history_id", "claim_history"),
}


def _postgres_trigger(table: str, column: str, parent: str) -> tuple[str, str]:
    function = f"""
CREATE FUNCTION {table}_firm_from_parent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.firm_id := COALESCE((SELECT firm_id FROM {parent} WHERE id = NEW.{column}), NEW.firm_id);
    RETURN NEW;
END $$"""
    trigger = (f"CREATE TRIGGER {table}_firm BEFORE INSERT ON {table} "
               f"FOR EACH ROW EXECUTE FUNCTION {table}_firm_from_parent()")
    return function, trigger


def _sqlite_trigger(table: str, column: str, parent: str) -> str:
    return f"""CREATE TRIGGER {table}_firm AFTER INSERT ON {table} BEGIN
        UPDATE {table} SET firm_id = COALESCE((SELECT firm_id FROM {parent} WHERE id = NEW.{column}), NEW.firm_id)
        WHERE id = NEW.id;
    END"""


def upgrade() -> None:
    op.create_table(
        "firms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(40), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("inbound_addresses", JSON, nullable=False),
        sa.Column("firm_reference_pattern", sa.String(200), nullable=True),
        sa.Column("zendesk_webhook_secret", sa.String(200), nullable=True),
        sa.Column("resend_webhook_secret", sa.String(200), nullable=True),
        sa.Column("debt_update_email", sa.String(320), nullable=True),
        sa.Column("portal_webhook_url", sa.String(2000), nullable=True),
        sa.Column("portal_webhook_secret", sa.String(200), nullable=True),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_firms")),
        sa.UniqueConstraint("slug", name=op.f("uq_firms_slug")),
    )
    op.create_table(
        "firm_api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("firm_id", sa.Integer(), nullable=False),
        sa.Column("token_sha256", sa.String(64), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("revoked_at", TIMESTAMP, nullable=True),
        sa.ForeignKeyConstraint(["firm_id"], ["firms.id"], name=op.f("fk_firm_api_tokens_firm_id_firms"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_firm_api_tokens")),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_firm_api_tokens_token_sha256")),
    )
    op.create_index(op.f("ix_firm_api_tokens_firm_id"), "firm_api_tokens", ["firm_id"])
    op.execute(sa.text("INSERT INTO firms (id, slug, name, inbound_addresses, created_at) "
                       "VALUES (1, 'default', 'Default firm', '[]', CURRENT_TIMESTAMP)"))
    if op.get_bind().dialect.name == "postgresql":
        op.execute("SELECT setval(pg_get_serial_sequence('firms', 'id'), 1)")
    for table in (*OWNED, *CHILDREN):
        op.add_column(table, sa.Column("firm_id", sa.Integer(), server_default="1", nullable=False))
    op.create_index("ix_incoming_emails_firm_received", "incoming_emails", ["firm_id", "received_at", "id"])
    with op.batch_alter_table("inquiries") as batch:
        batch.drop_constraint("uq_inquiries_external_id", type_="unique")
        batch.create_unique_constraint("uq_inquiries_firm_external_id", ["firm_id", "external_id"])
    for column in ("creditor_email_key", "creditor_domain"):  # the sender lookup stays index-only, per firm
        op.drop_index(f"ix_inquiries_{column}_id", table_name="inquiries")
        op.create_index(f"ix_inquiries_{column}_id", "inquiries", [column, "firm_id", "id"])
    postgres = op.get_bind().dialect.name == "postgresql"
    for table, (column, parent) in CHILDREN.items():
        if postgres:
            for statement in _postgres_trigger(table, column, parent):
                op.execute(statement)
        else:
            op.execute(_sqlite_trigger(table, column, parent))


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table in CHILDREN:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_firm" + (f" ON {table}" if postgres else ""))
        if postgres:
            op.execute(f"DROP FUNCTION IF EXISTS {table}_firm_from_parent()")
    for column in ("creditor_email_key", "creditor_domain"):
        op.drop_index(f"ix_inquiries_{column}_id", table_name="inquiries")
        op.create_index(f"ix_inquiries_{column}_id", "inquiries", [column, "id"])
    with op.batch_alter_table("inquiries") as batch:
        batch.drop_constraint("uq_inquiries_firm_external_id", type_="unique")
        batch.create_unique_constraint("uq_inquiries_external_id", ["external_id"])
    op.drop_index("ix_incoming_emails_firm_received", table_name="incoming_emails")
    for table in (*OWNED, *CHILDREN):
        op.drop_column(table, "firm_id")  # in place on SQLite too (3.35+): no rebuild, triggers of 0005 kept
    op.drop_index(op.f("ix_firm_api_tokens_firm_id"), table_name="firm_api_tokens")
    op.drop_table("firm_api_tokens")
    op.drop_table("firms")
