from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.api import Api, running_api
from tests.network.metrics.world import bare_databases, bare_url

__all__ = ["bare_api", "bare_databases", "bare_url"]


@pytest.fixture
async def bare_api(bare_url: str, tmp_path: Path) -> AsyncIterator[Api]:
    """The API on a database holding territories and taxonomy only. Its figures, worked
    out by hand on small networks, are all published (threshold 1): the hiding of small
    counts is shown in tests/security/test_small_counts.py."""
    async with running_api(bare_url, tmp_path / "var", small_count_threshold=1) as api:
        yield api


@pytest.fixture
async def hiding_api(bare_url: str, tmp_path: Path) -> AsyncIterator[Api]:
    """The same API with the default threshold: counts of 1 to 4 hidden but to ADMIN."""
    async with running_api(bare_url, tmp_path / "var") as api:
        yield api
