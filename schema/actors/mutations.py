from __future__ import annotations

import strawberry

from network.actors import service
from network.actors.models import Actor as ActorRow
from schema.actors.inputs import CreateActorInput, UpdateActorInput
from schema.actors.types import Actor
from schema.common import UserError
from schema.context import Info
from schema.mutations import Answers, shown_as


@strawberry.type
class ActorPayload:
    actor: Actor | None
    user_errors: list[UserError]


_answers: Answers[ActorRow, Actor, ActorPayload] = Answers(
    shown_as("Actor", Actor.of), lambda actor, errors: ActorPayload(actor=actor, user_errors=errors)
)


@strawberry.type
class ActorMutation:
    @strawberry.mutation(description="ADMIN only.")
    async def create_actor(self, info: Info, input: CreateActorInput) -> ActorPayload:
        return await _answers.mutate(
            info,
            lambda uow, viewer: service.create_actor(
                uow.session, viewer=viewer, kind=input.kind, changes=input.changes()
            ),
            admin=True,
        )

    @strawberry.mutation(description="ADMIN and the actor's staff.")
    async def update_actor(self, info: Info, input: UpdateActorInput) -> ActorPayload:
        return await _answers.mutate(
            info,
            lambda uow, viewer: service.update_actor(
                uow.session, viewer=viewer, actor_id=input.actor_pk(), changes=input.changes()
            ),
            given=("Actor", input.id),
        )

    @strawberry.mutation(description="ADMIN and the actor's staff: the actor's data is current.")
    async def verify_actor(self, info: Info, id: strawberry.ID) -> ActorPayload:
        return await _answers.mutate_one(
            info,
            "Actor",
            id,
            lambda session, viewer, pk: service.verify_actor(session, viewer=viewer, actor_id=pk),
        )
