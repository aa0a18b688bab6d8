from __future__ import annotations

import strawberry

from network.actors import service
from network.actors.models import Actor as ActorRow
from network.database import UnitOfWork
from network.ids import pk_of, to_global_id
from schema.actors.inputs import CreateActorInput, UpdateActorInput
from schema.actors.types import Actor
from schema.auth import require_admin, require_user
from schema.common import UserError
from schema.context import Info
from schema.mutations import attempted_ids, run_mutation


@strawberry.type
class ActorPayload:
    actor: Actor | None
    user_errors: list[UserError]


def _changed(row: ActorRow) -> tuple[Actor, list[str]]:
    return Actor.of(row), [to_global_id("Actor", row.id)]


@strawberry.type
class ActorMutation:
    @strawberry.mutation(description="ADMIN only.")
    async def create_actor(self, info: Info, input: CreateActorInput) -> ActorPayload:
        viewer = info.context.viewer

        async def change(uow: UnitOfWork) -> tuple[Actor, list[str]]:
            require_admin(viewer)
            row = await service.create_actor(
                uow.session, viewer=viewer, kind=input.kind, changes=input.changes()
            )
            return _changed(row)

        actor, errors = await run_mutation(info, "createActor", change, input_field="input")
        return ActorPayload(actor=actor, user_errors=errors)

    @strawberry.mutation(description="ADMIN and the actor's staff.")
    async def update_actor(self, info: Info, input: UpdateActorInput) -> ActorPayload:
        viewer = info.context.viewer

        async def change(uow: UnitOfWork) -> tuple[Actor, list[str]]:
            require_user(viewer)
            row = await service.update_actor(
                uow.session, viewer=viewer, actor_id=input.actor_pk(), changes=input.changes()
            )
            return _changed(row)

        actor, errors = await run_mutation(
            info,
            "updateActor",
            change,
            audit_ids=attempted_ids("Actor", input.id),
            input_field="input",
        )
        return ActorPayload(actor=actor, user_errors=errors)

    @strawberry.mutation(description="ADMIN and the actor's staff: the actor's data is current.")
    async def verify_actor(self, info: Info, id: strawberry.ID) -> ActorPayload:
        viewer = info.context.viewer

        async def change(uow: UnitOfWork) -> tuple[Actor, list[str]]:
            require_user(viewer)
            actor_id = pk_of(id, "Actor", field="id")
            row = await service.verify_actor(uow.session, viewer=viewer, actor_id=actor_id)
            return _changed(row)

        actor, errors = await run_mutation(
            info, "verifyActor", change, audit_ids=attempted_ids("Actor", id)
        )
        return ActorPayload(actor=actor, user_errors=errors)
