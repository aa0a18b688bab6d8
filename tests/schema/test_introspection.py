"""GraphiQL and code generators introspect the schema: that must always work."""

from __future__ import annotations

from graphql import get_introspection_query

from tests.api import Api


async def test_the_full_introspection_query_answers_without_error(demo_api: Api) -> None:
    answer = await demo_api.gql(get_introspection_query(descriptions=True))

    assert "errors" not in answer, answer.get("errors")
    names = {t["name"] for t in answer["data"]["__schema"]["types"]}
    assert {"Actor", "Referral", "Youth", "CoordinationMetrics"} <= names
