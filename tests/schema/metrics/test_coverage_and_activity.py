"""coverage (public) and activityReport (signed-in) through the API."""

from __future__ import annotations

from network.enums import Role
from network.ids import to_global_id
from tests.api import Api
from tests.factories import person, territory_pk
from tests.network.metrics import test_activity, test_coverage
from tests.network.metrics.built import built

COVERAGE = """
query Coverage($territory: ID) {
  coverage(territoryId: $territory, axis: SOCIAL_ASSISTANCE) {
    territory { code } axis activeServices availableCapacity youthWithNeed gap
  }
}
"""
ACTIVITY = """
query Activity($territory: ID) {
  activityReport(territoryId: $territory, period: {from: "2026-05-01", to: "2026-05-31"}) {
    actor { name(lang: FR) parent { name(lang: FR) } } category { code } axis servicesDelivered
  }
}
"""


async def test_anyone_reads_the_coverage_with_small_counts_hidden(hiding_api: Api) -> None:
    # given the region of tests/network/metrics/test_coverage.py
    await built(hiding_api.state.settings.database_url, test_coverage.build)
    region = to_global_id("Territory", await territory_pk(hiding_api, "MA-01"))

    # when an anonymous caller reads its provinces' coverage
    cells = (await hiding_api.data(COVERAGE, {"territory": region}))["coverage"]

    # then each province has its cell; MA-LAR's 2 young people are not published
    by_code = {cell["territory"]["code"]: cell for cell in cells}
    assert len(cells) == 8
    assert by_code["MA-TNG"] == {
        "territory": {"code": "MA-TNG"},
        "axis": "SOCIAL_ASSISTANCE",
        "activeServices": 2,
        "availableCapacity": 3,
        "youthWithNeed": 6,
        "gap": False,
    }
    assert (by_code["MA-HOC"]["youthWithNeed"], by_code["MA-HOC"]["gap"]) == (6, True)
    assert (by_code["MA-LAR"]["youthWithNeed"], by_code["MA-LAR"]["gap"]) == (None, True)


async def test_signed_in_users_read_the_activity_report(bare_api: Api) -> None:
    # given the referrals of tests/network/metrics/test_activity.py, and a coordinator
    await built(bare_api.state.settings.database_url, test_activity.build)
    coordinator = await person(bare_api, Role.COORDINATOR, territory="MA-01")
    region = to_global_id("Territory", await territory_pk(bare_api, "MA-01"))

    # when the coordinator (then an anonymous caller) asks for MA-01's report of May
    rows = await bare_api.data(ACTIVITY, {"territory": region}, coordinator.token)
    anonymous = await bare_api.gql(ACTIVITY, {"territory": region})

    # then the complex and its unit show what they delivered; anonymous callers are refused
    delivered = sorted(
        (row["actor"]["name"], (row["category"] or {}).get("code"), row["servicesDelivered"])
        for row in rows["activityReport"]
    )
    assert delivered == [
        ("Complexe social", None, 1),
        ("Unité mobile", "education.literacy", 1),
        ("Unité mobile", "education.schooling-support", 2),
    ]
    unit = next(r for r in rows["activityReport"] if r["actor"]["name"] == "Unité mobile")
    assert unit["actor"]["parent"] == {"name": "Complexe social"}
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
