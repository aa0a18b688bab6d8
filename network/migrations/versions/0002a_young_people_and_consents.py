"""young people, needs, milestones and consents

Revision ID: 0002a
Revises: 0001
Create Date: 2026-11-22 08:35:31.249827
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import network.database

revision = "0002a"
down_revision = "0001"
branch_labels = None
depends_on = None


INDEXES = (
    ("ix_youths_expected_leaving_date", "youths", ["expected_leaving_date"]),
    ("ix_youths_institution_status", "youths", ["institution_id", "status"]),
    ("ix_youths_left_care_on", "youths", ["left_care_on"]),
    ("ix_youths_mediator_id", "youths", ["mediator_id"]),
    ("ix_youths_name_hash", "youths", ["name_hash"]),
    ("ix_youths_residence_territory_id", "youths", ["residence_territory_id"]),
    ("ix_consents_youth_id", "consents", ["youth_id"]),
    ("ix_milestones_youth_kind", "milestones", ["youth_id", "kind"]),
    ("ix_consent_actors_actor_id", "consent_actors", ["actor_id"]),
)
"""(name, table, columns) of every index these tables get."""


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
    for name, table_name, columns in INDEXES:
        op.create_index(name, table_name, columns)


def downgrade() -> None:
    for name, table_name, _ in INDEXES:
        op.drop_index(name, table_name=table_name)
    op.drop_table("consent_actors")
    op.drop_table("needs")
    op.drop_table("milestones")
    op.drop_table("consents")
    op.drop_table("youths")
