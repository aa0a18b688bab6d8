"""The served schema contains the contract (docs/contract.graphql), for the parts built so far.

Each list below grows with the issue that serves more of the contract, until it is all of it.
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

SERVED_TYPES = (
    "Node",
    "PageInfo",
    "LocalizedText",
    "Language",
    "ServiceAxis",
    "ActorKind",
    "TerritoryLevel",
    "Gender",
    "Role",
    "UserError",
    "ErrorCode",
    "Territory",
    "TaxonomyTerm",
    "GeoPoint",
    "Actor",
    "Eligibility",
    "Capacity",
    "Service",
    "GeoRadiusInput",
    "ActorFilter",
    "ActorOrder",
    "ServiceFilter",
    "ActorEdge",
    "ActorConnection",
    "ServiceEdge",
    "ServiceConnection",
    "User",
    "Channel",
    "NotificationPreference",
    "NotificationKind",
    "AuditEntry",
    "AuditEntryEdge",
    "AuditEntryConnection",
    "AuditFilter",
    "LocalizedTextInput",
    "GeoPointInput",
    "EligibilityInput",
    "CapacityInput",
    "CreateActorInput",
    "UpdateActorInput",
    "CreateServiceInput",
    "UpdateServiceInput",
    "NotificationPreferenceInput",
    "UpdateMyProfileInput",
    "LoginPayload",
    "ActorPayload",
    "ServicePayload",
    "UserPayload",
)

# Fields of served types that a later issue brings.
NOT_YET_SERVED_FIELDS = {
    "Actor": {"webhooks"},  # the notifications issue (Webhook)
}

SERVED_QUERIES = (
    "node",
    "nodes",
    "me",
    "territories",
    "taxonomy",
    "actors",
    "services",
    "auditLog",
)
SERVED_MUTATIONS = (
    "login",
    "createActor",
    "updateActor",
    "verifyActor",
    "createService",
    "updateService",
    "updateMyProfile",
)

Member = GraphQLField | GraphQLArgument | GraphQLInputField


@pytest.fixture(scope="module")
def contract() -> GraphQLSchema:
    return parse_sdl(CONTRACT.read_text(encoding="utf-8"))


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


@pytest.mark.parametrize(
    ("root", "field"),
    [("Query", f) for f in SERVED_QUERIES] + [("Mutation", f) for f in SERVED_MUTATIONS],
)
def test_a_served_root_field_has_the_contract_shape(
    root: str, field: str, contract: GraphQLSchema, served: GraphQLSchema
) -> None:
    problems = root_field_differences(root, field, contract, served)

    assert not problems, "\n".join(problems)
