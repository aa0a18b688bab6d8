"""young people consents referrals

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 08:35:31.249827
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import network.database

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "youths",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("first_name_enc", sa.Text(), nullable=True),
        sa.Column("last_name_enc", sa.Text(), nullable=True),
        sa.Column("birth_date_enc", sa.Text(), nullable=True),
        sa.Column("name_hash", sa.String(length=64), nullable=True),
        sa.Column(
            "gender",
            sa.Enum("FEMALE", "MALE", name="gender", native_enum=False, length=8),
            nullable=True,
        ),
        sa.Column("institution_id", sa.Integer(), nullable=False),
        sa.Column("residence_territory_id", sa.Integer(), nullable=True),
        sa.Column("mediator_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "IN_CARE",
                "PREPARING_TO_LEAVE",
                "LEFT_CARE",
                "AUTONOMOUS",
                "LOST_CONTACT",
                name="youthstatus",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("expected_leaving_date", sa.Date(), nullable=True),
        sa.Column("left_care_on", sa.Date(), nullable=True),
        sa.Column(
            "education_level",
            sa.Enum(
                "NONE",
                "PRIMARY",
                "LOWER_SECONDARY",
                "UPPER_SECONDARY",
                "HIGHER",
                name="educationlevel",
                native_enum=False,
                length=24,
            ),
            nullable=True,
        ),
        sa.Column(
            "vocational_level",
            sa.Enum(
                "NONE",
                "SPECIALIZATION",
                "QUALIFICATION",
                "TECHNICIAN",
                "SPECIALIZED_TECHNICIAN",
                name="vocationallevel",
                native_enum=False,
                length=24,
            ),
            nullable=True,
        ),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("idempotency_key", sa.String(length=128), nullable=True),
        sa.Column("identity_erased_at", network.database.UtcDateTime(timezone=True), nullable=True),
        sa.Column("created_at", network.database.UtcDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", network.database.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_youths_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["institution_id"], ["actors.id"], name=op.f("fk_youths_institution_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["mediator_id"], ["users.id"], name=op.f("fk_youths_mediator_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["residence_territory_id"],
            ["territories.id"],
            name=op.f("fk_youths_residence_territory_id_territories"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_youths")),
        sa.UniqueConstraint("code", name=op.f("uq_youths_code")),
        sa.UniqueConstraint(
            "created_by_id", "idempotency_key", name=op.f("uq_youths_created_by_id")
        ),
    )
    with op.batch_alter_table("youths", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_youths_expected_leaving_date"), ["expected_leaving_date"], unique=False
        )
        batch_op.create_index(
            "ix_youths_institution_status", ["institution_id", "status"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_youths_left_care_on"), ["left_care_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_youths_mediator_id"), ["mediator_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_youths_name_hash"), ["name_hash"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_youths_residence_territory_id"), ["residence_territory_id"], unique=False
        )

    op.create_table(
        "consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("youth_id", sa.Integer(), nullable=False),
        sa.Column(
            "given_by",
            sa.Enum(
                "YOUTH", "LEGAL_REPRESENTATIVE", name="consentgiver", native_enum=False, length=24
            ),
            nullable=False,
        ),
        sa.Column("all_actors", sa.Boolean(), nullable=False),
        sa.Column(
            "actor_kinds",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("withdrawn_at", network.database.UtcDateTime(timezone=True), nullable=True),
        sa.Column("evidence_enc", sa.Text(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", network.database.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_consents_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["youth_id"],
            ["youths.id"],
            name=op.f("fk_consents_youth_id_youths"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consents")),
    )
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consents_youth_id"), ["youth_id"], unique=False)

    op.create_table(
        "milestones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("youth_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "EMPLOYED",
                "TRAINING_ENROLLED",
                "TRAINING_COMPLETED",
                "HOUSING_SECURED",
                "ID_DOCUMENTS",
                "HEALTH_COVERAGE",
                "BANK_ACCOUNT",
                name="milestonekind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("achieved_on", sa.Date(), nullable=False),
        sa.Column("note_enc", sa.Text(), nullable=True),
        sa.Column("created_at", network.database.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["youth_id"],
            ["youths.id"],
            name=op.f("fk_milestones_youth_id_youths"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_milestones")),
    )
    with op.batch_alter_table("milestones", schema=None) as batch_op:
        batch_op.create_index("ix_milestones_youth_kind", ["youth_id", "kind"], unique=False)

    op.create_table(
        "needs",
        sa.Column("youth_id", sa.Integer(), nullable=False),
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
            "level",
            sa.Enum("NONE", "LOW", "MEDIUM", "HIGH", name="needlevel", native_enum=False, length=8),
            nullable=False,
        ),
        sa.Column("note_enc", sa.Text(), nullable=True),
        sa.Column("assessed_at", network.database.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["youth_id"], ["youths.id"], name=op.f("fk_needs_youth_id_youths"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("youth_id", "axis", name=op.f("pk_needs")),
    )
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
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referrals_closed_at"), ["closed_at"], unique=False)
        batch_op.create_index("ix_referrals_from_status", ["from_actor_id", "status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_referrals_next_follow_up_at"), ["next_follow_up_at"], unique=False
        )
        batch_op.create_index("ix_referrals_sent_at", ["sent_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_service_id"), ["service_id"], unique=False)
        batch_op.create_index(
            "ix_referrals_status_respond_by", ["status", "respond_by"], unique=False
        )
        batch_op.create_index("ix_referrals_to_status", ["to_actor_id", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_youth_id"), ["youth_id"], unique=False)

    op.create_table(
        "consent_actors",
        sa.Column("consent_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name=op.f("fk_consent_actors_actor_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["consent_id"],
            ["consents.id"],
            name=op.f("fk_consent_actors_consent_id_consents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("consent_id", "actor_id", name=op.f("pk_consent_actors")),
    )
    with op.batch_alter_table("consent_actors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consent_actors_actor_id"), ["actor_id"], unique=False)

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
    with op.batch_alter_table("referral_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referral_events_at"), ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_referral_events_referral_id"), ["referral_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("referral_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_events_referral_id"))
        batch_op.drop_index(batch_op.f("ix_referral_events_at"))

    op.drop_table("referral_events")
    with op.batch_alter_table("consent_actors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_actors_actor_id"))

    op.drop_table("consent_actors")
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referrals_youth_id"))
        batch_op.drop_index("ix_referrals_to_status")
        batch_op.drop_index("ix_referrals_status_respond_by")
        batch_op.drop_index(batch_op.f("ix_referrals_service_id"))
        batch_op.drop_index("ix_referrals_sent_at")
        batch_op.drop_index(batch_op.f("ix_referrals_next_follow_up_at"))
        batch_op.drop_index("ix_referrals_from_status")
        batch_op.drop_index(batch_op.f("ix_referrals_closed_at"))

    op.drop_table("referrals")
    op.drop_table("needs")
    with op.batch_alter_table("milestones", schema=None) as batch_op:
        batch_op.drop_index("ix_milestones_youth_kind")

    op.drop_table("milestones")
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consents_youth_id"))

    op.drop_table("consents")
    with op.batch_alter_table("youths", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_youths_residence_territory_id"))
        batch_op.drop_index(batch_op.f("ix_youths_name_hash"))
        batch_op.drop_index(batch_op.f("ix_youths_mediator_id"))
        batch_op.drop_index(batch_op.f("ix_youths_left_care_on"))
        batch_op.drop_index("ix_youths_institution_status")
        batch_op.drop_index(batch_op.f("ix_youths_expected_leaving_date"))

    op.drop_table("youths")
