"""Directory queries run a fixed number of SQL statements, whatever the page size, on
both read paths: the compiled SQL and the resolvers it falls back to."""

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.api import Api, running_api

ACTOR_MAP = """
query($first: Int) {
  actors(first: $first, orderBy: NAME) {
    totalCount
    nodes {
      id name territory { code name }
      services(first: 20) { totalCount nodes { id name axis category { code name } } }
    }
  }
}
"""
SERVICE_LIST = """
query($first: Int) {
  services(first: $first) {
    totalCount
    nodes { id name category { code } serviceArea { code } actor { id name territory { code } } }
  }
}
"""


@pytest.fixture(params=[True, False], ids=["compiled", "resolvers"])
async def reader(
    request: pytest.FixtureRequest, demo_url: str, tmp_path: Path
) -> AsyncIterator[Api]:
    """The API on the read-only demo, answering directory reads by one path."""
    async with running_api(demo_url, tmp_path / "var", compiled_reads=request.param) as api:
        yield api


async def statements_for(api: Api, query: str, root: str, first: int) -> int:
    await api.data(query, {"first": first})  # reference data loads on first use
    with api.count_statements() as statements:
        data = await api.data(query, {"first": first})
    assert len(data[root]["nodes"]) == first
    return len(statements)


@pytest.mark.parametrize(("query", "root"), [(ACTOR_MAP, "actors"), (SERVICE_LIST, "services")])
async def test_page_size_does_not_change_the_statement_count(
    reader: Api, query: str, root: str
) -> None:
    # given the same query for ten and for a hundred records (or all, when fewer)
    total = (await reader.data(query, {"first": 1}))[root]["totalCount"]
    largest = min(total, 100)
    assert largest > 10

    # when both run
    small = await statements_for(reader, query, root, 10)
    large = await statements_for(reader, query, root, largest)

    # then they cost the same, and little: page, count, one per nested relation
    assert small == large
    assert large <= 5
