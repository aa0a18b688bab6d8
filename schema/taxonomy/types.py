from __future__ import annotations

import strawberry

from network.taxonomy.models import TaxonomyTerm as TermRow
from schema.common import name_or_code
from schema.context import Info
from schema.enums import ServiceAxis
from schema.relay import FromRow, Node


@strawberry.type(name="TaxonomyTerm")
class TaxonomyTerm(Node, FromRow):
    row: strawberry.Private[TermRow]
    code: str
    axis: ServiceAxis

    name = strawberry.field(resolver=name_or_code)

    @strawberry.field
    def parent(self, info: Info) -> TaxonomyTerm | None:
        if self.row.parent_id is None:
            return None
        return TaxonomyTerm.of(info.context.reference.terms[self.row.parent_id])
