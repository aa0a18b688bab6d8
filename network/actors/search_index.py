"""``actor_search``: per actor, its folded search text followed by those of its active
services, in one string. Triggers written by migration 0016 keep it on every write of
actors and services (whatever writes them: the domain, imports, bulk seeds), so it is
read only: a search term of the map is one ``LIKE`` over it."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Table, Text

from network.database import Base

actor_search = Table(
    "actor_search",
    Base.metadata,
    Column("actor_id", ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Column("text", Text, nullable=False),
)
