"""No silent breaking change: from the contract to the served schema, graphql-core's
``find_breaking_changes`` finds none, so a frontend written against
docs/contract.graphql keeps working against every release."""

from __future__ import annotations

from pathlib import Path

from graphql import GraphQLSchema, find_breaking_changes
from graphql import build_schema as parse_sdl

from schema.schema import build_schema

CONTRACT = Path(__file__).parents[2] / "docs" / "contract.graphql"


def served() -> GraphQLSchema:
    return parse_sdl(build_schema().as_str())


def contract() -> GraphQLSchema:
    return parse_sdl(CONTRACT.read_text(encoding="utf-8"))


def test_the_served_schema_breaks_nothing_of_the_contract() -> None:
    # when
    changes = find_breaking_changes(contract(), served())
    # then
    assert changes == [], "\n".join(f"{c.type.name}: {c.description}" for c in changes)


def test_the_check_sees_a_removed_field() -> None:
    # given a served schema without a contract field
    sdl = build_schema().as_str().replace("  totalCount: Int!\n", "", 1)
    # when
    changes = find_breaking_changes(contract(), parse_sdl(sdl))
    # then
    assert [c.type.name for c in changes] == ["FIELD_REMOVED"]
