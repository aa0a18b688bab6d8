from __future__ import annotations

from datetime import datetime

import strawberry

from network.audit.repository import AuditCriteria
from network.errors import InvalidInput
from network.ids import from_global_id, pk_of, to_global_id
from schema.actors.filters import as_utc


@strawberry.input
class AuditFilter:
    user_id: strawberry.ID | None = None
    record_id: strawberry.ID | None = None
    operation: str | None = None
    after: datetime | None = None
    before: datetime | None = None

    def criteria(self) -> AuditCriteria:
        record_id = None
        if self.record_id is not None:
            try:
                record_id = to_global_id(*from_global_id(self.record_id))
            except InvalidInput as error:
                raise InvalidInput(error.message, field=["filter.recordId"]) from None
        return AuditCriteria(
            user_id=pk_of(self.user_id, "User", field="filter.userId") if self.user_id else None,
            record_id=record_id,
            operation=self.operation,
            after=as_utc(self.after),
            before=as_utc(self.before),
        )
