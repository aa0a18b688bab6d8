from __future__ import annotations

from datetime import date, datetime

import strawberry

from network import clock
from network.consents.service import is_active
from network.crypto import DataCipher
from network.records.consents import Consent as ConsentRow
from schema.actors.loaders import actor_loader
from schema.actors.types import Actor
from schema.consents.loaders import consent_actor_ids_loader
from schema.context import Info
from schema.enums import ActorKind
from schema.relay import Node, from_row
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
        return from_row(
            cls,
            row,
            row=row,
            actor_kinds=[ActorKind(kind) for kind in row.actor_kinds or []],
            evidence=cipher.decrypt(row.evidence_enc),
            active=is_active(row, today=clock.today()),
        )

    @strawberry.field
    async def actors(self, info: Info) -> list[Actor]:
        context = info.context
        actor_ids: list[int] = await consent_actor_ids_loader(context).load(self.row.id)
        rows = await actor_loader(context).load_many(actor_ids)
        return [Actor.of(row) for row in rows if row is not None]
