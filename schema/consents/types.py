from __future__ import annotations

from datetime import date, datetime

import strawberry

from network import clock
from network.consents.models import Consent as ConsentRow
from network.consents.service import is_active
from network.crypto import DataCipher
from network.ids import to_global_id
from schema.actors.types import Actor
from schema.context import Info
from schema.enums import ActorKind
from schema.relay import Node
from schema.youths.enums import ConsentGiver


@strawberry.type(name="Consent")
class Consent(Node):
    """Consents are identity (docs/access.md): only callers who see it are given one."""

    row: strawberry.Private[ConsentRow]
    given_by: ConsentGiver
    all_actors: bool
    actor_kinds: list[ActorKind]
    given_on: date
    expires_on: date | None
    withdrawn_at: datetime | None
    evidence: str | None
    active: bool

    @classmethod
    def of(cls, row: ConsentRow, cipher: DataCipher) -> Consent:
        return cls(
            id=strawberry.ID(to_global_id("Consent", row.id)),
            row=row,
            given_by=row.given_by,
            all_actors=row.all_actors,
            actor_kinds=[ActorKind(kind) for kind in row.actor_kinds or []],
            given_on=row.given_on,
            expires_on=row.expires_on,
            withdrawn_at=row.withdrawn_at,
            evidence=cipher.decrypt(row.evidence_enc),
            active=is_active(row, today=clock.today()),
        )

    @strawberry.field
    async def actors(self, info: Info) -> list[Actor]:
        loaders = info.context.loaders
        actor_ids: list[int] = await loaders["consent_actor_ids"].load(self.row.id)
        rows = await loaders["actor"].load_many(actor_ids)
        return [Actor.of(row) for row in rows if row is not None]
