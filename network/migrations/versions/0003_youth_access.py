"""youth access: registration fingerprints, an append-only audit log

On PostgreSQL a trigger refuses UPDATE and DELETE on ``audit_log``. When migrations run
under an owner role of their own (``JISR_MIGRATION_DATABASE_URL``), the application's
role — ``JISR_APP_DATABASE_ROLE``, else the user of ``JISR_DATABASE_URL`` — gets the
usual rights on every table but only INSERT and SELECT on ``audit_log``.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import os

import sqlalchemy as sa
from alembic import op
from sqlalchemy.engine import make_url

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

APPEND_ONLY = """
CREATE OR REPLACE FUNCTION jisr_audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql
"""


def app_role() -> str | None:
    """The application's database role when migrations run under another one."""
    if not os.environ.get("JISR_MIGRATION_DATABASE_URL"):
        return None
    role = os.environ.get("JISR_APP_DATABASE_ROLE")
    if not role and os.environ.get("JISR_DATABASE_URL"):
        role = make_url(os.environ["JISR_DATABASE_URL"]).username
    return role or None


def _grant_application_rights(role: str) -> None:
    owner = op.get_bind().scalar(sa.text("SELECT current_user"))
    if role == owner:
        return
    quoted = op.get_bind().dialect.identifier_preparer.quote(role)
    for statement in (
        f"GRANT USAGE ON SCHEMA public TO {quoted}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted}",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {quoted}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {quoted}",
        f"REVOKE ALL ON audit_log FROM {quoted}",
        f"GRANT SELECT, INSERT ON audit_log TO {quoted}",
    ):
        op.execute(statement)


def upgrade() -> None:
    with op.batch_alter_table("youths") as batch:
        batch.add_column(sa.Column("request_fingerprint", sa.String(length=64), nullable=True))
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(APPEND_ONLY)
    op.execute(
        "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION jisr_audit_log_append_only()"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
        "FOR EACH STATEMENT EXECUTE FUNCTION jisr_audit_log_append_only()"
    )
    role = app_role()
    if role is not None:
        _grant_application_rights(role)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS jisr_audit_log_append_only()")
    with op.batch_alter_table("youths") as batch:
        batch.drop_column("request_fingerprint")
