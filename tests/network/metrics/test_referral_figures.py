"""Referral figures on a hand-built network; every expected value is worked out below.

Actors: tng1, tng2 (MA-TNG) and tet (MA-TET) in region MA-01; cas, cas2 (MA-CAS) in
MA-06. Period: May 2026 (Casablanca is UTC+1 then). As of 10 June 2026, noon UTC.

    #   from → to    status       axis      response  completion  notes
    1   tng1 → tng2  COMPLETED    SA        2 h       10 d
    2   tng1 → tng2  ACCEPTED     SA        4 h                   follow-up 20 May (overdue)
    3   tng1 → tet   DECLINED     SA        6 h
    4   tng1 → tet   REDIRECTED   SA        8 h
    5   tet  → cas   IN_PROGRESS  SA        10 h                  follow-up in 2099 (not yet)
    6   cas  → tng2  EXPIRED      SA
    7   cas  → cas2  SENT         SA                              outside MA-01
    8   tng2 → tng1  SENT         HEALTH                          respond by 25 May (overdue)
    9   tng1 → tng2  CANCELLED    SA
    10  tng2 → tng1  COMPLETED    SA        12 h      4 d         sent 30 Apr 23:30 UTC
                                                                  = 1 May local
    11  tng1 → tng2  COMPLETED    SA        1 h       1 d         sent 31 May 23:30 UTC
                                                                  = 1 June local
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest

from network.enums import ReferralStatus, ServiceAxis
from network.metrics.figures import ActorFigures, AxisFigures, Centrality
from network.metrics.scope import Period
from network.metrics.service import compute, scope_of
from tests.network.metrics.world import World, at

MAY = Period(date(2026, 5, 1), date(2026, 5, 31))
AS_OF = datetime(2026, 6, 10, 12, tzinfo=UTC)
S = ReferralStatus
MAY_1 = datetime(2026, 4, 30, 23, 30, tzinfo=UTC)  # 00:30 on 1 May in Casablanca
JUNE_1 = datetime(2026, 5, 31, 23, 30, tzinfo=UTC)  # 00:30 on 1 June in Casablanca


@dataclass(frozen=True)
class Network:
    tng1: int
    tng2: int
    tet: int
    cas: int
    cas2: int
    isolated: int


async def build(world: World) -> Network:
    tng1 = await world.actor("MA-TNG", name="tng1")
    tng2 = await world.actor("MA-TNG", name="tng2")
    tet = await world.actor("MA-TET", name="tet")
    cas = await world.actor("MA-CAS", name="cas")
    cas2 = await world.actor("MA-CAS", name="cas2")
    isolated = await world.actor("MA-HOC", name="isolated")
    await world.actor("MA-HOC", name="not accepting", accepts_referrals=False)
    await world.actor("MA-HOC", name="inactive", active=False)
    may = at(date(2026, 5, 10), 9)
    # the referrals of the table above, in its order: sent on 10 May unless said
    referrals: list[tuple[int, int, ReferralStatus, dict[str, Any]]] = [
        (tng1, tng2, S.COMPLETED, {"response_hours": 2, "completion_days": 10}),
        (tng1, tng2, S.ACCEPTED, {"response_hours": 4, "follow_up": at(date(2026, 5, 20))}),
        (tng1, tet, S.DECLINED, {"response_hours": 6}),
        (tng1, tet, S.REDIRECTED, {"response_hours": 8}),
        (tet, cas, S.IN_PROGRESS, {"response_hours": 10, "follow_up": at(date(2099, 7, 1))}),
        (cas, tng2, S.EXPIRED, {}),
        (cas, cas2, S.SENT, {}),
        (tng2, tng1, S.SENT, {"axis": ServiceAxis.HEALTH, "respond_by": at(date(2026, 5, 25))}),
        (tng1, tng2, S.CANCELLED, {}),
        (tng2, tng1, S.COMPLETED, {"sent": MAY_1, "response_hours": 12, "completion_days": 4}),
        (tng1, tng2, S.COMPLETED, {"sent": JUNE_1, "response_hours": 1, "completion_days": 1}),
        (tng1, tng2, S.DRAFT, {"sent": None}),
    ]
    for sender, receiver, status, values in referrals:
        await world.referral(sender, receiver, status=status, **({"sent": may} | values))
    return Network(tng1, tng2, tet, cas, cas2, isolated)


async def test_a_region_counts_referrals_whose_sender_or_receiver_lies_in_it(
    world: World,
) -> None:
    # given the network, and the scope of region MA-01 for May
    await build(world)
    scope = await scope_of(world.session, period=MAY, territory_id=await world.territory("MA-01"))

    # when its figures are computed
    figures = (await compute(world.session, scope, as_of=AS_OF)).referrals

    # then referrals 1-6, 8, 9, 10 count (7 lies outside, 11 was sent in June locally)
    assert figures.sent == 9
    assert (figures.accepted, figures.declined, figures.expired) == (4, 1, 1)  # 1, 2, 5, 10
    assert (figures.completed, figures.redirected, figures.cancelled) == (2, 1, 1)
    assert figures.acceptance_rate == pytest.approx(4 / 5)
    assert figures.closed_loop_rate == pytest.approx(5 / 9)  # 1, 10, 3, 4, 9
    # responses 2 4 6 8 10 12 h: median between 6 and 8; p90 at rank 5.5
    assert figures.median_response_hours == pytest.approx(7.0)
    assert figures.p90_response_hours == pytest.approx(11.0)
    assert figures.median_completion_days == pytest.approx(7.0)  # 4 and 10 days
    assert figures.overdue_follow_ups == 1  # 2


async def test_a_province_with_an_odd_count_takes_the_middle_value(world: World) -> None:
    # given the network, and the scope of province MA-TET (referrals 3, 4 and 5)
    await build(world)
    scope = await scope_of(world.session, period=MAY, territory_id=await world.territory("MA-TET"))

    # when its figures are computed
    figures = (await compute(world.session, scope, as_of=AS_OF)).referrals

    # then responses 6 8 10 h have 8 as median; p90 at rank 2.8 = 8 + 0.8 × 2
    assert figures.sent == 3
    assert figures.median_response_hours == pytest.approx(8.0)
    assert figures.p90_response_hours == pytest.approx(9.6)
    assert figures.acceptance_rate == pytest.approx(0.5)
    assert figures.closed_loop_rate == pytest.approx(2 / 3)
    assert figures.median_completion_days is None
    assert figures.overdue_follow_ups == 0


async def test_a_referral_crossing_regions_counts_in_both(world: World) -> None:
    # given the network
    await build(world)

    # when MA-06 and the whole country are computed
    casablanca = await scope_of(
        world.session, period=MAY, territory_id=await world.territory("MA-06")
    )
    country = await scope_of(world.session, period=MAY)
    in_casablanca = (await compute(world.session, casablanca, as_of=AS_OF)).referrals
    everywhere = (await compute(world.session, country, as_of=AS_OF)).referrals

    # then MA-06 holds 5, 6 and 7, and the country every referral of May once
    assert in_casablanca.sent == 3
    assert everywhere.sent == 10


async def test_an_empty_period_has_zero_counts_and_no_rates(world: World) -> None:
    # given the network, and January 2025 when nothing was sent
    await build(world)
    scope = await scope_of(world.session, period=Period(date(2025, 1, 1), date(2025, 1, 31)))

    # when its figures are computed
    metrics = await compute(world.session, scope, as_of=AS_OF)

    # then counts are zero and every rate and percentile is null
    figures = metrics.referrals
    assert (figures.sent, figures.accepted, figures.overdue_follow_ups) == (0, 0, 0)
    assert figures.acceptance_rate is None
    assert figures.closed_loop_rate is None
    assert figures.median_response_hours is None
    assert figures.p90_response_hours is None
    assert figures.median_completion_days is None
    assert metrics.by_actor == []
    assert metrics.network.active_links == 0
    assert metrics.network.top_brokers == []


async def test_by_axis_lists_every_axis_in_order(world: World) -> None:
    # given the network
    await build(world)
    scope = await scope_of(world.session, period=MAY, territory_id=await world.territory("MA-01"))

    # when its figures are computed
    by_axis = (await compute(world.session, scope, as_of=AS_OF)).by_axis

    # then health holds 8 (unanswered), social assistance the rest
    sa = AxisFigures(ServiceAxis.SOCIAL_ASSISTANCE, 8, 2, pytest.approx(0.8), pytest.approx(7.0))  # type: ignore[arg-type]
    assert by_axis == [
        AxisFigures(ServiceAxis.HEALTH, 1, 0, None, None),
        AxisFigures(ServiceAxis.EDUCATION_TRAINING, 0, 0, None, None),
        AxisFigures(ServiceAxis.EMPLOYMENT, 0, 0, None, None),
        sa,
        AxisFigures(ServiceAxis.SOCIAL_PARTICIPATION, 0, 0, None, None),
    ]


async def test_an_axis_scope_keeps_its_referrals_only(world: World) -> None:
    # given the network
    await build(world)
    scope = await scope_of(
        world.session,
        period=MAY,
        territory_id=await world.territory("MA-01"),
        axis=ServiceAxis.HEALTH,
    )

    # when the health figures are computed
    metrics = await compute(world.session, scope, as_of=AS_OF)

    # then only referral 8 counts: sent, unanswered, so no acceptance rate
    assert metrics.referrals.sent == 1
    assert metrics.referrals.acceptance_rate is None
    assert [a.axis for a in metrics.by_axis] == [ServiceAxis.HEALTH]


async def test_by_actor_lists_actors_of_the_territory_most_received_first(world: World) -> None:
    # given the network
    n = await build(world)
    scope = await scope_of(world.session, period=MAY, territory_id=await world.territory("MA-01"))

    # when its figures are computed
    by_actor = (await compute(world.session, scope, as_of=AS_OF)).by_actor

    # then tng2 received 1 2 6 9; tng1 received 8 10 (8 overdue); tet 3 4; cas is elsewhere
    expected = [  # actor, sent, received, acceptance rate, median response hours, overdue
        (n.tng2, 2, 4, 1.0, 3.0, 0),
        (n.tng1, 5, 2, 1.0, 12.0, 1),
        (n.tet, 1, 2, 0.0, 7.0, 0),
    ]
    assert by_actor == [
        ActorFigures(actor, sent, received, rate, pytest.approx(hours), overdue)  # type: ignore[arg-type]  # equals a float
        for actor, sent, received, rate, hours, overdue in expected
    ]


async def test_the_network_of_a_region(world: World) -> None:
    # given the network
    n = await build(world)
    scope = await scope_of(world.session, period=MAY, territory_id=await world.territory("MA-01"))

    # when its figures are computed
    network = (await compute(world.session, scope, as_of=AS_OF)).network

    # then 5 active actors (the inactive one is not a node); links tng1→tng2, tng1→tet,
    # tng2→tng1; the only isolated actor accepting referrals; tet redirected referral 4
    assert network.actors == 5
    assert network.active_links == 3
    assert network.density == pytest.approx(3 / 20)
    assert network.isolated_actor_ids == [n.isolated]
    assert network.top_brokers == [
        Centrality(n.tet, partners=2, referrals_brokered=1),
        Centrality(n.tng1, partners=2, referrals_brokered=0),
        Centrality(n.tng2, partners=2, referrals_brokered=0),
    ]


async def test_a_lone_actor_has_no_density(world: World) -> None:
    # given a province with one actor
    await world.actor("MA-OUZ")
    scope = await scope_of(world.session, period=MAY, territory_id=await world.territory("MA-OUZ"))

    # when its figures are computed
    network = (await compute(world.session, scope, as_of=AS_OF)).network

    # then one node, no possible link: density is null
    assert (network.actors, network.active_links, network.density) == (1, 0, None)
