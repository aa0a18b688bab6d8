"""The compiled path says when it hands a query to the resolvers, and keeps hot plans."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from prometheus_client import REGISTRY
from structlog.testing import capture_logs

from schema.compiled import executor
from tests.api import Api, running_api

NOT_COMPILED = "{ actors(first: 1) { nodes { id webhooks { id } } } }"


def fallbacks(reason: str) -> float:
    value = REGISTRY.get_sample_value("jisr_compiled_fallbacks_total", {"reason": reason})
    return value or 0.0


async def test_a_query_outside_the_subset_is_counted_and_logged(demo_api: Api) -> None:
    # given
    before = fallbacks("unsupported")
    # when
    with capture_logs() as logs:
        answer = await demo_api.gql(NOT_COMPILED)
        again = await demo_api.gql(NOT_COMPILED)
    # then the resolvers answered, and each fallback is seen
    assert "errors" not in answer and answer == again
    assert answer["data"]["actors"]["nodes"][0]["webhooks"] == []
    assert fallbacks("unsupported") == before + 2
    lines = [line for line in logs if line["event"].startswith("compiled path fell back")]
    assert [line["detail"] for line in lines] == ["Actor.webhooks", "Actor.webhooks"]
    assert lines[0]["log_level"] == "debug"


async def test_a_compiled_query_is_no_fallback(demo_api: Api) -> None:
    # given
    before = sum(fallbacks(r) for r in ("unsupported", "input", "operation", "variables"))
    # when
    answer = await demo_api.gql("{ actors(first: 2, orderBy: NAME) { nodes { id name } } }")
    # then
    assert len(answer["data"]["actors"]["nodes"]) == 2
    after = sum(fallbacks(r) for r in ("unsupported", "input", "operation", "variables"))
    assert after == before


async def test_a_hot_plan_outlives_colder_ones(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a plan cache of two entries, and the queries it plans
    monkeypatch.setattr(executor, "CACHE_SIZE", 2)
    planned: list[str] = []
    plan = executor.CompiledDirectory._plan

    def spy(self: Any, context: Any, document: Any, variables: Any, name: Any) -> Any:
        planned.append(document.definitions[0].name.value)
        return plan(self, context, document, variables, name)

    monkeypatch.setattr(executor.CompiledDirectory, "_plan", spy)
    queries = {
        name: f"query {name} {{ actors(first: {n}) {{ nodes {{ id }} }} }}"
        for n, name in enumerate(("Hot", "Cold", "New"), start=1)
    }
    async with running_api(db_url, tmp_path / "var", response_cache=False) as api:
        # when the first query is used again before a third one comes
        for name in ("Hot", "Cold", "Hot", "New", "Hot", "Cold"):
            answer = await api.gql(queries[name])
            assert "errors" not in answer
    # then the hot one was planned once, the cold one again after it was forgotten
    assert planned == ["Hot", "Cold", "New", "Cold"]
