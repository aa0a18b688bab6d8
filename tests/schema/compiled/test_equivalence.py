"""Every corpus query gives the same answer on the compiled and the resolver paths."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.api import Api, running_api
from tests.schema.compiled.corpus import CORPUS


@pytest.fixture(scope="module")
async def resolver_api(
    demo_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Api]:
    async with running_api(demo_url, tmp_path_factory.mktemp("var"), compiled_reads=False) as api:
        yield api


@pytest.mark.parametrize(("query", "variables"), CORPUS)
async def test_compiled_answer_equals_resolver_answer(
    demo_api: Api, resolver_api: Api, query: str, variables: dict[str, Any]
) -> None:
    expected = await resolver_api.gql(query, variables)
    await demo_api.gql("{ __typename }")  # loads the reference data once
    with demo_api.count_statements() as statements:
        answer = await demo_api.gql(query, variables)
    assert "errors" not in expected, expected
    assert answer == expected
    assert len(statements) <= len(answer["data"]), "one statement per root field"
