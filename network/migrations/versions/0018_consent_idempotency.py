"""consents made under an idempotency key: a consent form sent twice records one consent,
as registering a young person or creating a referral does

Revision ID: 0018
Revises: 0017 (needs 0002a, which made the consents table)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = "0002a"


def upgrade() -> None:
    with op.batch_alter_table("consents") as batch:
        batch.add_column(sa.Column("idempotency_key", sa.String(length=128), nullable=True))
        batch.add_column(sa.Column("request_fingerprint", sa.String(length=64), nullable=True))
        batch.create_unique_constraint(
            "uq_consents_created_by_id", ["created_by_id", "idempotency_key"]
        )


def downgrade() -> None:
    with op.batch_alter_table("consents") as batch:
        batch.drop_constraint("uq_consents_created_by_id", type_="unique")
        batch.drop_column("request_fingerprint")
        batch.drop_column("idempotency_key")
