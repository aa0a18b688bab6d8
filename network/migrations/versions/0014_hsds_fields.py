"""actors' postal codes (HSDS addresses need one); services' hours, fees, documents
and accessibility (HSDS publishes them)

Revision ID: 0014
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0014"
down_revision = "0001"
branch_labels = None
depends_on = None

JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
TEXTS = ("schedule", "fees", "documents", "accessibility")


def upgrade() -> None:
    with op.batch_alter_table("actors") as batch:
        batch.add_column(sa.Column("postal_code", sa.String(length=5), nullable=True))
    with op.batch_alter_table("services") as batch:
        for name in TEXTS:
            batch.add_column(sa.Column(name, JSON_TYPE, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("services") as batch:
        for name in TEXTS:
            batch.drop_column(name)
    with op.batch_alter_table("actors") as batch:
        batch.drop_column("postal_code")
