"""referrals and their events

Revision ID: 0002
Revises: 0002a
Create Date: 2026-11-22 08:35:31.249827
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import network.database

revision = "0002"
down_revision = "0002a"
branch_labels = None
depends_on = None


INDEXES = (
    ("ix_referrals_closed_at", "referrals", ["closed_at"]),
    ("ix_referrals_from_status", "referrals", ["from_actor_id", "status"]),
    ("ix_referrals_next_follow_up_at", "referrals", ["next_follow_up_at"]),
    ("ix_referrals_sent_at", "referrals", ["sent_at"]),
    ("ix_referrals_service_id", "referrals", ["service_id"]),
    ("ix_referrals_status_respond_by", "referrals", ["status", "respond_by"]),
    ("ix_referrals_to_status", "referrals", ["to_actor_id", "status"]),
    ("ix_referrals_youth_id", "referrals", ["youth_id"]),
    ("ix_referral_events_at", "referral_events", ["at"]),
    ("ix_referral_events_referral_id", "referral_events", ["referral_id"]),
)
"""(name, table, columns) of every index these tables get."""


def upgrade() -> None:
    op.create_table(
        "referrals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("youth_id", sa.Integer(), nullable=False),
        sa.Column("from_actor_id", sa.Integer(), nullable=False),
        sa.Column("to_actor_id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=True),
        sa.Column(
            "axis",
            sa.Enum(
                "HEALTH",
                "EDUCATION_TRAINING",
                "EMPLOYMENT",
                "SOCIAL_ASSISTANCE",
                "SOCIAL_PARTICIPATION",
                name="serviceaxis",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("reason_enc", sa.Text(), nullable=True),
        sa.Column(
            "priority",
            sa.Enum("LOW", "NORMAL", "URGENT", name="priority", native_enum=False, length=8),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "DRAFT",
                "SENT",
                "ACCEPTED",
                "DECLINED",
                "REDIRECTED",
                "IN_PROGRESS",
                "COMPLETED",
                "CANCELLED",
                "EXPIRED",
                name="referralstatus",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", network.database.UtcDateTime(timezone=True), nullable=False),
        sa.Column("sent_at", network.database.UtcDateTime(timezone=True), nullable=True),
        sa.Column("respond_by", network.database.UtcDateTime(timezone=True), nullable=True),
        sa.Column("responded_at", network.database.UtcDateTime(timezone=True), nullable=True),
        sa.Column("completed_at", network.database.UtcDateTime(timezone=True), nullable=True),
        sa.Column("closed_at", network.database.UtcDateTime(timezone=True), nullable=True),
        sa.Column("next_follow_up_at", network.database.UtcDateTime(timezone=True), nullable=True),
        sa.Column(
            "outcome",
            sa.Enum(
                "SERVED",
                "PARTIALLY_SERVED",
                "NOT_SERVED",
                "YOUTH_WITHDREW",
                name="referraloutcome",
                native_enum=False,
                length=24,
            ),
            nullable=True,
        ),
        sa.Column(
            "decline_reason",
            sa.Enum(
                "NOT_ELIGIBLE",
                "NO_CAPACITY",
                "OUT_OF_AREA",
                "SERVICE_NOT_OFFERED",
                "YOUTH_UNREACHABLE",
                "OTHER",
                name="declinereason",
                native_enum=False,
                length=24,
            ),
            nullable=True,
        ),
        sa.Column("redirected_to_id", sa.Integer(), nullable=True),
        sa.Column("redirected_from_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=128), nullable=True),
        sa.Column("request_fingerprint", sa.String(length=64), nullable=True),
        sa.Column("updated_at", network.database.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_referrals_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["from_actor_id"], ["actors.id"], name=op.f("fk_referrals_from_actor_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["redirected_from_id"],
            ["referrals.id"],
            name=op.f("fk_referrals_redirected_from_id_referrals"),
        ),
        sa.ForeignKeyConstraint(
            ["redirected_to_id"],
            ["referrals.id"],
            name=op.f("fk_referrals_redirected_to_id_referrals"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"], name=op.f("fk_referrals_service_id_services")
        ),
        sa.ForeignKeyConstraint(
            ["to_actor_id"], ["actors.id"], name=op.f("fk_referrals_to_actor_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["youth_id"], ["youths.id"], name=op.f("fk_referrals_youth_id_youths")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
        sa.UniqueConstraint(
            "created_by_id", "idempotency_key", name=op.f("uq_referrals_created_by_id")
        ),
    )

    op.create_table(
        "referral_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "CREATED",
                "SENT",
                "ACCEPTED",
                "DECLINED",
                "REDIRECTED",
                "STARTED",
                "COMPLETED",
                "CANCELLED",
                "EXPIRED",
                "NOTE",
                "FOLLOW_UP_SCHEDULED",
                "REMINDER_SENT",
                "ESCALATED",
                name="referraleventkind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("at", network.database.UtcDateTime(timezone=True), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=True),
        sa.Column(
            "from_status",
            sa.Enum(
                "DRAFT",
                "SENT",
                "ACCEPTED",
                "DECLINED",
                "REDIRECTED",
                "IN_PROGRESS",
                "COMPLETED",
                "CANCELLED",
                "EXPIRED",
                name="referralstatus",
                native_enum=False,
                length=16,
            ),
            nullable=True,
        ),
        sa.Column(
            "to_status",
            sa.Enum(
                "DRAFT",
                "SENT",
                "ACCEPTED",
                "DECLINED",
                "REDIRECTED",
                "IN_PROGRESS",
                "COMPLETED",
                "CANCELLED",
                "EXPIRED",
                name="referralstatus",
                native_enum=False,
                length=16,
            ),
            nullable=True,
        ),
        sa.Column("note_enc", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["by_id"], ["users.id"], name=op.f("fk_referral_events_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["referral_id"], ["referrals.id"], name=op.f("fk_referral_events_referral_id_referrals")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral_events")),
    )
    for name, table_name, columns in INDEXES:
        op.create_index(name, table_name, columns)


def downgrade() -> None:
    for name, table_name, _ in INDEXES:
        op.drop_index(name, table_name=table_name)
    op.drop_table("referral_events")
    op.drop_table("referrals")
