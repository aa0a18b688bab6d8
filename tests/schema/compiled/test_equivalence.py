"""Every corpus query gives the same answer on the compiled and the resolver paths."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from prometheus_client import REGISTRY

from network.seed.users import DEMO_PASSWORD
from tests.api import Api, running_api
from tests.databases import Databases
from tests.schema.compiled.corpus import CORPUS, NOT_COMPILED

TERRITORY_IDS = "{ territories(level: REGION) { id code children { id code } } }"


@pytest.fixture(scope="module")
async def corpus_url(databases: Databases) -> str:
    """A demo database of this module's own: signing in writes tokens."""
    return await databases.clone()


@pytest.fixture(scope="module")
async def resolver_api(
    corpus_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Api]:
    async with running_api(corpus_url, tmp_path_factory.mktemp("var"), compiled_reads=False) as api:
        yield api


@pytest.fixture(scope="module")
async def compiled_api(
    corpus_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Api]:
    """The compiled path alone: the response cache would hide it after the first answer."""
    async with running_api(corpus_url, tmp_path_factory.mktemp("var"), response_cache=False) as api:
        yield api


@pytest.fixture(scope="module")
async def territory_ids(compiled_api: Api) -> dict[str, str]:
    regions = (await compiled_api.data(TERRITORY_IDS))["territories"]
    ids = {r["code"]: r["id"] for r in regions}
    ids |= {c["code"]: c["id"] for r in regions for c in r["children"]}
    communes = await compiled_api.data("{ territories(level: COMMUNE) { id code } }")
    ids |= {c["code"]: c["id"] for c in communes["territories"]}
    return ids


@pytest.fixture(scope="module")
def tokens() -> dict[str, str]:
    return {}


def fallbacks() -> float:
    """Queries the compiled path has handed to the resolvers so far, in this process."""
    metric = REGISTRY.get_sample_value
    return sum(
        metric("jisr_compiled_fallbacks_total", {"reason": reason}) or 0.0
        for reason in ("operation", "variables", "unsupported", "input", "depth")
    )


def with_territories(value: Any, ids: dict[str, str]) -> Any:
    if isinstance(value, str) and value.startswith("territory:"):
        return ids[value.removeprefix("territory:")]
    if isinstance(value, dict):
        return {k: with_territories(v, ids) for k, v in value.items()}
    if isinstance(value, list):
        return [with_territories(v, ids) for v in value]
    return value


@pytest.mark.parametrize(("query", "variables", "login"), CORPUS)
async def test_compiled_answer_equals_resolver_answer(
    compiled_api: Api,
    resolver_api: Api,
    territory_ids: dict[str, str],
    tokens: dict[str, str],
    query: str,
    variables: dict[str, Any],
    login: str | None,
) -> None:
    given = with_territories(variables, territory_ids)
    token = None
    if login is not None:
        token = tokens.get(login) or await resolver_api.login(login, DEMO_PASSWORD)
        tokens[login] = token
    expected = await resolver_api.gql(query, given, token)
    before = fallbacks()
    with compiled_api.count_statements() as statements:
        answer = await compiled_api.gql(query, given, token)
    assert "errors" not in expected, expected
    assert answer["data"] == expected["data"]
    fell_back = fallbacks() - before
    assert fell_back == (1 if query in NOT_COMPILED else 0), "which path answered"
    if token is None:
        assert len(statements) <= len(answer["data"]), "one statement per root field"
