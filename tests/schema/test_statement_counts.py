"""Directory queries run a fixed number of SQL statements, whatever the page size."""

import pytest

from tests.api import Api

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


async def statements_for(api: Api, query: str, root: str, first: int) -> int:
    await api.data(query, {"first": first})  # reference data loads on first use
    with api.count_statements() as statements:
        data = await api.data(query, {"first": first})
    assert len(data[root]["nodes"]) == first
    return len(statements)


@pytest.mark.parametrize(("query", "root"), [(ACTOR_MAP, "actors"), (SERVICE_LIST, "services")])
async def test_page_size_does_not_change_the_statement_count(
    demo_api: Api, query: str, root: str
) -> None:
    # given the same query for ten and for a hundred (actors: all 75) records
    largest = 75 if root == "actors" else 100

    # when both run
    small = await statements_for(demo_api, query, root, 10)
    large = await statements_for(demo_api, query, root, largest)

    # then they cost the same, and little: page, count, one per nested relation
    assert small == large
    assert large <= 5
