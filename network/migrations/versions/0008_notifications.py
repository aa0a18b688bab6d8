"""notifications, outbox and webhooks

Revision ID: 0008
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import network.database

revision = "0008"
down_revision = "0002"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(sa.dialects.postgresql.JSONB(astext_type=sa.Text()), "postgresql")
KINDS = (
    "REFERRAL_RECEIVED",
    "REFERRAL_RESPONSE_DUE",
    "REFERRAL_ESCALATED",
    "REFERRAL_EXPIRED",
    "REFERRAL_STATUS_CHANGED",
    "FOLLOW_UP_DUE",
    "LEAVING_CARE_SOON",
    "POST_CARE_CHECK_IN",
    "ACTOR_DATA_STALE",
)


def _kind() -> sa.Enum:
    return sa.Enum(*KINDS, name="notificationkind", native_enum=False, length=40)


def _at(name: str, nullable: bool = True) -> sa.Column[object]:
    return sa.Column(name, network.database.UtcDateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "webhooks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("actor_id", sa.Integer(), sa.ForeignKey("actors.id"), nullable=False),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("secret_enc", sa.Text(), nullable=False),
        sa.Column("events", JSON, nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        _at("created_at", nullable=False),
        _at("deleted_at"),
    )
    op.create_index("ix_webhooks_actor_id", "webhooks", ["actor_id"])
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("dedupe_key", sa.String(255), nullable=False, unique=True),
        sa.Column("rule", sa.String(64), nullable=False),
        sa.Column("kind", _kind(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("recipient_user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("webhook_id", sa.Integer(), sa.ForeignKey("webhooks.id"), nullable=True),
        sa.Column("referral_id", sa.Integer(), sa.ForeignKey("referrals.id"), nullable=True),
        sa.Column("youth_id", sa.Integer(), sa.ForeignKey("youths.id"), nullable=True),
        sa.Column("actor_id", sa.Integer(), sa.ForeignKey("actors.id"), nullable=True),
        sa.Column("payload", JSON, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        _at("due_at", nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        _at("lease_until"),
        sa.Column("last_error", sa.String(500), nullable=True),
        _at("sent_at"),
        _at("created_at", nullable=False),
    )
    op.create_index("ix_outbox_state_due", "outbox", ["state", "due_at"])
    for column in ("recipient_user_id", "webhook_id", "referral_id", "youth_id"):
        op.create_index(f"ix_outbox_{column}", "outbox", [column])
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column(
            "outbox_id", sa.Integer(), sa.ForeignKey("outbox.id"), nullable=True, unique=True
        ),
        sa.Column("kind", _kind(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("referral_id", sa.Integer(), sa.ForeignKey("referrals.id"), nullable=True),
        sa.Column("youth_id", sa.Integer(), sa.ForeignKey("youths.id"), nullable=True),
        _at("created_at", nullable=False),
        _at("read_at"),
    )
    op.create_index("ix_notifications_user_read", "notifications", ["user_id", "read_at"])


def downgrade() -> None:
    op.drop_table("notifications")
    op.drop_table("outbox")
    op.drop_table("webhooks")
