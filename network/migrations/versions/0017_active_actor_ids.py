"""the ids of active actors, alone in a partial index: a search's total counts the
visible actors among those it matched, and without it PostgreSQL read the whole
``actors`` table (about 1.4 KB a row) to learn which are active; the index answers it
by an index-only scan

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_actors_active_id",
        "actors",
        ["id"],
        postgresql_where=sa.text("active"),
        sqlite_where=sa.text("active"),
    )


def downgrade() -> None:
    op.drop_index("ix_actors_active_id", table_name="actors")
