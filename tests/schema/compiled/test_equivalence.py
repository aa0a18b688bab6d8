"""Every corpus query gives the same answer on the compiled and the resolver paths."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from prometheus_client import REGISTRY

from network.seed.users import DEMO_PASSWORD
from tests.api import Api, running_api
from tests.schema.compiled.corpus import CORPUS, NOT_COMPILED

TERRITORY_IDS = "{ territories(level: REGION) { id code children { id code } } }"


@dataclass
class Paths:
    """The two read paths on one demo database of this module's own (signing in writes
    tokens), its territory ids, and the tokens signed in so far."""

    resolver: Api
    compiled: Api
    territory_ids: dict[str, str]
    tokens: dict[str, str] = field(default_factory=dict)

    async def token(self, login: str | None) -> str | None:
        if login is not None and login not in self.tokens:
            self.tokens[login] = await self.resolver.login(login, DEMO_PASSWORD)
        return None if login is None else self.tokens[login]


async def territory_ids(api: Api) -> dict[str, str]:
    regions = (await api.data(TERRITORY_IDS))["territories"]
    ids = {r["code"]: r["id"] for r in regions}
    ids |= {c["code"]: c["id"] for r in regions for c in r["children"]}
    communes = await api.data("{ territories(level: COMMUNE) { id code } }")
    ids |= {c["code"]: c["id"] for c in communes["territories"]}
    return ids


@pytest.fixture(scope="module")
async def paths(
    module_db_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Paths]:
    var = tmp_path_factory.mktemp
    async with (
        running_api(module_db_url, var("var"), compiled_reads=False) as resolver,
        # the compiled path alone: the response cache would hide it after the first answer
        running_api(module_db_url, var("var"), response_cache=False) as compiled,
    ):
        yield Paths(resolver, compiled, await territory_ids(compiled))


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
    paths: Paths, query: str, variables: dict[str, Any], login: str | None
) -> None:
    given = with_territories(variables, paths.territory_ids)
    token = await paths.token(login)
    expected = await paths.resolver.gql(query, given, token)
    before = fallbacks()
    with paths.compiled.count_statements() as statements:
        answer = await paths.compiled.gql(query, given, token)
    assert "errors" not in expected, expected
    assert answer["data"] == expected["data"]
    fell_back = fallbacks() - before
    assert fell_back == (1 if query in NOT_COMPILED else 0), "which path answered"
    if token is None:
        assert len(statements) <= len(answer["data"]), "one statement per root field"
