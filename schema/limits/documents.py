"""Documents parsed once, with the limits on tokens, depth, aliases and logins checked once.

A document within the limits and valid against the schema is kept parsed for both the
compiled and the resolver paths; one beyond a limit is refused with QUERY_TOO_COMPLEX
before anything runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from graphql import DocumentNode, GraphQLError, GraphQLSchema, parse, validate
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions.max_aliases import create_validator as aliases_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule

from network.errors import ErrorCode
from network.settings import Settings
from schema.errors import refusal, without_suggestions
from schema.limits.logins import OneLoginPerOperation
from schema.limits.lru import Lru

CACHE_SIZE = 1024


@dataclass(frozen=True)
class Prepared:
    """``document`` is set when valid; ``errors`` otherwise (refusals carry their code)."""

    document: DocumentNode | None
    errors: list[GraphQLError]


class Documents:
    def __init__(self, schema: GraphQLSchema, settings: Settings) -> None:
        self.schema = schema
        self.max_tokens = settings.max_query_tokens
        self.limit_rules = [
            depth_rule(settings.max_query_depth, None, None),
            aliases_rule(settings.max_query_aliases),
            OneLoginPerOperation,
        ]
        self.introspection = settings.introspection_allowed
        self._cache: Lru[str, Prepared] = Lru(CACHE_SIZE)

    def prepare(self, query: str) -> Prepared:
        found = self._cache.get(query)
        if found is None:
            found = self._cache.put(query, self._prepare(query))
        return found

    def _prepare(self, query: str) -> Prepared:
        try:
            document = parse(query, max_tokens=self.max_tokens)
        except GraphQLError as error:
            if "tokens" in error.message:
                return Prepared(None, [refusal(error.message)])
            return Prepared(None, [_coded(error, ErrorCode.INVALID_INPUT)])
        refused = validate(self.schema, document, self.limit_rules)
        if refused:
            return Prepared(None, [refusal(e.message, _limit_code(e)) for e in refused])
        rules = None if self.introspection else [NoSchemaIntrospectionCustomRule]
        errors = validate(self.schema, document)
        if rules:
            errors += validate(self.schema, document, rules)
        if errors and not self.introspection:
            errors = [_reworded(e, without_suggestions(e.message)) for e in errors]
        if errors:
            return Prepared(None, [_coded(e, ErrorCode.INVALID_INPUT) for e in errors])
        return Prepared(document, [])


def _reworded(error: GraphQLError, message: str) -> GraphQLError:
    return GraphQLError(message, error.nodes, error.source, error.positions)


def _limit_code(error: GraphQLError) -> ErrorCode:
    code = (error.extensions or {}).get("code")
    return ErrorCode(code) if code else ErrorCode.QUERY_TOO_COMPLEX


def _coded(error: GraphQLError, code: ErrorCode) -> GraphQLError:
    return GraphQLError(
        error.message, error.nodes, error.source, error.positions, extensions={"code": str(code)}
    )
