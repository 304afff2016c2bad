"""an inquiry's routing id by its groups of digits (inquiries.routing_digits), indexed

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 19:00:00.000000

A reply sent to a routing address written in another form than the inquiry's ("+o054_28" for "28/O-054-KM")
named its client only to the inquiries the matcher had gathered for other reasons: sent to one client's address
about another client's letter, the conflict went unseen. The digit groups are the matcher's second routing key;
existing rows are filled from their routing id (the Aktenzeichen where none was given) by the rule of that day,
written out here so that this migration does not change with the code.
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_inquiries_routing_digits"
_DIGITS = re.compile(r"\d+")
MIN_DIGITS = 4
BATCH = 5000


def digit_groups(value: str | None) -> str | None:
    groups = _DIGITS.findall(value or "")
    return "-".join(sorted(groups)) if sum(map(len, groups)) >= MIN_DIGITS else None


def upgrade() -> None:
    op.add_column("inquiries", sa.Column("routing_digits", sa.String(64), nullable=True))
    bind = op.get_bind()
    inquiries = sa.table("inquiries", sa.column("id", sa.Integer), sa.column("routing_id", sa.String),
                         sa.column("firm_reference", sa.String), sa.column("routing_digits", sa.String))
    update = (sa.update(inquiries).where(inquiries.c.id == sa.bindparam("row_id"))
              .values(routing_digits=sa.bindparam("digits")))
    last = 0
    while True:
        rows = bind.execute(sa.select(inquiries.c.id, inquiries.c.routing_id, inquiries.c.firm_reference)
                            .where(inquiries.c.id > last).order_by(inquiries.c.id).limit(BATCH)).all()
        if not rows:
            break
        values = [{"row_id": row.id, "digits": digits} for row in rows
                  if (digits := digit_groups(row.routing_id or row.firm_reference)) is not None]
        if values:
            bind.execute(update, values)
        last = rows[-1].id
    op.create_index(INDEX, "inquiries", ["routing_digits"])


def downgrade() -> None:
    op.drop_index(INDEX, table_name="inquiries")
    op.drop_column("inquiries", "routing_digits")
