"""Small counts stay hidden everywhere: a partner reads every metric field the API has,
for the country, a region, each axis and each actor, and finds no count of 1 to 4 —
where ADMIN, asking the same, does."""

from __future__ import annotations

from typing import Any

from network.seed.users import DEMO_PASSWORD
from tests.api import Api

EVERY_METRIC = """
query Every($territory: ID, $axis: ServiceAxis, $period: PeriodInput!) {
  coordinationMetrics(territoryId: $territory, axis: $axis, period: $period) {
    referralsSent referralsAccepted referralsDeclined referralsExpired referralsCompleted
    acceptanceRate closedLoopRate medianResponseHours p90ResponseHours medianCompletionDays
    overdueFollowUps
    byAxis { axis referralsSent referralsCompleted acceptanceRate medianResponseHours }
    byActor(first: 100) {
      referralsSent referralsReceived acceptanceRate medianResponseHours overdueResponses
    }
    autonomy {
      cohortSize autonomousWithin6Months autonomousWithin12Months rate12Months
      byInstitution(first: 100) { cohortSize autonomousWithin12Months rate12Months }
    }
    network { actors activeLinks density topBrokers(first: 100) { partners referralsBrokered } }
  }
  coverage(territoryId: $territory, axis: $axis) { axis activeServices youthWithNeed gap }
  activityReport(territoryId: $territory, period: $period) { axis servicesDelivered }
}
"""
# Counts of people or referrals in the contract's metric types (actors, links, partners,
# services and capacity count organisations and places, not people).
PEOPLE_OR_REFERRALS = {
    "referralsSent",
    "referralsAccepted",
    "referralsDeclined",
    "referralsExpired",
    "referralsCompleted",
    "referralsReceived",
    "overdueFollowUps",
    "overdueResponses",
    "cohortSize",
    "autonomousWithin6Months",
    "autonomousWithin12Months",
    "referralsBrokered",
    "youthWithNeed",
    "servicesDelivered",
}
READERS = [
    "staff.youth-futures@jisr.example.ma",  # an international partner
    "coordination.fes-meknes@jisr.example.ma",
    "mediation.dar-al-amal@jisr.example.ma",
]
PERIOD = {"from": "2025-01-01", "to": "2026-12-31"}
SCOPES = [
    {},
    {"territory": "VGVycml0b3J5OjM"},
    *({"axis": axis} for axis in ("HEALTH", "EDUCATION_TRAINING", "EMPLOYMENT")),
]


def small_counts(answer: Any, key: str = "") -> list[tuple[str, int]]:
    """Every (field, value) of the whole answer that is a count of 1 to 4."""
    if isinstance(answer, dict):
        return [found for k, v in answer.items() for found in small_counts(v, k)]
    if isinstance(answer, list):
        return [found for item in answer for found in small_counts(item, key)]
    if key in PEOPLE_OR_REFERRALS and isinstance(answer, int) and 0 < answer < 5:
        return [(key, answer)]
    return []


async def _answers(api: Api, email: str) -> list[dict[str, Any]]:
    token = await api.login(email, DEMO_PASSWORD)
    return [await api.data(EVERY_METRIC, {"period": PERIOD, **scope}, token) for scope in SCOPES]


async def test_no_count_of_one_to_four_reaches_anyone_but_admin(api: Api) -> None:
    # given what ADMIN reads: small counts are there to be hidden
    admin = await _answers(api, "admin@jisr.example.ma")
    assert small_counts(admin), "the demo network must hold small counts for this test"

    for email in READERS:
        # when a non-ADMIN reader asks for every metric field of every scope
        answers = await _answers(api, email)
        # then no count of 1 to 4 is in any answer
        assert small_counts(answers) == [], email

    # and anonymous callers reading the coverage neither
    public = await api.data(
        "{ coverage { youthWithNeed } c2: coverage(level: REGION) { youthWithNeed } }"
    )
    assert small_counts(public) == []


async def test_a_rate_over_a_hidden_count_is_hidden(api: Api) -> None:
    token = await api.login(READERS[0], DEMO_PASSWORD)
    for scope in SCOPES:
        metrics = (await api.data(EVERY_METRIC, {"period": PERIOD, **scope}, token))[
            "coordinationMetrics"
        ]
        for item in [metrics, *metrics["byAxis"], *metrics["byActor"]]:
            if item["referralsSent"] is None and "referralsReceived" not in item:
                assert item["acceptanceRate"] is None and item["medianResponseHours"] is None
        for cohort in [metrics["autonomy"], *metrics["autonomy"]["byInstitution"]]:
            if cohort["cohortSize"] is None:
                assert cohort["rate12Months"] is None
