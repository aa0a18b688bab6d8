"""case codes unique per institution, not across the network

A clash with another institution's code no longer exists, so registering one reveals
nothing about a record the caller may not see (docs/access.md: no existence oracles).

Revision ID: 0011
Revises: 0003
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("youths") as batch:
        batch.drop_constraint("uq_youths_code", type_="unique")
        batch.create_unique_constraint("uq_youths_institution_code", ["institution_id", "code"])


def downgrade() -> None:
    with op.batch_alter_table("youths") as batch:
        batch.drop_constraint("uq_youths_institution_code", type_="unique")
        batch.create_unique_constraint("uq_youths_code", ["code"])
