"""The coverage matrix on a hand-built region (MA-01), social assistance axis.

Services: A in MA-TNG (no area, capacity 3); B of a MA-CAS actor with area MA-TET
(capacity 5); C in MA-TET with areas MA-TET and MA-TNG (no capacity); D inactive in
MA-HOC; E active but its actor (MA-LAR) inactive.
Young people with a MEDIUM/HIGH need and nobody working on it: 6 in MA-HOC, 2 in
MA-LAR, 6 in MA-TNG (2 of a MA-TNG institution, 3 of a MA-HOC institution living in
MA-TNG, 1 whose referral was declined). Not counted: a LOW need, a need with an open
referral, one with a completed referral, one on another axis.
"""

from __future__ import annotations

from datetime import date

from network.enums import NeedLevel, ReferralStatus, ServiceAxis, TerritoryLevel
from network.metrics.coverage import CoverageCell, coverage
from network.metrics.disclosure import Disclosure, disclose
from tests.network.metrics.world import AXIS, World, at

PUBLISHED = Disclosure(threshold=5)


async def needy(
    world: World,
    institution: int,
    *,
    residence: str | None = None,
    level: NeedLevel = NeedLevel.HIGH,
    axis: ServiceAxis = AXIS,
) -> int:
    youth = await world.youth(institution, residence=residence)
    await world.need(youth, axis, level)
    return youth


async def build(world: World) -> dict[str, int]:
    tng = await world.actor("MA-TNG")
    tet = await world.actor("MA-TET")
    hoc = await world.actor("MA-HOC")
    lar_closed = await world.actor("MA-LAR", active=False)
    cas = await world.actor("MA-CAS")
    await world.service(tng, capacity=3)
    await world.service(cas, areas=("MA-TET",), capacity=5)
    await world.service(tet, areas=("MA-TET", "MA-TNG"))
    await world.service(hoc, active=False)
    await world.service(lar_closed, capacity=9)
    lar = await world.actor("MA-LAR")
    for _ in range(6):
        await needy(world, hoc)
    for _ in range(2):
        await needy(world, lar, level=NeedLevel.MEDIUM)
    for _ in range(2):
        await needy(world, tng)
    for _ in range(3):
        await needy(world, hoc, residence="MA-TNG")
    sent = at(date(2026, 5, 1))
    declined = await needy(world, tng)
    await world.referral(tng, tet, sent=sent, status=ReferralStatus.DECLINED, youth=declined)
    await needy(world, tng, level=NeedLevel.LOW)
    open_one = await needy(world, tng)
    await world.referral(tng, tet, sent=sent, status=ReferralStatus.ACCEPTED, youth=open_one)
    served = await needy(world, tng)
    await world.referral(tng, tet, sent=sent, status=ReferralStatus.COMPLETED, youth=served)
    await needy(world, tet, axis=ServiceAxis.HEALTH)
    return {
        code: await world.territory(code)
        for code in ("MA-01", "MA-06", "MA-TNG", "MA-TET", "MA-HOC", "MA-LAR", "MA-CHE")
    }


async def test_provinces_of_a_region(world: World) -> None:
    # given the region
    t = await build(world)

    # when its provinces' coverage on the axis is read
    raw = await coverage(
        world.session, level=TerritoryLevel.PROVINCE, territory_path="/MA-01/", axis=AXIS
    )
    cells = disclose(raw, PUBLISHED)

    # then each of its 8 provinces has a cell, in code order
    by_id = {cell.territory_id: cell for cell in cells}
    assert len(cells) == 8
    assert by_id[t["MA-TNG"]] == CoverageCell(t["MA-TNG"], AXIS, 2, 3, 6, False)
    assert by_id[t["MA-TET"]] == CoverageCell(t["MA-TET"], AXIS, 2, 5, 0, False)
    assert by_id[t["MA-HOC"]] == CoverageCell(t["MA-HOC"], AXIS, 0, None, 6, True)
    # 2 young people: not published, and still a gap
    assert by_id[t["MA-LAR"]] == CoverageCell(t["MA-LAR"], AXIS, 0, None, None, True)
    assert {c.territory_id: c.youth_with_need for c in raw}[t["MA-LAR"]] == 2  # ADMIN's view
    assert by_id[t["MA-CHE"]] == CoverageCell(t["MA-CHE"], AXIS, 0, None, 0, False)


async def test_regions_of_the_country(world: World) -> None:
    # given the region
    t = await build(world)

    # when the regions' coverage is read on every axis
    cells = disclose(await coverage(world.session, level=TerritoryLevel.REGION), PUBLISHED)

    # then 12 regions × 5 axes; MA-01 is reached by A, B and C, and holds 14 needy young
    # people on the axis; MA-06 (where B's actor lies) is not reached by B
    assert len(cells) == 60
    assert [c.axis for c in cells[:5]] == list(ServiceAxis)
    by_key = {(c.territory_id, c.axis): c for c in cells}
    assert by_key[(t["MA-01"], AXIS)] == CoverageCell(t["MA-01"], AXIS, 3, 8, 14, False)
    assert by_key[(t["MA-06"], AXIS)] == CoverageCell(t["MA-06"], AXIS, 0, None, 0, False)
    health = by_key[(t["MA-01"], ServiceAxis.HEALTH)]
    assert (health.active_services, health.youth_with_need, health.gap) == (0, None, True)
