from __future__ import annotations

import strawberry

from network.database import UnitOfWork
from network.ids import to_global_id
from network.services import service
from network.services.models import Service as ServiceRow
from schema.auth import require_user
from schema.common import UserError
from schema.context import Info
from schema.mutations import attempted_ids, run_mutation
from schema.services.inputs import CreateServiceInput, UpdateServiceInput
from schema.services.types import Service


@strawberry.type
class ServicePayload:
    service: Service | None
    user_errors: list[UserError]


def _changed(row: ServiceRow) -> tuple[Service, list[str]]:
    return Service.of(row), [to_global_id("Service", row.id), to_global_id("Actor", row.actor_id)]


@strawberry.type
class ServiceMutation:
    @strawberry.mutation(description="ADMIN and the staff of the service's actor.")
    async def create_service(self, info: Info, input: CreateServiceInput) -> ServicePayload:
        context = info.context

        async def change(uow: UnitOfWork) -> tuple[Service, list[str]]:
            require_user(context.viewer)
            row = await service.create_service(
                uow.session,
                viewer=context.viewer,
                actor_id=input.actor_pk(),
                axis=input.axis,
                changes=input.changes(),
                default_response_days=context.settings.default_response_days,
            )
            return _changed(row)

        created, errors = await run_mutation(
            info,
            "createService",
            change,
            audit_ids=attempted_ids("Actor", input.actor_id),
            input_field="input",
        )
        return ServicePayload(service=created, user_errors=errors)

    @strawberry.mutation(description="ADMIN and the staff of the service's actor.")
    async def update_service(self, info: Info, input: UpdateServiceInput) -> ServicePayload:
        viewer = info.context.viewer

        async def change(uow: UnitOfWork) -> tuple[Service, list[str]]:
            require_user(viewer)
            row = await service.update_service(
                uow.session, viewer=viewer, service_id=input.service_pk(), changes=input.changes()
            )
            return _changed(row)

        updated, errors = await run_mutation(
            info,
            "updateService",
            change,
            audit_ids=attempted_ids("Service", input.id),
            input_field="input",
        )
        return ServicePayload(service=updated, user_errors=errors)
