"""Plain fields, declared once per type (network.actors.fields, network.services.fields),
reach the type, the inputs, the changes a mutation applies and the cost estimate."""

from __future__ import annotations

import pytest
from graphql import GraphQLNonNull, parse

from network.actors import fields as actor_fields
from network.actors.changes import ActorChanges
from network.errors import InvalidInput
from network.fields import Plain
from network.services import fields as service_fields
from network.services.changes import ServiceChanges
from schema.limits import cost
from schema.schema import build_schema

TYPES = [
    ("Actor", actor_fields.PLAIN, actor_fields.EDITABLE),
    ("Service", service_fields.PLAIN, service_fields.EDITABLE),
]


@pytest.mark.parametrize(("type_name", "plain", "editable"), TYPES)
def test_every_plain_field_is_served_as_declared(
    type_name: str, plain: tuple[Plain, ...], editable: tuple[Plain, ...]
) -> None:
    # given the served schema
    schema = build_schema()._schema
    served = schema.type_map[type_name].fields  # type: ignore[attr-defined]
    # then each plain field is on the type, null when it may be, and in both inputs
    for field in plain:
        assert isinstance(served[field.name].type, GraphQLNonNull) is not field.nullable
    for name in (f"Create{type_name}Input", f"Update{type_name}Input"):
        inputs = schema.type_map[name].fields  # type: ignore[attr-defined]
        assert {f.name for f in editable} <= set(inputs), name
        assert not any(isinstance(inputs[f.name].type, GraphQLNonNull) for f in editable)


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
    for type_name, plain, _ in TYPES:
        assert cost.FIELD_COSTS.keys() >= {(type_name, f.name) for f in plain}
    assert (free, weighted) == (10, 10 + 10 * 3)


def test_a_service_response_time_is_checked_by_its_declaration() -> None:
    # when
    with pytest.raises(InvalidInput) as refused:
        ServiceChanges.of({"response_days": 366})
    kept = ServiceChanges.of({"response_days": None, "accepts_referrals": False})
    # then
    assert (refused.value.field, refused.value.message) == (
        ["responseDays"],
        "must be between 0 and 365",
    )
    assert kept.plain() == {"accepts_referrals": False}


def test_the_actors_texts_are_served_as_localized_declares() -> None:
    # given the served schema
    actor = build_schema()._schema.type_map["Actor"].fields  # type: ignore[attr-defined]
    # then each text is read in one language (asked by lang), and in all when declared
    for text in actor_fields.LOCALIZED:
        picked = actor[text.pick]
        assert list(picked.args) == ["lang"]
        assert isinstance(picked.type, GraphQLNonNull) is (text.default is not None)
        if text.all is not None:
            assert str(actor[text.all].type) == "LocalizedText!"
