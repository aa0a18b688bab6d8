"""the directory's search: ``actor_search`` holds, per actor, its folded search text and
those of its active services in one string, kept by triggers on every write of actors and
services (so that a search of the map is one ``LIKE`` per term over one row per actor,
not an ``EXISTS`` over all services); on PostgreSQL, trigram (pg_trgm) indexes make
``LIKE '%term%'`` an index scan; the active services by axis with their actor, read from
the index alone

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

TRIGRAMS = {
    "actors": ("ix_actors_search_trgm", "search_text"),
    "services": ("ix_services_search_trgm", "search_text"),
    "actor_search": ("ix_actor_search_trgm", "text"),
}


def document(actor: str, aggregate: str) -> str:
    """The search text of actor ``actor`` (an SQL expression), as the triggers write it."""
    return (
        "SELECT a.id, a.search_text || coalesce((SELECT "
        f"{aggregate} FROM services s WHERE s.actor_id = a.id AND s.active), '') "
        f"FROM actors a WHERE a.id = {actor}"
    )


PG_DOCUMENT = "string_agg(s.search_text, '' ORDER BY s.id)"
SQLITE_DOCUMENT = "group_concat(s.search_text, '')"

PG_FUNCTIONS = [
    f"""
CREATE FUNCTION jisr_actor_search_refresh(actor integer) RETURNS void AS $$
BEGIN
    INSERT INTO actor_search (actor_id, text) {document("actor", PG_DOCUMENT)}
    ON CONFLICT (actor_id) DO UPDATE SET text = excluded.text;
END $$ LANGUAGE plpgsql""",
    """
CREATE FUNCTION jisr_actor_search_of_actor() RETURNS trigger AS $$
BEGIN
    PERFORM jisr_actor_search_refresh(NEW.id);
    RETURN NULL;
END $$ LANGUAGE plpgsql""",
    """
CREATE FUNCTION jisr_actor_search_of_service() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM jisr_actor_search_refresh(OLD.actor_id);
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.actor_id <> OLD.actor_id) THEN
        PERFORM jisr_actor_search_refresh(NEW.actor_id);
    END IF;
    RETURN NULL;
END $$ LANGUAGE plpgsql""",
    "CREATE TRIGGER actor_search_of_actor AFTER INSERT OR UPDATE OF search_text ON actors "
    "FOR EACH ROW EXECUTE FUNCTION jisr_actor_search_of_actor()",
    "CREATE TRIGGER actor_search_of_service "
    "AFTER INSERT OR DELETE OR UPDATE OF actor_id, active, search_text ON services "
    "FOR EACH ROW EXECUTE FUNCTION jisr_actor_search_of_service()",
]


def _sqlite_refresh(actor: str) -> str:
    return (
        f"INSERT OR REPLACE INTO actor_search (actor_id, text) {document(actor, SQLITE_DOCUMENT)};"
    )


SQLITE_TRIGGERS = {
    "actor_search_actor_insert": "AFTER INSERT ON actors BEGIN " + _sqlite_refresh("NEW.id"),
    "actor_search_actor_update": "AFTER UPDATE OF search_text ON actors BEGIN "
    + _sqlite_refresh("NEW.id"),
    "actor_search_service_insert": "AFTER INSERT ON services BEGIN "
    + _sqlite_refresh("NEW.actor_id"),
    "actor_search_service_update": "AFTER UPDATE OF actor_id, active, search_text ON services "
    "BEGIN " + _sqlite_refresh("OLD.actor_id") + " " + _sqlite_refresh("NEW.actor_id"),
    "actor_search_service_delete": "AFTER DELETE ON services BEGIN "
    + _sqlite_refresh("OLD.actor_id"),
}


def upgrade() -> None:
    op.create_index(
        "ix_services_active_axis_actor",
        "services",
        ["axis", "actor_id"],
        postgresql_where=sa.text("active"),
        sqlite_where=sa.text("active"),
    )
    op.create_table(
        "actor_search",
        sa.Column(
            "actor_id",
            sa.Integer(),
            sa.ForeignKey("actors.id", name="fk_actor_search_actor_id_actors", ondelete="CASCADE"),
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("actor_id", name="pk_actor_search"),
    )
    postgresql = op.get_bind().dialect.name == "postgresql"
    aggregate = PG_DOCUMENT if postgresql else SQLITE_DOCUMENT
    op.execute(f"INSERT INTO actor_search (actor_id, text) {document('a.id', aggregate)}")
    if not postgresql:
        for name, body in SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body} END")
        return
    for statement in PG_FUNCTIONS:
        op.execute(statement)
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, (name, column) in TRIGRAMS.items():
        op.create_index(
            name,
            table,
            [column],
            postgresql_using="gin",
            postgresql_ops={column: "gin_trgm_ops"},
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, (name, _column) in TRIGRAMS.items():
            op.drop_index(name, table_name=table)
        op.execute("DROP TRIGGER IF EXISTS actor_search_of_service ON services")
        op.execute("DROP TRIGGER IF EXISTS actor_search_of_actor ON actors")
        for function in ("of_service()", "of_actor()", "refresh(integer)"):
            op.execute(f"DROP FUNCTION IF EXISTS jisr_actor_search_{function}")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("actor_search")
    op.drop_index("ix_services_active_axis_actor", table_name="services")
