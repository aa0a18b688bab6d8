"""At most one ``login`` per operation: a document of many would try many passwords
under one request and one rate-limit charge."""

from __future__ import annotations

from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
)

from network.errors import ErrorCode

LOGIN = "login"


class OneLoginPerOperation(ValidationRule):
    def __init__(self, context: ValidationContext) -> None:
        super().__init__(context)

    def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
        if node.operation is not OperationType.MUTATION:
            return
        count = self._logins(node.selection_set, set())
        if count > 1:
            self.report_error(
                GraphQLError(
                    f"at most one login per operation ({count} given)",
                    node,
                    extensions={"code": str(ErrorCode.ONE_LOGIN_PER_OPERATION)},
                )
            )

    def _logins(self, selections: SelectionSetNode, seen: set[str]) -> int:
        count = 0
        for selection in selections.selections:
            if isinstance(selection, FieldNode):
                count += selection.name.value == LOGIN
            elif isinstance(selection, InlineFragmentNode):
                count += self._logins(selection.selection_set, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.context.get_fragment(name)
                if fragment is not None and name not in seen:
                    seen.add(name)
                    count += self._logins(fragment.selection_set, seen)
        return count
