"""The console's GraphQL documents: one operation per file, named as the file, each valid
against the schema Jisr serves (with the fragments it spreads), so a renamed field fails here
before a page does."""

from __future__ import annotations

import pytest
from graphql import OperationDefinitionNode, parse, validate

from schema.schema import build_schema
from web.client import load_operations

OPERATIONS = load_operations()


def test_the_console_has_its_operations() -> None:
    assert {"SignIn", "ActorMap", "Inbox", "AcceptReferral", "UpdateService"} <= set(OPERATIONS)


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_each_operation_is_valid_and_named_as_its_file(name: str) -> None:
    document = parse(OPERATIONS[name])
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]

    assert [o.name.value if o.name else None for o in operations] == [name]
    assert validate(build_schema()._schema, document) == []
