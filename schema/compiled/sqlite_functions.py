"""The SQL functions the compiled path calls on SQLite, registered on every connection."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from network.ids import to_global_id
from schema.relay import encode_cursor


def _iso(value: str | None) -> str | None:
    if value is None:
        return None
    return datetime.fromisoformat(value).replace(tzinfo=UTC).isoformat()


def _num(value: float | None) -> str | None:
    return None if value is None else repr(float(value))


def _register(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.create_function("jisr_gid", 2, to_global_id, deterministic=True)
    dbapi_connection.create_function(
        "jisr_cursor", -1, lambda *parts: encode_cursor(parts), deterministic=True
    )
    dbapi_connection.create_function("jisr_iso", 1, _iso, deterministic=True)
    dbapi_connection.create_function("jisr_num", 1, _num, deterministic=True)


def install(engine: AsyncEngine) -> None:
    if engine.dialect.name == "sqlite":
        event.listen(engine.sync_engine, "connect", _register)
