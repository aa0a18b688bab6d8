"""token kinds and lifetimes; searches audited with their match count

Revision ID: 0010
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import network.database

revision = "0010"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("api_tokens") as table:
        table.add_column(
            sa.Column("kind", sa.String(length=16), server_default="SESSION", nullable=False)
        )
        table.add_column(sa.Column("name", sa.String(length=100), nullable=True))
        table.add_column(sa.Column("idle_seconds", sa.Integer(), nullable=True))
        table.add_column(
            sa.Column("last_used_at", network.database.UtcDateTime(timezone=True), nullable=True)
        )
    with op.batch_alter_table("audit_log") as table:
        table.add_column(sa.Column("matched", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as table:
        table.drop_column("matched")
    with op.batch_alter_table("api_tokens") as table:
        table.drop_column("last_used_at")
        table.drop_column("idle_seconds")
        table.drop_column("name")
        table.drop_column("kind")
