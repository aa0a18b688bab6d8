"""hsds links: the HSDS id each imported actor and service came with

Revision ID: 0007
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hsds_links",
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("hsds_id", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "hsds_id", name=op.f("pk_hsds_links")),
        sa.UniqueConstraint("entity", "record_id", name=op.f("uq_hsds_links_entity")),
    )


def downgrade() -> None:
    op.drop_table("hsds_links")
