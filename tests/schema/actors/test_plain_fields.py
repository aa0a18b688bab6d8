"""The actor's plain fields, declared once (network.actors.fields), reach the type, the
inputs, the changes a mutation applies and the cost estimate."""

from __future__ import annotations

import pytest
from graphql import GraphQLNonNull, parse

from network.actors.changes import ActorChanges
from network.actors.fields import EDITABLE, PLAIN
from network.errors import InvalidInput
from schema.limits import cost
from schema.schema import build_schema


def test_every_plain_field_is_served_as_declared() -> None:
    # given the served schema
    schema = build_schema()._schema
    actor = schema.type_map["Actor"].fields  # type: ignore[attr-defined]
    # then each plain field is on Actor, null when it may be, and in both inputs
    for field in PLAIN:
        assert isinstance(actor[field.name].type, GraphQLNonNull) is not field.nullable
    for name in ("CreateActorInput", "UpdateActorInput"):
        inputs = schema.type_map[name].fields  # type: ignore[attr-defined]
        assert {f.name for f in EDITABLE} <= set(inputs), name
        assert not any(isinstance(inputs[f.name].type, GraphQLNonNull) for f in EDITABLE)


def test_the_model_cleans_what_it_is_given_and_nothing_else() -> None:
    # when
    changes = ActorChanges.of({"acronym": " AMJ ", "languages": None, "phone": None})
    # then the text is trimmed, a null clears what may be empty and is omitted otherwise
    assert changes.plain() == {"acronym": "AMJ", "phone": None}
    assert "languages" in changes and "address" not in changes


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"acronym": "A" * 41}, ["acronym"], "at most 40 characters"),
        ({"postal_code": "3000A"}, ["postalCode"], "a Moroccan postal code: five digits"),
        ({"acronym": 5}, ["acronym"], "Input should be a valid string"),
        ({"languages": ["xx"]}, ["languages", "0"], "Input should be"),
    ],
)
def test_a_wrong_value_names_its_field(
    values: dict[str, object], field: list[str], message: str
) -> None:
    # when
    with pytest.raises(InvalidInput) as refused:
        ActorChanges.of(values)
    # then
    assert refused.value.field == field
    assert refused.value.message.startswith(message)


def test_a_declared_cost_counts_per_object(monkeypatch: pytest.MonkeyPatch) -> None:
    # given a query selecting a plain field on each of ten actors
    schema = build_schema()._schema
    document = parse("{ actors(first: 10) { nodes { id acronym } } }")
    selection = document.definitions[0].selection_set  # type: ignore[attr-defined]
    # when the field is declared free, then with a cost of 3
    free = cost.CostEstimate(schema, document, {}).of(selection, "Query")
    monkeypatch.setitem(cost.FIELD_COSTS, ("Actor", "acronym"), 3)
    weighted = cost.CostEstimate(schema, document, {}).of(selection, "Query")
    # then
    assert cost.FIELD_COSTS.keys() >= {("Actor", f.name) for f in PLAIN}
    assert (free, weighted) == (10, 10 + 10 * 3)
