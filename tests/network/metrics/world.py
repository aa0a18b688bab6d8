"""Small hand-built networks for the metrics tests, written straight into the tables.

The databases hold territories and taxonomy only (no demo network), so that every
figure of a test can be worked out by hand from the rows the test inserts.
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Table, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from network.actors.models import Actor
from network.database import Base, standalone_unit_of_work
from network.enums import (
    ActorKind,
    MilestoneKind,
    NeedLevel,
    ReferralStatus,
    ServiceAxis,
    YouthStatus,
)
from network.records.referrals import Referral
from network.records.youths import Milestone, Need, Youth
from network.services.models import Service, service_areas
from network.taxonomy.models import TaxonomyTerm
from network.territories.models import Territory
from tests.databases import Databases

AXIS = ServiceAxis.SOCIAL_ASSISTANCE
_codes = itertools.count(1)


def table_of(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def at(day: date, hour: int = 0) -> datetime:
    """``hour`` o'clock UTC on ``day``."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


@dataclass
class World:
    session: AsyncSession
    _territories: dict[str, int] = field(default_factory=dict)

    async def territory(self, code: str) -> int:
        if code not in self._territories:
            found = await self.session.scalar(select(Territory.id).where(Territory.code == code))
            assert found is not None, code
            self._territories[code] = found
        return self._territories[code]

    async def category(self, code: str) -> int:
        found = await self.session.scalar(select(TaxonomyTerm.id).where(TaxonomyTerm.code == code))
        assert found is not None, code
        return int(found)

    async def _insert(self, model: type[Base], **values: Any) -> int:
        """Insert the given columns only (and their defaults): the new row's id.

        Core inserts keep these tests independent of columns other issues add."""
        table = table_of(model)
        inserted = await self.session.execute(insert(table).values(**values).returning(table.c.id))
        return int(inserted.scalar_one())

    async def actor(
        self,
        territory: str,
        *,
        name: str = "Acteur",
        kind: ActorKind = ActorKind.ASSOCIATION,
        accepts_referrals: bool = True,
        active: bool = True,
        parent: int | None = None,
    ) -> int:
        return await self._insert(
            Actor,
            names={"fr": name, "ar": name},
            kind=kind,
            territory_id=await self.territory(territory),
            accepts_referrals=accepts_referrals,
            active=active,
            parent_id=parent,
            languages=[],
        )

    async def service(
        self,
        actor: int,
        axis: ServiceAxis = AXIS,
        *,
        areas: tuple[str, ...] = (),
        capacity: int | None = None,
        active: bool = True,
        category: str | None = None,
    ) -> int:
        service_id = await self._insert(
            Service,
            actor_id=actor,
            names={"fr": "Service"},
            axis=axis,
            capacity_available=capacity,
            active=active,
            category_id=await self.category(category) if category else None,
            genders=[],
        )
        for code in areas:
            await self.session.execute(
                insert(service_areas).values(
                    service_id=service_id, territory_id=await self.territory(code)
                )
            )
        return service_id

    async def youth(
        self,
        institution: int,
        *,
        residence: str | None = None,
        left_care_on: date | None = None,
    ) -> int:
        return await self._insert(
            Youth,
            code=f"Y-{next(_codes):05d}",
            institution_id=institution,
            residence_territory_id=await self.territory(residence) if residence else None,
            left_care_on=left_care_on,
            status=YouthStatus.LEFT_CARE if left_care_on else YouthStatus.IN_CARE,
        )

    async def need(self, youth: int, axis: ServiceAxis, level: NeedLevel) -> None:
        await self.session.execute(
            insert(table_of(Need)).values(
                youth_id=youth, axis=axis, level=level, assessed_at=datetime.now(UTC)
            )
        )

    async def milestone(self, youth: int, kind: MilestoneKind, on: date) -> None:
        await self._insert(Milestone, youth_id=youth, kind=kind, achieved_on=on)

    async def referral(
        self,
        sender: int,
        receiver: int,
        *,
        sent: datetime | None,
        status: ReferralStatus = ReferralStatus.SENT,
        axis: ServiceAxis = AXIS,
        youth: int | None = None,
        service: int | None = None,
        response_hours: float | None = None,
        completion_days: float | None = None,
        respond_by: datetime | None = None,
        follow_up: datetime | None = None,
    ) -> int:
        if youth is None:
            youth = await self.youth(sender)
        return await self._insert(
            Referral,
            youth_id=youth,
            from_actor_id=sender,
            to_actor_id=receiver,
            service_id=service,
            axis=axis,
            status=status,
            sent_at=sent,
            respond_by=respond_by,
            responded_at=sent + timedelta(hours=response_hours)
            if sent and response_hours is not None
            else None,
            completed_at=sent + timedelta(days=completion_days)
            if sent and completion_days is not None
            else None,
            next_follow_up_at=follow_up,
            version=1,
        )


@pytest.fixture(scope="session")
async def bare_databases(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Databases]:
    """Migrated databases holding territories and taxonomy only."""
    dbs = Databases(tmp_path_factory.mktemp("bare"))
    await dbs.build_template(seed_demo=False)
    yield dbs
    await dbs.drop_all()


@pytest.fixture
async def bare_url(bare_databases: Databases) -> str:
    return await bare_databases.clone()


@pytest.fixture
async def world(bare_url: str) -> AsyncIterator[World]:
    """A bare database to build on, in one transaction the test computes in."""
    async with standalone_unit_of_work(bare_url) as uow:
        yield World(uow.session)
