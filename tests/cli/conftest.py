from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.invoke import Jisr, jisr_on
from tests.databases import Databases


@pytest.fixture
async def empty_db_url(databases: Databases) -> str:
    """A database with nothing in it, not even the schema."""
    return await databases.create_empty()


@pytest.fixture
def jisr(db_url: str, tmp_path: Path) -> Jisr:
    """``jisr`` on a private copy of the demo database."""
    return jisr_on(db_url, tmp_path / "var")


@pytest.fixture
def jisr_empty(empty_db_url: str, tmp_path: Path) -> Jisr:
    """``jisr`` on an empty database."""
    return jisr_on(empty_db_url, tmp_path / "var")


@pytest.fixture
async def jisr_upgraded(jisr_empty: Jisr) -> Jisr:
    """``jisr`` on an empty database it has just upgraded (``jisr db upgrade``)."""
    assert (await jisr_empty("db", "upgrade")).exit_code == 0
    return jisr_empty
