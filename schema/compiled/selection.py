"""A GraphQL operation flattened into plain field trees, or ``Unsupported``.

Fragments are inlined for the type they apply to, ``@skip``/``@include`` are decided,
variables are substituted: the compiler then only sees fields, aliases and values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graphql import (
    BooleanValueNode,
    DocumentNode,
    EnumValueNode,
    FieldNode,
    FloatValueNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    NullValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    StringValueNode,
    ValueNode,
    VariableNode,
    print_ast,
)


class Unsupported(Exception):
    """The operation leaves the compiled subset; the resolver path answers it."""


@dataclass
class Field:
    """One response key: the field, its argument values, and its merged sub-selections."""

    key: str
    name: str
    node: FieldNode
    selections: list[SelectionSetNode] = field(default_factory=list)


def value_of(node: ValueNode, variables: dict[str, Any]) -> Any:
    if isinstance(node, VariableNode):
        return variables.get(node.name.value)
    if isinstance(node, NullValueNode):
        return None
    if isinstance(node, IntValueNode):
        return int(node.value)
    if isinstance(node, FloatValueNode):
        return float(node.value)
    if isinstance(node, StringValueNode | EnumValueNode):
        return node.value
    if isinstance(node, BooleanValueNode):
        return node.value
    if isinstance(node, ListValueNode):
        return [value_of(v, variables) for v in node.values]
    if isinstance(node, ObjectValueNode):
        return {f.name.value: value_of(f.value, variables) for f in node.fields}
    raise Unsupported(type(node).__name__)


def _included(node: Any, variables: dict[str, Any]) -> bool:
    for directive in node.directives or ():
        name = directive.name.value
        if name not in ("skip", "include"):
            raise Unsupported(f"@{name}")
        condition = next(
            (value_of(a.value, variables) for a in directive.arguments if a.name.value == "if"),
            None,
        )
        if (name == "skip") == bool(condition):
            return False
    return True


class Flattener:
    def __init__(self, document: DocumentNode, variables: dict[str, Any]) -> None:
        self.variables = variables
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }

    def fields(self, selections: list[SelectionSetNode], type_name: str) -> list[Field]:
        """The fields selected on an object of ``type_name``, merged by response key."""
        merged: dict[str, Field] = {}
        for selection_set in selections:
            for item in self._collect(selection_set, type_name, depth=0):
                key = item.alias.value if item.alias else item.name.value
                found = merged.get(key)
                if found is None:
                    found = merged[key] = Field(key, item.name.value, item)
                elif found.name != item.name.value or _arguments(found.node) != _arguments(item):
                    raise Unsupported("conflicting fields")
                if item.selection_set is not None:
                    found.selections.append(item.selection_set)
        return list(merged.values())

    def _collect(
        self, selection_set: SelectionSetNode | None, type_name: str, depth: int
    ) -> list[FieldNode]:
        if selection_set is None:
            return []
        if depth > 20:
            raise Unsupported("fragment nesting")
        found: list[FieldNode] = []
        for selection in selection_set.selections:
            if not _included(selection, self.variables):
                continue
            if isinstance(selection, FieldNode):
                found.append(selection)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                if condition is None or self._applies(condition.name.value, type_name):
                    found += self._collect(selection.selection_set, type_name, depth + 1)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments.get(selection.name.value)
                if fragment is None:
                    raise Unsupported("unknown fragment")
                if self._applies(fragment.type_condition.name.value, type_name):
                    found += self._collect(fragment.selection_set, type_name, depth + 1)
        return found

    @staticmethod
    def _applies(condition: str, type_name: str) -> bool:
        return condition in (type_name, "Node")


def _arguments(node: FieldNode) -> list[tuple[str, str]]:
    return sorted((a.name.value, print_ast(a.value)) for a in node.arguments or ())


def operation_of(document: DocumentNode, operation_name: str | None) -> OperationDefinitionNode:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if len(operations) != 1:
        raise Unsupported("operation")
    return operations[0]
