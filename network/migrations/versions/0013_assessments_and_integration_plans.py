"""assessments and integration plans

Revision ID: 0013
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import network.database

revision = "0013"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assessment_indicators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
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
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "names",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_indicators")),
        sa.UniqueConstraint("code", name=op.f("uq_assessment_indicators_code")),
    )
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("youth_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("note_enc", sa.Text(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("idempotency_key", sa.String(length=128), nullable=True),
        sa.Column("request_fingerprint", sa.String(length=64), nullable=True),
        sa.Column("assessed_at", network.database.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_assessments_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["youth_id"],
            ["youths.id"],
            name=op.f("fk_assessments_youth_id_youths"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessments")),
        sa.UniqueConstraint(
            "created_by_id", "idempotency_key", name=op.f("uq_assessments_created_by_id")
        ),
        sa.UniqueConstraint("youth_id", "number", name=op.f("uq_assessments_youth_id")),
    )
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("youth_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("ACTIVE", "SUPERSEDED", name="planstatus", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "agreed_by",
            sa.Enum(
                "YOUTH", "LEGAL_REPRESENTATIVE", name="consentgiver", native_enum=False, length=24
            ),
            nullable=True,
        ),
        sa.Column("agreed_on", sa.Date(), nullable=True),
        sa.Column("agreement_evidence_enc", sa.Text(), nullable=True),
        sa.Column("agreement_recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("next_review_on", sa.Date(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("idempotency_key", sa.String(length=128), nullable=True),
        sa.Column("request_fingerprint", sa.String(length=64), nullable=True),
        sa.Column("created_at", network.database.UtcDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", network.database.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_recorded_by_id"],
            ["users.id"],
            name=op.f("fk_plans_agreement_recorded_by_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_plans_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["youth_id"], ["youths.id"], name=op.f("fk_plans_youth_id_youths"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plans")),
        sa.UniqueConstraint(
            "created_by_id", "idempotency_key", name=op.f("uq_plans_created_by_id")
        ),
    )
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_plans_next_review_on"), ["next_review_on"], unique=False
        )
        batch_op.create_index("ix_plans_youth_status", ["youth_id", "status"], unique=False)

    op.create_table(
        "assessment_answers",
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("indicator_code", sa.String(length=64), nullable=False),
        sa.Column("answer_enc", sa.Text(), nullable=True),
        sa.Column("note_enc", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name=op.f("fk_assessment_answers_assessment_id_assessments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "assessment_id", "indicator_code", name=op.f("pk_assessment_answers")
        ),
    )
    op.create_table(
        "assessment_axes",
        sa.Column("assessment_id", sa.Integer(), nullable=False),
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
        sa.Column(
            "derived_level",
            sa.Enum("NONE", "LOW", "MEDIUM", "HIGH", name="needlevel", native_enum=False, length=8),
            nullable=False,
        ),
        sa.Column(
            "level",
            sa.Enum("NONE", "LOW", "MEDIUM", "HIGH", name="needlevel", native_enum=False, length=8),
            nullable=False,
        ),
        sa.Column("override_reason_enc", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name=op.f("fk_assessment_axes_assessment_id_assessments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("assessment_id", "axis", name=op.f("pk_assessment_axes")),
    )
    op.create_table(
        "plan_goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
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
        sa.Column("text_enc", sa.Text(), nullable=True),
        sa.Column("target_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum("OPEN", "ACHIEVED", "DROPPED", name="goalstatus", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("status_reason_enc", sa.Text(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_plan_goals_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_goals")),
    )
    with op.batch_alter_table("plan_goals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_goals_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.Column("changes_enc", sa.Text(), nullable=True),
        sa.Column("next_review_on", sa.Date(), nullable=False),
        sa.Column("reviewed_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plans.id"],
            name=op.f("fk_plan_reviews_plan_id_plans"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by_id"], ["users.id"], name=op.f("fk_plan_reviews_reviewed_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_reviews")),
    )
    with op.batch_alter_table("plan_reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_reviews_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "REFERRAL",
                "DOCUMENT",
                "TRAINING",
                "EMPLOYMENT_MEDIATION",
                "HOUSING_MEDIATION",
                "FAMILY_MEDIATION",
                "LIFE_SKILLS",
                "OTHER",
                name="actionkind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "owner",
            sa.Enum(
                "MEDIATOR",
                "ACTOR_USER",
                "YOUNG_PERSON",
                name="actionowner",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("owner_user_id", sa.Integer(), nullable=True),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "PLANNED",
                "IN_PROGRESS",
                "DONE",
                "NOT_DONE",
                "CANCELLED",
                name="actionstatus",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("note_enc", sa.Text(), nullable=True),
        sa.Column("referral_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name=op.f("fk_plan_actions_actor_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["plan_goals.id"],
            name=op.f("fk_plan_actions_goal_id_plan_goals"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_user_id"], ["users.id"], name=op.f("fk_plan_actions_owner_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plans.id"],
            name=op.f("fk_plan_actions_plan_id_plans"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["referral_id"], ["referrals.id"], name=op.f("fk_plan_actions_referral_id_referrals")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_actions")),
        sa.UniqueConstraint("referral_id", name=op.f("uq_plan_actions_referral_id")),
    )
    with op.batch_alter_table("plan_actions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_actions_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_actions_due_on"), ["due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_actions_plan_id"), ["plan_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("plan_actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_actions_plan_id"))
        batch_op.drop_index(batch_op.f("ix_plan_actions_due_on"))
        batch_op.drop_index(batch_op.f("ix_plan_actions_actor_id"))

    op.drop_table("plan_actions")
    with op.batch_alter_table("plan_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_reviews_plan_id"))

    op.drop_table("plan_reviews")
    with op.batch_alter_table("plan_goals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_goals_plan_id"))

    op.drop_table("plan_goals")
    op.drop_table("assessment_axes")
    op.drop_table("assessment_answers")
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.drop_index("ix_plans_youth_status")
        batch_op.drop_index(batch_op.f("ix_plans_next_review_on"))

    op.drop_table("plans")
    op.drop_table("assessments")
    op.drop_table("assessment_indicators")
