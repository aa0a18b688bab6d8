from __future__ import annotations

import strawberry

from network.ids import to_global_id
from network.services import service
from network.services.models import Service as ServiceRow
from schema.common import UserError
from schema.context import Info
from schema.mutations import Answers
from schema.services.inputs import CreateServiceInput, UpdateServiceInput
from schema.services.types import Service


@strawberry.type
class ServicePayload:
    service: Service | None
    user_errors: list[UserError]


def _changed(row: ServiceRow) -> tuple[Service, list[str]]:
    return Service.of(row), [to_global_id("Service", row.id), to_global_id("Actor", row.actor_id)]


_answers: Answers[ServiceRow, Service, ServicePayload] = Answers(
    _changed, lambda found, errors: ServicePayload(service=found, user_errors=errors)
)


@strawberry.type
class ServiceMutation:
    @strawberry.mutation(description="ADMIN and the staff of the service's actor.")
    async def create_service(self, info: Info, input: CreateServiceInput) -> ServicePayload:
        days = info.context.settings.default_response_days
        return await _answers.mutate(
            info,
            lambda uow, viewer: service.create_service(
                uow.session,
                viewer=viewer,
                actor_id=input.actor_pk(),
                axis=input.axis,
                changes=input.changes(),
                default_response_days=days,
            ),
            given=("Actor", input.actor_id),
        )

    @strawberry.mutation(description="ADMIN and the staff of the service's actor.")
    async def update_service(self, info: Info, input: UpdateServiceInput) -> ServicePayload:
        return await _answers.mutate(
            info,
            lambda uow, viewer: service.update_service(
                uow.session, viewer=viewer, service_id=input.service_pk(), changes=input.changes()
            ),
            given=("Service", input.id),
        )
