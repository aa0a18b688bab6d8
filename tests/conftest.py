from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from network.settings import Settings
from tests.api import Api, running_api
from tests.api import test_settings as settings_for
from tests.databases import Databases

pytest_plugins = ("tests.log_scan",)


@pytest.fixture(scope="session")
async def databases(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Databases]:
    """The backend of this run, with a migrated template holding the demo network."""
    dbs = Databases(tmp_path_factory.mktemp("databases"))
    await dbs.build_template()
    yield dbs
    await dbs.drop_all()


@pytest.fixture(scope="session")
async def demo_url(databases: Databases) -> str:
    """A demo database shared by tests that only read: never write to it."""
    return await databases.clone()


@pytest.fixture(scope="session")
async def demo_api(demo_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Api]:
    """The API on the shared read-only demo database."""
    async with running_api(demo_url, tmp_path_factory.mktemp("var")) as api:
        yield api


@pytest.fixture
async def db_url(databases: Databases) -> str:
    """A private copy of the demo database for one test that writes."""
    return await databases.clone()


@pytest.fixture(scope="module")
async def module_db_url(databases: Databases) -> str:
    """A copy of the demo database for the tests of one module."""
    return await databases.clone()


@pytest.fixture
async def api(db_url: str, tmp_path: Path) -> AsyncIterator[Api]:
    """The API on a private copy of the demo database."""
    async with running_api(db_url, tmp_path / "var") as running:
        yield running


@pytest.fixture
async def migrated_url(databases: Databases) -> str:
    """A private empty database, migrated: the shipped reference data, no network."""
    return await databases.create_migrated()


@pytest.fixture
def migrated_settings(migrated_url: str, tmp_path: Path) -> Settings:
    """The settings of a Jisr on ``migrated_url``."""
    return settings_for(migrated_url, tmp_path / "var")
