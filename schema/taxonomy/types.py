from __future__ import annotations

import strawberry

from network.enums import Language
from network.localized import pick
from network.taxonomy.models import TaxonomyTerm as TermRow
from schema.context import Info
from schema.enums import ServiceAxis
from schema.relay import FromRow, Node


@strawberry.type(name="TaxonomyTerm")
class TaxonomyTerm(Node, FromRow):
    row: strawberry.Private[TermRow]
    code: str
    axis: ServiceAxis

    @strawberry.field
    def name(self, info: Info, lang: Language | None = None) -> str:
        return pick(self.row.names, lang, info.context.viewer.language) or self.code

    @strawberry.field
    def parent(self, info: Info) -> TaxonomyTerm | None:
        if self.row.parent_id is None:
            return None
        return TaxonomyTerm.of(info.context.reference.terms[self.row.parent_id])
