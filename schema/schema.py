"""The served schema: each domain's Query and Mutation parts merged into one."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.tools import merge_types

# Importing the loader modules registers their batch functions.
from schema.actors import loaders as _actor_loaders  # noqa: F401
from schema.actors.mutations import ActorMutation
from schema.actors.queries import ActorQuery
from schema.audit.queries import AuditQuery
from schema.errors import ErrorCodes
from schema.node import NodeQuery
from schema.services import loaders as _service_loaders  # noqa: F401
from schema.services.mutations import ServiceMutation
from schema.services.queries import ServiceQuery
from schema.taxonomy.queries import TaxonomyQuery
from schema.territories.queries import TerritoryQuery
from schema.users import loaders as _user_loaders  # noqa: F401
from schema.users.mutations import UserMutation
from schema.users.queries import UserQuery

QUERY_PARTS: tuple[type, ...] = (
    NodeQuery,
    UserQuery,
    TerritoryQuery,
    TaxonomyQuery,
    ActorQuery,
    ServiceQuery,
    AuditQuery,
)
MUTATION_PARTS: tuple[type, ...] = (UserMutation, ActorMutation, ServiceMutation)


class JisrSchema(strawberry.Schema):
    def process_errors(self, errors: Any, execution_context: Any = None) -> None:
        """Errors are formatted and logged by the ErrorCodes extension, never here."""


def build_schema() -> JisrSchema:
    from schema.actors.types import Actor
    from schema.services.types import Service
    from schema.taxonomy.types import TaxonomyTerm
    from schema.territories.types import Territory
    from schema.users.types import User

    return JisrSchema(
        query=merge_types("Query", QUERY_PARTS),
        mutation=merge_types("Mutation", MUTATION_PARTS),
        types=[Actor, Service, Territory, TaxonomyTerm, User],
        extensions=[ErrorCodes],
    )
