"""metric snapshots and jobs

Revision ID: 0005
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import network.database

revision = "0005"
down_revision = "0002"
branch_labels = None
depends_on = None

AXES = (
    "HEALTH",
    "EDUCATION_TRAINING",
    "EMPLOYMENT",
    "SOCIAL_ASSISTANCE",
    "SOCIAL_PARTICIPATION",
)
JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "metric_snapshots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("territory_id", sa.Integer(), nullable=True),
        sa.Column(
            "axis",
            sa.Enum(*AXES, name="serviceaxis", native_enum=False, length=32),
            nullable=True,
        ),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("period_from", sa.Date(), nullable=False),
        sa.Column("period_to", sa.Date(), nullable=False),
        sa.Column("computed_at", network.database.UtcDateTime(timezone=True), nullable=False),
        sa.Column("payload", JSON, nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name=op.f("fk_metric_snapshots_actor_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["territory_id"],
            ["territories.id"],
            name=op.f("fk_metric_snapshots_territory_id_territories"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_metric_snapshots")),
    )
    op.create_index(
        "ix_metric_snapshots_scope",
        "metric_snapshots",
        ["period_from", "period_to", "territory_id", "axis", "actor_id", "computed_at"],
    )
    op.create_table(
        "jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "QUEUED",
                "RUNNING",
                "SUCCEEDED",
                "FAILED",
                name="jobstatus",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("requested_by_id", sa.Integer(), nullable=True),
        sa.Column("params", JSON, nullable=False),
        sa.Column("created_at", network.database.UtcDateTime(timezone=True), nullable=False),
        sa.Column("started_at", network.database.UtcDateTime(timezone=True), nullable=True),
        sa.Column("finished_at", network.database.UtcDateTime(timezone=True), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["requested_by_id"], ["users.id"], name=op.f("fk_jobs_requested_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jobs")),
    )
    op.create_index("ix_jobs_status_created_at", "jobs", ["status", "created_at"])
    op.create_index(op.f("ix_jobs_requested_by_id"), "jobs", ["requested_by_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_jobs_requested_by_id"), table_name="jobs")
    op.drop_index("ix_jobs_status_created_at", table_name="jobs")
    op.drop_table("jobs")
    op.drop_index("ix_metric_snapshots_scope", table_name="metric_snapshots")
    op.drop_table("metric_snapshots")
