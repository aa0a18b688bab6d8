"""Throwaway test databases cloned from one migrated, seeded template per run.

``JISR_TEST_DATABASE_URL`` picks the backend: a ``postgresql+asyncpg://`` URL (its
database is only used to create and drop the others) or, when unset, SQLite files.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy.engine import make_url

from network.crypto import DataCipher
from network.database import standalone_unit_of_work
from network.migrate import upgrade
from tests.api import TEST_DATA_KEY


def backend_url() -> str | None:
    return os.environ.get("JISR_TEST_DATABASE_URL") or None


class Databases:
    """Creates the template once and hands out clones of it."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.base = backend_url()
        self.created: list[str] = []
        self.template: str | None = None

    @property
    def is_postgres(self) -> bool:
        return self.base is not None

    def _pg_dsn(self, database: str) -> str:
        url = make_url(self.base or "").set(drivername="postgresql", database=database)
        return url.render_as_string(hide_password=False)

    def _url_for(self, name: str) -> str:
        if self.is_postgres:
            return (
                make_url(self.base or "").set(database=name).render_as_string(hide_password=False)
            )
        return f"sqlite+aiosqlite:///{self.workdir / (name + '.sqlite3')}"

    async def _admin(self, sql: str) -> None:
        maintenance = make_url(self.base or "").database or "postgres"
        connection = await asyncpg.connect(self._pg_dsn(maintenance))
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    async def create_empty(self) -> str:
        name = f"jisr_{uuid.uuid4().hex[:12]}"
        if self.is_postgres:
            await self._admin(f'CREATE DATABASE "{name}"')
            self.created.append(name)
        return self._url_for(name)

    async def create_migrated(self, *, seed_demo: bool = False, **demo: Any) -> str:
        """An empty database, migrated (the shipped reference data); with ``seed_demo``,
        the demo network too (``demo``: seed_demo's own arguments, such as ``today``)."""
        from network.seed.demo import seed_demo as run_demo_seed

        url = await self.create_empty()
        await upgrade(url)
        if seed_demo:
            async with standalone_unit_of_work(url) as uow:
                await run_demo_seed(uow.session, DataCipher(TEST_DATA_KEY), **demo)
        return url

    async def build_template(self, *, seed_demo: bool = True) -> str:
        self.template = await self.create_migrated(seed_demo=seed_demo)
        return self.template

    async def clone(self) -> str:
        """A fresh database holding what the template holds."""
        assert self.template is not None
        name = f"jisr_{uuid.uuid4().hex[:12]}"
        if self.is_postgres:
            template = make_url(self.template).database
            await self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
            self.created.append(name)
        else:
            source = Path(make_url(self.template).database or "")
            shutil.copyfile(source, self.workdir / (name + ".sqlite3"))
        return self._url_for(name)

    async def drop_all(self) -> None:
        if not self.is_postgres:
            return
        for name in reversed(self.created):
            await self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
