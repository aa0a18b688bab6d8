from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from network import clock
from network.crypto import DataCipher
from network.records.youths import Milestone as MilestoneRow
from network.records.youths import Need as NeedRow
from network.youths.identity import birth_date_of, identity_of
from network.youths.repository import Seen
from network.youths.rules import age_on
from schema.actors.loaders import actor_loader
from schema.actors.types import Actor
from schema.connections import Connection
from schema.consents.types import Consent
from schema.context import Info
from schema.enums import Gender, ServiceAxis
from schema.referrals.pages import youth_referrals
from schema.relay import Node, Paging, from_row, paged
from schema.territories.types import Territory
from schema.users.loaders import user_loader
from schema.users.types import User
from schema.youths.enums import (
    EducationLevel,
    MilestoneKind,
    NeedLevel,
    VocationalLevel,
    YouthStatus,
)
from schema.youths.loaders import (
    judged_youth_loader,
    youth_consents_loader,
    youth_loader,
    youth_milestones_loader,
    youth_needs_loader,
)

if TYPE_CHECKING:
    from schema.referrals.types import Referral


@strawberry.type
class Need:
    axis: ServiceAxis
    level: NeedLevel
    note: str | None
    assessed_at: datetime

    @classmethod
    def of(cls, row: NeedRow, cipher: DataCipher, *, identity: bool) -> Need:
        note = cipher.decrypt(row.note_enc) if identity else None
        return from_row(cls, row, note=note)


@strawberry.type
class Milestone:
    kind: MilestoneKind
    achieved_on: date
    note: str | None

    @classmethod
    def of(cls, row: MilestoneRow, cipher: DataCipher, *, identity: bool) -> Milestone:
        note = cipher.decrypt(row.note_enc) if identity else None
        return cls(kind=row.kind, achieved_on=row.achieved_on, note=note)


@strawberry.type(
    name="Youth",
    description="Personal fields are null for a caller who may see the young person but not "
    "their identity (docs/access.md).",
)
class Youth(Node):
    seen: strawberry.Private[Seen]
    code: str
    first_name: str | None
    last_name: str | None
    birth_date: date | None
    age: int | None
    gender: Gender | None
    status: YouthStatus
    expected_leaving_date: date | None
    left_care_on: date | None
    education_level: EducationLevel | None
    vocational_level: VocationalLevel | None

    @classmethod
    def of(cls, seen: Seen, cipher: DataCipher) -> Youth:
        row = seen.youth
        born = birth_date_of(row, cipher)
        identity = identity_of(row, cipher) if seen.identity else None
        return from_row(
            cls,
            row,
            seen=seen,
            first_name=identity.first_name if identity else None,
            last_name=identity.last_name if identity else None,
            birth_date=identity.birth_date if identity else None,
            age=age_on(born, clock.today()) if born else None,
        )

    @strawberry.field
    async def institution(self, info: Info) -> Actor:
        return Actor.of(await actor_loader(info.context).load(self.seen.youth.institution_id))

    @strawberry.field(description="Where they live after leaving care.")
    def residence_territory(self, info: Info) -> Territory | None:
        territory_id = self.seen.youth.residence_territory_id
        if territory_id is None:
            return None
        return Territory.of_pk(info, territory_id)

    @strawberry.field
    async def mediator(self, info: Info) -> User | None:
        mediator_id = self.seen.youth.mediator_id
        if mediator_id is None:
            return None
        row: Any = await user_loader(info.context).load(mediator_id)
        return User.of(row) if row else None

    @strawberry.field
    async def needs(self, info: Info) -> list[Need]:
        rows = await youth_needs_loader(info.context).load(self.seen.youth.id)
        cipher = info.context.cipher
        return [Need.of(row, cipher, identity=self.seen.identity) for row in rows]

    @strawberry.field(description="Identity: empty for callers who may not see it.")
    async def consents(self, info: Info) -> list[Consent]:
        if not self.seen.identity:
            return []
        rows = await youth_consents_loader(info.context).load(self.seen.youth.id)
        cipher = info.context.cipher
        return [Consent.of(row, cipher) for row in rows]

    @strawberry.field
    async def milestones(self, info: Info) -> list[Milestone]:
        rows = await youth_milestones_loader(info.context).load(self.seen.youth.id)
        cipher = info.context.cipher
        return [Milestone.of(row, cipher, identity=self.seen.identity) for row in rows]

    @strawberry.field
    @paged
    async def referrals(
        self, info: Info, *, paging: Paging
    ) -> Connection[Annotated[Referral, strawberry.lazy("schema.referrals.types")]]:
        return await youth_referrals(info, self.seen.youth.id, paging)


YouthConnection = Connection[Youth]


async def youth_by_id(info: Info, youth_id: int | None) -> Youth | None:
    """The young person if the caller may see them, else None (through the "youth" loader)."""
    if youth_id is None:
        return None
    seen: Seen | None = await youth_loader(info.context).load(youth_id)
    return Youth.of(seen, info.context.cipher) if seen else None


async def judged_youth(info: Info, youth_id: int, *, identity: bool) -> Youth:
    """A young person the caller's query already found they may see (a referral's flags),
    ``identity`` telling whether their identity too (through the "judged youth" loader)."""
    seen: Seen = await judged_youth_loader(info.context).load((youth_id, identity))
    return Youth.of(seen, info.context.cipher)
