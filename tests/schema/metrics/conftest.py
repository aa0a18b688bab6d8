from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.api import Api, running_api
from tests.network.metrics.world import bare_databases, bare_url

__all__ = ["bare_api", "bare_databases", "bare_url"]


@pytest.fixture
async def bare_api(bare_url: str, tmp_path: Path) -> AsyncIterator[Api]:
    """The API on a database holding territories and taxonomy only."""
    async with running_api(bare_url, tmp_path / "var") as api:
        yield api
