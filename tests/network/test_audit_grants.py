"""With migrations under an owner role of their own, the application's role may only
read and append to the audit log (PostgreSQL roles and grants)."""

from __future__ import annotations

import uuid

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from network.migrate import upgrade
from tests.databases import Databases

AUDIT_ROW = (
    "INSERT INTO audit_log (at, operation, record_ids, outcome) VALUES (now(), 'x', '[]', 'OK')"
)


def dsn(url: str, user: str | None = None) -> str:
    parsed = make_url(url).set(drivername="postgresql")
    if user is not None:
        parsed = parsed.set(username=user)
    return parsed.render_as_string(hide_password=False)


async def test_the_application_role_only_reads_and_appends_the_audit_log(
    databases: Databases, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not databases.is_postgres:
        pytest.skip("database roles and grants are PostgreSQL's")
    # given an empty database migrated by its owner, naming another role for the application
    owner_url = await databases.create_empty()
    role = f"jisr_app_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(dsn(owner_url))
    await admin.execute(f'CREATE ROLE "{role}" LOGIN')
    app_url = make_url(owner_url).set(username=role).render_as_string(hide_password=False)
    monkeypatch.setenv("JISR_MIGRATION_DATABASE_URL", owner_url)
    monkeypatch.setenv("JISR_DATABASE_URL", app_url)
    try:
        await upgrade(owner_url)

        # when the application's role works on the tables
        app = await asyncpg.connect(dsn(owner_url, role))
        try:
            await app.execute(AUDIT_ROW)
            seen = await app.fetchval("SELECT count(*) FROM audit_log")
            refused = []
            for statement in ("UPDATE audit_log SET operation = 'y'", "DELETE FROM audit_log"):
                with pytest.raises(asyncpg.InsufficientPrivilegeError) as error:
                    await app.execute(statement)
                refused.append(str(error.value))
            await app.execute("UPDATE territories SET kind = kind WHERE code = 'MA-03'")
        finally:
            await app.close()

        # then it appended and read, was refused the rest, and kept its usual rights elsewhere
        assert seen >= 1
        # (the grants refuse it, before the append-only trigger is even reached)
        assert all(message.startswith("permission denied") for message in refused), refused
    finally:
        await admin.execute(f'DROP OWNED BY "{role}"')
        await admin.close()
        maintenance = await asyncpg.connect(dsn(owner_url).rsplit("/", 1)[0] + "/postgres")
        try:
            await maintenance.execute(f'DROP ROLE IF EXISTS "{role}"')
        finally:
            await maintenance.close()
