"""persisted queries and the directory version

Revision ID: 0006
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import network.database

revision = "0006"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "persisted_queries",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("registered_at", network.database.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_persisted_queries")),
    )
    version = op.create_table(
        "directory_version",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directory_version")),
    )
    op.bulk_insert(version, [{"id": 1, "version": 1}])


def downgrade() -> None:
    op.drop_table("directory_version")
    op.drop_table("persisted_queries")
