"""coordinationMetrics through the API, on the network of tests/network/metrics/
test_referral_figures.py (its docstring works every figure out)."""

from __future__ import annotations

import pytest

from network import clock
from network.enums import ActorKind, Role
from network.ids import to_global_id
from network.metrics.scope import last_twelve_months
from tests.api import Api
from tests.factories import person, territory_pk
from tests.network.metrics.built import built
from tests.network.metrics.test_referral_figures import Network, build
from tests.network.metrics.world import World

METRICS = """
query Metrics($territory: ID, $period: PeriodInput, $first: Int) {
  coordinationMetrics(territoryId: $territory, period: $period) {
    computedAt territory { code } period { from to }
    referralsSent referralsAccepted referralsDeclined referralsExpired referralsCompleted
    acceptanceRate closedLoopRate medianResponseHours p90ResponseHours medianCompletionDays
    overdueFollowUps
    byAxis { axis referralsSent referralsCompleted acceptanceRate medianResponseHours }
    byActor(first: $first) {
      actor { name(lang: FR) } referralsSent referralsReceived acceptanceRate
      medianResponseHours overdueResponses
    }
    autonomy { cohortSize rate12Months byInstitution { cohortSize } }
    network {
      actors activeLinks density isolatedActors { name(lang: FR) }
      topBrokers(first: 1) { actor { name(lang: FR) } partners referralsBrokered }
    }
  }
}
"""
MAY = {"from": "2026-05-01", "to": "2026-05-31"}


async def region(api: Api) -> str:
    return to_global_id("Territory", await territory_pk(api, "MA-01"))


async def network_with_a_reader(api: Api, kind: ActorKind = ActorKind.ASSOCIATION) -> str:
    """The network built and committed; the token of a staff member of an actor of ``kind``."""

    async def build_and_reader(world: World) -> tuple[Network, int]:
        return await build(world), await world.actor("MA-RAB", kind=kind)

    url = str(api.state.settings.database_url)
    _, reader_actor = await built(url, build_and_reader)
    return (await person(api, Role.AGENCY_STAFF, actor_id=reader_actor)).token


async def test_anonymous_callers_are_refused(bare_api: Api) -> None:
    # given no token
    # when the metrics are asked for
    answer = await bare_api.gql(METRICS, {"period": MAY})

    # then the answer is a top-level UNAUTHENTICATED error
    assert answer["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


@pytest.mark.parametrize("kind", [ActorKind.ASSOCIATION, ActorKind.INTERNATIONAL_PARTNER])
async def test_staff_read_the_figures_of_a_region(bare_api: Api, kind: ActorKind) -> None:
    # given the network, and staff of an actor (international partners see aggregates too)
    token = await network_with_a_reader(bare_api, kind)
    variables = {"territory": await region(bare_api), "period": MAY, "first": 2}

    # when they ask for MA-01's figures of May
    metrics = (await bare_api.data(METRICS, variables, token))["coordinationMetrics"]

    # then the figures are those worked out by hand, computed and stored just now
    assert metrics["computedAt"] is not None
    assert metrics["territory"] == {"code": "MA-01"}
    assert metrics["period"] == MAY
    assert (metrics["referralsSent"], metrics["referralsAccepted"]) == (9, 4)
    assert (metrics["referralsDeclined"], metrics["referralsExpired"]) == (1, 1)
    assert metrics["referralsCompleted"] == 2
    assert metrics["acceptanceRate"] == pytest.approx(0.8)
    assert metrics["closedLoopRate"] == pytest.approx(5 / 9)
    assert metrics["medianResponseHours"] == pytest.approx(7.0)
    assert metrics["p90ResponseHours"] == pytest.approx(11.0)
    assert metrics["medianCompletionDays"] == pytest.approx(7.0)
    assert metrics["overdueFollowUps"] == 1
    assert [a["referralsSent"] for a in metrics["byAxis"]] == [1, 0, 0, 8, 0]
    assert [(a["actor"]["name"], a["referralsReceived"]) for a in metrics["byActor"]] == [
        ("tng2", 4),
        ("tng1", 2),
    ]
    assert metrics["autonomy"] == {"cohortSize": 0, "rate12Months": None, "byInstitution": []}
    network = metrics["network"]
    assert (network["actors"], network["activeLinks"]) == (5, 3)
    assert network["density"] == pytest.approx(0.15)
    assert network["isolatedActors"] == [{"name": "isolated"}]
    assert network["topBrokers"] == [
        {"actor": {"name": "tet"}, "partners": 2, "referralsBrokered": 1}
    ]


async def test_a_second_read_is_served_from_the_snapshot(bare_api: Api) -> None:
    # given the network, and MA-01's figures read once
    token = await network_with_a_reader(bare_api)
    variables = {"territory": await region(bare_api), "period": MAY}
    first = (await bare_api.data(METRICS, variables, token))["coordinationMetrics"]

    # when they are read again
    with bare_api.count_statements() as statements:
        again = (await bare_api.data(METRICS, variables, token))["coordinationMetrics"]

    # then the snapshot answers: same computedAt, and no referral is read
    assert again["computedAt"] == first["computedAt"]
    assert not any("FROM referrals" in statement for statement in statements)


async def test_without_a_period_the_last_twelve_months_are_served(bare_api: Api) -> None:
    # given a signed-in user
    token = await network_with_a_reader(bare_api)

    # when the country's metrics are asked for without a period
    metrics = (await bare_api.data(METRICS, {}, token))["coordinationMetrics"]

    # then the period ends today and starts the day after the same date a year ago
    default = last_twelve_months(clock.today())
    assert metrics["period"] == {"from": default.start.isoformat(), "to": default.end.isoformat()}
    assert metrics["territory"] is None


@pytest.mark.parametrize(
    ("variables", "code"),
    [
        ({"period": {"from": "2026-05-31", "to": "2026-05-01"}}, "INVALID_INPUT"),
        ({"period": MAY, "first": 101}, "INVALID_INPUT"),
        ({"territory": to_global_id("Territory", 999_999)}, "NOT_FOUND"),
        ({"territory": to_global_id("Actor", 1)}, "INVALID_INPUT"),
    ],
)
async def test_bad_arguments_are_top_level_errors(
    bare_api: Api, variables: dict[str, object], code: str
) -> None:
    # given a signed-in user
    token = await network_with_a_reader(bare_api)

    # when the metrics are asked for with a bad argument
    answer = await bare_api.gql(METRICS, variables, token)

    # then the error carries its code
    assert answer["errors"][0]["extensions"]["code"] == code
