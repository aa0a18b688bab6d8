from __future__ import annotations

import strawberry

from network.enums import ServiceAxis
from schema.context import Info
from schema.list_size import list_size
from schema.relay import node_resolver
from schema.taxonomy.types import TaxonomyTerm


@node_resolver("TaxonomyTerm")
async def term_nodes(info: Info, pks: list[int]) -> dict[int, TaxonomyTerm]:
    terms = info.context.reference.terms
    return {pk: TaxonomyTerm.of(terms[pk]) for pk in pks if pk in terms}


@strawberry.type
class TaxonomyQuery:
    @strawberry.field(metadata=list_size(20))  # 19 categories
    def taxonomy(self, info: Info, axis: ServiceAxis | None = None) -> list[TaxonomyTerm]:
        terms = info.context.reference.terms.values()
        return [TaxonomyTerm.of(t) for t in terms if axis is None or t.axis == axis]
