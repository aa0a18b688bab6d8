from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypedDict

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from network import youth_export as export
from network.crypto import DataCipher
from network.database import UnitOfWork
from network.ids import pk_of, to_global_id
from network.records.youths import Youth as YouthRow
from network.viewer import Viewer
from network.youths import service
from network.youths.repository import Seen
from schema.common import UserError
from schema.context import Info
from schema.mutations import mutate
from schema.youths.inputs import (
    AssessNeedsInput,
    RecordMilestoneInput,
    RegisterYouthInput,
    UpdateYouthInput,
)
from schema.youths.types import Youth


class Caller(TypedDict):
    """What a service write about a young person is given of its caller, as keywords
    (``service.update_youth(session, **caller, ...)``): who they are, and the cipher."""

    viewer: Viewer
    cipher: DataCipher


@strawberry.type
class YouthPayload:
    youth: Youth | None
    user_errors: list[UserError]


@strawberry.type
class YouthExportPayload:
    json: str | None
    user_errors: list[UserError]


async def _youth_mutation(
    info: Info,
    write: Callable[[AsyncSession, Caller], Awaitable[YouthRow]],
    *,
    youth_id: str | None,
) -> YouthPayload:
    """Run ``write``; those who may change a young person see their identity."""
    cipher = info.context.cipher

    def shown(row: YouthRow) -> tuple[Youth, list[str]]:
        return Youth.of(Seen(row, identity=True), cipher), [to_global_id("Youth", row.id)]

    youth, errors = await mutate(
        info,
        lambda uow, viewer: write(uow.session, Caller(viewer=viewer, cipher=cipher)),
        shown,
        given=("Youth", youth_id),
    )
    return YouthPayload(youth=youth, user_errors=errors)


@strawberry.type
class YouthMutation:
    @strawberry.mutation(
        description="Their mediator, a MEDIATOR of their institution, ADMIN. A repeat with "
        "the same idempotencyKey returns the first young person."
    )
    async def register_youth(self, info: Info, input: RegisterYouthInput) -> YouthPayload:
        return await _youth_mutation(
            info,
            lambda session, caller: service.register_youth(
                session,
                **caller,
                registration=input.registration(),
                idempotency_key=input.idempotency_key,
            ),
            youth_id=None,
        )

    @strawberry.mutation
    async def update_youth(self, info: Info, input: UpdateYouthInput) -> YouthPayload:
        return await _youth_mutation(
            info,
            lambda session, caller: service.update_youth(
                session, **caller, youth_id=input.youth_pk(), changes=input.changes()
            ),
            youth_id=input.id,
        )

    @strawberry.mutation(description="Upsert per axis; axes not given are unchanged.")
    async def assess_needs(self, info: Info, input: AssessNeedsInput) -> YouthPayload:
        return await _youth_mutation(
            info,
            lambda session, caller: service.assess_needs(
                session,
                **caller,
                youth_id=pk_of(input.youth_id, "Youth", field="youthId"),
                needs=input.assessments(),
            ),
            youth_id=input.youth_id,
        )

    @strawberry.mutation
    async def record_milestone(self, info: Info, input: RecordMilestoneInput) -> YouthPayload:
        return await _youth_mutation(
            info,
            lambda session, caller: service.record_milestone(
                session,
                **caller,
                youth_id=pk_of(input.youth_id, "Youth", field="youthId"),
                kind=input.kind,
                achieved_on=input.achieved_on,
                note=input.note,
            ),
            youth_id=input.youth_id,
        )

    @strawberry.mutation(
        description="Everything held about one young person (right of access, law 09-08)."
    )
    async def export_youth_data(self, info: Info, youth_id: strawberry.ID) -> YouthExportPayload:
        cipher = info.context.cipher

        async def write(uow: UnitOfWork, viewer: Viewer) -> tuple[str, int]:
            pk = pk_of(youth_id, "Youth", field="youthId")
            document = await export.export_youth_data(
                uow.session, viewer=viewer, cipher=cipher, youth_id=pk
            )
            return document, pk

        document, errors = await mutate(
            info,
            write,
            lambda found: (found[0], [to_global_id("Youth", found[1])]),
            given=("Youth", youth_id),
            input_field=None,
        )
        return YouthExportPayload(json=document, user_errors=errors)
