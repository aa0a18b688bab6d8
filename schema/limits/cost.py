"""What a query may cost, estimated before it runs, GitHub-style.

The cost is the number of objects the query may return: each connection counts its
``first`` (20 when omitted) times the objects it hangs from, each list of objects its
size below (or ``DEFAULT_LIST`` when not listed) likewise; ``nodes(ids:)`` counts its
ids. A single object counts nothing of its own; a field declared with a cost
(``FIELD_COSTS``, from the declarations of each type's fields) adds it per object it is
selected on. Every query costs at least 1.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    InlineFragmentNode,
    SelectionSetNode,
    get_named_type,
)
from graphql.execution.values import get_argument_values

from network.actors.fields import PLAIN as ACTOR_FIELDS
from network.services.fields import PLAIN as SERVICE_FIELDS
from schema.fields import costs
from schema.relay import DEFAULT_PAGE

DEFAULT_LIST = 20
LIST_SIZES = {
    ("Query", "territories"): 90,  # regions and provinces, or the children of one
    ("Query", "taxonomy"): 20,  # 19 categories
    ("Territory", "children"): 40,
    ("Service", "serviceArea"): 20,
    ("Actor", "units"): 20,
}
FIELD_COSTS: dict[tuple[str, str], int] = {
    **costs("Actor", ACTOR_FIELDS),
    **costs("Service", SERVICE_FIELDS),
}


def _is_list(field_type: Any) -> bool:
    while isinstance(field_type, GraphQLNonNull):
        field_type = field_type.of_type
    return isinstance(field_type, GraphQLList)


class CostEstimate:
    def __init__(self, schema: GraphQLSchema, document: DocumentNode, variables: Any) -> None:
        """``variables``: as ``get_variable_values`` coerced them."""
        self.schema = schema
        self.variables = variables
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }

    def of(self, selection_set: SelectionSetNode, type_name: str) -> int:
        return max(1, self._walk(selection_set, type_name, 1, frozenset()))

    def _walk(
        self,
        selection_set: SelectionSetNode,
        type_name: str,
        multiplier: int,
        seen: frozenset[str],
    ) -> int:
        parent = self.schema.get_type(type_name)
        fields = getattr(parent, "fields", {})
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner = condition.name.value if condition else type_name
                total += self._walk(selection.selection_set, inner, multiplier, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is not None and name not in seen:
                    inner = fragment.type_condition.name.value
                    total += self._walk(fragment.selection_set, inner, multiplier, seen | {name})
            elif isinstance(selection, FieldNode) and selection.selection_set is None:
                total += multiplier * FIELD_COSTS.get((type_name, selection.name.value), 0)
            elif isinstance(selection, FieldNode) and selection.selection_set is not None:
                definition = fields.get(selection.name.value)
                if definition is None:
                    continue
                count = self._count(type_name, selection, definition)
                inner_multiplier = multiplier * count if count is not None else multiplier
                if count is not None:
                    total += inner_multiplier
                child = get_named_type(definition.type).name
                total += self._walk(selection.selection_set, child, inner_multiplier, seen)
        return total

    def _count(self, type_name: str, node: FieldNode, definition: Any) -> int | None:
        """How many objects the field may return, or None for a single object."""
        field_name = node.name.value
        if type_name.endswith("Connection") and field_name in ("edges", "nodes"):
            return None  # counted on the connection itself
        try:
            arguments = get_argument_values(definition, node, self.variables)
        except GraphQLError:
            arguments = {}
        if get_named_type(definition.type).name.endswith("Connection"):
            first = arguments.get("first")
            return DEFAULT_PAGE if first is None else max(0, int(first))
        if not _is_list(definition.type):
            return None
        if (type_name, field_name) == ("Query", "nodes"):
            return len(arguments.get("ids") or ())
        return LIST_SIZES.get((type_name, field_name), DEFAULT_LIST)
