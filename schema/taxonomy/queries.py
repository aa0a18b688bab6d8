from __future__ import annotations

import strawberry

from network.enums import ServiceAxis
from schema.context import Info
from schema.list_size import list_size
from schema.relay import reference_nodes
from schema.taxonomy.types import TaxonomyTerm

term_nodes = reference_nodes("TaxonomyTerm", lambda reference: reference.terms, TaxonomyTerm.of)


@strawberry.type
class TaxonomyQuery:
    @strawberry.field(metadata=list_size(20))  # 19 categories
    def taxonomy(self, info: Info, axis: ServiceAxis | None = None) -> list[TaxonomyTerm]:
        terms = info.context.reference.terms.values()
        return [TaxonomyTerm.of(t) for t in terms if axis is None or t.axis == axis]
