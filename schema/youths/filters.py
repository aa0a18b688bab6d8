from __future__ import annotations

from datetime import date

import strawberry

from network.crypto import DataCipher
from network.ids import pk_of
from network.validation import clean_text
from network.youths import repository
from schema.youths.enums import YouthStatus


@strawberry.input(name="YouthFilter")
class YouthFilter:
    statuses: list[YouthStatus] | None = None
    institution_id: strawberry.ID | None = None
    leaving_before: date | None = None
    search: str | None = strawberry.field(
        default=None,
        description="A case-code prefix, or an exact full name (folded), matched through a "
        "keyed hash.",
    )

    def to_domain(self, cipher: DataCipher) -> repository.YouthFilter:
        search = clean_text(self.search, field=["filter", "search"], max_length=201)
        institution = self.institution_id
        return repository.YouthFilter(
            statuses=list(self.statuses or []),
            institution_id=pk_of(institution, "Actor", field="filter.institutionId")
            if institution
            else None,
            leaving_before=self.leaving_before,
            code_prefix=search.upper() if search else None,
            name_hash=cipher.lookup_hash(search) if search else None,
        )
