from __future__ import annotations

from datetime import date

import strawberry

from network.consents.service import ConsentScope
from network.ids import pk_of
from schema.enums import ActorKind
from schema.youths.enums import ConsentGiver


@strawberry.input
class RecordConsentInput:
    youth_id: strawberry.ID
    given_on: date
    given_by: ConsentGiver | None = strawberry.field(
        default=None,
        description="Default YOUTH; LEGAL_REPRESENTATIVE required while the young person is "
        "a minor.",
    )
    all_actors: bool | None = None
    actor_kinds: list[ActorKind] | None = None
    actor_ids: list[strawberry.ID] | None = None
    expires_on: date | None = None
    evidence: str | None = None
    idempotency_key: str | None = strawberry.field(
        default=None,
        description="A repeat with the same key returns the first consent instead of a "
        "second one; with other input it is DUPLICATE.",
    )

    def scope(self) -> ConsentScope:
        return ConsentScope(
            all_actors=bool(self.all_actors),
            actor_kinds=list(self.actor_kinds or []),
            actor_ids=[
                pk_of(actor_id, "Actor", field="actorIds") for actor_id in self.actor_ids or []
            ],
        )
