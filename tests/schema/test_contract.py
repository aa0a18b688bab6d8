"""The served schema contains the contract (docs/contract.graphql).

Every type and root field of the contract is checked, but for the NOT_YET_SERVED sets:
they shrink with the issue that serves them, until they are empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest
from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    Undefined,
    is_non_null_type,
)
from graphql import build_schema as parse_sdl

from schema.schema import build_schema

CONTRACT = Path(__file__).parents[2] / "docs" / "contract.graphql"

ROOTS = ("Query", "Mutation", "Subscription")
BUILT_IN = {"String", "Int", "Float", "Boolean", "ID", *ROOTS}

# Empty: the whole contract is served. A contract change lists here what waits for its issue.
NOT_YET_SERVED_TYPES: set[str] = set()
NOT_YET_SERVED_FIELDS: dict[str, set[str]] = {}
NOT_YET_SERVED_ROOT_FIELDS: set[tuple[str, str]] = set()

CONTRACT_SCHEMA = parse_sdl(CONTRACT.read_text(encoding="utf-8"))
SERVED_TYPES = sorted(
    name
    for name in CONTRACT_SCHEMA.type_map
    if not name.startswith("__") and name not in BUILT_IN and name not in NOT_YET_SERVED_TYPES
)
SERVED_ROOT_FIELDS = sorted(
    (root, field)
    for root in ROOTS
    for field in getattr(CONTRACT_SCHEMA.get_type(root), "fields", {})
    if (root, field) not in NOT_YET_SERVED_ROOT_FIELDS
)

Member = GraphQLField | GraphQLArgument | GraphQLInputField


@pytest.fixture(scope="module")
def contract() -> GraphQLSchema:
    return CONTRACT_SCHEMA


@pytest.fixture(scope="module")
def served() -> GraphQLSchema:
    return parse_sdl(build_schema().as_str())


def kind(named: GraphQLNamedType) -> str:
    return type(named).__name__.removeprefix("GraphQL").removesuffix("Type")


def is_optional(member: GraphQLArgument | GraphQLInputField) -> bool:
    return not is_non_null_type(member.type) or member.default_value is not Undefined


def member_differences(
    where: str, wanted: Mapping[str, Member], found: Mapping[str, Member], skip: set[str]
) -> list[str]:
    """Each wanted field, argument or input field missing from ``found`` or typed otherwise."""
    problems = []
    for name, member in wanted.items():
        if name in skip:
            continue
        if name not in found:
            problems.append(f"{where}.{name}: missing (contract: {member.type})")
            continue
        other = found[name]
        if str(other.type) != str(member.type):
            problems.append(f"{where}.{name}: contract {member.type}, served {other.type}")
        if isinstance(member, GraphQLField) and isinstance(other, GraphQLField):
            problems += member_differences(f"{where}.{name}", member.args, other.args, set())
            problems += extra_required(f"{where}.{name}", member.args, other.args)
    return problems


def extra_required(
    where: str,
    wanted: Mapping[str, Member],
    found: Mapping[str, GraphQLArgument | GraphQLInputField],
) -> list[str]:
    """Served inputs the contract lacks must be optional, or contract clients would fail."""
    return [
        f"{where}.{name}: served extra {member.type} is required"
        for name, member in found.items()
        if name not in wanted and not is_optional(member)
    ]


def type_differences(wanted: GraphQLNamedType, found: GraphQLNamedType | None) -> list[str]:
    name = wanted.name
    if found is None:
        return [f"{name}: missing ({kind(wanted)})"]
    if kind(found) != kind(wanted):
        return [f"{name}: contract {kind(wanted)}, served {kind(found)}"]
    skip = NOT_YET_SERVED_FIELDS.get(name, set())
    if isinstance(wanted, GraphQLObjectType | GraphQLInterfaceType):
        assert isinstance(found, GraphQLObjectType | GraphQLInterfaceType)
        missing = {i.name for i in wanted.interfaces} - {i.name for i in found.interfaces}
        return [f"{name}: does not implement {i}" for i in sorted(missing)] + member_differences(
            name, wanted.fields, found.fields, skip
        )
    if isinstance(wanted, GraphQLInputObjectType):
        assert isinstance(found, GraphQLInputObjectType)
        return member_differences(name, wanted.fields, found.fields, skip) + extra_required(
            name, wanted.fields, found.fields
        )
    if isinstance(wanted, GraphQLEnumType):
        assert isinstance(found, GraphQLEnumType)
        return [f"{name}.{v}: missing value" for v in wanted.values if v not in found.values]
    return []


def root_field_differences(
    root: str, field: str, contract: GraphQLSchema, served: GraphQLSchema
) -> list[str]:
    wanted_root, found_root = contract.get_type(root), served.get_type(root)
    assert isinstance(wanted_root, GraphQLObjectType)
    assert isinstance(found_root, GraphQLObjectType), f"{root} is not served"
    wanted = {field: wanted_root.fields[field]}
    found = {field: found_root.fields[field]} if field in found_root.fields else {}
    return member_differences(root, wanted, found, set())


@pytest.mark.parametrize("name", SERVED_TYPES)
def test_a_served_type_has_the_contract_shape(
    name: str, contract: GraphQLSchema, served: GraphQLSchema
) -> None:
    wanted = contract.get_type(name)
    assert wanted is not None, f"{name} is not in the contract"

    problems = type_differences(wanted, served.get_type(name))

    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("root", "field"), SERVED_ROOT_FIELDS)
def test_a_served_root_field_has_the_contract_shape(
    root: str, field: str, contract: GraphQLSchema, served: GraphQLSchema
) -> None:
    problems = root_field_differences(root, field, contract, served)

    assert not problems, "\n".join(problems)


SHARED_CONTRACT = Path(__file__).parents[3] / "shared" / "api" / "contract.graphql"


@pytest.mark.skipif(not SHARED_CONTRACT.exists(), reason="no shared/ checkout beside the repo")
def test_the_shipped_contract_is_the_shared_one() -> None:
    assert CONTRACT.read_bytes() == SHARED_CONTRACT.read_bytes()
