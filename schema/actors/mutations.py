from __future__ import annotations

import strawberry

from network.actors import service
from schema.actors.inputs import CreateActorInput, UpdateActorInput
from schema.actors.types import Actor
from schema.common import UserError
from schema.context import Info
from schema.mutations import mutate, mutate_one, shown_as


@strawberry.type
class ActorPayload:
    actor: Actor | None
    user_errors: list[UserError]


_changed = shown_as("Actor", Actor.of)


@strawberry.type
class ActorMutation:
    @strawberry.mutation(description="ADMIN only.")
    async def create_actor(self, info: Info, input: CreateActorInput) -> ActorPayload:
        actor, errors = await mutate(
            info,
            lambda uow, viewer: service.create_actor(
                uow.session, viewer=viewer, kind=input.kind, changes=input.changes()
            ),
            _changed,
            admin=True,
        )
        return ActorPayload(actor=actor, user_errors=errors)

    @strawberry.mutation(description="ADMIN and the actor's staff.")
    async def update_actor(self, info: Info, input: UpdateActorInput) -> ActorPayload:
        actor, errors = await mutate(
            info,
            lambda uow, viewer: service.update_actor(
                uow.session, viewer=viewer, actor_id=input.actor_pk(), changes=input.changes()
            ),
            _changed,
            given=("Actor", input.id),
        )
        return ActorPayload(actor=actor, user_errors=errors)

    @strawberry.mutation(description="ADMIN and the actor's staff: the actor's data is current.")
    async def verify_actor(self, info: Info, id: strawberry.ID) -> ActorPayload:
        actor, errors = await mutate_one(
            info,
            "Actor",
            id,
            lambda session, viewer, pk: service.verify_actor(session, viewer=viewer, actor_id=pk),
            _changed,
        )
        return ActorPayload(actor=actor, user_errors=errors)
